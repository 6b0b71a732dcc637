import { describe, it } from 'node:test';
import { expect } from 'chai';
import { setupServer } from 'msw/node';
import { HttpBillingAdapter } from '../adapter/http-adapter.js';
import type { CartItemInput } from '../contract/types.js';
import { createMockAdapter } from './adapter.js';
import { MockBackend, type MockBackendOptions } from './backend.js';
import { StepClock } from './clock.js';
import { createState, SCENARIOS } from './fixtures.js';
import { createHandlers } from './msw.js';
import { failure } from '../../test/failure.js';

// The mock backend's behaviour, seen through the real HTTP adapter in-process.
// Latency and delays run on a simulated clock: nothing here waits for real.

const NOW = '2026-01-31T10:00:00.000Z';

function setup(options: MockBackendOptions = {}) {
  const backend = new MockBackend({ now: () => new Date(NOW), ...options });
  return { backend, api: createMockAdapter(backend) };
}

/** Lets pending promises run until they wait on the clock. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether a promise has settled yet, read without awaiting it. */
function track(promise: Promise<unknown>) {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const phone = (seats = 10, term: CartItemInput['term'] = 'monthly'): CartItemInput => ({
  productId: 'phone-system',
  tierId: 'ps-standard',
  seats,
  term,
});

describe('MockBackend', () => {
  describe('reads', () => {
    it('serves account, catalog in the account currency and an empty cart', async () => {
      const { api } = setup();
      const account = await api.getAccount();
      expect(account).to.include({ id: 'acc-it', currency: 'EUR', billingCountry: 'IT', assignLicensesUrl: 'https://admin.example.com/users' });
      expect(account.viewer).to.deep.equal({ name: 'Giulia Rossi', email: 'giulia.rossi@example.it', role: 'billing-contact' });
      const catalog = await api.getCatalog();
      expect(catalog.currency).to.equal('EUR');
      expect(catalog.products.map((p) => p.id)).to.deep.equal(['remote-support', 'meetings', 'phone-system', 'webinars', 'help-desk']);
      expect(catalog.products[0]!.tiers.find((t) => t.recommended)!.id).to.equal('rs-premium');
      expect((await api.getCart()).items).to.deep.equal([]);
      const usd = await setup({ scenario: 'usd-account' }).api.getCatalog();
      expect(usd.products[2]!.tiers[0]!.prices.monthly).to.deep.equal({ amount: 2500, currency: 'USD' });
    });

    it('gives every scenario a working account read, except the two that fail everything', async () => {
      for (const { name } of SCENARIOS) {
        const call = setup({ scenario: name }).api.getAccount();
        if (name === 'signed-out') expect((await failure(call)).code).to.equal('unauthenticated');
        else if (name === 'backend-down') expect((await failure(call)).code).to.equal('unavailable');
        else expect((await call).id).to.be.a('string');
      }
    });

    it('keeps two backends apart', async () => {
      const a = setup();
      const b = setup();
      await a.api.addCartItem(phone());
      expect(a.backend.cart.items).to.have.length(1);
      expect(b.backend.cart.items).to.have.length(0);
    });

    it('logs requests with their idempotency key', async () => {
      const { api, backend } = setup({ scenario: 'cart-with-items' });
      const quote = await api.createQuote({ vatId: null });
      await api.placeOrder({ quoteId: quote.id, paymentMethodId: 'pm-it-visa' }, 'k-1');
      expect(backend.requests).to.deep.equal([
        { method: 'POST', path: '/quotes', op: 'createQuote' },
        { method: 'POST', path: '/orders', op: 'placeOrder', idempotencyKey: 'k-1' },
      ]);
    });
  });

  describe('cart', () => {
    it('adds, updates and removes items, answering with the whole cart', async () => {
      const { api } = setup({ scenario: 'cart-with-items' });
      let cart = await api.addCartItem(phone(3));
      expect(cart.items.map((i) => i.productId)).to.deep.equal(['meetings', 'phone-system']);
      const id = cart.items[1]!.id;
      cart = await api.updateCartItem(id, phone(7, 'annual'));
      expect(cart.items[1]).to.deep.equal({ id, ...phone(7, 'annual') });
      cart = await api.removeCartItem(id);
      expect(cart.items.map((i) => i.id)).to.deep.equal(['ci-meetings']);
      expect((await failure(api.removeCartItem(id))).code).to.equal('not_found');
      expect((await failure(api.updateCartItem('nope', phone()))).status).to.equal(404);
    });

    it('rejects bad items with field errors', async () => {
      const { api } = setup({ scenario: 'cart-with-items' });
      const cases: [CartItemInput, string, { field: string; code: string }][] = [
        [{ ...phone(), productId: 'fax' }, 'validation_failed', { field: 'productId', code: 'not_found' }],
        [{ ...phone(), tierId: 'gold' }, 'validation_failed', { field: 'tierId', code: 'not_found' }],
        [phone(0), 'seats_out_of_range', { field: 'seats', code: 'seats_out_of_range' }],
        [phone(1001), 'seats_out_of_range', { field: 'seats', code: 'seats_out_of_range' }],
        // Enterprise starts at 10 seats, in steps of 5.
        [{ productId: 'remote-support', tierId: 'rs-enterprise', seats: 12, term: 'annual' }, 'seats_out_of_range', { field: 'seats', code: 'seats_out_of_range' }],
        [{ ...phone(), term: 'weekly' as 'monthly' }, 'validation_failed', { field: 'term', code: 'invalid' }],
        [{ productId: 'meetings', tierId: 'mt-business', seats: 2, term: 'annual' }, 'validation_failed', { field: 'productId', code: 'already_in_cart' }],
      ];
      for (const [item, code, field] of cases) {
        const error = await failure(api.addCartItem(item));
        expect(error, JSON.stringify(item)).to.include({ code, status: 422 });
        expect(error.fieldErrors.map(({ field, code }) => ({ field, code }))).to.deep.equal([field]);
      }
      await api.addCartItem({ productId: 'remote-support', tierId: 'rs-enterprise', seats: 15, term: 'annual' });
      // Updating the item itself does not count as a duplicate.
      await api.updateCartItem('ci-meetings', { productId: 'meetings', tierId: 'mt-professional', seats: 2, term: 'monthly' });
    });

    it('refuses a product the account already has', async () => {
      const { api } = setup();
      const error = await failure(api.addCartItem({ productId: 'help-desk', tierId: 'hd-pro', seats: 5, term: 'annual' }));
      expect(error).to.include({ code: 'already_subscribed', status: 409 });
    });
  });

  describe('quotes', () => {
    it('prices seats × unit price per term, with Italian VAT and the new period from today', async () => {
      const { api } = setup();
      await api.addCartItem(phone(10, 'monthly'));
      await api.addCartItem({ productId: 'meetings', tierId: 'mt-business', seats: 3, term: 'annual' });
      const quote = await api.createQuote({ vatId: null });
      expect(quote.currency).to.equal('EUR');
      expect(quote.billingDate).to.equal('2026-01-31');
      expect(quote.expiresAt).to.equal('2026-01-31T10:30:00.000Z');
      expect(quote.lines.map((l) => [l.unitAmount.amount, l.amount.amount, l.periodStart, l.periodEnd])).to.deep.equal([
        [2200, 22000, '2026-01-31', '2026-02-28'],
        [16000, 48000, '2026-01-31', '2027-01-31'],
      ]);
      expect(quote.subtotal).to.deep.equal({ amount: 70000, currency: 'EUR' });
      expect(quote.tax).to.deep.equal({ rateBasisPoints: 2200, amount: { amount: 15400, currency: 'EUR' }, reverseCharge: false, vatId: null });
      expect(quote.total.amount).to.equal(85400);
    });

    it('charges Italian VAT to an Italian business even with a valid VAT ID', async () => {
      const { api } = setup();
      await api.addCartItem(phone(1));
      const quote = await api.createQuote({ vatId: 'it 123 456 700 17' });
      expect(quote.tax).to.deep.include({ rateBasisPoints: 2200, reverseCharge: false, vatId: 'IT12345670017' });
      // 22 % of 22.00 is 4.84.
      expect(quote.tax.amount.amount).to.equal(484);
    });

    it('reverse-charges a German business with a valid German VAT ID, else charges German VAT', async () => {
      const { api } = setup({ scenario: 'eu-business' });
      await api.addCartItem(phone(3));
      const plain = await api.createQuote({ vatId: null });
      // 19 % of 66.00 = 12.54.
      expect(plain.tax).to.deep.include({ rateBasisPoints: 1900, reverseCharge: false, amount: { amount: 1254, currency: 'EUR' } });
      const business = await api.createQuote({ vatId: 'DE 136.695.976' });
      expect(business.tax).to.deep.equal({ rateBasisPoints: 0, amount: { amount: 0, currency: 'EUR' }, reverseCharge: true, vatId: 'DE136695976' });
      expect(business.total.amount).to.equal(6600);
      // An Italian ID does not make a German buyer reverse charge.
      expect((await api.createQuote({ vatId: 'IT12345670017' })).tax.reverseCharge).to.equal(false);
      // The registry could not be asked: normal tax, no reverse charge.
      const unverified = await api.createQuote({ vatId: 'DE999999995' });
      expect(unverified.tax).to.deep.include({ rateBasisPoints: 1900, reverseCharge: false, vatId: 'DE999999995' });
    });

    it('rounds tax half up on the subtotal, and charges no VAT outside the EU', async () => {
      const seed = createState('eu-business');
      seed.account.billingCountry = 'FI';
      const { api } = setup({ seed });
      await api.addCartItem({ productId: 'remote-support', tierId: 'rs-standard', seats: 1, term: 'monthly' });
      // 25.5 % of 29.00 is 7.395: 740 minor units.
      const quote = await api.createQuote({ vatId: null });
      expect(quote.tax).to.deep.include({ rateBasisPoints: 2550, amount: { amount: 740, currency: 'EUR' } });
      expect(quote.total.amount).to.equal(3640);
      const { api: us } = setup({ scenario: 'usd-account' });
      await us.addCartItem({ productId: 'help-desk', tierId: 'hd-starter', seats: 3, term: 'monthly' });
      const usQuote = await us.createQuote({ vatId: null });
      expect(usQuote.tax).to.deep.equal({ rateBasisPoints: 0, amount: { amount: 0, currency: 'USD' }, reverseCharge: false, vatId: null });
      expect(usQuote.total).to.deep.equal({ amount: 5100, currency: 'USD' });
    });

    it('refuses an empty cart and a bad VAT ID', async () => {
      const { api } = setup();
      expect(await failure(api.createQuote({ vatId: null }))).to.include({ code: 'validation_failed', status: 422 });
      await api.addCartItem(phone());
      for (const vatId of ['XX123', 'IT12345678901', 'DE12345']) {
        const error = await failure(api.createQuote({ vatId }));
        expect(error, vatId).to.include({ code: 'invalid_vat_id', status: 422 });
        expect(error.fieldErrors).to.deep.equal([{ field: 'vatId', code: 'invalid_vat_id' }]);
      }
    });

    it('clamps a monthly period that starts on the 31st to the end of the next month, in a leap year too', async () => {
      const { api } = setup({ now: () => new Date('2028-01-31T23:59:00Z') });
      await api.addCartItem(phone(1));
      const [line] = (await api.createQuote({ vatId: null })).lines;
      expect([line!.periodStart, line!.periodEnd]).to.deep.equal(['2028-01-31', '2028-02-29']);
    });
  });

  describe('VAT IDs', () => {
    it('normalizes and checks format, checksum and the registry', async () => {
      const { api } = setup();
      const verdict = (vatId: string) => api.validateVatId({ vatId });
      expect(await verdict('de-136.695.976')).to.deep.equal({
        vatId: 'DE136695976',
        status: 'valid',
        name: 'Müller Maschinenbau GmbH',
        address: 'Hauptstraße 5, 10115 Berlin',
      });
      expect(await verdict('IT12345670017')).to.include({ status: 'valid', name: 'Rossi Consulting S.r.l.' });
      expect(await verdict('FR 40 303 265 045')).to.include({ vatId: 'FR40303265045', status: 'valid', name: 'Registered business' });
      expect(await verdict('GR123456783')).to.include({ vatId: 'EL123456783', status: 'valid' });
      expect(await verdict('CHE-123.456.788')).to.include({ vatId: 'CHE123456788', status: 'valid' });
      expect(await verdict('NO123456785MVA')).to.include({ status: 'valid' });
      expect(await verdict('IT12345678901')).to.include({ status: 'invalid' });
      expect(await verdict('DE136695977')).to.include({ status: 'invalid' });
      expect(await verdict('NL12345678')).to.include({ status: 'invalid' });
      expect(await verdict('DE999999995')).to.deep.equal({ vatId: 'DE999999995', status: 'unavailable', name: null, address: null });
      const error = await failure(verdict('US123456789'));
      expect(error).to.include({ code: 'invalid_vat_id', status: 422 });
      expect(error.fieldErrors[0]).to.include({ field: 'vatId', code: 'invalid_vat_id' });
    });
  });

  describe('orders', () => {
    async function quoted(options: MockBackendOptions = {}) {
      const { api, backend } = setup({ scenario: 'cart-with-items', ...options });
      const quote = await api.createQuote({ vatId: null });
      return { api, backend, quote, body: { quoteId: quote.id, paymentMethodId: 'pm-it-visa' } };
    }

    it('places the order, empties the cart and records the subscription', async () => {
      const { api, backend, quote, body } = await quoted();
      const order = await api.placeOrder(body, 'key-1');
      expect(order).to.deep.include({
        id: 'ORD-100001',
        quoteId: quote.id,
        status: 'completed',
        total: quote.total,
        billingDate: '2026-01-31',
        confirmationEmail: 'giulia.rossi@example.it',
      });
      expect(order.lines).to.deep.equal(quote.lines);
      expect(backend.orders).to.deep.equal([order]);
      expect(backend.cart.items).to.deep.equal([]);
      expect(backend.account.subscriptions).to.deep.include({ productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' });
    });

    it('replays the stored order for a retry with the same key and body', async () => {
      const { api, backend, body } = await quoted();
      const first = await api.placeOrder(body, 'key-1');
      const again = await api.placeOrder(body, 'key-1');
      expect(again).to.deep.equal(first);
      expect(backend.orders).to.have.length(1);
      const reused = await failure(api.placeOrder({ ...body, paymentMethodId: 'pm-other' }, 'key-1'));
      expect(reused).to.include({ code: 'idempotency_key_reused', status: 422 });
    });

    it('answers a retry while the first request runs with idempotency_in_progress', async () => {
      const clock = new StepClock();
      const { api, backend, body } = await quoted({ clock });
      backend.latencyMs = 50;
      const both = Promise.allSettled([api.placeOrder(body, 'key-1'), api.placeOrder(body, 'key-1')]);
      await turn();
      clock.increment(50);
      const [first, second] = await both;
      expect(first.status).to.equal('fulfilled');
      expect(second.status === 'rejected' && second.reason).to.include({ code: 'idempotency_in_progress', status: 409 });
      expect(backend.orders).to.have.length(1);
    });

    it('requires an Idempotency-Key', async () => {
      const { backend, body } = await quoted();
      const api = new HttpBillingAdapter('https://x.test/api/billing/v1', { fetch: backend.fetch });
      expect(await failure(api.placeOrder(body, ''))).to.include({ code: 'idempotency_key_missing', status: 400 });
    });

    it('refuses an expired quote, a quote of an older cart and an unknown one', async () => {
      let now = new Date(NOW);
      const { api, body } = await quoted({ now: () => now });
      now = new Date(now.getTime() + 31 * 60_000);
      expect(await failure(api.placeOrder(body, 'k-1'))).to.include({ code: 'quote_expired', status: 409 });
      now = new Date(NOW);
      await api.addCartItem(phone());
      expect(await failure(api.placeOrder(body, 'k-2'))).to.include({ code: 'quote_changed', status: 409 });
      expect(await failure(api.placeOrder({ ...body, quoteId: 'Q-404' }, 'k-3'))).to.include({ code: 'not_found', status: 404 });
      // A refused attempt stored nothing: the key still works for a fresh quote.
      const fresh = await api.createQuote({ vatId: null });
      expect((await api.placeOrder({ ...body, quoteId: fresh.id }, 'k-1')).status).to.equal('completed');
    });

    it('declines every order paid with a method attached from tok_chargeDeclined', async () => {
      const { api, backend, body } = await quoted();
      const unknown = await failure(api.placeOrder({ ...body, paymentMethodId: 'pm-nope' }, 'k-0'));
      expect(unknown).to.include({ code: 'validation_failed' });
      expect(unknown.fieldErrors[0]).to.include({ field: 'paymentMethodId' });
      const method = await api.addPaymentMethod({ token: 'tok_chargeDeclined', makeDefault: true });
      expect(method).to.deep.include({ type: 'card', label: 'Visa •••• 0002', isDefault: true });
      const declined = await failure(api.placeOrder({ ...body, paymentMethodId: method.id }, 'k-1'));
      expect(declined).to.include({ code: 'payment_declined', status: 402 });
      // The decline is the stored outcome of that attempt.
      expect(await failure(api.placeOrder({ ...body, paymentMethodId: method.id }, 'k-1'))).to.include({ code: 'payment_declined' });
      expect(backend.orders).to.have.length(0);
      expect((await api.placeOrder(body, 'k-2')).status).to.equal('completed');
    });
  });

  describe('payment methods', () => {
    it('attaches test tokens, flips the default and refuses unknown tokens', async () => {
      const { api, backend } = setup();
      const master = await api.addPaymentMethod({ token: 'tok_mastercard' });
      expect(master).to.deep.include({ label: 'Mastercard •••• 4444', isDefault: false });
      const visa = await api.addPaymentMethod({ token: 'tok_visa', makeDefault: true });
      expect(visa).to.deep.include({ label: 'Visa •••• 4242', expires: '2030-12', isDefault: true });
      expect(backend.account.paymentMethods.map((m) => [m.id, m.isDefault])).to.deep.equal([
        ['pm-it-visa', false],
        [master.id, false],
        [visa.id, true],
      ]);
      const error = await failure(api.addPaymentMethod({ token: 'tok_nope' }));
      expect(error).to.include({ code: 'validation_failed', status: 422 });
      expect(error.fieldErrors[0]).to.include({ field: 'token' });
    });
  });

  describe('trials', () => {
    it('starts a trial once per product, within its seats', async () => {
      const { api, backend } = setup();
      const trial = await api.startTrial({ productId: 'meetings', tierId: 'mt-business', seats: 10 });
      expect(trial).to.deep.include({ productId: 'meetings', tierId: 'mt-business', seats: 10, endsAt: '2026-02-14', welcomeEmail: 'giulia.rossi@example.it' });
      expect(backend.account.trialsUsed).to.include('meetings');
      expect(backend.cart.items).to.have.length(0);
      const again = await failure(api.startTrial({ productId: 'meetings', tierId: 'mt-business', seats: 1 }));
      expect(again).to.include({ code: 'trial_already_used', status: 409 });
      expect(await failure(api.startTrial({ productId: 'webinars', tierId: 'wb-standard', seats: 1 }))).to.include({ code: 'trial_already_used' });
      expect(await failure(api.startTrial({ productId: 'help-desk', tierId: 'hd-pro', seats: 1 }))).to.include({ code: 'already_subscribed' });
      const tooMany = await failure(api.startTrial({ productId: 'remote-support', tierId: 'rs-premium', seats: 6 }));
      expect(tooMany).to.include({ code: 'seats_out_of_range', status: 422 });
      expect(tooMany.fieldErrors[0]).to.include({ field: 'seats' });
      const none = await failure(api.startTrial({ productId: 'phone-system', tierId: 'ps-standard', seats: 1 }));
      expect(none).to.include({ code: 'validation_failed' });
    });
  });

  describe('gates', () => {
    it('lets a plain user read but not buy', async () => {
      const { api } = setup({ scenario: 'user' });
      expect((await api.getAccount()).viewer.role).to.equal('user');
      expect((await api.getAccount()).billingEmail).to.equal('giulia.rossi@example.it');
      expect(await failure(api.addCartItem(phone()))).to.include({ code: 'forbidden_role', status: 403 });
      expect(await failure(api.startTrial({ productId: 'meetings', tierId: 'mt-business', seats: 1 }))).to.include({ code: 'forbidden_role' });
    });

    it('sends a corporate account to its portal', async () => {
      const { api } = setup({ scenario: 'corporate' });
      expect((await api.getAccount()).corporatePortalUrl).to.equal('https://billing.example.com/corporate');
      expect(await failure(api.addCartItem(phone()))).to.include({ code: 'corporate_account', status: 403 });
    });

    it('answers 401 everywhere when signed out', async () => {
      const { api } = setup({ scenario: 'signed-out' });
      for (const call of [api.getCatalog(), api.getCart(), api.validateVatId({ vatId: 'DE136695976' })]) {
        expect(await failure(call)).to.include({ code: 'unauthenticated', status: 401 });
      }
    });
  });

  describe('faults', () => {
    it('fails once with 503, then works', async () => {
      const { api, backend } = setup();
      backend.inject({ op: 'getCart', status: 503 });
      expect(await failure(api.getCart())).to.include({ code: 'unavailable', status: 503 });
      expect((await api.getCart()).items).to.deep.equal([]);
      // Other operations were never affected.
      backend.inject({ op: 'getCart', status: 500, times: 2 });
      await api.getAccount();
      expect((await failure(api.getCart())).code).to.equal('internal');
      expect((await failure(api.getCart())).code).to.equal('internal');
      await api.getCart();
    });

    it('sends Retry-After with a rate limit', async () => {
      const { api, backend } = setup();
      backend.inject({ op: '*', retryAfter: 7 });
      expect(await failure(api.getAccount())).to.include({ code: 'rate_limited', status: 429, retryAfter: 7 });
    });

    it('loses the response after the order was recorded', async () => {
      const { api, backend } = setup({ scenario: 'cart-with-items' });
      const quote = await api.createQuote({ vatId: null });
      const body = { quoteId: quote.id, paymentMethodId: 'pm-it-visa' };
      backend.inject({ op: 'placeOrder', drop: 'after' });
      expect(await failure(api.placeOrder(body, 'key-1'))).to.include({ code: 'network' });
      expect(backend.orders).to.have.length(1);
      expect((await api.placeOrder(body, 'key-1')).id).to.equal(backend.orders[0]!.id);
      expect(backend.orders).to.have.length(1);
    });

    it('drops a request before it reaches the handler', async () => {
      const { api, backend } = setup();
      backend.inject({ op: 'addCartItem', drop: 'before' });
      expect(await failure(api.addCartItem(phone()))).to.include({ code: 'network' });
      expect(backend.cart.items).to.have.length(0);
    });

    it('sends malformed and schema-violating bodies', async () => {
      const { api, backend } = setup();
      backend.inject({ op: 'getAccount', body: '{"id": "acc-it", ' });
      expect((await failure(api.getAccount())).code).to.equal('invalid_response');
      backend.inject({ op: 'getCatalog', json: { currency: 'euro', products: [] } });
      const error = await failure(api.getCatalog());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.contain('currency');
      backend.clearFaults();
    });

    it('delays and clears faults', async () => {
      const clock = new StepClock();
      const { api, backend } = setup({ clock });
      backend.inject({ op: '*', status: 503, times: 5 });
      backend.clearFaults();
      await api.getAccount();
      backend.inject({ op: 'getAccount', delayMs: 60 });
      const call = api.getAccount();
      const state = track(call);
      await turn();
      clock.increment(59);
      await turn();
      expect(state.settled, 'answered before the delay').to.equal(false);
      clock.increment(1);
      expect((await call).id).to.equal('acc-it');
    });

    it('cancels an in-flight call when its signal aborts', async () => {
      // The answer would come only when the clock moves; it never does.
      const { api, backend } = setup({ latencyMs: 200, clock: new StepClock() });
      const controller = new AbortController();
      const call = api.getCatalog({ signal: controller.signal });
      await turn();
      expect(backend.requests.map((r) => r.op), 'in flight').to.deep.equal(['getCatalog']);
      controller.abort();
      expect(await failure(call)).to.include({ code: 'aborted' });
    });
  });

  describe('through MSW', () => {
    it("answers the HTTP adapter through MSW's handlers on the global fetch, drops included", async () => {
      const backend = new MockBackend({ scenario: 'cart-with-items' });
      // The handlers the demo's service worker uses (the browser suite runs them there); Node matches absolute URLs only.
      const base = `https://billing.test${backend.basePath}`;
      const server = setupServer(...createHandlers(backend, base));
      server.listen({ onUnhandledRequest: 'error' });
      try {
        const api = new HttpBillingAdapter(base);
        expect((await api.getCart()).items[0]!.id).to.equal('ci-meetings');
        const quote = await api.createQuote({ vatId: null });
        backend.inject({ op: 'placeOrder', drop: 'after' });
        expect(await failure(api.placeOrder({ quoteId: quote.id, paymentMethodId: 'pm-it-visa' }, 'k'))).to.include({ code: 'network' });
        expect((await api.placeOrder({ quoteId: quote.id, paymentMethodId: 'pm-it-visa' }, 'k')).id).to.equal('ORD-100001');
        expect(await failure(api.removeCartItem('nope'))).to.include({ code: 'not_found', status: 404 });
      } finally {
        server.close();
      }
    });
  });
});
