import type * as v from 'valibot';
import type { BillingAdapter, CallOptions } from './billing-adapter.js';
import { codeForStatus } from './error-codes.js';
import { BillingError } from './errors.js';
import {
  AccountSchema,
  CartSchema,
  CatalogSchema,
  OrderSchema,
  parse,
  PaymentMethodSchema,
  PaymentSetupSchema,
  ProblemSchema,
  QuoteSchema,
  TrialSchema,
  VatVerdictSchema,
} from '../contract/schemas.js';
import type { CartItemInput, PaymentMethod } from '../contract/types.js';

export interface HttpBillingAdapterOptions {
  /** Defaults to the page's fetch; the in-process mock passes its own. */
  fetch?: typeof fetch;
  /** A bearer token for `Authorization`; null or empty sends none (cookies only). */
  getAccessToken?: () => string | Promise<string | null> | null;
  /** Defaults to 'include' so the host's session cookie goes along. */
  credentials?: RequestCredentials;
  /** Sent on every request, e.g. a CSRF header the host requires. */
  headers?: Record<string, string>;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP-date). */
function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The `Idempotency-Key` header of a cart change, when the caller gave one. */
const keyed = (o?: CallOptions) => (o?.idempotencyKey ? { 'Idempotency-Key': o.idempotencyKey } : undefined);

/** The billing contract (contract/billing-api.yaml) over fetch. No retries: the machine decides those. */
export class HttpBillingAdapter implements BillingAdapter {
  readonly #base: string;
  readonly #options: HttpBillingAdapterOptions;

  constructor(baseUrl: string, options: HttpBillingAdapterOptions = {}) {
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#options = options;
  }

  getAccount(o?: CallOptions) {
    return this.#request(AccountSchema, 'account', { method: 'GET', path: '/account' }, o);
  }

  getCatalog(o?: CallOptions) {
    return this.#request(CatalogSchema, 'catalog', { method: 'GET', path: '/catalog' }, o);
  }

  getCart(o?: CallOptions) {
    return this.#request(CartSchema, 'cart', { method: 'GET', path: '/cart' }, o);
  }

  addCartItem(item: CartItemInput, o?: CallOptions) {
    return this.#request(CartSchema, 'cart', { method: 'POST', path: '/cart/items', body: item, headers: keyed(o) }, o);
  }

  updateCartItem(itemId: string, item: CartItemInput, o?: CallOptions) {
    return this.#request(CartSchema, 'cart', { method: 'PUT', path: `/cart/items/${encodeURIComponent(itemId)}`, body: item, headers: keyed(o) }, o);
  }

  removeCartItem(itemId: string, o?: CallOptions) {
    return this.#request(CartSchema, 'cart', { method: 'DELETE', path: `/cart/items/${encodeURIComponent(itemId)}`, headers: keyed(o) }, o);
  }

  createQuote(body: { vatId: string | null; promotionCode?: string | null }, o?: CallOptions) {
    return this.#request(QuoteSchema, 'quote', { method: 'POST', path: '/quotes', body }, o);
  }

  placeOrder(body: { quoteId: string; paymentMethodId: string }, idempotencyKey: string, o?: CallOptions) {
    const headers = { 'Idempotency-Key': idempotencyKey };
    return this.#request(OrderSchema, 'order', { method: 'POST', path: '/orders', body, headers }, o);
  }

  lookupOrder(idempotencyKey: string, o?: CallOptions) {
    return this.#request(OrderSchema, 'order', { method: 'GET', path: `/orders?idempotencyKey=${encodeURIComponent(idempotencyKey)}` }, o);
  }

  getOrder(orderId: string, o?: CallOptions) {
    return this.#request(OrderSchema, 'order', { method: 'GET', path: `/orders/${encodeURIComponent(orderId)}` }, o);
  }

  confirmOrder(orderId: string, o?: CallOptions) {
    return this.#request(OrderSchema, 'order', { method: 'POST', path: `/orders/${encodeURIComponent(orderId)}/confirm`, body: {} }, o);
  }

  setupPaymentMethod(body: { type?: PaymentMethod['type'] }, o?: CallOptions) {
    return this.#request(PaymentSetupSchema, 'payment setup', { method: 'POST', path: '/payment-methods/setup', body }, o);
  }

  startTrial(body: { productId: string; tierId: string; seats: number }, o?: CallOptions) {
    return this.#request(TrialSchema, 'trial', { method: 'POST', path: '/trials', body }, o);
  }

  addPaymentMethod(body: { setupId?: string; token?: string; makeDefault?: boolean }, o?: CallOptions) {
    return this.#request(PaymentMethodSchema, 'payment method', { method: 'POST', path: '/payment-methods', body }, o);
  }

  validateVatId(body: { vatId: string }, o?: CallOptions) {
    return this.#request(VatVerdictSchema, 'VAT verdict', { method: 'POST', path: '/vat-ids/validate', body }, o);
  }

  async #request<T>(schema: v.GenericSchema<unknown, T>, what: string, call: Call, { signal, locale }: CallOptions = {}): Promise<T> {
    const { fetch: fetchFn = globalThis.fetch, getAccessToken, credentials = 'include' } = this.#options;
    const headers: Record<string, string> = { ...this.#options.headers, Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (locale) headers['Accept-Language'] = locale;
    let response: Response;
    let text: string;
    try {
      // No await without a token source: the request leaves in the same tick as the call.
      const token = getAccessToken ? await getAccessToken() : null;
      if (token) headers.Authorization = `Bearer ${token}`;
      response = await fetchFn(this.#base + call.path, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        credentials,
        signal,
      });
      text = await response.text();
    } catch (e) {
      if (e instanceof BillingError) throw e;
      if (signal?.aborted) throw new BillingError('aborted', 'The request was cancelled.');
      throw new BillingError('network', e instanceof Error ? e.message : String(e));
    }
    const data = json(text);
    if (response.ok) {
      if (data === undefined) throw new BillingError('invalid_response', `The ${what} response is not JSON.`);
      return parse(schema, data, what);
    }
    const { status } = response;
    let problem;
    try {
      problem = parse(ProblemSchema, data, 'problem');
    } catch {
      // Not a problem document (a proxy's HTML page, say): the status tells enough.
    }
    throw new BillingError(problem?.code ?? codeForStatus(status), problem?.detail || problem?.title || `HTTP ${status}`, {
      status,
      fieldErrors: problem?.errors,
      retryAfter: retryAfter(response.headers.get('Retry-After')),
      declineCode: problem?.declineCode,
      order: problem?.order ?? undefined,
      opaque: !problem,
    });
  }
}
