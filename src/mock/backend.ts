import type { FieldError } from '../adapter/errors.js';
import type {
  Account,
  Cart,
  CartItem,
  CartItemInput,
  DeclineCode,
  Order,
  PaymentMethod,
  PaymentSetup,
  Product,
  Quote,
  QuoteLine,
  Renewal,
  SeatRange,
  Tier,
  Trial,
  VatVerdict,
} from '../contract/types.js';
import { checkVatId } from '../vat/index.js';
import {
  addDays,
  addMonths,
  createState,
  day,
  localizeCatalog,
  PROMOTION_CODES,
  TEST_TOKENS,
  testCard,
  VAT_REGISTRY,
  type CatalogLanguage,
  type MockState,
  type ScenarioName,
  type TestCard,
  type TestToken,
} from './fixtures.js';

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
  | 'lookupOrder'
  | 'getOrder'
  | 'confirmOrder'
  | 'startTrial'
  | 'setupPaymentMethod'
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
  /**
   * A gateway in front of the backend gives up: the handler still runs to completion (an order is
   * placed, its charge goes through) but the answer is 504 with an HTML page, which tells the
   * client nothing. Meant for placeOrder; the fields that pick an answer are ignored with it.
   */
  gateway?: true;
}

/**
 * The payment provider's side of the mock (what Stripe's servers do), which a
 * test payment provider drives in place of the buyer's bank. MockBackend
 * implements it.
 */
export interface TestNetwork {
  /** The card the buyer entered for a setup; says whether the bank challenges it. Throws for an unknown card or setup. */
  confirmSetup(clientSecret: string, card: string): { challenge: boolean };
  /** The buyer passed or failed the challenge of a setup's or a payment's client secret (abandoning it calls nothing). Throws when none is pending. */
  authenticate(clientSecret: string, passed: boolean): void;
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
  // The key is in the query string; routes match the path alone.
  ['GET', /^\/orders$/, 'lookupOrder'],
  ['GET', /^\/orders\/([^/]+)$/, 'getOrder'],
  ['POST', /^\/orders\/([^/]+)\/confirm$/, 'confirmOrder'],
  ['POST', /^\/trials$/, 'startTrial'],
  ['POST', /^\/payment-methods\/setup$/, 'setupPaymentMethod'],
  ['POST', /^\/payment-methods$/, 'addPaymentMethod'],
  ['POST', /^\/vat-ids\/validate$/, 'validateVatId'],
];

/**
 * Operations only a self-service account's billing contact may call. Confirming an order is not
 * one (the contract lists no 403 for it): only an order that contact placed can need it.
 */
const PURCHASES = new Set<OperationId>([
  'addCartItem',
  'updateCartItem',
  'removeCartItem',
  'createQuote',
  'placeOrder',
  'startTrial',
  'setupPaymentMethod',
  'addPaymentMethod',
]);

/** Cart changes, which replay their first answer for a repeated Idempotency-Key (1.2.0). */
const CART_CHANGES = new Set<OperationId>(['addCartItem', 'updateCartItem', 'removeCartItem']);

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
  quote_already_paid: [409, 'The quote was already paid'],
  order_in_progress: [409, 'Another payment for this cart is under way'],
  trial_already_used: [409, 'The free trial of this product was already used'],
  already_subscribed: [409, 'The account already subscribes to this product'],
  validation_failed: [422, 'Some fields are not valid'],
  seats_out_of_range: [422, 'The number of licenses is out of range'],
  invalid_vat_id: [422, 'The VAT ID is not valid'],
  promotion_code_invalid: [422, 'No such promotion code'],
  promotion_code_expired: [422, 'The promotion code has ended'],
  promotion_code_not_applicable: [422, 'The promotion code applies to none of the products in the cart'],
  idempotency_key_reused: [422, 'The Idempotency-Key was used with another request'],
  rate_limited: [429, 'Too many requests'],
  internal: [500, 'Internal error'],
  unavailable: [503, 'The billing service is unavailable'],
};

const codeOf = (status: number) =>
  Object.keys(PROBLEMS).find((c) => PROBLEMS[c]![0] === status) ?? (status >= 500 ? 'internal' : 'bad_request');

/** A problem's members besides type, title, status and code. */
interface ProblemExtras {
  /** Field errors, for 422. */
  errors?: FieldError[];
  /** Why a payment or setup was declined, for 402. */
  declineCode?: DeclineCode;
  /** For quote_already_paid and order_in_progress: the order holding the quote or the cart, null while none exists yet. */
  order?: Order | null;
}

/** The one problem+json builder (RFC 9457). */
function problem(code: string, detail?: string, extras: ProblemExtras = {}, status?: number): Reply {
  const [usual, title] = PROBLEMS[code] ?? [500, code];
  status ??= usual;
  return { status, json: { type: `https://checkout-wizard.example/problems/${code}`, title, status, code, detail, ...extras } };
}

/** Thrown by handlers; becomes a problem reply. */
class Fail extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
    readonly extras?: ProblemExtras,
  ) {
    super(detail ?? code);
  }
  get reply() {
    return problem(this.code, this.detail, this.extras);
  }
}

/** Field error codes that are contract problem codes of their own. */
const OWN_CODES = [
  'seats_out_of_range',
  'invalid_vat_id',
  'promotion_code_invalid',
  'promotion_code_expired',
  'promotion_code_not_applicable',
];

/** A 422 for field errors; the top-level code is the field's when it is a contract code of its own. */
function invalid(errors: FieldError[], detail = 'Some fields are not valid.'): Fail {
  const own = errors.length === 1 && OWN_CODES.includes(errors[0]!.code);
  return new Fail(own ? errors[0]!.code : 'validation_failed', detail, { errors });
}

/**
 * The language of catalog texts for an `Accept-Language` header: the primary subtag of its first
 * language range (`it-IT,it;q=0.9` → it), English when it is neither Italian nor Arabic.
 */
function catalogLanguage(header: string | null): CatalogLanguage {
  const first = header?.split(',')[0]?.split(';')[0]?.trim().toLowerCase().split('-')[0];
  return first === 'it' || first === 'ar' ? first : 'en';
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

// Dates are UTC calendar days (day, addMonths, addDays: fixtures.ts).

const DAY_MS = 86_400_000;
/** Whole days from one YYYY-MM-DD to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const termMonths = (term: CartItemInput['term']) => (term === 'annual' ? 12 : 1);

/**
 * The first day of a period of `months` that ends on `end`: the latest day that many months before
 * it, so a period ending on 28 Feb began on 31 Jan (addMonths clamps), as the periods quotes make do.
 */
function periodStartOf(end: string, months: number): string {
  const last = new Date(end);
  let start = addMonths(last, -months);
  while (day(addMonths(addDays(start, 1), months)) === end) start = addDays(start, 1);
  return day(start);
}

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

/** Tax on an amount: integer half-up rounding of amount × rate / 10 000, so no float touches money. */
const taxOn = (amount: number, rateBasisPoints: number) => Math.floor((amount * rateBasisPoints + 5000) / 10000);

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

// --- Promotion codes ---

type Discount = NonNullable<Quote['discounts']>[number];
type Adjustment = NonNullable<Quote['adjustments']>[number];

/**
 * The discount a promotion code gives the quote's lines (PROMOTION_CODES), or undefined for none
 * (no code, or an empty one). `byLine`: how much of it each line takes (item id → minor units),
 * which is what a `forever` discount takes off that line's renewals. Trimmed and upper-cased before
 * it is looked up; 422 for a code unknown, ended or applying to no line.
 */
function promote(
  raw: unknown,
  lines: QuoteLine[],
  { today, currency, language }: { today: string; currency: string; language: CatalogLanguage },
): { discount: Discount; byLine: Map<string, number> } | undefined {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!code) return undefined;
  const refuse = (problem: string, detail: string) => invalid([{ field: 'promotionCode', code: problem }], detail);
  const promo = Object.hasOwn(PROMOTION_CODES, code) ? PROMOTION_CODES[code] : undefined;
  if (!promo) throw refuse('promotion_code_invalid', `There is no promotion code ${code}.`);
  if (promo.endsOn !== undefined && today > promo.endsOn) throw refuse('promotion_code_expired', `${code} ended on ${promo.endsOn}.`);
  const applies = lines.filter((l) => !promo.productIds || promo.productIds.includes(l.productId!));
  const fixed = 'amount' in promo.off ? promo.off.amount[currency] : undefined;
  if (!applies.length || ('amount' in promo.off && fixed === undefined)) {
    throw refuse('promotion_code_not_applicable', `${code} applies to none of the products in the cart.`);
  }
  const byLine = new Map<string, number>();
  // A percentage: of each line, rounded half up. A fixed amount: line by line until it is used up.
  let left = fixed ?? 0;
  for (const { itemId, amount } of applies) {
    const off = 'percent' in promo.off ? Math.floor((amount.amount * promo.off.percent + 50) / 100) : Math.min(left, amount.amount);
    left -= off;
    byLine.set(itemId, off);
  }
  const text = promo.description[language];
  const description = typeof text === 'string' ? text : (text[currency] ?? code);
  const amountOff = [...byLine.values()].reduce((sum, n) => sum + n, 0);
  return {
    discount: { code, description, amountOff: { amount: amountOff, currency }, duration: promo.duration, durationInMonths: null },
    byLine,
  };
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

/** A client secret, as a provider makes one: the object's id and a tag that looks random but is the same on every run. */
function secret(id: string): string {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return `${id}_secret_${(hash >>> 0).toString(36).padStart(7, '0')}`;
}

interface StoredQuote {
  quote: Quote;
  revision: number;
  /** The cart the quote priced: what an order of it buys. */
  items: CartItem[];
}

/** An attempt to pay a quote: in flight until the provider has answered, then an order in any status. */
interface Attempt {
  quote: Quote;
  /** What it buys: the cart the quote priced. */
  items: CartItem[];
  method: PaymentMethod;
  card: TestCard;
  order?: Order;
  /** Whether the buyer passed the payment's challenge; unset until they finish it (abandoning never does). */
  passed?: boolean;
}

/** A payment-method setup (Stripe: a SetupIntent), as the provider confirms it. */
interface Setup extends PaymentSetup {
  /** `challenged`: the bank's challenge is not finished yet. */
  status: 'created' | 'challenged' | 'succeeded' | 'failed';
  /** The card it was confirmed with. */
  token?: TestToken;
  /** The method attaching it made, returned again for a repeat. */
  method?: PaymentMethod;
}

/** What an Idempotency-Key was first used for. */
interface KeyRecord {
  /** The request it was first used with: the same key with another one is refused. */
  fingerprint: string;
  /** The first answer, replayed for a repeat; unset while that request runs. */
  reply?: Reply;
  /** The attempt to pay it began, for look-ups. */
  attempt?: Attempt;
}

const PAYING = new Set<Order['status']>(['completed', 'processing']);

/**
 * The billing contract (contract/billing-api.yaml) in memory: one instance is
 * one backend with its own state. MSW handlers and the in-process adapter both
 * call `handle`; fault injection lives here so every face of the mock has it.
 * It is also the payment network (TestNetwork) a test payment provider confirms
 * setups and runs challenges against.
 */
export class MockBackend implements TestNetwork {
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
  /** Every attempt to pay, in the order they began. */
  readonly #attempts: Attempt[] = [];
  #orderCount = 0;
  readonly #setups = new Map<string, Setup>();
  readonly #trials: Trial[] = [];
  /** Idempotency-Keys of orders and cart changes: one map, so a key is never used for two different requests. */
  readonly #keys = new Map<string, KeyRecord>();
  readonly #faults: Fault[] = [];
  readonly #log: RequestRecord[] = [];

  constructor(options: MockBackendOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#state = options.seed ? clone(options.seed) : createState(options.scenario, this.#now());
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

  /** Orders that took the money or will: `completed` and `processing` ones. */
  get orders(): readonly Order[] {
    return clone(this.#attempts.flatMap(({ order }) => (order && PAYING.has(order.status) ? [order] : [])));
  }

  /** Every order an attempt to pay made, in any status (`failed` and `requires_action` included); in-flight attempts have none yet. */
  get attempts(): readonly Order[] {
    return clone(this.#attempts.flatMap(({ order }) => (order ? [order] : [])));
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

  /**
   * Test only: a `processing` payment (a bank debit) clears or bounces. A bounced one fails with
   * `insufficient_funds` and takes back the products its order added (they were new to the
   * account: the cart refuses products the account has).
   */
  settle(orderId: string, outcome: 'completed' | 'failed'): Order {
    const attempt = this.#attempts.find((a) => a.order?.id === orderId);
    const order = attempt?.order;
    if (!order || order.status !== 'processing') throw new Error(`${orderId} is not a processing order.`);
    if (outcome === 'completed') order.status = 'completed';
    else {
      failOrder(order, 'insufficient_funds', 'The bank returned the debit.');
      const bought = new Set(attempt.items.map((i) => i.productId));
      const { account } = this.#state;
      account.subscriptions = account.subscriptions.filter((s) => !bought.has(s.productId));
      // The subscriptions the quote moved keep their old period: the credit's end.
      for (const { kind, productId, periodEnd } of attempt.quote.adjustments ?? []) {
        const moved = account.subscriptions.find((s) => s.productId === productId);
        if (moved && kind === 'credit') moved.currentPeriodEnd = periodEnd;
      }
    }
    order.receiptUrl = receiptUrl(order);
    return clone(order);
  }

  // --- The payment network (TestNetwork) ---

  confirmSetup(clientSecret: string, card: string): { challenge: boolean } {
    const setup = this.#setupBySecret(clientSecret);
    if (!setup) throw new Error(`No setup has the client secret ${clientSecret}.`);
    if (setup.status === 'succeeded') throw new Error(`Setup ${setup.id} is already confirmed.`);
    const found = testCard(card);
    if (!found) throw new Error(`${card} is not a test card.`);
    setup.token = card as TestToken;
    // Confirming again (after a failed challenge) starts over with this card, as a SetupIntent does.
    const challenge = found.challenge !== undefined;
    setup.status = challenge ? 'challenged' : 'succeeded';
    return { challenge };
  }

  authenticate(clientSecret: string, passed: boolean): void {
    const setup = this.#setupBySecret(clientSecret);
    if (setup?.status === 'challenged') {
      setup.status = passed && !TEST_TOKENS[setup.token!].failsChallenge ? 'succeeded' : 'failed';
      return;
    }
    const attempt = this.#attempts.find(({ order }) => order?.status === 'requires_action' && order.nextAction?.clientSecret === clientSecret);
    if (!attempt) throw new Error(`No challenge is pending for the client secret ${clientSecret}.`);
    attempt.passed = passed && !attempt.card.failsChallenge;
  }

  #setupBySecret(clientSecret: string): Setup | undefined {
    return [...this.#setups.values()].find((s) => s.clientSecret === clientSecret);
  }

  // --- HTTP ---

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
      // The handler did its work; only its answer is lost behind the gateway.
      if (fault?.gateway) response = gatewayTimeout();
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
      const key = request.headers.get('Idempotency-Key');
      if (op === 'placeOrder') return toResponse(await this.#placeOrder(key, body, wait));
      const language = catalogLanguage(request.headers.get('Accept-Language'));
      const run = () => this.#run(op, body, param ?? '', new URL(request.url).searchParams, language);
      return toResponse(key && CART_CHANGES.has(op) ? this.#once(key, JSON.stringify([op, param, body]), run) : run());
    } catch (e) {
      if (e instanceof Fail) return toResponse(e.reply);
      throw e;
    }
  }

  #run(op: Exclude<OperationId, 'placeOrder'>, body: Body, param: string, query: URLSearchParams, language: CatalogLanguage): Reply {
    const { account, cart } = this.#state;
    switch (op) {
      case 'getAccount':
        return { status: 200, json: account };
      case 'getCatalog':
        return { status: 200, json: localizeCatalog(this.#catalog(), language) };
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
        return { status: 201, json: this.#quote(body, language) };
      case 'lookupOrder':
        return { status: 200, json: this.#lookup(query.get('idempotencyKey')) };
      case 'getOrder':
        return { status: 200, json: this.#ordered(param).order };
      case 'confirmOrder':
        return { status: 200, json: this.#confirm(param) };
      case 'startTrial':
        return { status: 201, json: this.#startTrial(body) };
      case 'setupPaymentMethod':
        return { status: 201, json: this.#setup() };
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

  /** A cart change with a key: its first answer, problems included, is stored and replayed for a repeat. */
  #once(key: string, fingerprint: string, run: () => Reply): Reply {
    const record = this.#keys.get(key);
    if (record) {
      if (record.fingerprint !== fingerprint) throw new Fail('idempotency_key_reused', 'This key was used with another request.');
      // Cart changes run at once, so a stored key always has its answer.
      return record.reply!;
    }
    let reply: Reply;
    try {
      reply = run();
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      reply = e.reply;
    }
    // A copy: the cart in the answer changes on.
    this.#keys.set(key, { fingerprint, reply: clone(reply) });
    return reply;
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

  #quote(body: Body, language: CatalogLanguage): Quote {
    const { account, cart } = this.#state;
    if (body.vatId !== undefined && body.vatId !== null && typeof body.vatId !== 'string') {
      throw invalid([{ field: 'vatId', code: 'invalid' }]);
    }
    if (body.promotionCode !== undefined && body.promotionCode !== null && typeof body.promotionCode !== 'string') {
      throw invalid([{ field: 'promotionCode', code: 'invalid' }]);
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
    const products = localizeCatalog(this.#catalog(), language).products;
    const lines: QuoteLine[] = cart.items.map((item) => {
      const product = products.find((p) => p.id === item.productId);
      const tier = product?.tiers.find((t) => t.id === item.tierId);
      if (!product || !tier) throw new Fail('internal', `Cart item ${item.id} is no longer sold.`);
      const unit = tier.prices[item.term].amount;
      return {
        itemId: item.id,
        productId: product.id,
        productName: product.name,
        tierName: tier.name,
        seats: item.seats,
        term: item.term,
        unitAmount: money(unit),
        amount: money(unit * item.seats),
        periodStart: today,
        periodEnd: day(addMonths(now, termMonths(item.term))),
      };
    });
    const promotion = promote(body.promotionCode, lines, { today, currency, language });
    const adjustments = this.#adjustments(products, now);
    const subtotal = lines.reduce((sum, l) => sum + l.amount.amount, 0);
    const discounted = subtotal - (promotion?.discount.amountOff.amount ?? 0);
    // Tax on what is charged today: the lines less the discounts, plus the adjustments.
    const taxable = discounted + adjustments.reduce((sum, a) => sum + a.amount.amount, 0);
    const { rateBasisPoints, reverseCharge } = taxRule(account.billingCountry, verdict);
    const tax = taxOn(taxable, rateBasisPoints);
    // One renewal per date and term: the lines that renew together, less a discount that lasts
    // (`forever`), taxed on their sum as the quote is.
    const renewals: Renewal[] = [];
    for (const { itemId, periodEnd: date, term, amount } of lines) {
      const kept = promotion?.discount.duration === 'forever' ? (promotion.byLine.get(itemId) ?? 0) : 0;
      const group = renewals.find((r) => r.date === date && r.term === term);
      if (group) group.amount.amount += amount.amount - kept;
      else renewals.push({ date, term, amount: money(amount.amount - kept) });
    }
    for (const { amount } of renewals) amount.amount += taxOn(amount.amount, rateBasisPoints);
    const quote: Quote = {
      id: this.#id('Q-'),
      expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
      currency,
      billingDate: today,
      lines,
      subtotal: money(subtotal),
      tax: { rateBasisPoints, amount: money(tax), reverseCharge, vatId: verdict?.vatId ?? null },
      total: money(taxable + tax),
      discounts: promotion ? [promotion.discount] : [],
      adjustments,
      renewals,
    };
    this.#quotes.set(quote.id, { quote, revision: this.#revision, items: clone(cart.items) });
    return quote;
  }

  /**
   * Quote.adjustments (1.3.0): the billing date moves to today, so each subscription whose current
   * period ends after today gets a credit for the unused days of that period (its price × seats ×
   * unused days / the period's days, rounded half up) and the charge of a whole new period from
   * today. A subscription without a `currentPeriodEnd` cannot be prorated, so it gets none; one
   * whose plan is no longer sold cannot be priced, so it gets none either.
   */
  #adjustments(products: Product[], now: Date): Adjustment[] {
    const today = day(now);
    const currency = this.#state.account.currency;
    const adjustments: Adjustment[] = [];
    for (const { productId, tierId, seats, term, currentPeriodEnd: end } of this.#state.account.subscriptions) {
      const product = products.find((p) => p.id === productId);
      const tier = product?.tiers.find((t) => t.id === tierId);
      if (!end || end <= today || !product || !tier) continue;
      const full = tier.prices[term].amount * seats;
      const periodDays = daysBetween(periodStartOf(end, termMonths(term)), end);
      const unused = Math.min(daysBetween(today, end), periodDays);
      const credit = Math.floor((2 * full * unused + periodDays) / (2 * periodDays));
      const base = { productId, productName: product.name };
      adjustments.push(
        { ...base, kind: 'credit', amount: { amount: -credit, currency }, periodStart: today, periodEnd: end },
        { ...base, kind: 'charge', amount: { amount: full, currency }, periodStart: today, periodEnd: day(addMonths(now, termMonths(term))) },
      );
    }
    return adjustments;
  }

  // --- Orders ---

  /**
   * POST /orders: replays the first reply per key. The attempt takes hold of its quote as it
   * arrives, before the provider is asked (the latency); a refusal before that stores nothing,
   * so the key may be used again, while a decline is the attempt's stored outcome.
   */
  async #placeOrder(key: string | null, body: Body, wait: number): Promise<Reply> {
    if (!key) throw new Fail('idempotency_key_missing', 'Send an Idempotency-Key header.');
    const fingerprint = JSON.stringify([body.quoteId, body.paymentMethodId]);
    const record = this.#keys.get(key);
    if (record) {
      if (record.fingerprint !== fingerprint) throw new Fail('idempotency_key_reused', 'This key was used to pay another quote or with another method.');
      if (!record.reply) throw new Fail('idempotency_in_progress', 'The first request with this key is still running.');
      return record.reply;
    }
    const entry: KeyRecord = { fingerprint };
    this.#keys.set(key, entry);
    try {
      entry.attempt = this.#begin(body);
    } catch (e) {
      await this.#sleep(wait);
      this.#keys.delete(key);
      throw e;
    }
    await this.#sleep(wait);
    entry.reply = this.#charge(entry.attempt);
    return entry.reply;
  }

  /** Checks an attempt and takes hold of its quote: a quote is paid once, and one attempt at a time pays the cart. */
  #begin(body: Body): Attempt {
    const errors: FieldError[] = [];
    if (typeof body.quoteId !== 'string') errors.push({ field: 'quoteId', code: 'invalid' });
    if (typeof body.paymentMethodId !== 'string') errors.push({ field: 'paymentMethodId', code: 'invalid' });
    if (errors.length) throw invalid(errors);
    const quoteId = body.quoteId as string;
    const stored = this.#quotes.get(quoteId);
    if (!stored) throw new Fail('not_found', `No quote ${quoteId}.`);
    // Before expiry and cart checks: paying emptied the cart, and the buyer needs that order, not a new price.
    const paid = this.#attempts.find(({ quote, order }) => quote.id === quoteId && order && PAYING.has(order.status));
    if (paid) throw new Fail('quote_already_paid', 'This quote was already paid.', { order: paid.order });
    // One account, one cart: an attempt under way holds it, whichever of its quotes it pays.
    const busy = this.#attempts.find(({ order }) => !order || order.status === 'requires_action');
    if (busy) throw new Fail('order_in_progress', 'Another payment for this cart is under way.', { order: busy.order ?? null });
    if (this.#now().getTime() > Date.parse(stored.quote.expiresAt)) throw new Fail('quote_expired', 'Review the new quote.');
    if (stored.revision !== this.#revision) throw new Fail('quote_changed', 'The cart changed; review the new quote.');
    const method = this.#state.account.paymentMethods.find((m) => m.id === body.paymentMethodId);
    if (!method) throw invalid([{ field: 'paymentMethodId', code: 'not_found' }]);
    const card = TEST_TOKENS[this.#state.cards?.[method.id] ?? 'tok_visa'];
    const attempt: Attempt = { quote: stored.quote, items: stored.items, method, card };
    this.#attempts.push(attempt);
    return attempt;
  }

  /** The provider's answer to an attempt: its order, in the status the card leads to. */
  #charge(attempt: Attempt): Reply {
    const { quote, method, card } = attempt;
    const { account } = this.#state;
    const order: Order = {
      id: `ORD-${100001 + this.#orderCount++}`,
      quoteId: quote.id,
      status: 'completed',
      paymentMethodId: method.id,
      total: quote.total,
      billingDate: this.#today(),
      confirmationEmail: account.billingEmail ?? account.viewer.email,
      receiptUrl: null,
      lines: clone(quote.lines),
    };
    attempt.order = order;
    if (card.decline) {
      const message = `${method.label} was declined. Use another payment method.`;
      failOrder(order, card.decline, message);
      return new Fail('payment_declined', message, { declineCode: card.decline }).reply;
    }
    if (card.challenge === 'always') {
      // The cart stays as it is until the challenge is over (POST /orders/{id}/confirm).
      order.status = 'requires_action';
      order.nextAction = { type: 'authenticate', clientSecret: secret(`pi_${order.id}`) };
    } else {
      // A bank debit is accepted now and clears later (settle); its products are added now all the same.
      order.status = card.type === 'sepa_debit' ? 'processing' : 'completed';
      order.receiptUrl = receiptUrl(order);
      this.#fulfil(attempt);
    }
    // A copy: the stored reply stays the first answer while the order moves on.
    return { status: 201, json: clone(order) };
  }

  /**
   * An order that took the money (or will): the cart is emptied and its products are the account's.
   * The subscriptions its quote adjusted start their new period today; where the account keeps
   * periods (MockState.prorates), the new products carry theirs.
   */
  #fulfil({ items, quote }: Attempt) {
    const { account, cart, prorates } = this.#state;
    for (const { kind, productId, periodEnd } of quote.adjustments ?? []) {
      const moved = account.subscriptions.find((s) => s.productId === productId);
      if (moved && kind === 'charge') moved.currentPeriodEnd = periodEnd;
    }
    for (const { id, productId, tierId, seats, term } of items) {
      account.subscriptions = account.subscriptions.filter((s) => s.productId !== productId);
      const line = quote.lines.find((l) => l.itemId === id);
      account.subscriptions.push({ productId, tierId, seats, term, ...(prorates && line && { currentPeriodEnd: line.periodEnd }) });
    }
    cart.items = [];
    this.#revision++;
  }

  /** GET /orders?idempotencyKey=: the order a key's attempt made, as it stands now. */
  #lookup(key: string | null): Order {
    if (!key) throw new Fail('bad_request', 'Send the idempotencyKey to look up.');
    const record = this.#keys.get(key);
    if (record?.attempt?.order) return record.attempt.order;
    if (record && !record.reply) throw new Fail('idempotency_in_progress', 'The first request with this key is still running.');
    throw new Fail('not_found', 'No attempt to pay was made with this key.');
  }

  #ordered(orderId: string): Attempt & { order: Order } {
    const attempt = this.#attempts.find((a) => a.order?.id === orderId);
    if (!attempt) throw new Fail('not_found', `No order ${orderId}.`);
    return attempt as Attempt & { order: Order };
  }

  /** POST /orders/{id}/confirm: settles a `requires_action` order by how its challenge went; any other is returned as it is. */
  #confirm(orderId: string): Order {
    const attempt = this.#ordered(orderId);
    const { order } = attempt;
    if (order.status !== 'requires_action') return order;
    delete order.nextAction;
    if (attempt.passed) {
      order.status = 'completed';
      order.receiptUrl = receiptUrl(order);
      this.#fulfil(attempt);
    } else {
      // Failed or abandoned: the quote is free for another attempt.
      failOrder(order, 'authentication_failed', 'The bank could not confirm the payment. Try again or use another payment method.');
    }
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

  // --- Payment methods ---

  /** POST /payment-methods/setup. The body's `type` is only a hint, and every test card may confirm it. */
  #setup(): PaymentSetup {
    const id = this.#id('seti_');
    const setup: Setup = { id, clientSecret: secret(id), status: 'created' };
    this.#setups.set(id, setup);
    return { id, clientSecret: setup.clientSecret };
  }

  /** POST /payment-methods: from a confirmed setup (`setupId`) or, as in 1.0, from a token. */
  #addPaymentMethod(body: Body): PaymentMethod {
    const sent = (value: unknown) => value !== undefined && value !== null;
    if (sent(body.setupId) === sent(body.token)) {
      throw invalid([{ field: 'setupId', code: 'invalid', message: 'Send either setupId or token.' }]);
    }
    const makeDefault = body.makeDefault === true;
    if (sent(body.token)) {
      if (!testCard(body.token)) throw invalid([{ field: 'token', code: 'invalid', message: 'Unknown payment token.' }]);
      return this.#attach(body.token as TestToken, makeDefault);
    }
    const setup = typeof body.setupId === 'string' ? this.#setups.get(body.setupId) : undefined;
    if (!setup) throw invalid([{ field: 'setupId', code: 'not_found', message: 'No such setup.' }]);
    switch (setup.status) {
      case 'created':
      case 'challenged':
        throw invalid([{ field: 'setupId', code: 'setup_incomplete', message: 'The payment provider has not confirmed this setup yet.' }]);
      case 'failed':
        throw new Fail('payment_declined', 'The bank could not confirm the card. Try again or use another one.', {
          declineCode: 'authentication_failed',
        });
      case 'succeeded':
        // Attaching is idempotent per setup: a repeat gets the method the first call made.
        setup.method ??= this.#attach(setup.token!, makeDefault);
        return setup.method;
    }
  }

  #attach(token: TestToken, makeDefault: boolean): PaymentMethod {
    const { account } = this.#state;
    const card = TEST_TOKENS[token];
    const isDefault = makeDefault || account.paymentMethods.length === 0;
    if (isDefault) for (const m of account.paymentMethods) m.isDefault = false;
    const method: PaymentMethod = { id: this.#id('pm-'), type: card.type ?? 'card', label: card.label, expires: card.expires, isDefault };
    account.paymentMethods.push(method);
    (this.#state.cards ??= {})[method.id] = token;
    return method;
  }
}

/** A failed payment: `failed`, with why, and no receipt. */
function failOrder(order: Order, declineCode: DeclineCode, message: string) {
  order.status = 'failed';
  order.failure = { code: 'payment_declined', declineCode, message };
  order.receiptUrl = null;
}

/** Order.receiptUrl (1.3.0): an order that took the money or will (`completed`, `processing`) has a receipt; any other, none. */
const receiptUrl = (order: Order) => (PAYING.has(order.status) ? `https://billing.example.com/receipts/${order.id}` : null);

/** Whether a fault replaces the handler's answer (rather than only delaying or dropping it, or losing it behind a gateway). */
const answers = (f: Fault) => !f.gateway && [f.status, f.code, f.retryAfter, f.body, f.json].some((x) => x !== undefined);

/** What a gateway answers when the backend behind it took too long: not a problem document. */
const gatewayTimeout = () =>
  new Response('<html><body><h1>504 Gateway Time-out</h1></body></html>', { status: 504, headers: { 'Content-Type': 'text/html' } });

function faultResponse(fault: Fault): Response {
  const raw = fault.body ?? (fault.json === undefined ? undefined : JSON.stringify(fault.json));
  if (raw !== undefined) {
    return new Response(raw, { status: fault.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  }
  const status = fault.status ?? (fault.code ? PROBLEMS[fault.code]?.[0] : fault.retryAfter ? 429 : undefined) ?? 503;
  const reply = problem(fault.code ?? codeOf(status), 'Injected fault.', {}, status);
  if (fault.retryAfter !== undefined) reply.headers = { 'Retry-After': String(fault.retryAfter) };
  return toResponse(reply);
}
