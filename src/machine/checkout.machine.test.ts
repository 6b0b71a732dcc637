import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createActor } from 'xstate';
import { checkoutMachine, type CheckoutActor, type CheckoutEmitted, type CheckoutSnapshot } from './checkout.machine.js';
import { commitAction, orderState, stepOf } from './selectors.js';
import { MockBackend, type ScenarioName } from '../mock/backend.js';
import { createMockAdapter } from '../mock/adapter.js';
import { StepClock } from '../mock/clock.js';
import type { PaymentMethod, Product } from '../contract/types.js';
import type { PaymentProvider } from '../adapter/billing-adapter.js';
import { TEST_TOKENS, type TestToken } from '../mock/fixtures.js';
import { toSaved, type Saved } from './persist.js';

// The machine without a DOM, on the real in-memory backend; the machine and the backend share one simulated clock.

const FAST = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };
const clocks = new WeakMap<CheckoutActor, StepClock>();

function start(
  scenario: ScenarioName = 'empty-cart',
  options: {
    product?: string;
    backend?: MockBackend;
    restore?: Saved;
    orderTimeoutMs?: number;
    retries?: number;
    locale?: string;
    provider?: PaymentProvider;
  } = {},
) {
  const clock = new StepClock();
  const backend = options.backend ?? new MockBackend({ scenario });
  backend.clock = clock;
  let keys = 0;
  const adapter = createMockAdapter(backend);
  // The VAT ID each quote was asked with.
  const quotedWith: Array<string | null> = [];
  const createQuote = adapter.createQuote.bind(adapter);
  adapter.createQuote = (body, o) => (quotedWith.push(body.vatId ?? null), createQuote(body, o));
  const actor = createActor(checkoutMachine, {
    clock,
    input: {
      adapter,
      product: options.product,
      locale: options.locale,
      newKey: () => `key-${++keys}`,
      retry: { ...FAST, retries: options.retries ?? FAST.retries },
      orderTimeoutMs: options.orderTimeoutMs,
      restore: options.restore,
      provider: options.provider,
    },
  });
  clocks.set(actor, clock);
  const emitted: CheckoutEmitted[] = [];
  actor.on('*', (e) => emitted.push(e as CheckoutEmitted));
  actor.start();
  return { actor, backend, emitted, clock, quotedWith };
}

/** Lets every answer in flight arrive: the in-process backend answers in promise turns, never in real time. */
async function flush() {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}

/** Runs until `done` holds: answers arrive, and while it does not hold the clock jumps to the next timer. */
async function until(actor: CheckoutActor, done: (s: CheckoutSnapshot) => boolean) {
  const clock = clocks.get(actor)!;
  for (let i = 0; i < 1000; i++) {
    await flush();
    if (done(actor.getSnapshot())) return;
    if (!clock.next()) break;
  }
  await flush();
  if (!done(actor.getSnapshot())) throw new Error(`stuck at ${JSON.stringify(actor.getSnapshot().value)}`);
}

/** What the element would save for this actor now. */
const toSavedOf = (actor: CheckoutActor) => toSaved(stepOf(actor.getSnapshot()), ctx(actor), !!orderState(actor.getSnapshot()))!;

/** The key of every attempt sent (POST /orders), in order. */
const orderKeys = (backend: MockBackend) => backend.requests.filter((r) => r.method === 'POST' && r.path === '/orders').map((r) => r.idempotencyKey);
/** How many times an attempt was looked up by its key. */
const lookups = (backend: MockBackend) => backend.requests.filter((r) => r.method === 'GET' && r.path === '/orders').length;

const api = (backend: MockBackend, path: string, body: unknown, headers: Record<string, string> = {}) =>
  backend.fetch(`https://mock.invalid${backend.basePath}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A card already on file (saved through the contract's token path), before the widget loads. */
const attach = async (backend: MockBackend, token: TestToken) => (await (await api(backend, '/payment-methods', { token })).json()) as PaymentMethod;

/**
 * A payment provider's fields and its bank, on the mock's network: the buyer "enters" `card`, and
 * every challenge is passed, failed, abandoned (closed without an answer, which rejects) or left open.
 */
function bank(backend: MockBackend, card: TestToken, challenge: 'pass' | 'fail' | 'abandon' | 'hang' = 'pass') {
  const answer = async (secret: string) => {
    if (challenge === 'hang') return new Promise<void>(() => {});
    if (challenge === 'abandon') throw new Error('The challenge was closed.');
    backend.authenticate(secret, challenge === 'pass');
  };
  const challenges: string[] = [];
  const provider: PaymentProvider = {
    mount() {},
    unmount() {},
    async confirmSetup(secret) {
      if (backend.confirmSetup(secret, card).challenge) await answer(secret);
    },
    async handleNextAction(action) {
      challenges.push(action.clientSecret!);
      await answer(action.clientSecret!);
    },
  };
  return Object.assign(provider, { challenges });
}
/** Until the actor rests at a step; a timer pending at rest (the VAT field's pause) is left alone. */
const settle = (actor: CheckoutActor) => until(actor, (s) => !s.hasTag('busy') && stepOf(s) !== 'loading');
const step = (actor: CheckoutActor) => stepOf(actor.getSnapshot());
const ctx = (actor: CheckoutActor) => actor.getSnapshot().context;
const products = (actor: CheckoutActor) => ctx(actor).catalog!.products;

async function send(actor: CheckoutActor, event: Parameters<CheckoutActor['send']>[0]) {
  actor.send(event);
  await settle(actor);
}

const buyable = (actor: CheckoutActor, test: (p: Product) => boolean) => {
  const { account } = ctx(actor);
  const found = products(actor).find((p) => !account!.subscriptions.some((s) => s.productId === p.id) && test(p));
  if (!found) throw new Error('no fixture product fits this test');
  return found;
};
const withTrial = (a: CheckoutActor) =>
  buyable(a, (p) => !!p.trial && p.tiers.length > 1 && !ctx(a).account!.trialsUsed.includes(p.id));
const singleTierNoTrial = (a: CheckoutActor) => buyable(a, (p) => p.tiers.length === 1 && !p.trial);

/** Walks a buy of `product` from select to the term step, with the range's minimum licenses. */
async function toTerm(actor: CheckoutActor, product: Product) {
  await send(actor, { type: 'SELECT', productId: product.id });
  if (step(actor) === 'mode') await send(actor, { type: 'MODE', mode: 'buy' });
  if (step(actor) === 'tier') await send(actor, { type: 'TIER', tierId: product.tiers[0]!.id });
  expect(step(actor)).to.equal('seats');
  await send(actor, { type: 'NEXT' });
  expect(step(actor)).to.equal('term');
}

describe('checkout machine', () => {
  describe('start and gates', () => {
    it('loads account, catalog and cart in parallel, then shows select', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart', latencyMs: 30 });
      const { actor } = start('empty-cart', { backend });
      await flush();
      // All three are in flight before any answer (the backend's 30 ms have not passed): no waterfall.
      expect(backend.requests).to.have.length(3);
      expect(step(actor)).to.equal('loading');
      await settle(actor);
      expect(step(actor)).to.equal('select');
      expect(backend.requests.map((r) => r.path).sort()).to.deep.equal(['/account', '/cart', '/catalog']);
    });

    it('sends a signed-out viewer to signed-out and tells the host', async () => {
      const { actor, emitted } = start('signed-out');
      await settle(actor);
      expect(step(actor)).to.equal('signed-out');
      expect(emitted.filter((e) => e.type === 'error').map((e) => (e as { code: string }).code)).to.deep.equal(['unauthenticated']);
    });

    it('sends a corporate account to corporate and a plain user to forbidden', async () => {
      const corporate = start('corporate');
      await settle(corporate.actor);
      expect(step(corporate.actor)).to.equal('corporate');
      expect(ctx(corporate.actor).account!.corporatePortalUrl).to.match(/^https:/);
      const user = start('user');
      await settle(user.actor);
      expect(step(user.actor)).to.equal('forbidden');
    });

    it('shows unavailable when the backend is down, and Retry loads again', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      backend.inject({ op: '*', status: 503, times: 3 });
      const { actor } = start('empty-cart', { backend });
      await settle(actor);
      expect(step(actor)).to.equal('unavailable');
      expect(ctx(actor).error!.code).to.equal('unavailable');
      await send(actor, { type: 'RETRY' });
      expect(step(actor)).to.equal('select');
    });

    it('starts at the product given in `product`', async () => {
      const probe = start();
      await settle(probe.actor);
      const product = withTrial(probe.actor);
      const { actor } = start('empty-cart', { product: product.id });
      await settle(actor);
      expect(step(actor)).to.equal('mode');
      expect(ctx(actor).draft.productId).to.equal(product.id);
    });

    it('ignores a `product` that is unknown or already owned', async () => {
      const unknown = start('empty-cart', { product: 'no-such-product' });
      await settle(unknown.actor);
      expect(step(unknown.actor)).to.equal('select');
      const owned = ctx(unknown.actor).account!.subscriptions[0]!.productId;
      const { actor } = start('empty-cart', { product: owned });
      await settle(actor);
      expect(step(actor)).to.equal('select');
      expect(ctx(actor).draft.productId).to.equal(undefined);
    });
  });

  describe('choosing an item', () => {
    it('does not let an owned product be chosen', async () => {
      const { actor } = start();
      await settle(actor);
      const owned = ctx(actor).account!.subscriptions[0]!.productId;
      await send(actor, { type: 'SELECT', productId: owned });
      expect(step(actor)).to.equal('select');
    });

    it('offers the mode step only when a trial is available', async () => {
      const { actor } = start();
      await settle(actor);
      await send(actor, { type: 'SELECT', productId: withTrial(actor).id });
      expect(step(actor)).to.equal('mode');
      await send(actor, { type: 'BACK' });
      const used = ctx(actor).account!.trialsUsed[0]!;
      await send(actor, { type: 'SELECT', productId: used });
      expect(step(actor)).to.not.equal('mode');
      expect(ctx(actor).draft.mode).to.equal('buy');
    });

    it('skips the tier step for a single-tier product, and Back skips it too', async () => {
      const { actor } = start();
      await settle(actor);
      await send(actor, { type: 'SELECT', productId: singleTierNoTrial(actor).id });
      expect(step(actor)).to.equal('seats');
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('select');
    });

    it('preselects the recommended tier and keeps the choice across Back', async () => {
      const { actor } = start();
      await settle(actor);
      const product = withTrial(actor);
      await send(actor, { type: 'SELECT', productId: product.id });
      await send(actor, { type: 'MODE', mode: 'buy' });
      const recommended = product.tiers.find((t) => t.recommended) ?? product.tiers[0]!;
      expect(ctx(actor).draft.tierId).to.equal(recommended.id);
      const other = product.tiers.find((t) => t.id !== recommended.id)!;
      await send(actor, { type: 'TIER', tierId: other.id });
      await send(actor, { type: 'SEATS', text: String(other.seats.min + (other.seats.step ?? 1)) });
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('tier');
      expect(ctx(actor).draft.tierId).to.equal(other.id);
      await send(actor, { type: 'TIER', tierId: other.id });
      expect(ctx(actor).draft.seatsText).to.equal(String(other.seats.min + (other.seats.step ?? 1)));
    });

    it('keeps bad licenses input, refuses Next and says so', async () => {
      const { actor } = start();
      await settle(actor);
      await send(actor, { type: 'SELECT', productId: singleTierNoTrial(actor).id });
      for (const text of ['', '0', '-3', '2.5', 'ten', '1e9', '99999999']) {
        await send(actor, { type: 'SEATS', text });
        await send(actor, { type: 'NEXT' });
        expect(step(actor), text).to.equal('seats');
        expect(ctx(actor).draft.seatsText).to.equal(text);
        expect(ctx(actor).seatsTouched).to.equal(true);
      }
      const min = singleTierNoTrial(actor).tiers[0]!.seats.min;
      await send(actor, { type: 'SEATS', text: ` ${min} ` });
      await send(actor, { type: 'NEXT' });
      expect(step(actor)).to.equal('term');
    });
  });

  describe('licenses written as the locale writes numbers', () => {
    for (const [locale, text, seats] of [
      ['en', '1,000', 1000],
      ['it', '1.000', 1000],
      ['de', '1.000', 1000],
      ['fr', '1 000', 1000],
      ['en', '1 000', 1000],
    ] as const) {
      it(`"${text}" in ${locale} is ${seats} licenses, in the cart and at the billing step`, async () => {
        const { actor, backend } = start('empty-cart', { locale });
        await settle(actor);
        const product = buyable(actor, (p) => p.tiers.length === 1 && !p.trial && p.tiers[0]!.seats.max >= seats);
        await send(actor, { type: 'SELECT', productId: product.id });
        await send(actor, { type: 'SEATS', text });
        await send(actor, { type: 'NEXT' });
        expect(step(actor)).to.equal('term');
        expect(ctx(actor).draft.seatsText, 'what was typed is kept').to.equal(text);
        await send(actor, { type: 'COMMIT' });
        expect(backend.cart.items[0]!.seats).to.equal(seats);
      });
    }

    it('a grouping mark of another locale is not read as one: "1,000" in Italian is refused at the field', async () => {
      const { actor } = start('empty-cart', { locale: 'it' });
      await settle(actor);
      await send(actor, { type: 'SELECT', productId: singleTierNoTrial(actor).id });
      for (const text of ['1,000', '1.00', '10.00.0']) {
        await send(actor, { type: 'SEATS', text });
        await send(actor, { type: 'NEXT' });
        expect(step(actor), text).to.equal('seats');
      }
    });
  });

  describe('promotion codes', () => {
    /** Review of one product, not Phone System (PHONE10 is for Phone System only). */
    async function toReview() {
      const started = start('empty-cart');
      await settle(started.actor);
      await toTerm(started.actor, buyable(started.actor, (p) => p.id !== 'phone-system'));
      await send(started.actor, { type: 'COMMIT' });
      expect(step(started.actor)).to.equal('review');
      return started;
    }

    it('applies a code at review: the quote carries the discount, the code survives Edit order and a reload', async () => {
      const { actor, backend, quotedWith } = await toReview();
      const before = ctx(actor).quote!.total.amount;
      await send(actor, { type: 'PROMO', text: ' welcome20 ' });
      await send(actor, { type: 'APPLY_PROMO' });
      expect(ctx(actor).promoCode).to.equal('WELCOME20');
      expect(ctx(actor).quote!.discounts!.map((d) => d.code)).to.deep.equal(['WELCOME20']);
      expect(ctx(actor).quote!.total.amount).to.be.lessThan(before);
      const item = backend.cart.items[0]!;
      await send(actor, { type: 'EDIT', itemId: item.id });
      if (step(actor) === 'tier') await send(actor, { type: 'TIER', tierId: item.tierId });
      await send(actor, { type: 'NEXT' });
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('review');
      expect(ctx(actor).quote!.discounts!.map((d) => d.code), 'after Edit order').to.deep.equal(['WELCOME20']);
      const saved = toSavedOf(actor);
      expect(saved.promoCode).to.equal('WELCOME20');
      const again = start('empty-cart', { backend, restore: saved });
      await settle(again.actor);
      expect(step(again.actor)).to.equal('review');
      expect(ctx(again.actor).quote!.discounts!.map((d) => d.code), 'after a reload').to.deep.equal(['WELCOME20']);
      expect(quotedWith.length).to.be.greaterThan(0);
    });

    for (const [code, expected] of [
      ['NOPE', 'promotion_code_invalid'],
      ['SUMMER24', 'promotion_code_expired'],
      ['PHONE10', 'promotion_code_not_applicable'],
    ] as const) {
      it(`${code} is refused at its field (${expected}); the order is priced without it`, async () => {
        const { actor } = await toReview();
        const total = ctx(actor).quote!.total.amount;
        await send(actor, { type: 'PROMO', text: code });
        await send(actor, { type: 'APPLY_PROMO' });
        expect(step(actor)).to.equal('review');
        expect(actor.getSnapshot().matches({ review: 'ready' })).to.equal(true);
        expect(ctx(actor).error!.code).to.equal(expected);
        expect(ctx(actor).promoCode).to.equal(undefined);
        expect(ctx(actor).promoText, 'what the user typed is kept').to.equal(code);
        expect(ctx(actor).quote!.discounts ?? []).to.deep.equal([]);
        expect(ctx(actor).quote!.total.amount).to.equal(total);
      });
    }

    it('Remove takes the code off and prices again', async () => {
      const { actor } = await toReview();
      await send(actor, { type: 'PROMO', text: 'SAVE50' });
      await send(actor, { type: 'APPLY_PROMO' });
      expect(ctx(actor).quote!.discounts).to.have.length(1);
      await send(actor, { type: 'REMOVE_PROMO' });
      expect(ctx(actor).promoCode).to.equal(undefined);
      expect(ctx(actor).quote!.discounts ?? []).to.deep.equal([]);
    });
  });

  describe('finding the way back', () => {
    it('Back from a review reached without a cart step goes to the billing choice of the item, editing it', async () => {
      const { actor, backend } = start('empty-cart');
      await settle(actor);
      await toTerm(actor, singleTierNoTrial(actor));
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('review');
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('term');
      expect(commitAction(ctx(actor))).to.equal('save');
      await send(actor, { type: 'TERM', term: 'annual' });
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('review');
      expect(backend.cart.items).to.have.length(1);
      expect(backend.cart.items[0]!.term).to.equal('annual');
    });

    it('a done step chosen in the progress indicator: before the cart a plain step back, after it an edit of the item', async () => {
      const { actor } = start('empty-cart');
      await settle(actor);
      const product = singleTierNoTrial(actor);
      await toTerm(actor, product);
      await send(actor, { type: 'GO_TO', step: 'seats' });
      expect(step(actor)).to.equal('seats');
      expect(ctx(actor).editing).to.equal(undefined);
      await send(actor, { type: 'GO_TO', step: 'review' });
      expect(step(actor), 'a step not done yet is not a way').to.equal('seats');
      await send(actor, { type: 'NEXT' });
      await send(actor, { type: 'COMMIT' });
      await send(actor, { type: 'CONTINUE' });
      expect(step(actor)).to.equal('pay');
      await send(actor, { type: 'GO_TO', step: 'seats' });
      expect(step(actor)).to.equal('seats');
      expect(ctx(actor).editing).to.deep.include({ returnTo: 'review' });
      await send(actor, { type: 'GO_TO', step: 'select' });
      expect(step(actor)).to.equal('select');
    });
  });

  describe('cart and commit', () => {
    it('says Complete transaction on an empty cart and goes straight to review', async () => {
      const { actor, backend, emitted } = start();
      await settle(actor);
      await toTerm(actor, singleTierNoTrial(actor));
      expect(commitAction(ctx(actor))).to.equal('complete');
      await send(actor, { type: 'TERM', term: 'annual' });
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('review');
      expect(backend.cart.items).to.have.length(1);
      expect(backend.cart.items[0]!.term).to.equal('annual');
      expect(ctx(actor).quote!.lines).to.have.length(1);
      expect(emitted.some((e) => e.type === 'cart-change')).to.equal(true);
    });

    it('says Add to cart when the cart holds items, and checks out both in one quote', async () => {
      const { actor, backend } = start('cart-with-items');
      await settle(actor);
      expect(ctx(actor).cart!.items).to.have.length(1);
      await toTerm(actor, singleTierNoTrial(actor));
      expect(commitAction(ctx(actor))).to.equal('add-to-cart');
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('cart');
      expect(backend.cart.items).to.have.length(2);
      await send(actor, { type: 'CHECKOUT' });
      expect(step(actor)).to.equal('review');
      expect(ctx(actor).quote!.lines).to.have.length(2);
      await send(actor, { type: 'CONTINUE' });
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('done');
      expect(backend.orders).to.have.length(1);
      expect(backend.orders[0]!.lines).to.have.length(2);
    });

    it('"Edit order" keeps every value and updates the same item', async () => {
      const { actor, backend } = start();
      await settle(actor);
      const product = singleTierNoTrial(actor);
      await toTerm(actor, product);
      await send(actor, { type: 'TERM', term: 'annual' });
      await send(actor, { type: 'COMMIT' });
      const item = backend.cart.items[0]!;
      await send(actor, { type: 'EDIT', itemId: item.id });
      expect(step(actor)).to.equal('seats');
      expect(ctx(actor).draft).to.include({ productId: item.productId, tierId: item.tierId, seatsText: String(item.seats), term: 'annual' });
      const range = product.tiers[0]!.seats;
      const more = range.min + (range.step ?? 1);
      await send(actor, { type: 'SEATS', text: String(more) });
      await send(actor, { type: 'NEXT' });
      expect(commitAction(ctx(actor))).to.equal('save');
      await send(actor, { type: 'COMMIT' });
      expect(step(actor)).to.equal('review');
      expect(backend.cart.items).to.have.length(1);
      expect(backend.cart.items[0]).to.include({ id: item.id, seats: more });
      expect(ctx(actor).quote!.lines[0]!.seats).to.equal(more);
    });

    it('picking a product already in the cart edits that item', async () => {
      const { actor, backend } = start('cart-with-items');
      await settle(actor);
      const item = backend.cart.items[0]!;
      await send(actor, { type: 'SELECT', productId: item.productId });
      expect(ctx(actor).editing).to.deep.equal({ itemId: item.id, returnTo: 'cart' });
      const product = products(actor).find((p) => p.id === item.productId)!;
      // Editing skips the choice of mode: the item's first own step.
      expect(step(actor)).to.equal(product.tiers.length > 1 ? 'tier' : 'seats');
    });

    it('removes items, and an emptied cart goes back to select', async () => {
      const { actor, backend } = start('cart-with-items');
      await settle(actor);
      await toTerm(actor, singleTierNoTrial(actor));
      await send(actor, { type: 'COMMIT' });
      const [first, second] = backend.cart.items;
      await send(actor, { type: 'REMOVE', itemId: first!.id });
      expect(step(actor)).to.equal('cart');
      expect(ctx(actor).cart!.items.map((i) => i.id)).to.deep.equal([second!.id]);
      await send(actor, { type: 'REMOVE', itemId: second!.id });
      expect(backend.cart.items).to.have.length(0);
      // Undo stays for a few seconds, then the product list.
      expect(actor.getSnapshot().matches({ cart: 'emptied' })).to.equal(true);
      clocks.get(actor)!.increment(8000);
      await flush();
      expect(step(actor)).to.equal('select');
    });

    it('Undo after removing the last item puts it back as it was', async () => {
      const { actor, backend } = start('cart-with-items');
      await settle(actor);
      const [only] = backend.cart.items;
      await send(actor, { type: 'CHECKOUT' });
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('cart');
      await send(actor, { type: 'REMOVE', itemId: only!.id });
      expect(ctx(actor).removed!.id).to.equal(only!.id);
      await send(actor, { type: 'UNDO' });
      expect(actor.getSnapshot().matches({ cart: 'idle' })).to.equal(true);
      const { productId, tierId, seats, term } = only!;
      expect(backend.cart.items.map(({ productId, tierId, seats, term }) => ({ productId, tierId, seats, term }))).to.deep.equal([{ productId, tierId, seats, term }]);
    });
  });

  describe('trial', () => {
    it('starts a trial from the licenses step, with no payment and no cart', async () => {
      const { actor, backend, emitted } = start();
      await settle(actor);
      const product = withTrial(actor);
      await send(actor, { type: 'SELECT', productId: product.id });
      await send(actor, { type: 'MODE', mode: 'trial' });
      await send(actor, { type: 'TIER', tierId: product.tiers[0]!.id });
      expect(commitAction(ctx(actor))).to.equal('start-trial');
      expect(ctx(actor).draft.seatsText).to.equal(String(product.trial!.seats.min));
      await send(actor, { type: 'START_TRIAL' });
      expect(step(actor)).to.equal('done');
      expect(ctx(actor).trial!.productId).to.equal(product.id);
      expect(backend.cart.items).to.have.length(0);
      expect(backend.orders).to.have.length(0);
      expect(emitted.some((e) => e.type === 'trial-started')).to.equal(true);
    });
  });

  describe('paying', () => {
    async function toPay(
      scenario: ScenarioName = 'empty-cart',
      backend?: MockBackend,
      options: { orderTimeoutMs?: number; retries?: number; provider?: (backend: MockBackend) => PaymentProvider } = {},
    ) {
      backend ??= new MockBackend({ scenario });
      const started = start(scenario, { ...options, backend, provider: options.provider?.(backend) });
      await settle(started.actor);
      await toTerm(started.actor, singleTierNoTrial(started.actor));
      await send(started.actor, { type: 'COMMIT' });
      await send(started.actor, { type: 'CONTINUE' });
      expect(step(started.actor)).to.equal('pay');
      return started;
    }

    it('preselects the default method and places one order, which empties the cart', async () => {
      const { actor, backend, emitted } = await toPay();
      expect(ctx(actor).paymentMethodId).to.equal(ctx(actor).account!.paymentMethods.find((m) => m.isDefault)!.id);
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('done');
      expect(backend.orders).to.have.length(1);
      expect(ctx(actor).order!.id).to.equal(backend.orders[0]!.id);
      expect(ctx(actor).cart!.items).to.have.length(0);
      expect(emitted.filter((e) => e.type === 'order-placed')).to.have.length(1);
    });

    /** Saves the provider's card as a method, through a setup the provider confirms; it becomes the chosen one. */
    async function addCard(actor: CheckoutActor) {
      await send(actor, { type: 'ADD_METHOD' });
      await send(actor, { type: 'SAVE_METHOD' });
      return ctx(actor).paymentMethodId!;
    }

    for (const [card, { decline: declineCode }] of Object.entries(TEST_TOKENS).filter(([, c]) => c.decline) as [TestToken, { decline: string }][]) {
      it(`a ${declineCode} decline shows at pay with its reason; the attempt is over, so paying again is a new key`, async () => {
        const { actor, backend } = await toPay('empty-cart', undefined, { provider: (b) => bank(b, card) });
        const declined = await addCard(actor);
        expect(ctx(actor).account!.paymentMethods.map((m) => m.id)).to.include(declined);
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('pay');
        expect(ctx(actor).error!.code).to.equal('payment_declined');
        expect(ctx(actor).error!.declineCode).to.equal(declineCode);
        expect(ctx(actor).attempt).to.equal(undefined);
        await send(actor, { type: 'PLACE_ORDER' });
        expect(orderKeys(backend), 'the declined card is not tried again until chosen again').to.have.length(1);
        await send(actor, { type: 'PAYMENT_METHOD', id: declined });
        await send(actor, { type: 'PLACE_ORDER' });
        expect(ctx(actor).error!.declineCode, 'the same card chosen again: declined again').to.equal(declineCode);
        const good = ctx(actor).account!.paymentMethods.find((m) => m.id !== declined)!;
        await send(actor, { type: 'PAYMENT_METHOD', id: good.id });
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(backend.orders).to.have.length(1);
        const keys = orderKeys(backend);
        expect(new Set(keys).size, 'each attempt its own key').to.equal(3);
      });
    }

    describe('3-D Secure', () => {
      it('passed: the bank challenges the payment, the order is confirmed; one order', async () => {
        let provider!: ReturnType<typeof bank>;
        const { actor, backend } = await toPay('empty-cart', undefined, { provider: (b) => (provider = bank(b, 'tok_threeDSecureRequired')) });
        await addCard(actor);
        expect(provider.challenges, 'the setup is challenged inside confirmSetup').to.have.length(0);
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(provider.challenges).to.have.length(1);
        expect(backend.orders).to.have.length(1);
        expect(backend.orders[0]!.status).to.equal('completed');
        expect(orderKeys(backend)).to.have.length(1);
      });

      it('a card challenged only when saved pays without a second challenge', async () => {
        let provider!: ReturnType<typeof bank>;
        const { actor } = await toPay('empty-cart', undefined, { provider: (b) => (provider = bank(b, 'tok_threeDSecureSetup')) });
        await addCard(actor);
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(provider.challenges).to.have.length(0);
      });

      for (const how of ['fail', 'abandon'] as const) {
        it(`a challenge ${how === 'fail' ? 'failed' : 'abandoned'} when saving a card: no card is saved, the reason shows at the method`, async () => {
          const { actor, backend } = await toPay('empty-cart', undefined, { provider: (b) => bank(b, 'tok_threeDSecureRequired', how) });
          const before = ctx(actor).account!.paymentMethods.length;
          await send(actor, { type: 'ADD_METHOD' });
          await send(actor, { type: 'SAVE_METHOD' });
          expect(ctx(actor).account!.paymentMethods).to.have.length(before);
          expect(backend.account.paymentMethods).to.have.length(before);
          expect(ctx(actor).error!.code).to.equal(how === 'fail' ? 'payment_declined' : 'payment_method_failed');
        });

        it(`a payment challenge ${how === 'fail' ? 'failed' : 'abandoned'}: back at pay with the bank's message; another card then pays under a new key`, async () => {
          const backend = new MockBackend({ scenario: 'empty-cart' });
          const card = await attach(backend, 'tok_threeDSecureRequired');
          const { actor } = await toPay('empty-cart', backend, { provider: (b) => bank(b, 'tok_threeDSecureRequired', how) });
          const good = ctx(actor).paymentMethodId!;
          await send(actor, { type: 'PAYMENT_METHOD', id: card.id });
          await send(actor, { type: 'PLACE_ORDER' });
          expect(step(actor)).to.equal('pay');
          expect(ctx(actor).error!.declineCode).to.equal('authentication_failed');
          expect(ctx(actor).attempt).to.equal(undefined);
          expect(backend.orders).to.have.length(0);
          await send(actor, { type: 'PAYMENT_METHOD', id: good });
          await send(actor, { type: 'PLACE_ORDER' });
          expect(step(actor)).to.equal('done');
          expect(backend.orders).to.have.length(1);
          const keys = orderKeys(backend);
          expect(keys).to.have.length(2);
          expect(keys[0]).to.not.equal(keys[1]);
        });
      }

      it('a card whose challenge always fails: declined with authentication_failed, even when the buyer completes it', async () => {
        const backend = new MockBackend({ scenario: 'empty-cart' });
        const card = await attach(backend, 'tok_threeDSecureFail');
        const { actor } = await toPay('empty-cart', backend, { provider: (b) => bank(b, 'tok_threeDSecureFail') });
        await send(actor, { type: 'PAYMENT_METHOD', id: card.id });
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('pay');
        expect(ctx(actor).error!.declineCode).to.equal('authentication_failed');
        expect(backend.orders).to.have.length(0);
      });

      it('resumed after a reload during the challenge: looked up by its key and challenged again, never sent again', async () => {
        const backend = new MockBackend({ scenario: 'empty-cart' });
        const card = await attach(backend, 'tok_threeDSecureRequired');
        const first = await toPay('empty-cart', backend, { provider: (b) => bank(b, 'tok_threeDSecureRequired', 'hang') });
        await send(first.actor, { type: 'PAYMENT_METHOD', id: card.id });
        first.actor.send({ type: 'PLACE_ORDER' });
        await until(first.actor, (s) => orderState(s) === 'authenticating');
        const attempt = ctx(first.actor).attempt!;
        const account = ctx(first.actor).account!.id;
        first.actor.stop(); // the reload, with the bank's window open
        const provider = bank(backend, 'tok_threeDSecureRequired');
        const { actor } = start('empty-cart', {
          backend,
          provider,
          restore: { v: 2, account, step: 'pay', draft: { seatsText: '', term: 'monthly' }, attempt, paymentMethodId: card.id },
        });
        await settle(actor);
        expect(step(actor)).to.equal('done');
        expect(orderKeys(backend)).to.deep.equal([attempt.key]);
        expect(lookups(backend)).to.equal(1);
        expect(provider.challenges).to.have.length(1);
        expect(backend.orders).to.have.length(1);
      });
    });

    it('a bank debit stays processing: the order is placed and ends on its confirmation', async () => {
      const { actor, backend } = await toPay('empty-cart', undefined, { provider: (b) => bank(b, 'tok_sepaDebit') });
      await addCard(actor);
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('done');
      expect(ctx(actor).order!.status).to.equal('processing');
      expect(backend.orders).to.have.length(1);
      expect(ctx(actor).cart!.items).to.have.length(0);
    });

    describe("a gateway's 504 while the backend charges", () => {
      for (const [what, fault] of [
        ["a gateway's 504 page", { gateway: true }],
        ['a lost answer', { drop: 'after' }],
      ] as const) {
        it(`${what} is not a failure: the attempt is looked up by its key, never sent again, and the one order is confirmed`, async () => {
          const { actor, backend } = await toPay();
          backend.inject({ op: 'placeOrder', ...fault });
          await send(actor, { type: 'PLACE_ORDER' });
          expect(step(actor)).to.equal('done');
          expect(orderKeys(backend)).to.have.length(1);
          expect(lookups(backend)).to.equal(1);
          expect(backend.orders).to.have.length(1);
          expect(ctx(actor).order!.id).to.equal(backend.orders[0]!.id);
        });
      }

      for (const [who, events] of [
        ['tries another card', [{ type: 'PAYMENT_METHOD', id: 'other' }, { type: 'ADD_METHOD' }, { type: 'PLACE_ORDER' }]],
        ['goes Back', [{ type: 'BACK' }, { type: 'CONTINUE' }, { type: 'PLACE_ORDER' }]],
      ] as const) {
        it(`a user who ${who} while it is unknown changes nothing; Check again ends on the one order's confirmation`, async () => {
          const backend = new MockBackend({ scenario: 'empty-cart' });
          const other = await attach(backend, 'tok_mastercard');
          const { actor } = await toPay('empty-cart', backend, { retries: 1 });
          backend.inject({ op: 'placeOrder', gateway: true });
          backend.inject({ op: 'lookupOrder', status: 504, body: '<html>504 Gateway Time-out</html>', times: 2 });
          await send(actor, { type: 'PLACE_ORDER' });
          expect(orderState(actor.getSnapshot())).to.equal('unconfirmed');
          for (const event of events) {
            await send(actor, event.type === 'PAYMENT_METHOD' ? { ...event, id: other.id } : event);
            expect(step(actor)).to.equal('pay');
            expect(orderState(actor.getSnapshot())).to.equal('unconfirmed');
          }
          await send(actor, { type: 'CHECK_AGAIN' });
          expect(step(actor)).to.equal('done');
          expect(orderKeys(backend)).to.have.length(1);
          expect(backend.orders).to.have.length(1);
        });
      }
    });

    describe('a quote is paid once', () => {
      it('quote_already_paid (another tab paid this quote): the confirmation of that order, no second charge', async () => {
        const { actor, backend } = await toPay();
        const { quote, paymentMethodId } = ctx(actor);
        const other = await api(backend, '/orders', { quoteId: quote!.id, paymentMethodId }, { 'Idempotency-Key': 'other-tab' });
        expect(other.status).to.equal(201);
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(backend.orders).to.have.length(1);
        expect(ctx(actor).order!.id).to.equal(backend.orders[0]!.id);
      });

      it('order_in_progress (another tab is in the bank’s challenge): that order is followed through its challenge', async () => {
        const backend = new MockBackend({ scenario: 'empty-cart' });
        const card = await attach(backend, 'tok_threeDSecureRequired');
        const { actor } = await toPay('empty-cart', backend, { provider: (b) => bank(b, 'tok_threeDSecureRequired') });
        await send(actor, { type: 'PAYMENT_METHOD', id: card.id });
        const other = await api(backend, '/orders', { quoteId: ctx(actor).quote!.id, paymentMethodId: card.id }, { 'Idempotency-Key': 'other-tab' });
        expect(((await other.json()) as { status: string }).status).to.equal('requires_action');
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(backend.orders).to.have.length(1);
      });
    });

    for (const [fault, faults] of [
      ['500, 502 and 503 in a row', [{ status: 500 }, { status: 502 }, { status: 503 }]],
      ['a network error before the request reaches the server, twice', [{ drop: 'before' as const }, { drop: 'before' as const }]],
      ['409 idempotency_in_progress twice', [{ status: 409, code: 'idempotency_in_progress' }, { status: 409, code: 'idempotency_in_progress' }]],
      ['an unreadable 201', [{ status: 201, body: '{not json' }]],
    ] as const) {
      it(`retries ${fault} automatically with the same key, and places one order`, async () => {
        const { actor, backend } = await toPay();
        for (const f of faults) backend.inject({ op: 'placeOrder', ...f });
        await send(actor, { type: 'PLACE_ORDER' });
        expect(step(actor)).to.equal('done');
        expect(new Set(orderKeys(backend)).size, 'one key').to.equal(1);
        expect(backend.orders).to.have.length(1);
      });
    }

    it('a request that times out counts as unknown and is resolved with the same key', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      const { actor } = await toPay('empty-cart', backend, { orderTimeoutMs: 40 });
      backend.inject({ op: 'placeOrder', delayMs: 150 });
      actor.send({ type: 'PLACE_ORDER' });
      await until(actor, (s) => orderState(s) === 'confirming');
      // 40 ms timeouts and 5–20 ms waits: the three retries run out before the first request's 150 ms.
      await settle(actor);
      expect(orderState(actor.getSnapshot())).to.equal('unconfirmed');
      expect(backend.orders).to.have.length(0);
      // The server finishes the first request meanwhile; checking again with the same key finds that order.
      await until(actor, () => backend.orders.length === 1);
      await send(actor, { type: 'CHECK_AGAIN' });
      expect(step(actor)).to.equal('done');
      expect(orderKeys(backend)).to.have.length(1);
      expect(backend.orders).to.have.length(1);
    });

    it('out of retries with the outcome unknown, only "Check again" (same key) is offered', async () => {
      const { actor, backend } = await toPay('empty-cart', undefined, { retries: 1 });
      backend.inject({ op: 'placeOrder', drop: 'after' });
      backend.inject({ op: 'lookupOrder', drop: 'before' });
      await send(actor, { type: 'PLACE_ORDER' });
      expect(orderState(actor.getSnapshot())).to.equal('unconfirmed');
      for (const other of [{ type: 'PLACE_ORDER' }, { type: 'BACK' }, { type: 'PAYMENT_METHOD', id: 'pm_other' }] as const) {
        await send(actor, other);
        expect(orderState(actor.getSnapshot()), other.type).to.equal('unconfirmed');
      }
      await send(actor, { type: 'CHECK_AGAIN' });
      expect(step(actor)).to.equal('done');
      // Sent once; each retry and Check again looked it up.
      expect(orderKeys(backend)).to.have.length(1);
      expect(lookups(backend)).to.equal(2);
      expect(backend.orders).to.have.length(1);
    });

    it('a wrong order-timeout or retry policy from the host falls back to the defaults', () => {
      for (const orderTimeoutMs of [Number.NaN, -5, 0, Infinity, '15' as unknown as number]) {
        const actor = createActor(checkoutMachine, {
          input: { adapter: createMockAdapter(new MockBackend()), orderTimeoutMs, retry: { retries: -1, baseDelayMs: Number.NaN, maxDelayMs: 0 } },
        });
        const { orderTimeoutMs: timeout, retry } = actor.getSnapshot().context;
        expect(timeout, String(orderTimeoutMs)).to.equal(15000);
        expect(retry).to.deep.equal({ retries: 4, baseDelayMs: 500, maxDelayMs: 8000 });
      }
    });

    it('waits out Retry-After on 429, at most a minute, with the same key', async () => {
      const { actor, backend, clock } = await toPay();
      backend.inject({ op: 'placeOrder', status: 429, code: 'rate_limited', retryAfter: 2 });
      actor.send({ type: 'PLACE_ORDER' });
      await flush();
      const sent = clock.now();
      expect(orderKeys(backend)).to.have.length(1);
      clock.increment(1999);
      await flush();
      expect(orderKeys(backend), 'asked again before Retry-After').to.have.length(1);
      clock.increment(1);
      await settle(actor);
      expect(step(actor)).to.equal('done');
      // A rate limit is a certain answer: the same key is sent again, not looked up.
      expect(orderKeys(backend)).to.have.length(2);
      expect(new Set(orderKeys(backend)).size).to.equal(1);
      expect(clock.now() - sent).to.equal(2000);

      const capped = await toPay();
      capped.backend.inject({ op: 'placeOrder', status: 503, retryAfter: 86400 });
      capped.actor.send({ type: 'PLACE_ORDER' });
      await flush();
      const from = capped.clock.now();
      await settle(capped.actor);
      expect(step(capped.actor)).to.equal('done');
      expect(capped.clock.now() - from).to.equal(60000);
    });

    it('does not retry other 4xx', async () => {
      const other = await toPay();
      other.backend.inject({ op: 'placeOrder', status: 400, code: 'idempotency_key_missing' });
      await send(other.actor, { type: 'PLACE_ORDER' });
      expect(step(other.actor)).to.equal('pay');
      expect(orderKeys(other.backend)).to.have.length(1);
      expect(other.backend.orders).to.have.length(0);
    });

    it('an expired quote goes back to review with a fresh quote to confirm', async () => {
      let now = new Date('2026-11-26T10:00:00Z');
      const backend = new MockBackend({ scenario: 'empty-cart', now: () => now });
      const { actor } = await toPay('empty-cart', backend);
      const old = ctx(actor).quote!.id;
      now = new Date('2026-11-27T10:00:00Z');
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('review');
      expect(ctx(actor).requoted!.reason).to.equal('quote_expired');
      expect(ctx(actor).quote!.id).to.not.equal(old);
      expect(backend.orders).to.have.length(0);
    });

    it('a verified VAT ID from another EU country makes the quote reverse charge', async () => {
      const { actor } = await toPay('eu-business');
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(false);
      expect(ctx(actor).quote!.tax.amount.amount).to.be.greaterThan(0);
      await send(actor, { type: 'VAT', text: 'de 136.695.976' });
      await send(actor, { type: 'APPLY_VAT' });
      expect(ctx(actor).vatVerdict!.status).to.equal('valid');
      expect(ctx(actor).vatText).to.equal('DE136695976');
      expect(ctx(actor).quote!.tax).to.include({ reverseCharge: true });
      expect(ctx(actor).quote!.tax.amount.amount).to.equal(0);
      await send(actor, { type: 'VAT', text: '' });
      await send(actor, { type: 'APPLY_VAT' });
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(false);
    });

    it('a VAT ID with a wrong check digit or no country is caught before any request', async () => {
      const { actor, backend } = await toPay('eu-business');
      const validations = () => backend.requests.filter((r) => r.path === '/vat-ids/validate').length;
      await send(actor, { type: 'VAT', text: 'DE 136 695 977' });
      await send(actor, { type: 'APPLY_VAT' });
      expect(ctx(actor).error!.fieldErrors).to.deep.equal([{ field: 'vatId', code: 'checksum' }]);
      await send(actor, { type: 'VAT', text: 'XX123' });
      await send(actor, { type: 'PLACE_ORDER' });
      expect(ctx(actor).error!.fieldErrors[0]!.code).to.equal('country');
      expect(validations()).to.equal(0);
      expect(backend.orders).to.have.length(0);
      // Without a prefix, the number is read as the billing country's (DE here).
      await send(actor, { type: 'VAT', text: '136695976' });
      await send(actor, { type: 'APPLY_VAT' });
      expect(ctx(actor).vatText).to.equal('DE136695976');
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(true);
      expect(validations()).to.equal(1);
    });

    it('a typed but unapplied VAT ID is applied before paying, so the user sees the new total first', async () => {
      const { actor, backend } = await toPay('eu-business');
      await send(actor, { type: 'VAT', text: 'DE136695976' });
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('pay');
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(true);
      expect(backend.orders).to.have.length(0);
      await send(actor, { type: 'PLACE_ORDER' });
      expect(step(actor)).to.equal('done');
    });
    it('an ID the registry could not confirm is priced without it, at payment and again at review after Back', async () => {
      const { actor, quotedWith } = await toPay('eu-business');
      await send(actor, { type: 'VAT', text: 'DE999999995' });
      await send(actor, { type: 'APPLY_VAT' });
      expect(ctx(actor).vatVerdict!.status).to.equal('unavailable');
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('review');
      expect(quotedWith.slice(-2), 'the quote after the verdict, then the review quote').to.deep.equal([null, null]);
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(false);
      // A valid ID is sent by both.
      await send(actor, { type: 'CONTINUE' });
      await send(actor, { type: 'VAT', text: 'DE136695976' });
      await send(actor, { type: 'APPLY_VAT' });
      await send(actor, { type: 'BACK' });
      expect(quotedWith.slice(-2)).to.deep.equal(['DE136695976', 'DE136695976']);
    });

    it('at review too: a VAT ID applied there reprices the review, a typed one is applied before Continue, and payment gets the same total', async () => {
      const { actor, backend } = await toPay('eu-business');
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('review');
      await send(actor, { type: 'VAT', text: 'DE 136 695 977' });
      await send(actor, { type: 'CONTINUE' });
      expect(step(actor), 'a wrong check digit stops Continue').to.equal('review');
      expect(ctx(actor).error!.fieldErrors).to.deep.equal([{ field: 'vatId', code: 'checksum' }]);
      await send(actor, { type: 'VAT', text: 'DE136695976' });
      await send(actor, { type: 'CONTINUE' });
      expect(step(actor), 'the new total is shown before going on').to.equal('review');
      expect(actor.getSnapshot().matches({ review: 'ready' })).to.equal(true);
      expect(ctx(actor).quote!.tax.reverseCharge).to.equal(true);
      const reviewed = ctx(actor).quote!.total;
      await send(actor, { type: 'CONTINUE' });
      expect(step(actor)).to.equal('pay');
      expect(ctx(actor).quote!.total).to.deep.equal(reviewed);
      await send(actor, { type: 'PLACE_ORDER' });
      expect(backend.orders[0]!.total).to.deep.equal(reviewed);
    });

    describe('typing a VAT ID', () => {
      const count = (backend: MockBackend, path: string) => backend.requests.filter((r) => r.path === path).length;

      it('applies a well-formed ID once typing pauses, and never a half-typed one', async () => {
        const { actor, backend, clock } = await toPay('eu-business');
        const quotes = count(backend, '/quotes');
        for (const text of ['D', 'DE1', 'DE13669', 'DE136695976']) {
          actor.send({ type: 'VAT', text });
          clock.increment(300);
          await flush();
        }
        expect(step(actor)).to.equal('pay');
        expect(count(backend, '/vat-ids/validate')).to.equal(0);
        clock.increment(300);
        await settle(actor);
        expect(ctx(actor).quote!.tax.reverseCharge).to.equal(true);
        expect(count(backend, '/vat-ids/validate')).to.equal(1);
        expect(count(backend, '/quotes')).to.equal(quotes + 1);
        // The same ID again, or Apply on it, asks nothing more.
        await send(actor, { type: 'APPLY_VAT' });
        expect(count(backend, '/vat-ids/validate')).to.equal(1);
      });

      it('a keystroke while a VAT ID is checked aborts that check; only the last ID is priced', async () => {
        const { actor, backend } = await toPay('eu-business');
        backend.inject({ op: 'validateVatId', delayMs: 400 });
        actor.send({ type: 'VAT', text: 'DE136695976' });
        await until(actor, (s) => s.matches({ pay: 'validatingVat' }));
        actor.send({ type: 'VAT', text: 'DE 136695976' });
        expect(actor.getSnapshot().matches({ pay: 'idle' })).to.equal(true);
        // Every timer runs out: the aborted check's late answer would land among them.
        await until(actor, (s) => s.context.quote!.tax.reverseCharge && !s.hasTag('busy') && !clocks.get(actor)!.pending);
        expect(backend.requests.filter((r) => r.path === '/vat-ids/validate')).to.have.length(2);
        expect(ctx(actor).vatText).to.equal('DE136695976');
        expect(ctx(actor).error).to.equal(undefined);
      });

      it('clearing an applied ID re-quotes without reverse charge once typing pauses', async () => {
        const { actor } = await toPay('eu-business');
        await send(actor, { type: 'VAT', text: 'DE136695976' });
        await send(actor, { type: 'APPLY_VAT' });
        expect(ctx(actor).quote!.tax.reverseCharge).to.equal(true);
        actor.send({ type: 'VAT', text: '' });
        await flush();
        expect(ctx(actor).quote!.tax.reverseCharge, 'before the pause').to.equal(true);
        await until(actor, (s) => !s.context.quote!.tax.reverseCharge);
        expect(ctx(actor).vatVerdict).to.equal(undefined);
      });
    });
  });

  describe('restoring after a reload', () => {
    const saved = (over: Partial<Saved> = {}): Saved => ({
      v: 2,
      account: 'acc-it',
      step: 'term',
      draft: { productId: 'phone-system', mode: 'buy', tierId: 'ps-standard', seatsText: '7', term: 'annual' },
      vatText: 'IT 123',
      ...over,
    });

    it('comes back at the saved step with every value', async () => {
      const { actor } = start('empty-cart', { restore: saved() });
      await settle(actor);
      expect(step(actor)).to.equal('term');
      expect(ctx(actor).draft).to.deep.include({ productId: 'phone-system', seatsText: '7', term: 'annual' });
      expect(ctx(actor).vatText).to.equal('IT 123');
    });

    it('drops a save that does not fit the backend and starts fresh', async () => {
      for (const bad of [
        saved({ draft: { productId: 'no-such', seatsText: '1', term: 'monthly' } }),
        saved({ draft: { productId: 'help-desk', tierId: 'hd-pro', seatsText: '5', term: 'monthly', mode: 'buy' } }),
        saved({ step: 'term', draft: { productId: 'phone-system', tierId: 'ps-standard', seatsText: '0', term: 'monthly', mode: 'buy' } }),
        saved({ step: 'review' }),
      ]) {
        const { actor } = start('empty-cart', { restore: bad });
        await settle(actor);
        expect(step(actor), JSON.stringify(bad)).to.equal('select');
      }
    });

    it('looks a saved attempt up by its key even when its method is no longer on file', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      const attempt = { key: 'k-saved', quoteId: 'Q-gone', paymentMethodId: 'pm-gone' };
      const { actor } = start('empty-cart', { backend, restore: saved({ step: 'pay', attempt, paymentMethodId: 'pm-gone' }) });
      await settle(actor);
      expect(lookups(backend)).to.be.greaterThan(0);
      // Never arrived, so only the same key may be sent; the server then says the quote is gone.
      expect(new Set(orderKeys(backend))).to.deep.equal(new Set(orderKeys(backend).length ? ['k-saved'] : []));
      expect(backend.orders).to.have.length(0);
    });

    it('resolves an order that was being placed with its saved key: one order', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      const first = await (async () => {
        const s1 = start('empty-cart', { backend });
        await settle(s1.actor);
        await toTerm(s1.actor, singleTierNoTrial(s1.actor));
        await send(s1.actor, { type: 'COMMIT' });
        await send(s1.actor, { type: 'CONTINUE' });
        backend.latencyMs = 50;
        s1.actor.send({ type: 'PLACE_ORDER' });
        await flush();
        expect(orderState(s1.actor.getSnapshot())).to.equal('placing');
        const attempt = ctx(s1.actor).attempt!;
        s1.actor.stop(); // the reload, while the server still works on the order
        s1.clock.increment(50);
        await flush();
        return attempt;
      })();
      backend.latencyMs = 0;
      const { actor } = start('empty-cart', {
        backend,
        restore: saved({ step: 'pay', attempt: first, paymentMethodId: first.paymentMethodId }),
      });
      await settle(actor);
      expect(step(actor)).to.equal('done');
      expect(new Set(orderKeys(backend))).to.deep.equal(new Set([first.key]));
      expect(backend.orders).to.have.length(1);
    });
  });

  describe('late answers', () => {
    it('leaving review while the quote loads aborts it, and its answer changes nothing', async () => {
      const backend = new MockBackend({ scenario: 'cart-with-items' });
      const { actor } = start('cart-with-items', { backend });
      await settle(actor);
      await send(actor, { type: 'BACK' });
      expect(step(actor)).to.equal('cart');
      backend.latencyMs = 60;
      actor.send({ type: 'CHECKOUT' });
      expect(actor.getSnapshot().matches({ review: 'quoting' })).to.equal(true);
      actor.send({ type: 'BACK' });
      expect(step(actor)).to.equal('cart');
      clocks.get(actor)!.increment(120);
      await flush();
      expect(step(actor)).to.equal('cart');
      expect(ctx(actor).quote).to.equal(undefined);
    });
  });
});
