import { describe, it } from 'node:test';
import { expect } from 'chai';
import { setupServer } from 'msw/node';
import { HttpBillingAdapter } from '../adapter/http-adapter.js';
import type { CartItemInput, Catalog, Order, PaymentMethod, PaymentSetup, Problem, Quote } from '../contract/types.js';
import { createMockAdapter } from './adapter.js';
import { MockBackend, type MockBackendOptions } from './backend.js';
import { StepClock } from './clock.js';
import { createState, SCENARIOS, TEST_TOKENS, type TestToken } from './fixtures.js';
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

/** An answer of the contract, read raw: the adapter does not speak 1.2.0's new operations yet. */
interface Answer {
  status: number;
  type: string | null;
  text: string;
  /** The body as what it should be; the test knows which. */
  order: Order;
  problem: Problem;
  quote: Quote;
  method: PaymentMethod;
  setup: PaymentSetup;
}

/** Sends one request to the backend's HTTP contract, in-process. */
async function send(backend: MockBackend, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await backend.fetch(`https://mock.invalid${backend.basePath}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('Content-Type');
  const text = await response.text();
  const json = type?.includes('json') ? JSON.parse(text) : undefined;
  return { status: response.status, type, text, order: json, problem: json, quote: json, method: json, setup: json };
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

    it('replays the first answer of a change for a repeated Idempotency-Key; another change with it is refused', async () => {
      const backend = new MockBackend({ scenario: 'cart-with-items' });
      const add = (key: string, item = phone(3)) => send(backend, 'POST', '/cart/items', item, { 'Idempotency-Key': key });
      const added = await add('c-1');
      expect(added.status).to.equal(201);
      // Without the key, sending it again would be a second phone line: 422 already_in_cart.
      const again = await add('c-1');
      expect(again.status).to.equal(201);
      expect(again.text).to.equal(added.text);
      expect(backend.cart.items).to.have.length(2);
      expect((await add('c-1', phone(4))).problem).to.include({ status: 422, code: 'idempotency_key_reused' });

      const remove = (key?: string) => send(backend, 'DELETE', '/cart/items/ci-meetings', undefined, key ? { 'Idempotency-Key': key } : {});
      const removed = await remove('c-2');
      expect(removed.status).to.equal(200);
      // The replay is the first answer, though the cart has changed since.
      await send(backend, 'PUT', `/cart/items/${backend.cart.items[0]!.id}`, phone(5), { 'Idempotency-Key': 'c-3' });
      expect((await remove('c-2')).text).to.equal(removed.text);
      // No key: as before 1.2.0.
      expect((await remove()).problem).to.include({ status: 404, code: 'not_found' });
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

    it('names each line\'s product and states the renewals per date and term, each taxed on its sum as the quote is', async () => {
      // 25.5 % (Finland) makes half cents: 4100 × 25.5 % = 1045.5, rounded up.
      const seed = createState('eu-business');
      seed.account.billingCountry = 'FI';
      const { api } = setup({ seed });
      await api.addCartItem({ productId: 'remote-support', tierId: 'rs-standard', seats: 1, term: 'monthly' });
      await api.addCartItem(phone(1, 'annual'));
      await api.addCartItem({ productId: 'meetings', tierId: 'mt-professional', seats: 1, term: 'monthly' });
      const quote = await api.createQuote({ vatId: null });
      expect(quote.lines.map((l) => l.productId)).to.deep.equal(['remote-support', 'phone-system', 'meetings']);
      expect(quote.renewals).to.deep.equal([
        { date: '2026-02-28', term: 'monthly', amount: { amount: 4100 + 1046, currency: 'EUR' } },
        { date: '2027-01-31', term: 'annual', amount: { amount: 22000 + 5610, currency: 'EUR' } },
      ]);
      // Renewals bought today cost what today's total does.
      expect(quote.renewals!.reduce((sum, r) => sum + r.amount.amount, 0)).to.equal(quote.total.amount);
    });
  });

  describe('promotion codes (1.3.0)', () => {
    const premium = (term: CartItemInput['term'] = 'monthly'): CartItemInput => ({ productId: 'remote-support', tierId: 'rs-premium', seats: 1, term });
    const meetings: CartItemInput = { productId: 'meetings', tierId: 'mt-business', seats: 3, term: 'annual' };

    /** A quote of `items`, with `promotionCode` and `Accept-Language` as given, read raw. */
    async function priced(items: CartItemInput[], promotionCode: unknown, options: MockBackendOptions & { language?: string } = {}) {
      const { backend } = setup(options);
      for (const item of items) await send(backend, 'POST', '/cart/items', item);
      const headers: Record<string, string> = options.language ? { 'Accept-Language': options.language } : {};
      return send(backend, 'POST', '/quotes', { vatId: null, promotionCode }, headers);
    }

    it('WELCOME20: 20 % off the lines before tax, forever: the renewals keep it (the first product of empty-cart, as the widget picks it)', async () => {
      const { api } = setup();
      await api.addCartItem(premium());
      const quote = await api.createQuote({ vatId: null, promotionCode: 'WELCOME20' });
      expect(quote.subtotal.amount).to.equal(4900);
      expect(quote.discounts).to.deep.equal([
        { code: 'WELCOME20', description: '20% off, forever', amountOff: { amount: 980, currency: 'EUR' }, duration: 'forever', durationInMonths: null },
      ]);
      // 22 % of 39.20 is 8.624: 862.
      expect(quote.tax.amount.amount).to.equal(862);
      expect(quote.total.amount).to.equal(4782);
      expect(quote.adjustments).to.deep.equal([]);
      expect(quote.renewals).to.deep.equal([{ date: '2026-02-28', term: 'monthly', amount: { amount: 4782, currency: 'EUR' } }]);

      const { quote: annual } = await priced([premium('annual')], 'WELCOME20');
      expect([annual.subtotal.amount, annual.discounts![0]!.amountOff.amount, annual.tax.amount.amount, annual.total.amount]).to.deep.equal([49000, 9800, 8624, 47824]);
      expect(annual.renewals).to.deep.equal([{ date: '2027-01-31', term: 'annual', amount: { amount: 47824, currency: 'EUR' } }]);
    });

    it('WELCOME20 on two lines: each line\'s 20 %, and each renewal less its lines\' discount', async () => {
      const { status, quote } = await priced([phone(10, 'monthly'), meetings], 'WELCOME20');
      expect(status).to.equal(201);
      // 22000 − 4400 + 48000 − 9600 = 56000; 22 % of it is 12320.
      expect(quote.subtotal.amount).to.equal(70000);
      expect(quote.discounts![0]!.amountOff.amount).to.equal(14000);
      expect(quote.tax.amount.amount).to.equal(12320);
      expect(quote.total.amount).to.equal(68320);
      expect(quote.renewals).to.deep.equal([
        { date: '2026-02-28', term: 'monthly', amount: { amount: 17600 + 3872, currency: 'EUR' } },
        { date: '2027-01-31', term: 'annual', amount: { amount: 38400 + 8448, currency: 'EUR' } },
      ]);
    });

    it('SAVE50: 50 off in the account\'s currency, once: the renewals do not keep it; never more than the lines', async () => {
      const { quote } = await priced([phone(10, 'monthly'), meetings], 'SAVE50');
      expect(quote.discounts).to.deep.equal([
        { code: 'SAVE50', description: '€50 off, once', amountOff: { amount: 5000, currency: 'EUR' }, duration: 'once', durationInMonths: null },
      ]);
      // 70000 − 5000 = 65000; 22 % is 14300.
      expect([quote.subtotal.amount, quote.tax.amount.amount, quote.total.amount]).to.deep.equal([70000, 14300, 79300]);
      expect(quote.renewals!.map((r) => r.amount.amount)).to.deep.equal([22000 + 4840, 48000 + 10560]);

      // One Phone System license costs 22.00: 22.00 off, nothing to pay, nothing to tax.
      const { quote: small } = await priced([phone(1)], 'save50');
      expect(small.discounts![0]!.amountOff).to.deep.equal({ amount: 2200, currency: 'EUR' });
      expect([small.subtotal.amount, small.tax.amount.amount, small.total.amount]).to.deep.equal([2200, 0, 0]);
      expect(small.renewals![0]!.amount.amount).to.equal(2684);

      const { quote: usd } = await priced([{ productId: 'help-desk', tierId: 'hd-starter', seats: 3, term: 'monthly' }], 'SAVE50', { scenario: 'usd-account' });
      expect(usd.discounts![0]).to.deep.include({ description: '$50 off, once', amountOff: { amount: 5000, currency: 'USD' } });
      expect([usd.subtotal.amount, usd.tax.amount.amount, usd.total.amount]).to.deep.equal([5100, 0, 100]);
    });

    it('PHONE10: 10 % off the Phone System lines only, forever; refused without Phone System in the cart', async () => {
      const { quote } = await priced([phone(10, 'monthly'), meetings], 'PHONE10');
      expect(quote.discounts).to.deep.equal([
        { code: 'PHONE10', description: '10% off Phone System, forever', amountOff: { amount: 2200, currency: 'EUR' }, duration: 'forever', durationInMonths: null },
      ]);
      // 70000 − 2200 = 67800; 22 % is 14916.
      expect([quote.tax.amount.amount, quote.total.amount]).to.deep.equal([14916, 82716]);
      // Only Phone System's renewal keeps it.
      expect(quote.renewals!.map((r) => r.amount.amount)).to.deep.equal([19800 + 4356, 48000 + 10560]);

      const refused = await priced([meetings], 'PHONE10');
      expect(refused.status).to.equal(422);
      expect(refused.problem).to.include({ code: 'promotion_code_not_applicable', status: 422 });
      expect(refused.problem.errors).to.deep.equal([{ field: 'promotionCode', code: 'promotion_code_not_applicable' }]);
    });

    it('refuses an unknown code, an ended one and one for no product in the cart with 422 and a field error on promotionCode', async () => {
      for (const [code, items, expected] of [
        ['NOPE', [phone()], 'promotion_code_invalid'],
        ['WELCOME2O', [phone()], 'promotion_code_invalid'],
        ['x'.repeat(65), [phone()], 'promotion_code_invalid'],
        ['SUMMER24', [phone()], 'promotion_code_expired'],
        ['phone10', [premium()], 'promotion_code_not_applicable'],
      ] as const) {
        const { status, type, problem } = await priced([...items], code);
        expect(status, code).to.equal(422);
        expect(type).to.equal('application/problem+json');
        expect(problem, code).to.include({ code: expected, status: 422, type: `https://checkout-wizard.example/problems/${expected}` });
        expect(problem.errors, code).to.deep.equal([{ field: 'promotionCode', code: expected }]);
      }
      // Through the adapter: the code, and the field it belongs to.
      const { api } = setup();
      await api.addCartItem(phone());
      const error = await failure(api.createQuote({ vatId: null, promotionCode: 'summer24' }));
      expect(error).to.include({ code: 'promotion_code_expired', status: 422 });
      expect(error.fieldErrors).to.deep.equal([{ field: 'promotionCode', code: 'promotion_code_expired' }]);
      // A code that is not a string is malformed.
      const malformed = await priced([phone()], 42);
      expect(malformed.problem).to.include({ code: 'validation_failed', status: 422 });
      expect(malformed.problem.errors).to.deep.equal([{ field: 'promotionCode', code: 'invalid' }]);
    });

    it('matches codes trimmed and without regard to case, answering the code as it knows it; null, empty or blank is none', async () => {
      for (const typed of ['welcome20', ' Welcome20 ', '\tWELCOME20\n']) {
        const { quote } = await priced([phone(1)], typed);
        expect(quote.discounts!.map((d) => d.code), typed).to.deep.equal(['WELCOME20']);
      }
      for (const none of [null, '', '   ', undefined]) {
        const { status, quote } = await priced([phone(1)], none);
        expect(status).to.equal(201);
        expect(quote.discounts, String(none)).to.deep.equal([]);
        expect(quote.total.amount).to.equal(2200 + 484);
      }
      // An ended code is refused however it is written.
      expect((await priced([phone()], ' summer24')).problem.code).to.equal('promotion_code_expired');
    });

    it('describes the discount in Italian and Arabic when Accept-Language asks, English otherwise', async () => {
      const description = async (code: string, language: string, scenario: MockBackendOptions['scenario'] = 'empty-cart') =>
        (await priced([phone()], code, { language, scenario })).quote.discounts![0]!.description;
      expect(await description('WELCOME20', 'it-IT,it;q=0.9,en;q=0.8')).to.equal('20% di sconto, per sempre');
      expect(await description('SAVE50', 'it')).to.equal('50 € di sconto, una volta');
      expect(await description('PHONE10', 'ar')).to.equal('خصم 10% على Phone System دائمًا');
      expect(await description('SAVE50', 'ar-EG', 'usd-account')).to.equal('خصم 50 دولارًا لمرة واحدة');
      expect(await description('WELCOME20', 'de-DE')).to.equal('20% off, forever');
    });

    it('orders pay the discounted total', async () => {
      const { api, backend } = setup();
      await api.addCartItem(premium());
      const quote = await api.createQuote({ vatId: null, promotionCode: 'WELCOME20' });
      const order = await api.placeOrder({ quoteId: quote.id, paymentMethodId: 'pm-it-visa' }, 'k-1');
      expect(order.total).to.deep.equal({ amount: 4782, currency: 'EUR' });
      expect(backend.orders[0]!.total.amount).to.equal(4782);
    });
  });

  describe('adjustments: the billing date moves to today (1.3.0)', () => {
    it("gives 'renewing-account' subscriptions whose current period ends after the mock's now; other scenarios' carry none", async () => {
      const { api } = setup({ scenario: 'renewing-account' });
      const account = await api.getAccount();
      expect(account.subscriptions).to.deep.equal([
        { productId: 'help-desk', tierId: 'hd-starter', seats: 10, term: 'annual', currentPeriodEnd: '2026-06-30' },
        { productId: 'meetings', tierId: 'mt-professional', seats: 5, term: 'monthly', currentPeriodEnd: '2026-02-12' },
      ]);
      expect(createState('renewing-account', new Date('2025-03-10T12:00:00Z')).account.subscriptions.map((s) => s.currentPeriodEnd)).to.deep.equal([
        '2025-08-10',
        '2025-03-22',
      ]);
      expect(SCENARIOS.find((s) => s.name === 'renewing-account')!.label).to.match(/billing date moves/);
      for (const { name } of SCENARIOS.filter((s) => s.name !== 'renewing-account')) {
        for (const sub of createState(name).account.subscriptions) expect(sub, name).to.not.have.property('currentPeriodEnd');
      }
    });

    it('credits the unused days of each current period (half up) and charges a whole new period from today; tax and total include them', async () => {
      const { api } = setup({ scenario: 'renewing-account' });
      await api.addCartItem(phone(1));
      const quote = await api.createQuote({ vatId: null });
      expect(quote.adjustments).to.deep.equal([
        // 10 × 150.00 a year; 150 of the period's 365 days unused: 61643.8 → 61644.
        { productId: 'help-desk', productName: 'Help Desk', kind: 'credit', amount: { amount: -61644, currency: 'EUR' }, periodStart: '2026-01-31', periodEnd: '2026-06-30' },
        { productId: 'help-desk', productName: 'Help Desk', kind: 'charge', amount: { amount: 150000, currency: 'EUR' }, periodStart: '2026-01-31', periodEnd: '2027-01-31' },
        // 5 × 12.00 a month; 12 of the period's 31 days (12 Jan – 12 Feb) unused: 2322.6 → 2323.
        { productId: 'meetings', productName: 'Meetings', kind: 'credit', amount: { amount: -2323, currency: 'EUR' }, periodStart: '2026-01-31', periodEnd: '2026-02-12' },
        { productId: 'meetings', productName: 'Meetings', kind: 'charge', amount: { amount: 6000, currency: 'EUR' }, periodStart: '2026-01-31', periodEnd: '2026-02-28' },
      ]);
      // 2200 + 92033 = 94233; 22 % of it is 20731.26.
      expect(quote.subtotal.amount).to.equal(2200);
      expect(quote.tax.amount.amount).to.equal(20731);
      expect(quote.total.amount).to.equal(114964);
      // Renewals state what was bought.
      expect(quote.renewals).to.deep.equal([{ date: '2026-02-28', term: 'monthly', amount: { amount: 2684, currency: 'EUR' } }]);

      // With WELCOME20: the discount is the line's, the adjustments stay. 1760 + 92033 = 93793; tax 20634.46.
      const discounted = await api.createQuote({ vatId: null, promotionCode: 'WELCOME20' });
      expect(discounted.adjustments).to.deep.equal(quote.adjustments);
      expect([discounted.discounts![0]!.amountOff.amount, discounted.tax.amount.amount, discounted.total.amount]).to.deep.equal([440, 20634, 114427]);
    });

    it('prorates on the day the quote is made; a period that has ended gets nothing', async () => {
      let now = new Date(NOW);
      const { api } = setup({ scenario: 'renewing-account', now: () => now });
      await api.addCartItem(phone(1));
      now = new Date('2026-02-20T10:00:00Z');
      const quote = await api.createQuote({ vatId: null });
      // Meetings' period ended on 12 Feb. Help Desk: 130 of 365 days unused, 53424.7 → 53425.
      expect(quote.adjustments!.map((a) => [a.productId, a.kind, a.amount.amount, a.periodEnd])).to.deep.equal([
        ['help-desk', 'credit', -53425, '2026-06-30'],
        ['help-desk', 'charge', 150000, '2027-02-20'],
      ]);
    });

    it('adjusts no subscription without a current period: the other scenarios\' totals are the lines\' and tax', async () => {
      const { api } = setup();
      expect((await api.getAccount()).subscriptions).to.have.length(1);
      await api.addCartItem(phone(1));
      const quote = await api.createQuote({ vatId: null });
      expect(quote.adjustments).to.deep.equal([]);
      expect(quote.total.amount).to.equal(2684);
    });

    it('paying moves the periods: the bought product and the adjusted ones end their period on their new date; a bounced debit puts them back', async () => {
      const { api, backend } = setup({ scenario: 'renewing-account' });
      await api.addCartItem(phone(1));
      const quote = await api.createQuote({ vatId: null });
      const order = await api.placeOrder({ quoteId: quote.id, paymentMethodId: 'pm-it-visa' }, 'k-1');
      expect(order.total.amount).to.equal(114964);
      expect(backend.account.subscriptions.map((s) => [s.productId, s.currentPeriodEnd])).to.deep.equal([
        ['help-desk', '2027-01-31'],
        ['meetings', '2026-02-28'],
        ['phone-system', '2026-02-28'],
      ]);
      // Quoted again the same day, every period is unused in full: each credit cancels its charge.
      await api.addCartItem({ productId: 'remote-support', tierId: 'rs-standard', seats: 1, term: 'monthly' });
      const again = await api.createQuote({ vatId: null });
      expect(again.adjustments!.reduce((sum, a) => sum + a.amount.amount, 0)).to.equal(0);
      expect(again.adjustments!.filter((a) => a.kind === 'credit').map((a) => a.amount.amount)).to.deep.equal([-150000, -6000, -2200]);
      expect(again.total.amount).to.equal(2900 + 638);

      const debit = new MockBackend({ now: () => new Date(NOW), scenario: 'renewing-account' });
      const { method } = await send(debit, 'POST', '/payment-methods', { token: 'tok_sepaDebit' });
      await send(debit, 'POST', '/cart/items', phone(1));
      const { quote: q } = await send(debit, 'POST', '/quotes', { vatId: null });
      const { order: processing } = await send(debit, 'POST', '/orders', { quoteId: q.id, paymentMethodId: method.id }, { 'Idempotency-Key': 'k-1' });
      expect(debit.account.subscriptions.map((s) => s.currentPeriodEnd)).to.deep.equal(['2027-01-31', '2026-02-28', '2026-02-28']);
      debit.settle(processing.id, 'failed');
      expect(debit.account.subscriptions).to.deep.equal(createState('renewing-account', new Date(NOW)).account.subscriptions);
    });
  });

  describe('receipts and billing contacts (1.3.0)', () => {
    async function paying(card?: TestToken) {
      const backend = new MockBackend({ now: () => new Date(NOW), scenario: 'cart-with-items' });
      const methodId = card ? (await send(backend, 'POST', '/payment-methods', { token: card })).method.id : 'pm-it-visa';
      const { quote } = await send(backend, 'POST', '/quotes', { vatId: null });
      const pay = (key: string) => send(backend, 'POST', '/orders', { quoteId: quote.id, paymentMethodId: methodId }, { 'Idempotency-Key': key });
      const get = (orderId: string) => send(backend, 'GET', `/orders/${orderId}`);
      return { backend, pay, get };
    }
    const receipt = (orderId: string) => `https://billing.example.com/receipts/${orderId}`;

    it('gives a completed or processing order a receipt, and none to a failed one or one that requires action', async () => {
      const completed = (await (await paying()).pay('k-1')).order;
      expect(completed).to.include({ status: 'completed', receiptUrl: receipt(completed.id) });

      const debit = await paying('tok_sepaDebit');
      const processing = (await debit.pay('k-1')).order;
      expect(processing).to.include({ status: 'processing', receiptUrl: receipt(processing.id) });
      expect(debit.backend.settle(processing.id, 'completed').receiptUrl).to.equal(receipt(processing.id));

      const bounced = await paying('tok_sepaDebit');
      const returned = (await bounced.pay('k-1')).order;
      expect(bounced.backend.settle(returned.id, 'failed').receiptUrl).to.equal(null);

      const declined = await paying('tok_chargeDeclined');
      expect((await declined.pay('k-1')).status).to.equal(402);
      expect(declined.backend.attempts[0]).to.include({ status: 'failed', receiptUrl: null });

      const challenged = await paying('tok_threeDSecureRequired');
      const pending = (await challenged.pay('k-1')).order;
      expect(pending).to.include({ status: 'requires_action', receiptUrl: null });
      challenged.backend.authenticate(pending.nextAction!.clientSecret!, true);
      const confirmed = (await send(challenged.backend, 'POST', `/orders/${pending.id}/confirm`)).order;
      expect(confirmed).to.include({ status: 'completed', receiptUrl: receipt(pending.id) });
      expect((await challenged.get(pending.id)).order.receiptUrl).to.equal(receipt(pending.id));

      const failing = await paying('tok_threeDSecureFail');
      const failed = (await failing.pay('k-1')).order;
      failing.backend.authenticate(failed.nextAction!.clientSecret!, true);
      expect((await send(failing.backend, 'POST', `/orders/${failed.id}/confirm`)).order).to.include({ status: 'failed', receiptUrl: null });
    });

    it("names the billing contact a plain user should ask; a billing contact's account names them", async () => {
      const user = await setup({ scenario: 'user' }).api.getAccount();
      expect(user.viewer.role).to.equal('user');
      expect(user.billingContact).to.deep.equal({ name: 'Giulia Rossi', email: 'giulia.rossi@example.it' });
      for (const { name } of SCENARIOS.filter((s) => !['user', 'signed-out', 'backend-down'].includes(s.name))) {
        const account = await setup({ scenario: name }).api.getAccount();
        expect(account.billingContact, name).to.deep.equal({ name: account.viewer.name, email: account.viewer.email });
      }
    });
  });

  describe('catalog texts per Accept-Language (1.3.0)', () => {
    const read = async (language?: string, scenario: MockBackendOptions['scenario'] = 'empty-cart') =>
      (await send(setup({ scenario }).backend, 'GET', '/catalog', undefined, language ? { 'Accept-Language': language } : {})).text;
    const catalog = async (language?: string, scenario?: MockBackendOptions['scenario']) => JSON.parse(await read(language, scenario)) as Catalog;
    /** Everything but the texts: ids, prices, seats, trials, icons. */
    const shape = (c: Catalog) =>
      c.products.map(({ id, iconUrl, trial, tiers }) => ({ id, iconUrl, trial, tiers: tiers.map(({ id: t, seats, prices, recommended }) => ({ t, seats, prices, recommended })) }));

    it('answers in Italian for it (it-IT, it;q=…): descriptions and features translated, brand names kept, ids and prices the same', async () => {
      const english = await catalog();
      const italian = await catalog('it-IT,it;q=0.9,en;q=0.8');
      expect(shape(italian)).to.deep.equal(shape(english));
      const remote = italian.products[0]!;
      expect(remote.name).to.equal('Remote Support');
      expect(remote.description).to.equal("Raggiungi e ripara qualsiasi computer, con o senza l'utente presente.");
      expect(remote.tiers.map((t) => t.name)).to.deep.equal(['Standard', 'Premium', 'Enterprise']);
      expect(remote.tiers[0]!.features).to.deep.equal(['Sessioni con utente presente', 'Trasferimento file', 'Chat di sessione']);
      expect(italian.products.find((p) => p.id === 'phone-system')!.tiers[0]!.features![1]).to.equal('Code di chiamata');
      // Every description and feature differs from the English one but for brand-like words.
      italian.products.forEach((p, i) => {
        expect(p.description).to.not.equal(english.products[i]!.description);
        p.tiers.forEach((t, j) => expect(t.features).to.not.deep.equal(english.products[i]!.tiers[j]!.features));
      });
      expect(await catalog('IT')).to.deep.equal(italian);
    });

    it('answers in Arabic for ar, in the account\'s currency', async () => {
      const english = await catalog(undefined, 'usd-account');
      const arabic = await catalog('ar-EG', 'usd-account');
      expect(shape(arabic)).to.deep.equal(shape(english));
      expect(arabic.currency).to.equal('USD');
      const meetings = arabic.products.find((p) => p.id === 'meetings')!;
      expect(meetings.name).to.equal('Meetings');
      expect(meetings.description).to.equal('اجتماعات فيديو مع مشاركة الشاشة، من أي جهاز.');
      expect(meetings.tiers[1]!.features).to.deep.equal(['250 مشاركًا', 'تسجيل سحابي غير محدود', 'تفريغ نصي', 'أدوات الرسم']);
    });

    it('falls back to English for any other language, none, or a later range only', async () => {
      const english = await read();
      for (const language of ['en-US', 'de', 'fr-CA,it;q=0.9', '*', 'ita', 'i']) expect(await read(language), language).to.equal(english);
      expect(JSON.parse(english).products[0].description).to.equal('Reach and fix any computer, attended or unattended.');
    });

    it("keeps a seed's own catalog, translating only the texts it knows", async () => {
      const seed = createState('empty-cart');
      seed.catalogs.EUR!.products[0]!.iconUrl = 'https://cdn.example.com/rs.svg';
      seed.catalogs.EUR!.products.push({ id: 'fax', name: 'Fax', description: 'Faxes.', tiers: [{ ...seed.catalogs.EUR!.products[2]!.tiers[0]!, id: 'fx' }] });
      const italian = JSON.parse((await send(setup({ seed }).backend, 'GET', '/catalog', undefined, { 'Accept-Language': 'it' })).text) as Catalog;
      expect(italian.products[0]!.iconUrl).to.equal('https://cdn.example.com/rs.svg');
      expect(italian.products.at(-1)).to.deep.include({ id: 'fax', name: 'Fax', description: 'Faxes.' });
    });

    it('names quote lines and adjustments from the catalog in the asked language', async () => {
      const { backend } = setup({ scenario: 'renewing-account' });
      await send(backend, 'POST', '/cart/items', phone(1));
      const it = await send(backend, 'POST', '/quotes', { vatId: null }, { 'Accept-Language': 'it' });
      const en = await send(backend, 'POST', '/quotes', { vatId: null });
      expect(it.quote.lines.map((l) => [l.productName, l.tierName])).to.deep.equal(en.quote.lines.map((l) => [l.productName, l.tierName]));
      expect(it.quote.adjustments!.map((a) => a.productName)).to.deep.equal(['Help Desk', 'Help Desk', 'Meetings', 'Meetings']);
      expect(it.quote.total).to.deep.equal(en.quote.total);
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

  describe('paying (1.2.0)', () => {
    /** A quote of the cart, ready to be paid with a method attached from `card` (the account's Visa without one). */
    async function payable(card?: TestToken, options: MockBackendOptions = {}) {
      const backend = new MockBackend({ now: () => new Date(NOW), scenario: 'cart-with-items', ...options });
      const methodId = card ? (await send(backend, 'POST', '/payment-methods', { token: card })).method.id : 'pm-it-visa';
      const { quote } = await send(backend, 'POST', '/quotes', { vatId: null });
      const pay = (key: string, body: { quoteId?: string; paymentMethodId?: string } = {}) =>
        send(backend, 'POST', '/orders', { quoteId: quote.id, paymentMethodId: methodId, ...body }, { 'Idempotency-Key': key });
      const lookup = (key: string) => send(backend, 'GET', `/orders?idempotencyKey=${encodeURIComponent(key)}`);
      const confirm = (orderId: string) => send(backend, 'POST', `/orders/${orderId}/confirm`);
      return { backend, quote, methodId, pay, lookup, confirm };
    }

    it('pays with the method, lines typed by product, and says the order is completed', async () => {
      const { backend, quote, pay } = await payable();
      const { status, order } = await pay('k-1');
      expect(status).to.equal(201);
      expect(order).to.deep.include({ status: 'completed', paymentMethodId: 'pm-it-visa', quoteId: quote.id });
      expect(order.lines.map((l) => l.productId)).to.deep.equal(['meetings']);
      expect(order).to.not.have.any.keys('nextAction', 'failure');
      expect(backend.attempts).to.deep.equal([order]);
    });

    describe('looking an attempt up', () => {
      it('finds the order a key made, by key and by id; 404 for a key or id never used', async () => {
        const { backend, pay, lookup } = await payable();
        const { order } = await pay('k-1');
        expect(await lookup('k-1')).to.include({ status: 200 });
        expect((await lookup('k-1')).order).to.deep.equal(order);
        expect((await send(backend, 'GET', `/orders/${order.id}`)).order).to.deep.equal(order);
        expect((await lookup('k-2')).problem).to.include({ status: 404, code: 'not_found' });
        expect((await send(backend, 'GET', '/orders/ORD-999')).problem).to.include({ status: 404, code: 'not_found' });
        // Looking up pays nothing and is no purchase.
        expect(backend.orders).to.have.length(1);
      });

      it('answers idempotency_in_progress while the first request with the key runs', async () => {
        const clock = new StepClock();
        const { backend, pay, lookup } = await payable(undefined, { clock });
        backend.latencyMs = 50;
        const paying = pay('k-1');
        await turn();
        // Looking up answers at once, while the payment waits on the provider.
        backend.latencyMs = 0;
        expect((await lookup('k-1')).problem).to.include({ status: 409, code: 'idempotency_in_progress' });
        clock.increment(50);
        expect((await paying).order.status).to.equal('completed');
        expect((await lookup('k-1')).order.status).to.equal('completed');
      });

      it('knows no key whose request was refused before paying: it may be sent again', async () => {
        const { pay, lookup } = await payable();
        expect((await pay('k-1', { paymentMethodId: 'pm-nope' })).problem).to.include({ code: 'validation_failed' });
        expect((await lookup('k-1')).status).to.equal(404);
        expect((await pay('k-1')).order.status).to.equal('completed');
      });

      it('needs the key', async () => {
        const { backend } = await payable();
        expect((await send(backend, 'GET', '/orders')).problem).to.include({ status: 400, code: 'bad_request' });
      });
    });

    describe('a quote is paid once', () => {
      it('refuses another key on a paid quote with quote_already_paid and that order, even once the quote has expired', async () => {
        let now = new Date(NOW);
        const { backend, pay } = await payable(undefined, { now: () => now });
        const { order } = await pay('k-1');
        const again = await pay('k-2');
        expect(again.problem).to.include({ status: 409, code: 'quote_already_paid' });
        expect(again.problem.order).to.deep.equal(order);
        now = new Date(now.getTime() + 31 * 60_000);
        expect((await pay('k-3')).problem.code).to.equal('quote_already_paid');
        expect(backend.orders).to.have.length(1);
      });

      it('refuses an attempt while another one on the cart is in flight, without an order yet', async () => {
        const clock = new StepClock();
        const { backend, pay } = await payable(undefined, { clock });
        backend.latencyMs = 50;
        const first = pay('k-1');
        await turn();
        backend.latencyMs = 0;
        const refused = await pay('k-2');
        expect(refused.problem).to.include({ status: 409, code: 'order_in_progress', order: null });
        clock.increment(50);
        expect((await first).order.status).to.equal('completed');
        expect(backend.orders).to.have.length(1);
      });

      it('refuses an attempt on the quote or on a new quote of the cart while one requires action', async () => {
        const { backend, pay } = await payable('tok_threeDSecureRequired');
        const { order } = await pay('k-1');
        expect(order.status).to.equal('requires_action');
        const other = await pay('k-2', { paymentMethodId: 'pm-it-visa' });
        expect(other.problem).to.include({ status: 409, code: 'order_in_progress' });
        expect(other.problem.order).to.deep.equal(order);
        const fresh = (await send(backend, 'POST', '/quotes', { vatId: null })).quote;
        expect((await pay('k-3', { quoteId: fresh.id, paymentMethodId: 'pm-it-visa' })).problem.code).to.equal('order_in_progress');
      });

      it('releases the quote when an attempt fails: a new key pays it', async () => {
        const { backend, pay } = await payable('tok_chargeDeclined');
        expect((await pay('k-1')).status).to.equal(402);
        expect((await pay('k-2', { paymentMethodId: 'pm-it-visa' })).order.status).to.equal('completed');

        const challenged = await payable('tok_threeDSecureRequired');
        const { order } = await challenged.pay('k-1');
        expect((await challenged.confirm(order.id)).order.status).to.equal('failed');
        expect((await challenged.pay('k-2', { paymentMethodId: 'pm-it-visa' })).order.status).to.equal('completed');
        expect(backend.orders).to.have.length(1);
      });
    });

    describe('declines', () => {
      for (const [card, { decline: declineCode }] of Object.entries(TEST_TOKENS).filter(([, c]) => c.decline) as [TestToken, { decline: string }][]) {
        it(`${card}: attaches, then every payment is 402 payment_declined with ${declineCode}, replayed for the key; the attempt failed`, async () => {
          const { backend, pay, lookup, methodId } = await payable(card);
          const declined = await pay('k-1');
          expect(declined.problem).to.include({ status: 402, code: 'payment_declined', declineCode });
          expect((await pay('k-1')).text).to.equal(declined.text);
          const { order } = await lookup('k-1');
          expect(order).to.deep.include({ status: 'failed', paymentMethodId: methodId });
          expect(order.failure).to.include({ code: 'payment_declined', declineCode });
          expect(backend.orders).to.have.length(0);
          expect(backend.attempts).to.deep.equal([order]);
          expect(backend.cart.items).to.have.length(1);
        });
      }
    });

    describe('3-D Secure', () => {
      it('asks for action and keeps the cart; a passed challenge confirms to completed, once', async () => {
        const { backend, pay, lookup, confirm } = await payable('tok_threeDSecureRequired');
        const placed = await pay('k-1');
        const { order } = placed;
        expect(placed.status).to.equal(201);
        expect(order.status).to.equal('requires_action');
        expect(order.nextAction).to.include({ type: 'authenticate' });
        expect(order.nextAction!.clientSecret).to.match(new RegExp(`^pi_${order.id}_secret_\\w+$`));
        expect(backend.cart.items).to.have.length(1);
        expect(backend.orders).to.have.length(0);
        backend.authenticate(order.nextAction!.clientSecret!, true);
        const confirmed = await confirm(order.id);
        expect(confirmed.status).to.equal(200);
        expect(confirmed.order).to.deep.include({ id: order.id, status: 'completed' });
        expect(confirmed.order).to.not.have.any.keys('nextAction');
        expect(backend.cart.items).to.deep.equal([]);
        expect(backend.account.subscriptions.map((s) => s.productId)).to.include('meetings');
        expect((await confirm(order.id)).order).to.deep.equal(confirmed.order);
        // The key replays its first answer; looking it up tells where the order stands now.
        expect((await pay('k-1')).text).to.equal(placed.text);
        expect((await lookup('k-1')).order.status).to.equal('completed');
        expect(backend.orders).to.have.length(1);
      });

      for (const [how, act] of [
        ['failed', (backend: MockBackend, secret: string) => backend.authenticate(secret, false)],
        ['abandoned', () => {}],
      ] as const) {
        it(`fails the order on confirming a ${how} challenge, with authentication_failed`, async () => {
          const { backend, pay, confirm } = await payable('tok_threeDSecureRequired');
          const { order } = await pay('k-1');
          act(backend, order.nextAction!.clientSecret!);
          const { order: confirmed } = await confirm(order.id);
          expect(confirmed.status).to.equal('failed');
          expect(confirmed.failure).to.include({ code: 'payment_declined', declineCode: 'authentication_failed' });
          expect(backend.cart.items).to.have.length(1);
          expect((await confirm(order.id)).order).to.deep.equal(confirmed);
        });
      }

      it('fails tok_threeDSecureFail even when the buyer passes; tok_threeDSecureSetup pays without a challenge', async () => {
        const failing = await payable('tok_threeDSecureFail');
        const { order } = await failing.pay('k-1');
        failing.backend.authenticate(order.nextAction!.clientSecret!, true);
        expect((await failing.confirm(order.id)).order.status).to.equal('failed');
        const setupOnly = await payable('tok_threeDSecureSetup');
        expect((await setupOnly.pay('k-1')).order.status).to.equal('completed');
      });

      it('returns any other order as it is on confirm; 404 for no order', async () => {
        const { backend, pay, confirm } = await payable();
        const { order } = await pay('k-1');
        expect((await confirm(order.id)).order).to.deep.equal(order);
        expect((await confirm('ORD-404')).problem).to.include({ status: 404, code: 'not_found' });
        expect(() => backend.authenticate('pi_nope_secret_x', true)).to.throw(/No challenge/);
        // Nothing to authenticate once the order is settled.
        expect(() => backend.authenticate(`pi_${order.id}_secret_x`, true)).to.throw(/No challenge/);
      });
    });

    it('leaves a bank debit processing: the cart is emptied and the products added; settle clears or bounces it', async () => {
      const { backend, pay } = await payable('tok_sepaDebit');
      const { order } = await pay('k-1');
      expect(order.status).to.equal('processing');
      expect(backend.cart.items).to.deep.equal([]);
      expect(backend.orders).to.deep.equal([order]);
      expect(backend.account.subscriptions.map((s) => s.productId)).to.include('meetings');
      expect(backend.settle(order.id, 'completed').status).to.equal('completed');
      expect(() => backend.settle(order.id, 'failed')).to.throw(/not a processing order/);

      const bounced = await payable('tok_sepaDebit');
      const { order: debit } = await bounced.pay('k-1');
      const failed = bounced.backend.settle(debit.id, 'failed');
      expect(failed.failure).to.include({ code: 'payment_declined', declineCode: 'insufficient_funds' });
      expect((await send(bounced.backend, 'GET', `/orders/${debit.id}`)).order.status).to.equal('failed');
      expect(bounced.backend.orders).to.have.length(0);
      expect(bounced.backend.account.subscriptions.map((s) => s.productId)).to.not.include('meetings');
    });

    it('answers 504 with an HTML page behind a gateway fault while the order is placed: one order, found by its key', async () => {
      const { backend, pay, lookup } = await payable();
      backend.inject({ op: 'placeOrder', gateway: true, times: 2 });
      for (let i = 0; i < 2; i++) {
        const lost = await pay('k-1');
        expect(lost.status).to.equal(504);
        expect(lost.type).to.equal('text/html');
        expect(lost.text).to.equal('<html><body><h1>504 Gateway Time-out</h1></body></html>');
        expect(backend.orders).to.have.length(1);
      }
      const { order } = await lookup('k-1');
      expect(order.status).to.equal('completed');
      expect((await pay('k-1')).order).to.deep.equal(order);
      expect(backend.attempts).to.have.length(1);
    });
  });

  describe('payment-method setups (1.2.0)', () => {
    /** A setup for the account, and the calls that finish it. */
    async function started(scenario: MockBackendOptions['scenario'] = 'empty-cart') {
      const backend = new MockBackend({ scenario });
      const created = await send(backend, 'POST', '/payment-methods/setup', { type: 'card' });
      const attach = (body: Record<string, unknown> = { setupId: created.setup.id }) => send(backend, 'POST', '/payment-methods', body);
      return { backend, created, setup: created.setup, attach };
    }

    it('creates a setup with a client secret; a card the bank does not challenge attaches, once per setup', async () => {
      const { backend, created, setup, attach } = await started();
      expect(created.status).to.equal(201);
      expect(setup.id).to.match(/^seti_\d+$/);
      expect(setup.clientSecret).to.match(new RegExp(`^${setup.id}_secret_\\w+$`));
      expect(backend.confirmSetup(setup.clientSecret, 'tok_mastercard')).to.deep.equal({ challenge: false });
      const first = await attach({ setupId: setup.id, makeDefault: true });
      expect(first.status).to.equal(201);
      expect(first.method).to.deep.include({ type: 'card', label: 'Mastercard •••• 4444', expires: '2029-08', isDefault: true });
      expect((await attach()).method).to.deep.equal(first.method);
      expect(backend.account.paymentMethods.filter((m) => m.id === first.method.id)).to.have.length(1);
    });

    it('attaches after a passed challenge; before it ends, the setup is incomplete', async () => {
      const { backend, setup, attach } = await started();
      expect(backend.confirmSetup(setup.clientSecret, 'tok_threeDSecureSetup')).to.deep.equal({ challenge: true });
      const early = await attach();
      expect(early.problem).to.include({ status: 422, code: 'validation_failed' });
      expect(early.problem.errors).to.deep.include.members([
        { field: 'setupId', code: 'setup_incomplete', message: 'The payment provider has not confirmed this setup yet.' },
      ]);
      backend.authenticate(setup.clientSecret, true);
      expect((await attach()).method).to.include({ label: 'Visa •••• 3155' });
    });

    it('declines a setup whose challenge failed, with authentication_failed; tok_threeDSecureFail always fails', async () => {
      for (const [card, passed] of [
        ['tok_threeDSecureRequired', false],
        ['tok_threeDSecureFail', true],
      ] as const) {
        const { backend, setup, attach } = await started();
        backend.confirmSetup(setup.clientSecret, card);
        backend.authenticate(setup.clientSecret, passed);
        expect((await attach()).problem, card).to.include({ status: 402, code: 'payment_declined', declineCode: 'authentication_failed' });
        expect(backend.account.paymentMethods).to.have.length(1);
      }
    });

    it('refuses a setup not confirmed, an unknown one, and setupId with token', async () => {
      const { setup, attach } = await started();
      expect((await attach()).problem.errors).to.deep.equal([
        { field: 'setupId', code: 'setup_incomplete', message: 'The payment provider has not confirmed this setup yet.' },
      ]);
      const unknown = await attach({ setupId: 'seti_404' });
      expect(unknown.problem).to.include({ status: 422, code: 'validation_failed' });
      expect(unknown.problem.errors![0]).to.include({ field: 'setupId', code: 'not_found' });
      expect((await attach({ setupId: setup.id, token: 'tok_visa' })).problem).to.include({ status: 422, code: 'validation_failed' });
      expect((await attach({})).problem).to.include({ status: 422, code: 'validation_failed' });
    });

    it('saves a bank account as sepa_debit', async () => {
      const { backend, setup, attach } = await started();
      backend.confirmSetup(setup.clientSecret, 'tok_sepaDebit');
      expect((await attach()).method).to.deep.include({ type: 'sepa_debit', label: 'SEPA Direct Debit •••• 3000', expires: null });
    });

    it('throws at the network for an unknown card or setup, and for a second confirmation', async () => {
      const { backend, setup } = await started();
      expect(() => backend.confirmSetup('seti_404_secret_x', 'tok_visa')).to.throw(/No setup/);
      expect(() => backend.confirmSetup(setup.clientSecret, 'tok_nope')).to.throw(/not a test card/);
      backend.confirmSetup(setup.clientSecret, 'tok_visa');
      expect(() => backend.confirmSetup(setup.clientSecret, 'tok_visa')).to.throw(/already confirmed/);
      expect(() => backend.authenticate(setup.clientSecret, true)).to.throw(/No challenge/);
    });

    it('lets only the billing contact start a setup', async () => {
      const backend = new MockBackend({ scenario: 'user' });
      expect((await send(backend, 'POST', '/payment-methods/setup', {})).problem).to.include({ status: 403, code: 'forbidden_role' });
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
