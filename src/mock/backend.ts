import type { FieldError } from '../adapter/errors.js';
import type { Account, Cart, CartItem, CartItemInput, Order, Product, Quote, SeatRange, Tier, Trial, VatVerdict } from '../contract/types.js';
import { checkVatId } from '../vat/index.js';
import { createState, TEST_TOKENS, VAT_REGISTRY, type MockState, type ScenarioName } from './fixtures.js';

export type { MockState, ScenarioName } from './fixtures.js';
export { normalizeVatId } from '../vat/index.js';

/** The contract's operationIds. */
export type OperationId =
  | 'getAccount'
  | 'getCatalog'
  | 'getCart'
  | 'addCartItem'
  | 'updateCartItem'
  | 'removeCartItem'
  | 'createQuote'
  | 'placeOrder'
  | 'startTrial'
  | 'addPaymentMethod'
  | 'validateVatId';

/** A fault for the next `times` requests to `op` (default once). */
export interface Fault {
  op: OperationId | '*';
  times?: number;
  /** Answer with a problem of this status (code from `code`, else the status's usual code). */
  status?: number;
  code?: string;
  /** Seconds for `Retry-After`; alone it means 429. */
  retryAfter?: number;
  /** A raw body sent as-is with `Content-Type: application/json`, for malformed-JSON tests (status 200 unless given). */
  body?: string;
  /** A JSON body (status 200 unless given), for schema-violation tests. */
  json?: unknown;
  /** Throw TypeError('Failed to fetch') before the handler runs, or after it ran and recorded its effect (a lost response). */
  drop?: 'before' | 'after';
  /** Overrides `latencyMs` for this request. */
  delayMs?: number;
}

export interface RequestRecord {
  method: string;
  /** The path after the base, e.g. `/cart/items/ci-1`. */
  path: string;
  op?: OperationId;
  idempotencyKey?: string;
}

export interface MockBackendOptions {
  scenario?: ScenarioName;
  /** The clock: dates, quote expiry. Tests pass a fixed or movable one. */
  now?: () => Date;
  latencyMs?: number;
  /** Timers for latency and delays; the page's own by default. */
  clock?: Clock;
  /** Starts from this state instead of the scenario's; it is copied. */
  seed?: MockState;
  basePath?: string;
}

type Body = Record<string, unknown>;
interface Reply {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

const ROUTES: [method: string, path: RegExp, op: OperationId][] = [
  ['GET', /^\/account$/, 'getAccount'],
  ['GET', /^\/catalog$/, 'getCatalog'],
  ['GET', /^\/cart$/, 'getCart'],
  ['POST', /^\/cart\/items$/, 'addCartItem'],
  ['PUT', /^\/cart\/items\/([^/]+)$/, 'updateCartItem'],
  ['DELETE', /^\/cart\/items\/([^/]+)$/, 'removeCartItem'],
  ['POST', /^\/quotes$/, 'createQuote'],
  ['POST', /^\/orders$/, 'placeOrder'],
  ['POST', /^\/trials$/, 'startTrial'],
  ['POST', /^\/payment-methods$/, 'addPaymentMethod'],
  ['POST', /^\/vat-ids\/validate$/, 'validateVatId'],
];

/** Operations only a self-service account's billing contact may call. */
const PURCHASES = new Set<OperationId>([
  'addCartItem',
  'updateCartItem',
  'removeCartItem',
  'createQuote',
  'placeOrder',
  'startTrial',
  'addPaymentMethod',
]);

// Problem code → [status, title]. The first code of a status is its generic one.
const PROBLEMS: Record<string, [number, string]> = {
  bad_request: [400, 'Bad request'],
  idempotency_key_missing: [400, 'The Idempotency-Key header is missing'],
  unauthenticated: [401, 'Not signed in'],
  payment_declined: [402, 'The payment was declined'],
  forbidden_role: [403, 'Only the billing contact can do this'],
  corporate_account: [403, 'This account buys through its corporate portal'],
  not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
  quote_expired: [409, 'The quote has expired'],
  quote_changed: [409, 'The cart changed after the quote'],
  idempotency_in_progress: [409, 'A request with this Idempotency-Key is still running'],
  trial_already_used: [409, 'The free trial of this product was already used'],
  already_subscribed: [409, 'The account already subscribes to this product'],
  validation_failed: [422, 'Some fields are not valid'],
  seats_out_of_range: [422, 'The number of licenses is out of range'],
  invalid_vat_id: [422, 'The VAT ID is not valid'],
  idempotency_key_reused: [422, 'The Idempotency-Key was used with another request'],
  rate_limited: [429, 'Too many requests'],
  internal: [500, 'Internal error'],
  unavailable: [503, 'The billing service is unavailable'],
};

const codeOf = (status: number) =>
  Object.keys(PROBLEMS).find((c) => PROBLEMS[c]![0] === status) ?? (status >= 500 ? 'internal' : 'bad_request');

/** The one problem+json builder (RFC 9457). */
function problem(code: string, detail?: string, errors?: FieldError[], status?: number): Reply {
  const [usual, title] = PROBLEMS[code] ?? [500, code];
  status ??= usual;
  return { status, json: { type: `https://checkout-wizard.example/problems/${code}`, title, status, code, detail, errors } };
}

/** Thrown by handlers; becomes a problem reply. */
class Fail extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? code);
  }
  get reply() {
    return problem(this.code, this.detail, this.errors);
  }
}

/** A 422 for field errors; the top-level code is the field's when it is a contract code of its own. */
function invalid(errors: FieldError[], detail = 'Some fields are not valid.'): Fail {
  const own = errors.length === 1 && ['seats_out_of_range', 'invalid_vat_id'].includes(errors[0]!.code);
  return new Fail(own ? errors[0]!.code : 'validation_failed', detail, errors);
}

const toResponse = ({ status, json, headers }: Reply) =>
  new Response(JSON.stringify(json), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

/** What the mock waits with: the page's timers, or a simulated clock in tests (the same one the machine runs on). */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
}

const realClock: Clock = { setTimeout: (fn, ms) => setTimeout(fn, ms) };

// --- Dates (UTC calendar days) ---

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Adds months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb), as billing periods do. */
function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

const addDays = (d: Date, days: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));

// --- Tax and VAT IDs ---

const SELLER_COUNTRY = 'IT';

// VAT prefix → [ISO country, standard VAT rate in basis points (2025)]. Formats and check digits: src/vat.
const EU_VAT: Record<string, [country: string, rate: number]> = {
  AT: ['AT', 2000],
  BE: ['BE', 2100],
  BG: ['BG', 2000],
  CY: ['CY', 1900],
  CZ: ['CZ', 2100],
  DE: ['DE', 1900],
  DK: ['DK', 2500],
  EE: ['EE', 2400],
  EL: ['GR', 2400],
  ES: ['ES', 2100],
  FI: ['FI', 2550],
  FR: ['FR', 2000],
  HR: ['HR', 2500],
  HU: ['HU', 2700],
  IE: ['IE', 2300],
  IT: ['IT', 2200],
  LT: ['LT', 2100],
  LU: ['LU', 1700],
  LV: ['LV', 2100],
  MT: ['MT', 1800],
  NL: ['NL', 2100],
  PL: ['PL', 2300],
  PT: ['PT', 2300],
  RO: ['RO', 2100],
  SE: ['SE', 2500],
  SI: ['SI', 2200],
  SK: ['SK', 2300],
};

const euRate = (country: string) => Object.values(EU_VAT).find(([c]) => c === country)?.[1];

function taxRule(billingCountry: string, verdict: VatVerdict | undefined) {
  const rate = euRate(billingCountry);
  // Outside the EU the Italian seller charges no VAT on these services.
  if (rate === undefined) return { rateBasisPoints: 0, reverseCharge: false };
  const reverseCharge =
    billingCountry !== SELLER_COUNTRY &&
    verdict?.status === 'valid' &&
    EU_VAT[verdict.vatId.slice(0, 2)]?.[0] === billingCountry;
  return reverseCharge ? { rateBasisPoints: 0, reverseCharge } : { rateBasisPoints: rate, reverseCharge };
}

// --- Field rules ---

const TERMS = ['monthly', 'annual'];
const inRange = ({ min, max, step = 1 }: SeatRange, n: number) => n >= min && n <= max && (n - min) % step === 0;

function checkSeats(range: SeatRange | undefined, seats: unknown, errors: FieldError[]) {
  if (!Number.isInteger(seats)) errors.push({ field: 'seats', code: 'invalid', message: 'Seats must be a whole number.' });
  else if (range && !inRange(range, seats as number)) {
    const step = range.step && range.step > 1 ? ` in steps of ${range.step}` : '';
    errors.push({ field: 'seats', code: 'seats_out_of_range', message: `From ${range.min} to ${range.max}${step}.` });
  }
}

async function readBody(request: Request): Promise<Body> {
  const text = await request.text();
  if (!text) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Fail('bad_request', 'The body is not JSON.');
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Body) : {};
}

const clone = <T>(value: T): T => structuredClone(value);

interface StoredQuote {
  quote: Quote;
  revision: number;
  items: CartItem[];
}

/**
 * The billing contract (contract/billing-api.yaml) in memory: one instance is
 * one backend with its own state. MSW handlers and the in-process adapter both
 * call `handle`; fault injection lives here so every face of the mock has it.
 */
export class MockBackend {
  /** Delay of every response, in ms. */
  latencyMs: number;
  /** The timers latency and delays run on. */
  clock: Clock;
  readonly basePath: string;
  readonly #now: () => Date;
  readonly #state: MockState;
  #revision = 0;
  #seq = 0;
  readonly #quotes = new Map<string, StoredQuote>();
  readonly #orders: Order[] = [];
  readonly #trials: Trial[] = [];
  /** Idempotency-Key → the body it was first used with, and its stored reply once there is one. */
  readonly #keys = new Map<string, { fingerprint: string; reply?: Reply }>();
  readonly #faults: Fault[] = [];
  readonly #log: RequestRecord[] = [];

  constructor(options: MockBackendOptions = {}) {
    this.#state = options.seed ? clone(options.seed) : createState(options.scenario);
    this.#now = options.now ?? (() => new Date());
    this.latencyMs = options.latencyMs ?? 0;
    this.clock = options.clock ?? realClock;
    this.basePath = options.basePath ?? '/api/billing/v1';
  }

  #sleep(ms: number): Promise<void> {
    return ms > 0 ? new Promise<void>((r) => this.clock.setTimeout(r, ms)) : Promise.resolve();
  }

  /** A fetch that answers from this backend, in-process; aborting rejects like a real fetch. */
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { signal } = request;
    const aborted = () => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (signal.aborted) return Promise.reject(aborted());
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(aborted());
      signal.addEventListener('abort', onAbort, { once: true });
      this.handle(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  get orders(): readonly Order[] {
    return clone(this.#orders);
  }

  get cart(): Cart {
    return clone(this.#state.cart);
  }

  get account(): Account {
    return clone(this.#state.account);
  }

  get trials(): readonly Trial[] {
    return clone(this.#trials);
  }

  get requests(): readonly RequestRecord[] {
    return clone(this.#log);
  }

  inject(fault: Fault): void {
    this.#faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  async handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const at = pathname.indexOf(this.basePath);
    const path = at < 0 ? pathname : pathname.slice(at + this.basePath.length);
    let param: string | undefined;
    const route = ROUTES.find(([method, pattern]) => {
      const match = method === request.method && pattern.exec(path);
      if (match) param = match[1] && decodeURIComponent(match[1]);
      return !!match;
    });
    const op = route?.[2];
    const idempotencyKey = request.headers.get('Idempotency-Key') ?? undefined;
    this.#log.push({ method: request.method, path, ...(op && { op }), ...(idempotencyKey !== undefined && { idempotencyKey }) });

    const fault = this.#takeFault(op);
    const wait = fault?.delayMs ?? this.latencyMs;
    if (fault?.drop === 'before') {
      await this.#sleep(wait);
      throw new TypeError('Failed to fetch');
    }
    let response: Response;
    if (fault && answers(fault)) {
      await this.#sleep(wait);
      response = faultResponse(fault);
    } else {
      response = await this.#respond(request, op, param, wait);
    }
    if (fault?.drop === 'after') throw new TypeError('Failed to fetch');
    return response;
  }

  #takeFault(op: OperationId | undefined): Fault | undefined {
    const index = this.#faults.findIndex((f) => f.op === '*' || f.op === op);
    const fault = this.#faults[index];
    if (fault && --fault.times! <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  async #respond(request: Request, op: OperationId | undefined, param: string | undefined, wait: number): Promise<Response> {
    try {
      // placeOrder waits inside its idempotency window, so a retry can meet it in flight.
      if (op !== 'placeOrder') await this.#sleep(wait);
      const { account, down, signedOut } = this.#state;
      if (down) throw new Fail('unavailable', 'The billing service is down for maintenance.');
      if (signedOut) throw new Fail('unauthenticated', 'Sign in again to continue.');
      if (!op) throw new Fail('not_found', `No route for ${request.method} ${new URL(request.url).pathname}.`);
      if (PURCHASES.has(op)) {
        if (account.kind === 'corporate') throw new Fail('corporate_account', 'Buy through your corporate billing portal.');
        if (account.viewer.role !== 'billing-contact') throw new Fail('forbidden_role', 'Ask your billing contact to do this.');
      }
      const body = request.method === 'POST' || request.method === 'PUT' ? await readBody(request) : {};
      const reply =
        op === 'placeOrder'
          ? await this.#idempotent(request.headers.get('Idempotency-Key'), body, wait)
          : this.#run(op, body, param ?? '');
      return toResponse(reply);
    } catch (e) {
      if (e instanceof Fail) return toResponse(e.reply);
      throw e;
    }
  }

  #run(op: Exclude<OperationId, 'placeOrder'>, body: Body, param: string): Reply {
    const { account, cart } = this.#state;
    switch (op) {
      case 'getAccount':
        return { status: 200, json: account };
      case 'getCatalog':
        return { status: 200, json: this.#catalog() };
      case 'getCart':
        return { status: 200, json: cart };
      case 'addCartItem':
        cart.items.push({ id: this.#id('ci-'), ...this.#checkItem(body) });
        return this.#cartChanged(201);
      case 'updateCartItem': {
        const index = this.#itemIndex(param);
        cart.items[index] = { id: param, ...this.#checkItem(body, param) };
        return this.#cartChanged(200);
      }
      case 'removeCartItem':
        cart.items.splice(this.#itemIndex(param), 1);
        return this.#cartChanged(200);
      case 'createQuote':
        return { status: 201, json: this.#quote(body) };
      case 'startTrial':
        return { status: 201, json: this.#startTrial(body) };
      case 'addPaymentMethod':
        return { status: 201, json: this.#addPaymentMethod(body) };
      case 'validateVatId':
        if (typeof body.vatId !== 'string') throw invalid([{ field: 'vatId', code: 'invalid' }]);
        return { status: 200, json: this.#verdict(body.vatId) };
    }
  }

  #id(prefix: string) {
    return `${prefix}${++this.#seq}`;
  }

  #today() {
    return day(this.#now());
  }

  #catalog() {
    const { account, catalogs } = this.#state;
    const catalog = catalogs[account.currency];
    if (!catalog) throw new Fail('internal', `No catalog in ${account.currency}.`);
    return catalog;
  }

  #cartChanged(status: number): Reply {
    this.#revision++;
    return { status, json: this.#state.cart };
  }

  #itemIndex(id: string) {
    const index = this.#state.cart.items.findIndex((i) => i.id === id);
    if (index < 0) throw new Fail('not_found', `No cart item ${id}.`);
    return index;
  }

  #subscribed(productId: string) {
    return this.#state.account.subscriptions.some((s) => s.productId === productId);
  }

  /** The product and tier a body names, pushing field errors for what is missing. */
  #productAndTier(body: Body, errors: FieldError[]): { product?: Product; tier?: Tier } {
    const product = this.#catalog().products.find((p) => p.id === body.productId);
    if (!product) {
      errors.push({ field: 'productId', code: typeof body.productId === 'string' ? 'not_found' : 'invalid' });
      return {};
    }
    const tier = product.tiers.find((t) => t.id === body.tierId);
    if (!tier) errors.push({ field: 'tierId', code: typeof body.tierId === 'string' ? 'not_found' : 'invalid' });
    return { product, tier };
  }

  #checkItem(body: Body, itemId?: string): CartItemInput {
    const errors: FieldError[] = [];
    const { product, tier } = this.#productAndTier(body, errors);
    if (product && this.#subscribed(product.id)) throw new Fail('already_subscribed', `The account already has ${product.name}.`);
    if (product && this.#state.cart.items.some((i) => i.productId === product.id && i.id !== itemId)) {
      errors.push({ field: 'productId', code: 'already_in_cart', message: `${product.name} is already in the cart.` });
    }
    checkSeats(tier?.seats, body.seats, errors);
    if (!TERMS.includes(body.term as string)) errors.push({ field: 'term', code: 'invalid' });
    if (errors.length) throw invalid(errors);
    return { productId: product!.id, tierId: tier!.id, seats: body.seats as number, term: body.term as CartItemInput['term'] };
  }

  /** Format, checksum and (fixture) registry check, as POST /vat-ids/validate answers. */
  #verdict(raw: string): VatVerdict {
    const { vatId, valid, reason } = checkVatId(raw);
    if (reason === 'country') {
      throw invalid(
        [{ field: 'vatId', code: 'invalid_vat_id' }],
        'A VAT ID starts with the code of an EU country, XI, GB, CH or NO.',
      );
    }
    const none = { name: null, address: null };
    if (!valid) return { vatId, status: 'invalid', ...none };
    const known = VAT_REGISTRY[vatId];
    if (known === 'unavailable') return { vatId, status: 'unavailable', ...none };
    return { vatId, status: 'valid', name: known?.name ?? 'Registered business', address: known?.address ?? null };
  }

  #quote(body: Body): Quote {
    const { account, cart } = this.#state;
    if (body.vatId !== undefined && body.vatId !== null && typeof body.vatId !== 'string') {
      throw invalid([{ field: 'vatId', code: 'invalid' }]);
    }
    const typed = typeof body.vatId === 'string' && body.vatId.trim() ? body.vatId : undefined;
    const verdict = typed === undefined ? undefined : this.#verdict(typed);
    if (verdict?.status === 'invalid') {
      throw invalid([{ field: 'vatId', code: 'invalid_vat_id' }], `${verdict.vatId} is not a valid VAT ID.`);
    }
    if (!cart.items.length) throw new Fail('validation_failed', 'The cart is empty.');

    const now = this.#now();
    const today = day(now);
    const currency = account.currency;
    const money = (amount: number) => ({ amount, currency });
    const products = this.#catalog().products;
    const lines = cart.items.map((item) => {
      const product = products.find((p) => p.id === item.productId);
      const tier = product?.tiers.find((t) => t.id === item.tierId);
      if (!product || !tier) throw new Fail('internal', `Cart item ${item.id} is no longer sold.`);
      const unit = tier.prices[item.term].amount;
      return {
        itemId: item.id,
        productName: product.name,
        tierName: tier.name,
        seats: item.seats,
        term: item.term,
        unitAmount: money(unit),
        amount: money(unit * item.seats),
        periodStart: today,
        periodEnd: day(addMonths(now, item.term === 'annual' ? 12 : 1)),
      };
    });
    const subtotal = lines.reduce((sum, l) => sum + l.amount.amount, 0);
    const { rateBasisPoints, reverseCharge } = taxRule(account.billingCountry, verdict);
    // Integer half-up rounding of subtotal × rate / 10 000: no float touches money.
    const tax = Math.floor((subtotal * rateBasisPoints + 5000) / 10000);
    const quote: Quote = {
      id: this.#id('Q-'),
      expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
      currency,
      billingDate: today,
      lines,
      subtotal: money(subtotal),
      tax: { rateBasisPoints, amount: money(tax), reverseCharge, vatId: verdict?.vatId ?? null },
      total: money(subtotal + tax),
    };
    this.#quotes.set(quote.id, { quote, revision: this.#revision, items: clone(cart.items) });
    return quote;
  }

  /** Replays the first reply per key; only a payment attempt's outcome is stored, as a real PSP does. */
  async #idempotent(key: string | null, body: Body, wait: number): Promise<Reply> {
    if (!key) throw new Fail('idempotency_key_missing', 'Send an Idempotency-Key header.');
    const fingerprint = JSON.stringify([body.quoteId, body.paymentMethodId]);
    const record = this.#keys.get(key);
    if (record) {
      if (record.fingerprint !== fingerprint) throw new Fail('idempotency_key_reused', 'This key was used to pay another quote or with another method.');
      if (!record.reply) throw new Fail('idempotency_in_progress', 'The first request with this key is still running.');
      return record.reply;
    }
    const entry: { fingerprint: string; reply?: Reply } = { fingerprint };
    this.#keys.set(key, entry);
    try {
      await this.#sleep(wait);
      entry.reply = { status: 201, json: this.#placeOrder(body) };
    } catch (e) {
      // A validation failure did not start a payment: the key may be used again.
      if (!(e instanceof Fail && e.code === 'payment_declined')) {
        this.#keys.delete(key);
        throw e;
      }
      entry.reply = e.reply;
    }
    return entry.reply;
  }

  #placeOrder(body: Body): Order {
    const { account, cart, declining = [] } = this.#state;
    const errors: FieldError[] = [];
    if (typeof body.quoteId !== 'string') errors.push({ field: 'quoteId', code: 'invalid' });
    if (typeof body.paymentMethodId !== 'string') errors.push({ field: 'paymentMethodId', code: 'invalid' });
    if (errors.length) throw invalid(errors);
    const quoteId = body.quoteId as string;
    const stored = this.#quotes.get(quoteId);
    if (!stored) throw new Fail('not_found', `No quote ${quoteId}.`);
    if (this.#now().getTime() > Date.parse(stored.quote.expiresAt)) throw new Fail('quote_expired', 'Review the new quote.');
    if (stored.revision !== this.#revision) throw new Fail('quote_changed', 'The cart changed; review the new quote.');
    const method = account.paymentMethods.find((m) => m.id === body.paymentMethodId);
    if (!method) throw invalid([{ field: 'paymentMethodId', code: 'not_found' }]);
    if (declining.includes(method.id)) throw new Fail('payment_declined', `${method.label} was declined. Use another payment method.`);

    const { quote, items } = stored;
    const order: Order = {
      id: `ORD-${100001 + this.#orders.length}`,
      quoteId: quote.id,
      status: 'completed',
      total: quote.total,
      billingDate: this.#today(),
      confirmationEmail: account.billingEmail ?? account.viewer.email,
      lines: clone(quote.lines) as unknown as Order['lines'],
    };
    this.#orders.push(order);
    for (const { productId, tierId, seats, term } of items) {
      account.subscriptions = account.subscriptions.filter((s) => s.productId !== productId);
      account.subscriptions.push({ productId, tierId, seats, term });
    }
    cart.items = [];
    this.#revision++;
    return order;
  }

  #startTrial(body: Body): Trial {
    const { account } = this.#state;
    const errors: FieldError[] = [];
    const { product, tier } = this.#productAndTier(body, errors);
    if (product && !product.trial) errors.push({ field: 'productId', code: 'no_trial', message: `${product.name} has no free trial.` });
    if (product?.trial) {
      if (account.trialsUsed.includes(product.id)) throw new Fail('trial_already_used', `The ${product.name} trial was already used.`);
      if (this.#subscribed(product.id)) throw new Fail('already_subscribed', `The account already has ${product.name}.`);
    }
    checkSeats(product?.trial?.seats, body.seats, errors);
    if (errors.length) throw invalid(errors);
    const trial: Trial = {
      id: this.#id('TRIAL-'),
      productId: product!.id,
      tierId: tier!.id,
      seats: body.seats as number,
      endsAt: day(addDays(this.#now(), product!.trial!.days)),
      welcomeEmail: account.viewer.email,
    };
    this.#trials.push(trial);
    account.trialsUsed.push(product!.id);
    return trial;
  }

  #addPaymentMethod(body: Body) {
    const { account } = this.#state;
    const token = typeof body.token === 'string' ? TEST_TOKENS[body.token] : undefined;
    if (!token) throw invalid([{ field: 'token', code: 'invalid', message: 'Unknown payment token.' }]);
    const isDefault = body.makeDefault === true || account.paymentMethods.length === 0;
    if (isDefault) for (const m of account.paymentMethods) m.isDefault = false;
    const method = { id: this.#id('pm-'), type: 'card' as const, label: token.label, expires: token.expires, isDefault };
    account.paymentMethods.push(method);
    if (token.declines) (this.#state.declining ??= []).push(method.id);
    return method;
  }
}

/** Whether a fault replaces the handler's answer (rather than only delaying or dropping it). */
const answers = (f: Fault) => [f.status, f.code, f.retryAfter, f.body, f.json].some((x) => x !== undefined);

function faultResponse(fault: Fault): Response {
  const raw = fault.body ?? (fault.json === undefined ? undefined : JSON.stringify(fault.json));
  if (raw !== undefined) {
    return new Response(raw, { status: fault.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  }
  const status = fault.status ?? (fault.code ? PROBLEMS[fault.code]?.[0] : fault.retryAfter ? 429 : undefined) ?? 503;
  const reply = problem(fault.code ?? codeOf(status), 'Injected fault.', undefined, status);
  if (fault.retryAfter !== undefined) reply.headers = { 'Retry-After': String(fault.retryAfter) };
  return toResponse(reply);
}
