import { describe, it } from 'node:test';
import { expect } from 'chai';
import { BillingError } from './errors.js';
import { HttpBillingAdapter, type HttpBillingAdapterOptions } from './http-adapter.js';
import { CatalogSchema, parse } from '../contract/schemas.js';
import { createMockAdapter } from '../mock/adapter.js';
import { MockBackend } from '../mock/backend.js';
import { StepClock } from '../mock/clock.js';
import { failure } from '../../test/failure.js';

// The adapter's side of the contract: what it sends, and how answers become values or BillingErrors.

const CART = { id: 'cart-1', items: [{ id: 'ci 1/2', productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' }] };

function fake(answer: () => Response | Promise<Response>, options: Omit<HttpBillingAdapterOptions, 'fetch'> = {}) {
  const sent: Request[] = [];
  const api = new HttpBillingAdapter('https://billing.test/api/billing/v1/', {
    ...options,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      return answer();
    },
  });
  return { api, sent };
}

const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('HttpBillingAdapter', () => {
  describe('requests', () => {
    it('sends JSON with the locale, cookies and the host headers', async () => {
      const { api, sent } = fake(respond(201, CART), { headers: { 'X-CSRF': 'abc' } });
      await api.addCartItem({ productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' }, { locale: 'it-IT' });
      const [request] = sent;
      expect(request!.method).to.equal('POST');
      expect(request!.url).to.equal('https://billing.test/api/billing/v1/cart/items');
      expect(request!.credentials).to.equal('include');
      expect(request!.headers.get('Accept')).to.equal('application/json');
      expect(request!.headers.get('Content-Type')).to.equal('application/json');
      expect(request!.headers.get('Accept-Language')).to.equal('it-IT');
      expect(request!.headers.get('X-CSRF')).to.equal('abc');
      expect(request!.headers.has('Authorization')).to.equal(false);
      expect(await request!.json()).to.deep.equal({ productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' });
    });

    it('sends no body or Content-Type on reads, and the bearer token when there is one', async () => {
      let token: string | null = 'secret';
      const { api, sent } = fake(respond(200, CART), { getAccessToken: async () => token, credentials: 'same-origin' });
      await api.getCart();
      token = null;
      await api.getCart();
      expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer secret');
      expect(sent[0]!.headers.has('Content-Type')).to.equal(false);
      expect(sent[0]!.credentials).to.equal('same-origin');
      expect(sent[1]!.headers.has('Authorization')).to.equal(false);
    });

    it('encodes item ids into the path and sends the Idempotency-Key', async () => {
      const { api, sent } = fake(respond(200, CART));
      await api.removeCartItem('ci 1/2');
      expect(sent[0]!.method).to.equal('DELETE');
      expect(new URL(sent[0]!.url).pathname).to.equal('/api/billing/v1/cart/items/ci%201%2F2');
      const order = fake(
        respond(201, {
          id: 'ORD-1',
          quoteId: 'Q-1',
          status: 'completed',
          total: { amount: 100, currency: 'EUR' },
          billingDate: '2026-01-31',
          confirmationEmail: 'a@example.com',
          lines: [{ itemId: 'x' }],
        }),
      );
      await order.api.placeOrder({ quoteId: 'Q-1', paymentMethodId: 'pm-1' }, 'key-123');
      expect(order.sent[0]!.url).to.match(/\/orders$/);
      expect(order.sent[0]!.headers.get('Idempotency-Key')).to.equal('key-123');
    });

    it('fills SeatRange.step with its default', async () => {
      const { api } = fake(
        respond(200, {
          currency: 'EUR',
          products: [
            {
              id: 'p',
              name: 'P',
              tiers: [{ id: 't', name: 'T', seats: { min: 1, max: 5 }, prices: { monthly: { amount: 1, currency: 'EUR' }, annual: { amount: 10, currency: 'EUR' } } }],
              extra: 'forward compatible',
            },
          ],
        }),
      );
      const catalog = await api.getCatalog();
      expect(catalog.products[0]!.tiers[0]!.seats.step).to.equal(1);
    });
  });

  describe('errors', () => {
    it('takes code, message and field errors from a problem', async () => {
      const problem = {
        type: 'https://example.com/p/seats',
        title: 'Seats out of range',
        status: 422,
        code: 'seats_out_of_range',
        detail: 'From 1 to 50.',
        errors: [{ field: 'seats', code: 'seats_out_of_range' }],
      };
      const { api } = fake(respond(422, problem, { 'Content-Type': 'application/problem+json' }));
      const error = await failure(api.getCart());
      expect(error).to.include({ code: 'seats_out_of_range', status: 422, message: 'From 1 to 50.' });
      expect(error.fieldErrors).to.deep.equal([{ field: 'seats', code: 'seats_out_of_range' }]);
    });

    it('falls back to the title, and reads Retry-After', async () => {
      const problem = { type: 'about:blank', title: 'Slow down', status: 429, code: 'rate_limited' };
      const { api } = fake(respond(429, problem, { 'Retry-After': '12' }));
      expect(await failure(api.getCart())).to.include({ code: 'rate_limited', message: 'Slow down', retryAfter: 12 });
    });

    it('derives the code from the status when the body is not a problem', async () => {
      const cases: [number, string][] = [
        [401, 'unauthenticated'],
        [402, 'payment_declined'],
        [403, 'forbidden_role'],
        [404, 'not_found'],
        [409, 'conflict'],
        [422, 'validation_failed'],
        [429, 'rate_limited'],
        [500, 'internal'],
        [502, 'unavailable'],
        [503, 'unavailable'],
      ];
      for (const [status, code] of cases) {
        const { api } = fake(respond(status, '<html>Bad gateway</html>', { 'Content-Type': 'text/html' }));
        expect(await failure(api.getAccount()), String(status)).to.include({ code, status });
      }
      // JSON, but not a problem.
      const { api } = fake(respond(503, { error: 'down' }));
      expect(await failure(api.getAccount())).to.include({ code: 'unavailable' });
    });

    it('rejects a 2xx body that is not JSON or does not fit the contract', async () => {
      expect((await failure(fake(respond(200, 'not json')).api.getCart())).code).to.equal('invalid_response');
      expect((await failure(fake(respond(200, '')).api.getCart())).code).to.equal('invalid_response');
      const wrong = await failure(fake(respond(200, { id: 'c', items: [{ id: 'i', productId: 'p', tierId: 't', seats: 1.5, term: 'annual' }] })).api.getCart());
      expect(wrong).to.include({ code: 'invalid_response' });
      expect(wrong.message).to.contain('items.0.seats');
    });

    it('maps a fetch rejection to network, and an aborted signal to aborted', async () => {
      const down = fake(() => Promise.reject(new TypeError('Failed to fetch')));
      expect(await failure(down.api.getCart())).to.include({ code: 'network', status: 0 });
      const controller = new AbortController();
      controller.abort();
      const aborted = fake(() => Promise.reject(new DOMException('Aborted', 'AbortError')));
      expect(await failure(aborted.api.getCart({ signal: controller.signal }))).to.include({ code: 'aborted' });
      expect(aborted.sent[0]!.signal.aborted).to.equal(true);
    });

    it('aborts a real in-flight call on the in-process mock', async () => {
      // The mock answers only when its clock moves, and it never does.
      const backend = new MockBackend({ latencyMs: 500, clock: new StepClock() });
      const api = createMockAdapter(backend);
      const controller = new AbortController();
      const call = api.getAccount({ signal: controller.signal });
      await new Promise((resolve) => setImmediate(resolve));
      expect(backend.requests, 'in flight').to.have.length(1);
      controller.abort();
      expect(await failure(call)).to.include({ code: 'aborted' });
    });
  });
});

describe('contract schemas', () => {
  it('accepts extra fields and rejects a wrong currency or enum', () => {
    const product = { id: 'p', name: 'P', tiers: [] };
    expect(() => parse(CatalogSchema, { currency: 'EUR', products: [product] }, 'catalog')).to.throw(BillingError, /products\.0\.tiers/);
    expect(() => parse(CatalogSchema, { currency: 'eur', products: [] }, 'catalog')).to.throw(BillingError);
    expect(parse(CatalogSchema, { currency: 'EUR', products: [], next: 1 }, 'catalog')).to.deep.equal({ currency: 'EUR', products: [], next: 1 });
  });

});
