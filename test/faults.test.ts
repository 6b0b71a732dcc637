import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MockBackend, TestPaymentProvider, createState, type MockState, type TestToken } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import type { CheckoutEventDetails } from '../src/events.js';
import { VERSION } from '../src/machine/persist.js';
import { clickText, inStep, seen, settled, stepEl, textOf, waitForStep } from './helpers.js';
import {
  UUID,
  addMethod,
  alertTexts,
  answerChallenge,
  answered,
  buttonsLabelled,
  challengeDialog,
  chooseMethod,
  chooseTerm,
  deepAll,
  expectOneKey,
  formState,
  hasStatus,
  holdTimers,
  lookedUp,
  lookupsOf,
  machineContext,
  mountWizard,
  orderKeys,
  placeOrderElsewhere,
  pressPlaceOrder,
  reload,
  requestsOf,
  scriptUrls,
  sleep,
  spyOnFetch,
  statusTexts,
  storageName,
  toPay,
  toReview,
  typeInto,
  unmount,
  watchUncaught,
  type WizardOptions,
} from './fault-helpers.js';

// Faults through the DOM, on the mock backend behind MSW (the in-process path only where said).
// The spec: GitHub issues "Orders that are never charged twice and never lost; bad input that never breaks the widget"
// and "Real payments with 3-D Secure, no double charge behind a gateway".
// Every test ends with `finish(backend, n)`: exactly n orders exist and nothing was thrown uncaught.

const CHECKING = 'Checking your order…';
const AUTHENTICATING = 'Confirm the payment in the window from your bank…';
const PLACED = 'Thank you! Your order is complete';
const UNCONFIRMED = 'We could not confirm your order yet.';
const DECLINED = 'Your payment method was declined. Choose or add another one.';
const AUTH_FAILED = 'Your bank could not confirm this payment. Try again, or choose another payment method.';
const GENERIC = 'Something went wrong. Try again.';
const XSS = '<img src=x onerror=alert(1)>';
/** What a gateway in front of the backend answers when it gives up: not a problem document. */
const GATEWAY_PAGE = '<html><body><h1>504 Gateway Time-out</h1></body></html>';

let uncaught: ReturnType<typeof watchUncaught>;
let cleanups: (() => void)[] = [];

beforeEach(() => {
  uncaught = watchUncaught();
});

afterEach(() => {
  uncaught.stop();
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
  sessionStorage.clear();
  // A test that failed with the bank's challenge open must not leave it over the next one.
  challengeDialog()?.remove();
});

function finish(backend: MockBackend, orders: 0 | 1) {
  expect(backend.orders, 'orders created').to.have.length(orders);
  expect(uncaught.errors.join('\n'), 'uncaught errors').to.equal('');
}

/** Holds the page's timers of these delays until the test fires them (see holdTimers); undone after the test. */
function hold(...delays: number[]) {
  const timers = holdTimers(...delays);
  cleanups.push(timers.restore);
  return timers;
}

type StartOptions = WizardOptions & {
  scenario?: 'empty-cart' | 'cart-with-items';
  seed?: MockState;
  /** The test card the provider's fields offer (added with addMethod); the provider confirms on this backend. */
  card?: TestToken;
};

/** A fresh backend (empty cart unless said) and a widget on it at rest; `lookups()` are the keys it looked orders up by. */
async function start(options: StartOptions = {}) {
  const backend = options.seed ? new MockBackend({ seed: options.seed }) : new MockBackend({ scenario: options.scenario ?? 'empty-cart' });
  const lookups = lookedUp(backend);
  const provider = options.provider ?? (options.card && new TestPaymentProvider({ token: options.card, network: backend }));
  return { ...(await mountWizard(backend, { ...options, provider })), lookups };
}

/**
 * One attempt: `posts` POST /orders and `lookups` look-ups (GET /orders?idempotencyKey=), every one with the same
 * UUID key; returns it.
 */
function expectAttempt(backend: MockBackend, lookups: () => string[], counts: { posts: number; lookups: number }) {
  expect(orderKeys(backend), 'POST /orders').to.have.length(counts.posts);
  const key = expectOneKey(backend, counts.posts);
  expect(lookups(), 'look-ups, each by the attempt key').to.deep.equal(Array<string>(counts.lookups).fill(key));
  expect(lookupsOf(backend), 'GET /orders in the request log').to.equal(counts.lookups);
  return key;
}

/** The details of the events the widget fires from now on. */
function recordEvents(el: CheckoutWizard) {
  const placed: CheckoutEventDetails['cw-order-placed'][] = [];
  const errors: CheckoutEventDetails['cw-error'][] = [];
  el.addEventListener('cw-order-placed', (e) => placed.push((e as CustomEvent).detail));
  el.addEventListener('cw-error', (e) => errors.push((e as CustomEvent).detail));
  return { placed, errors };
}

const noPlaceOrderButton = (el: CheckoutWizard) => expect(buttonsLabelled(el, 'Place order').map((b) => b.textContent!.trim()), '"Place order" buttons').to.deep.equal([]);

/** The order status line of the pay step ("Confirm the payment…", "Checking your order…"), if any. */
const orderStatus = (el: CheckoutWizard) => inStep(el, '[part=order-status]')?.textContent?.replace(/\s+/g, ' ').trim();

/** The message at the payment method (role=alert), if any. */
const methodError = (el: CheckoutWizard) => inStep(el, '#method-error[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim();

/** Renders the widget and its step once more, so the DOM shows the machine's state now. */
async function rendered(el: CheckoutWizard) {
  await el.updateComplete;
  await stepEl(el).updateComplete;
}

/** The confirmation shows the order this backend holds: its heading and its number. */
function expectConfirmationOf(el: CheckoutWizard, backend: MockBackend, heading = PLACED) {
  expect(el.step).to.equal('done');
  expect(inStep(el, 'h2')!.textContent!.trim()).to.equal(heading);
  expect(textOf(el)).to.include(backend.orders[0]!.id);
}

describe('faults', () => {
  describe('placing an order: automatic retries with the same key', () => {
    // Network errors before the request, 5xx, 409 idempotency_in_progress, look-ups that find nothing:
    // src/machine/checkout.machine.test.ts (Node, no DOM needed). Here, what the user sees of retries.
    it('429 rate_limited with Retry-After: 2 on POST /orders: a certain answer, sent again with the same key after the 2 s asked for, not the backoff', async () => {
      const { el, backend, lookups } = await start();
      await toPay(el);
      const timers = hold(2000);
      backend.inject({ op: 'placeOrder', status: 429, code: 'rate_limited', retryAfter: 2 });
      await pressPlaceOrder(el);
      // The backoff alone (5–10 ms here) would schedule no 2 s wait and retry at once.
      await waitUntil(() => timers.pending(2000) === 1, 'no 2 s wait after the 429');
      expect(orderKeys(backend), 'POST /orders during the wait').to.have.length(1);
      expect([el.step, el.busy], 'still placing the order').to.deep.equal(['pay', true]);
      timers.fire(2000);
      await waitForStep(el, 'done');
      // The server said it took nothing: no look-up, the same key is sent again.
      expectAttempt(backend, lookups, { posts: 2, lookups: 0 });
      finish(backend, 1);
    });

    it('503 on every POST /orders: the outcome is unknown; each look-up finds nothing, so the same key is sent again; out of retries, "We could not confirm your order yet." and Check again', async () => {
      const { el, backend, lookups } = await start({ retry: { retries: 3, baseDelayMs: 20, maxDelayMs: 40 } });
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 503, times: 100 });
      // clickText waits until the widget rests: every retry has run by then.
      await clickText(el, 'Place order');
      // One request and three retries, each retry a look-up (404: it never arrived) and the same key again.
      expectAttempt(backend, lookups, { posts: 4, lookups: 3 });
      expect(el.step).to.equal('pay');
      // A 503 may come from a gateway while the backend charges: never a new key, never "Place order".
      expect(alertTexts(el).some((a) => a.includes(UNCONFIRMED)), `alerts: ${alertTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      expect(buttonsLabelled(el, 'Check again'), 'Check again').to.have.length(1);
      finish(backend, 0);
      backend.clearFaults();
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectAttempt(backend, lookups, { posts: 5, lookups: 4 });
      finish(backend, 1);
    });

    it('422 validation_failed on POST /orders: not retried automatically; pressing Place order again keeps the key', async () => {
      const { el, backend, lookups } = await start();
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 422, code: 'validation_failed' });
      // clickText waits until the widget rests: a retry would have run (and succeeded) by then.
      await clickText(el, 'Place order');
      expect(orderKeys(backend), 'no automatic retry of a 4xx').to.have.length(1);
      expect(el.step).to.equal('pay');
      expect(alertTexts(el).some((a) => a.includes(GENERIC)), `alerts: ${alertTexts(el).join(' | ')}`).to.equal(true);
      finish(backend, 0);
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      // A certain refusal: nothing to look up, and the same quote and method keep their key.
      expectAttempt(backend, lookups, { posts: 2, lookups: 0 });
      finish(backend, 1);
    });
  });

  describe('placing an order: unknown outcomes', () => {
    it('lost response (drop: after): "Checking your order…" with no Place order button, looked up by its key, one POST, one order', async () => {
      const { el, backend, lookups } = await start();
      await toPay(el);
      backend.inject({ op: 'placeOrder', drop: 'after' });
      // The look-up after the lost response is held, so the unknown state can be watched; it then fails once.
      const timers = hold(400);
      backend.inject({ op: 'lookupOrder', status: 503, delayMs: 400 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(400) === 1, 'no look-up after the lost response');
      expect(requestsOf(backend, 'placeOrder'), 'the attempt is not sent again').to.have.length(1);
      await rendered(el);
      expect(el.step).to.equal('pay');
      expect(hasStatus(el, CHECKING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      expect(orderStatus(el)).to.equal(CHECKING);
      noPlaceOrderButton(el);
      // The order exists already; the widget does not know yet.
      expect(backend.orders).to.have.length(1);
      timers.fire(400);
      await waitForStep(el, 'done');
      expectAttempt(backend, lookups, { posts: 1, lookups: 2 });
      expectConfirmationOf(el, backend);
      finish(backend, 1);
    });

    it('POST /orders times out (order-timeout) while the server still works: "Checking your order…", looked up by its key (409 idempotency_in_progress meanwhile), one POST, one order', async () => {
      const { el, backend, lookups } = await start({ orderTimeout: 300, retry: { retries: 10, baseDelayMs: 50, maxDelayMs: 100 } });
      await toPay(el);
      // The server takes 700 ms; the widget gives up on the request after 300 and looks the key up.
      const timers = hold(300, 700);
      backend.inject({ op: 'placeOrder', delayMs: 700 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(700) === 1 && timers.pending(300) === 1, 'POST /orders not in flight');
      timers.fire(300);
      await waitUntil(() => lookupsOf(backend) >= 1, 'no look-up after the timeout');
      await rendered(el);
      // The server is still working: the outcome is unknown.
      expect(el.step).to.equal('pay');
      expect(hasStatus(el, CHECKING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      // The server finishes; the next look-up finds the order.
      timers.fire(700);
      await waitForStep(el, 'done');
      const key = expectOneKey(backend, 1);
      expect(orderKeys(backend), 'never sent again').to.have.length(1);
      expect(new Set(lookups()), 'look-ups by the one key').to.deep.equal(new Set([key]));
      finish(backend, 1);
    });

    it('retries run out while the outcome is unknown (drop: after, then failing look-ups): "We could not confirm your order yet." and Check again with the same key', async () => {
      const { el, backend, lookups } = await start({ retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 50 } });
      await toPay(el);
      backend.inject({ op: 'placeOrder', drop: 'after' });
      backend.inject({ op: 'lookupOrder', status: 503, times: 3 });
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      // One request, then three retries, each a look-up.
      expectAttempt(backend, lookups, { posts: 1, lookups: 3 });
      expect(textOf(el)).to.include(UNCONFIRMED);
      noPlaceOrderButton(el);
      expect(buttonsLabelled(el, 'Check again')).to.have.length(1);
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectAttempt(backend, lookups, { posts: 1, lookups: 4 });
      finish(backend, 1);
    });

    it('POST /orders times out and the retries run out before the server answers: Check again (same key) confirms the one order', async () => {
      const { el, backend, lookups } = await start({ orderTimeout: 300, retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 20 } });
      await toPay(el);
      const timers = hold(300, 1200);
      backend.inject({ op: 'placeOrder', delayMs: 1200 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(1200) === 1 && timers.pending(300) === 1, 'POST /orders not in flight');
      timers.fire(300);
      // The look-ups meet the first request still running (409 idempotency_in_progress) until the retries run out.
      await waitUntil(() => textOf(el).includes(UNCONFIRMED), `"${UNCONFIRMED}" not shown (at ${el.step})`);
      noPlaceOrderButton(el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      expectAttempt(backend, lookups, { posts: 1, lookups: 2 });
      // The server finishes the first request in its own time.
      timers.fire(1200);
      await waitUntil(() => backend.orders.length === 1, 'the server never recorded the order');
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectAttempt(backend, lookups, { posts: 1, lookups: 3 });
      finish(backend, 1);
    });

    it('malformed JSON answer (201) to POST /orders: the outcome is unknown, so it is looked up by itself; the look-up finds nothing, the same key is sent again; one order', async () => {
      const { el, backend, lookups } = await start();
      await toPay(el);
      // The fault answers in the server's place: nothing was recorded under the key.
      backend.inject({ op: 'placeOrder', status: 201, body: '{"id": "ORD-' });
      // One press, nothing more from the user.
      await clickText(el, 'Place order');
      expect(el.step, textOf(el)).to.equal('done');
      expectAttempt(backend, lookups, { posts: 2, lookups: 1 });
      finish(backend, 1);
    });
  });

  describe('placing an order: double submits', () => {
    /** The page's POST /orders fetches, counted when made (the backend logs them only when they arrive). */
    function countOrderFetches() {
      const spy = spyOnFetch();
      cleanups.push(spy.restore);
      return () => spy.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/orders')).length;
    }

    it('five quick clicks on Place order: exactly one POST /orders', async () => {
      const { el, backend } = await start();
      await toPay(el);
      const posts = countOrderFetches();
      // The answer is held until every click is in.
      const timers = hold(200);
      backend.latencyMs = 200;
      const first = inStep<HTMLButtonElement>(el, '[part=place-order]')!;
      for (let i = 0; i < 5; i++) {
        (inStep<HTMLButtonElement>(el, '[part=place-order]') ?? first).click();
        await stepEl(el).updateComplete;
      }
      await waitUntil(() => timers.pending(200) === 1, 'POST /orders not in flight');
      timers.fire(200);
      await waitForStep(el, 'done');
      expect(posts()).to.equal(1);
      expect(orderKeys(backend)).to.have.length(1);
      expect(orderKeys(backend)[0]).to.match(UUID);
      finish(backend, 1);
    });

    it('five Enter presses on the focused Place order button: exactly one POST /orders', async () => {
      const { el, backend } = await start();
      await toPay(el);
      const posts = countOrderFetches();
      const timers = hold(200);
      backend.latencyMs = 200;
      inStep<HTMLButtonElement>(el, '[part=place-order]')!.focus();
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Enter' });
      await waitUntil(() => timers.pending(200) === 1, 'POST /orders not in flight');
      timers.fire(200);
      await waitForStep(el, 'done');
      expect(posts()).to.equal(1);
      expect(orderKeys(backend)).to.have.length(1);
      finish(backend, 1);
    });
  });


  describe('placing an order: answers that need the user', () => {
    it('402 payment_declined (a method added with tok_chargeDeclined): message at the payment method; the same card again is a new attempt, declined again; another method pays with a new key', async () => {
      const { el, backend } = await start({ card: 'tok_chargeDeclined' });
      const events = recordEvents(el);
      await toPay(el);
      await addMethod(el, '0002');
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(methodError(el)).to.equal(DECLINED);
      expect(orderKeys(backend), 'a decline is not retried').to.have.length(1);
      expect(events.errors, 'cw-error details').to.deep.equal([{ code: 'payment_declined', step: 'pay' }]);
      finish(backend, 0);
      // The declined card is not tried again until it is chosen again.
      await clickText(el, 'Place order');
      expect(orderKeys(backend), 'not tried again unchosen').to.have.length(1);
      // A decline ends the attempt: the server keeps it under its key, so the card chosen again is a new key.
      await chooseMethod(el, '0002');
      await clickText(el, 'Place order');
      expect(methodError(el)).to.equal(DECLINED);
      await chooseMethod(el, '4242');
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      const keys = orderKeys(backend);
      expect(keys).to.have.length(3);
      for (const key of keys) expect(key).to.match(UUID);
      expect(new Set(keys).size, `a new key for each attempt: ${keys.join(', ')}`).to.equal(3);
      finish(backend, 1);
    });

    it('402 payment_declined (injected): message at the payment method; a newly added method pays with a new key', async () => {
      const { el, backend } = await start({ card: 'tok_mastercard' });
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 402, code: 'payment_declined' });
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(methodError(el)).to.equal(DECLINED);
      expect(orderKeys(backend)).to.have.length(1);
      finish(backend, 0);
      await addMethod(el, '4444');
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      const keys = orderKeys(backend);
      expect(keys).to.have.length(2);
      expect(keys[1], 'a new key for another method').to.not.equal(keys[0]);
      finish(backend, 1);
    });

    // Each decline code in the bank's words (src/i18n/en.ts `declines`), at the payment method.
    for (const [card, digits, declineCode, message] of [
      ['tok_chargeDeclined', '0002', 'generic_decline', 'Your payment method was declined. Choose or add another one.'],
      ['tok_insufficientFunds', '9995', 'insufficient_funds', 'The card has insufficient funds. Choose or add another payment method.'],
      ['tok_expiredCard', '0069', 'card_expired', 'This card has expired. Choose or add another payment method.'],
      ['tok_doNotHonor', '0044', 'do_not_honor', 'Your bank declined this payment. Contact your bank, or choose another payment method.'],
    ] as const) {
      it(`402 with declineCode ${declineCode} (a card added with ${card}): its own message at the payment method, no order`, async () => {
        const { el, backend, lookups } = await start({ card });
        await toPay(el);
        await addMethod(el, digits);
        await clickText(el, 'Place order');
        expect(el.step).to.equal('pay');
        expect(methodError(el)).to.equal(message);
        expect(backend.attempts.map((o) => [o.status, o.failure?.declineCode]), 'the attempt the server kept').to.deep.equal([['failed', declineCode]]);
        expectAttempt(backend, lookups, { posts: 1, lookups: 0 });
        expect(buttonsLabelled(el, 'Place order'), 'Place order is back').to.have.length(1);
        finish(backend, 0);
      });
    }

    for (const [code, note] of [
      ['quote_expired', 'Your quote expired'],
      ['quote_changed', 'Prices changed'],
    ] as const) {
      it(`409 ${code} on POST /orders: back to review with a fresh quote and a note; the user confirms again; one order, new key`, async () => {
        const { el, backend } = await start();
        await toPay(el);
        const quotes = requestsOf(backend, 'createQuote').length;
        backend.inject({ op: 'placeOrder', status: 409, code });
        await clickText(el, 'Place order');
        await waitForStep(el, 'review');
        expect(requestsOf(backend, 'createQuote').length, 'a fresh quote').to.equal(quotes + 1);
        const notes = deepAll(stepEl(el), '.note').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
        expect(notes.some((n) => n.startsWith(note)), `notes: ${notes.join(' | ')}`).to.equal(true);
        const live = el.shadowRoot!.querySelector('[part=status]')!.textContent!.trim();
        expect(live.startsWith(note), `announced (live region: "${live}")`).to.equal(true);
        // At rest on review (waitForStep): nothing goes on to pay without the user.
        expect(el.step, 'waits for the user').to.equal('review');
        expect(orderKeys(backend)).to.have.length(1);
        finish(backend, 0);
        await clickText(el, 'Continue to payment');
        await waitForStep(el, 'pay');
        finish(backend, 0);
        await clickText(el, 'Place order');
        await waitForStep(el, 'done');
        const keys = orderKeys(backend);
        expect(keys).to.have.length(2);
        expect(keys[1], 'a new key for the new quote').to.not.equal(keys[0]);
        finish(backend, 1);
      });
    }
  });


  describe('3-D Secure', () => {
    it('passed: the card is saved through its challenge; Place order shows "Confirm the payment in the window from your bank…" and no Place order; Complete → the confirmation; one POST, one order', async () => {
      const { el, backend, lookups } = await start({ card: 'tok_threeDSecureRequired' });
      await toPay(el);
      await addMethod(el, '3184', 'complete');
      await pressPlaceOrder(el);
      await waitUntil(() => challengeDialog()?.open, 'the bank challenge did not open');
      await rendered(el);
      expect(el.step).to.equal('pay');
      expect(orderStatus(el)).to.equal(AUTHENTICATING);
      expect(hasStatus(el, AUTHENTICATING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      expect(backend.orders, 'nothing paid before the bank confirms').to.have.length(0);
      await answerChallenge('complete');
      await waitForStep(el, 'done');
      expectConfirmationOf(el, backend);
      expectAttempt(backend, lookups, { posts: 1, lookups: 0 });
      expect(requestsOf(backend, 'confirmOrder'), 'confirmed once').to.have.length(1);
      finish(backend, 1);
    });

    for (const how of ['fail', 'escape'] as const) {
      it(`${how === 'fail' ? 'failed (Fail)' : 'abandoned (Escape on the dialog)'}: back at pay with the bank's message at the method; another card then pays under a new key`, async () => {
        const { el, backend } = await start({ card: 'tok_threeDSecureRequired' });
        await toPay(el);
        await addMethod(el, '3184', 'complete');
        await pressPlaceOrder(el);
        await answerChallenge(how);
        await waitUntil(() => !el.busy && !!methodError(el), `no message at the method (at ${el.step})`);
        await settled(el);
        expect(el.step).to.equal('pay');
        expect(methodError(el)).to.equal(AUTH_FAILED);
        expect(buttonsLabelled(el, 'Place order'), 'Place order is back').to.have.length(1);
        expect(backend.attempts.map((o) => o.status), 'the attempt the server kept').to.deep.equal(['failed']);
        finish(backend, 0);
        await chooseMethod(el, '4242');
        await clickText(el, 'Place order');
        await waitForStep(el, 'done');
        const keys = orderKeys(backend);
        expect(keys).to.have.length(2);
        expect(keys[1], 'a new key after the failed attempt').to.not.equal(keys[0]);
        finish(backend, 1);
      });
    }

    it('resumed after a reload during the challenge: the new widget comes back at pay checking the order, looks it up by its key, runs the challenge again; Complete → the confirmation; one POST, one order', async () => {
      const { el, backend, lookups, options } = await start({ card: 'tok_threeDSecureRequired', orderTimeout: 5000 });
      await toPay(el);
      await addMethod(el, '3184', 'complete');
      await pressPlaceOrder(el);
      await waitUntil(() => challengeDialog()?.open, 'the bank challenge did not open');
      const key = expectOneKey(backend, 1);
      // The new widget's look-up is held, so its checking state can be watched.
      const timers = hold(400);
      backend.inject({ op: 'lookupOrder', delayMs: 400 });
      // The reload, with the bank's window open: the page loses it, unanswered.
      const again = await reload(el, backend, { ...options, settle: false });
      expect(challengeDialog(), 'the old challenge is gone').to.equal(null);
      await waitUntil(() => timers.pending(400) === 1 && again.el.step === 'pay', `no look-up after the reload (at ${again.el.step})`);
      await rendered(again.el);
      expect(orderStatus(again.el)).to.equal(CHECKING);
      noPlaceOrderButton(again.el);
      timers.fire(400);
      await waitUntil(() => challengeDialog()?.open, 'the bank challenge did not open again');
      await rendered(again.el);
      expect(orderStatus(again.el)).to.equal(AUTHENTICATING);
      await answerChallenge('complete');
      await waitForStep(again.el, 'done');
      expectConfirmationOf(again.el, backend);
      expect(expectAttempt(backend, lookups, { posts: 1, lookups: 1 })).to.equal(key);
      finish(backend, 1);
    });
  });

  describe("a gateway's 504 while the backend charges", () => {
    it('not a failure: "Checking your order…", the attempt is looked up by its key, the confirmation of the one order', async () => {
      const { el, backend, lookups } = await start();
      await toPay(el);
      backend.inject({ op: 'placeOrder', gateway: true });
      const timers = hold(400);
      backend.inject({ op: 'lookupOrder', delayMs: 400 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(400) === 1, 'no look-up after the 504');
      await rendered(el);
      expect(orderStatus(el)).to.equal(CHECKING);
      expect(hasStatus(el, CHECKING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      expect(backend.orders, 'charged behind the gateway').to.have.length(1);
      timers.fire(400);
      await waitForStep(el, 'done');
      expectConfirmationOf(el, backend);
      expectAttempt(backend, lookups, { posts: 1, lookups: 1 });
      finish(backend, 1);
    });

    /** Pays with the card `tok_mastercard` added in the widget; the gateway loses the answer and the look-ups fail until the retries run out. */
    async function impatient() {
      const started = await start({ card: 'tok_mastercard', retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 20 } });
      const { el, backend, lookups } = started;
      await toPay(el);
      await addMethod(el, '4444');
      backend.inject({ op: 'placeOrder', gateway: true });
      backend.inject({ op: 'lookupOrder', status: 504, body: GATEWAY_PAGE, times: 2 });
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(textOf(el)).to.include(UNCONFIRMED);
      expect(buttonsLabelled(el, 'Check again')).to.have.length(1);
      noPlaceOrderButton(el);
      expectAttempt(backend, lookups, { posts: 1, lookups: 2 });
      return started;
    }

    /** Still unknown, nothing new started: Check again ends on the confirmation of the one order, paid with the first card. */
    async function checkAgain(el: CheckoutWizard, backend: MockBackend, lookups: () => string[]) {
      expect(textOf(el)).to.include(UNCONFIRMED);
      noPlaceOrderButton(el);
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectConfirmationOf(el, backend);
      expect(backend.orders[0]!.paymentMethodId).to.equal(backend.account.paymentMethods.find((m) => m.label.endsWith('4444'))!.id);
      expectAttempt(backend, lookups, { posts: 1, lookups: 3 });
      finish(backend, 1);
    }

    it('a user who tries another card while it is unknown: the methods and Add payment method are disabled, no Place order; Check again → the one order', async () => {
      const { el, backend, lookups } = await impatient();
      const radios = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio][name=method]')];
      expect(radios.map((r) => r.matches(':disabled')), 'method radios disabled').to.deep.equal([true, true]);
      const before = formState(el);
      radios.find((r) => !r.checked)!.click();
      await rendered(el);
      expect(formState(el), 'the chosen method is unchanged').to.deep.equal(before);
      const add = deepAll(el, '[part=add-method]') as HTMLButtonElement[];
      expect(add.map((b) => b.matches(':disabled')), 'Add payment method disabled or absent').to.not.include(false);
      for (const button of add) button.click();
      await rendered(el);
      expect(el.querySelector('[slot=payment] select'), "the provider's fields").to.equal(null);
      expect(inStep<HTMLInputElement>(el, '#vat')!.disabled, 'VAT field').to.equal(true);
      finish(backend, 1);
      await checkAgain(el, backend, lookups);
    });

    it('a user who tries Back while it is unknown: there is no Back to press; Check again → the one order', async () => {
      const { el, backend, lookups } = await impatient();
      expect(deepAll(el, '[part=back]'), '[part=back]').to.have.length(0);
      expect(buttonsLabelled(el, 'Back'), 'Back buttons').to.have.length(0);
      // The progress indicator is no way back either.
      expect(deepAll(el, 'cw-progress a, cw-progress button'), 'links in the progress indicator').to.have.length(0);
      expect(el.step).to.equal('pay');
      finish(backend, 1);
      await checkAgain(el, backend, lookups);
    });
  });

  describe('a quote is paid once', () => {
    it('quote_already_paid (another tab paid the same quote first): Place order ends on the confirmation of that order, no second charge', async () => {
      const { el, backend } = await start();
      await toPay(el);
      const { quote, paymentMethodId } = machineContext(el);
      const other = await placeOrderElsewhere(backend, { quoteId: quote!.id, paymentMethodId: paymentMethodId! });
      expect([other.status, other.body.status], 'the other tab paid').to.deep.equal([201, 'completed']);
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      expect(backend.orders[0]!.id).to.equal(other.body.id);
      expectConfirmationOf(el, backend);
      finish(backend, 1);
    });

    it("order_in_progress (another tab's attempt waits in its bank challenge): Place order follows that order through the challenge; Complete → the confirmation, one order", async () => {
      const { el, backend } = await start({ card: 'tok_threeDSecureRequired' });
      await toPay(el);
      await addMethod(el, '3184', 'complete');
      const { quote, paymentMethodId } = machineContext(el);
      const other = await placeOrderElsewhere(backend, { quoteId: quote!.id, paymentMethodId: paymentMethodId! });
      expect([other.status, other.body.status], 'the other tab is in its challenge').to.deep.equal([201, 'requires_action']);
      await pressPlaceOrder(el);
      await waitUntil(() => challengeDialog()?.open, 'the bank challenge did not open');
      await rendered(el);
      expect(orderStatus(el)).to.equal(AUTHENTICATING);
      noPlaceOrderButton(el);
      await answerChallenge('complete');
      await waitForStep(el, 'done');
      expect(backend.orders[0]!.id, "the other tab's order").to.equal(other.body.id);
      expectConfirmationOf(el, backend);
      finish(backend, 1);
    });
  });

  describe('a bank debit', () => {
    it('tok_sepaDebit added in the widget: "Thank you! Your payment is processing" and when it starts; one order, processing', async () => {
      const { el, backend } = await start({ card: 'tok_sepaDebit' });
      const events = recordEvents(el);
      await toPay(el);
      await addMethod(el, '3000');
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      expectConfirmationOf(el, backend, 'Thank you! Your payment is processing');
      const order = backend.orders[0]!;
      expect(order.status).to.equal('processing');
      expect(textOf(el)).to.include(
        `Your order starts when the payment clears, usually within a few working days. We will e-mail ${order.confirmationEmail} when it does.`,
      );
      expect(events.placed, 'cw-order-placed details').to.deep.equal([
        { id: order.id, status: 'processing', total: order.total, billingDate: order.billingDate, productIds: ['phone-system'] },
      ]);
      finish(backend, 1);
    });
  });

  describe('field errors from the backend', () => {
    it('422 seats_out_of_range from POST /cart/items: back at the licenses field with the message, typed value and the rest of the order kept', async () => {
      const { el, backend } = await start();
      await clickText(el, 'Choose Phone System');
      await waitForStep(el, 'seats');
      await typeInto(el, '#seats', '7');
      await clickText(el, 'Next');
      await waitForStep(el, 'term');
      await chooseTerm(el, 'annual');
      backend.inject({
        op: 'addCartItem',
        status: 422,
        json: {
          type: 'https://checkout-wizard.example/problems/seats_out_of_range',
          title: 'The number of licenses is out of range',
          status: 422,
          code: 'seats_out_of_range',
          detail: 'From 1 to 5.',
          errors: [{ field: 'seats', code: 'seats_out_of_range', message: 'From 1 to 5.' }],
        },
      });
      await clickText(el, 'Complete transaction');
      await waitForStep(el, 'seats');
      const input = inStep<HTMLInputElement>(el, '#seats')!;
      expect(input.value, 'the typed value').to.equal('7');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const message = inStep(el, '#seats-error');
      expect(message, '#seats-error').to.exist;
      // The widget's own words, in the widget's language; the server's detail may be in another.
      expect(message!.textContent!.trim()).to.equal('That number of licenses is not available for this plan.');
      expect(input.getAttribute('aria-describedby') ?? '').to.include('seats-error');
      expect(textOf(el)).to.include('Phone System · Standard');
      expect(backend.cart.items).to.have.length(0);
      // The rest of the order is kept: the chosen term is still there.
      await typeInto(el, '#seats', '3');
      await clickText(el, 'Next');
      await waitForStep(el, 'term');
      expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked, 'annual kept').to.equal(true);
      await clickText(el, 'Complete transaction');
      await waitForStep(el, 'review');
      expect(backend.cart.items[0]).to.include({ seats: 3, term: 'annual' });
      finish(backend, 0);
    });

    it('422 invalid_vat_id from POST /quotes: shown at the VAT field in the pay step, the typed number kept', async () => {
      const { el, backend } = await start();
      await toPay(el);
      await typeInto(el, '#vat', 'IT12345670017');
      backend.inject({ op: 'createQuote', status: 422, code: 'invalid_vat_id' });
      await clickText(el, 'Apply');
      expect(el.step).to.equal('pay');
      const vat = inStep(el, '[part=vat]')!;
      expect(vat.textContent).to.include('This VAT number is not valid.');
      expect(inStep<HTMLInputElement>(el, '#vat')!.value).to.equal('IT12345670017');
      expect(inStep(el, '#vat')!.getAttribute('aria-invalid')).to.equal('true');
      const elsewhere = [...stepEl(el).shadowRoot!.querySelectorAll('[role=alert]')].filter((a) => !vat.contains(a));
      expect(elsewhere.map((a) => a.textContent), 'no step-level alert for a field error').to.deep.equal([]);
      finish(backend, 0);
    });
  });

  describe('reload', () => {
    type Walk = { scenario?: 'empty-cart' | 'cart-with-items'; walk: (el: CheckoutWizard) => Promise<void>; check: (el: CheckoutWizard) => void };
    const toRemoteSupportSeats = async (el: CheckoutWizard) => {
      await clickText(el, 'Choose Remote Support');
      await waitForStep(el, 'mode');
      await clickText(el, 'Buy');
      await waitForStep(el, 'tier');
      await clickText(el, 'Choose Standard');
      await waitForStep(el, 'seats');
    };
    const selectedTier = (el: CheckoutWizard) => inStep(el, '[part=tier][data-selected] h3')?.textContent?.trim();
    const WALKS: Record<string, Walk> = {
      select: { walk: async () => {}, check: (el) => expect(inStep(el, 'h2')!.textContent).to.equal('Choose a product') },
      mode: {
        walk: async (el) => {
          await clickText(el, 'Choose Remote Support');
          await waitForStep(el, 'mode');
        },
        check: (el) => expect(seen(inStep(el, 'h2')!.textContent)).to.equal('Buy Remote Support or try it free'),
      },
      tier: {
        // Standard chosen, then Back: the tier step with a choice that is not the default.
        walk: async (el) => {
          await toRemoteSupportSeats(el);
          await clickText(el, 'Back');
          await waitForStep(el, 'tier');
        },
        check: (el) => {
          expect(textOf(el)).to.include('Remote Support');
          expect(selectedTier(el)).to.equal('Standard');
        },
      },
      seats: {
        walk: async (el) => {
          await toRemoteSupportSeats(el);
          await typeInto(el, '#seats', '7');
        },
        check: (el) => {
          expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('7');
          expect(textOf(el)).to.include('Remote Support · Standard');
        },
      },
      term: {
        walk: async (el) => {
          await toRemoteSupportSeats(el);
          await typeInto(el, '#seats', '7');
          await clickText(el, 'Next');
          await waitForStep(el, 'term');
          await chooseTerm(el, 'annual');
        },
        check: (el) => {
          expect(textOf(el)).to.include('Remote Support · Standard · 7 user licenses');
          expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked).to.equal(true);
        },
      },
      cart: {
        scenario: 'cart-with-items',
        walk: async (el) => {
          await clickText(el, 'Choose Phone System');
          await waitForStep(el, 'seats');
          await typeInto(el, '#seats', '12');
          await clickText(el, 'Next');
          await waitForStep(el, 'term');
          await chooseTerm(el, 'annual');
          await clickText(el, 'Add to cart');
          await waitForStep(el, 'cart');
        },
        check: (el) => {
          expect(inStep(el, '.items')!.querySelectorAll('li')).to.have.length(2);
          expect(textOf(el)).to.include('Phone System');
          expect(textOf(el)).to.include('Standard · 12 user licenses · Annual');
        },
      },
      review: {
        walk: (el) => toReview(el, { seats: '12', term: 'annual' }),
        check: (el) => {
          expect(inStep(el, 'tbody')!.querySelectorAll('tr')).to.have.length(1);
          expect(textOf(el)).to.include('Phone System');
          expect(inStep(el, 'tbody td.num')!.textContent!.trim()).to.equal('12');
          expect(textOf(el)).to.include('Annual');
        },
      },
      pay: {
        walk: async (el) => {
          await toPay(el, { seats: '12', term: 'annual' });
          await typeInto(el, '#vat', 'IT 123');
        },
        check: (el) => {
          expect(inStep<HTMLInputElement>(el, '#vat')!.value).to.equal('IT 123');
          expect(buttonsLabelled(el, 'Place order')).to.have.length(1);
        },
      },
    };

    for (const [step, { scenario, walk, check }] of Object.entries(WALKS)) {
      it(`reload at ${step}: the new widget comes back at ${step} with the same choices`, async () => {
        const { el, backend, options, storageKey } = await start({ scenario });
        await walk(el);
        expect(el.step).to.equal(step);
        check(el);
        const heading = inStep(el, 'h2')!.textContent;
        const form = formState(el);
        const button = buttonsLabelled(el, 'Place order').map((b) => b.textContent!.trim());
        await waitUntil(() => sessionStorage.getItem(storageName(storageKey)) !== null, `nothing saved under ${storageName(storageKey)}`);
        const saved = JSON.parse(sessionStorage.getItem(storageName(storageKey))!) as Record<string, unknown>;
        expect([saved.v, saved.account], 'the save: its version and the account it belongs to').to.deep.equal([VERSION, backend.account.id]);
        // Only a VAT ID the user typed is saved (these accounts have none of their own).
        expect(saved.vatText, 'the saved VAT text').to.equal(step === 'pay' ? 'IT 123' : undefined);
        const again = await reload(el, backend, options);
        expect(again.el.step).to.equal(step);
        check(again.el);
        expect(inStep(again.el, 'h2')!.textContent).to.equal(heading);
        expect(formState(again.el)).to.deep.equal(form);
        expect(buttonsLabelled(again.el, 'Place order').map((b) => b.textContent!.trim())).to.deep.equal(button);
        finish(backend, 0);
      });
    }

    /** Walks to the seats step of Phone System with "37" typed, removes the widget and returns its save, parsed. */
    async function savedAtSeats() {
      const { el, backend, options, storageKey } = await start();
      await clickText(el, 'Choose Phone System');
      await waitForStep(el, 'seats');
      await typeInto(el, '#seats', '37');
      await waitUntil(() => (sessionStorage.getItem(storageName(storageKey)) ?? '').includes('37'), 'the typed licenses were not saved');
      await el.updateComplete;
      await unmount(el);
      const saved = JSON.parse(sessionStorage.getItem(storageName(storageKey))!) as Record<string, unknown>;
      return { backend, options, storageKey, saved };
    }

    /** Replaces every value equal to `from` (deeply) with `to`; returns how many were replaced. */
    function replaceDeep(node: unknown, from: unknown, to: unknown): number {
      if (!node || typeof node !== 'object') return 0;
      let n = 0;
      for (const [k, value] of Object.entries(node)) {
        if (value === from) {
          (node as Record<string, unknown>)[k] = to;
          n++;
        } else n += replaceDeep(value, from, to);
      }
      return n;
    }

    async function expectFreshStart(raw: string, options: WizardOptions & { storageKey: string }, backend: MockBackend) {
      sessionStorage.setItem(storageName(options.storageKey), raw);
      const { el } = await mountWizard(backend, options);
      expect(el.step, `after ${raw}`).to.equal('select');
      expect(inStep(el, 'h2')!.textContent).to.equal('Choose a product');
      await unmount(el);
    }

    it('tampered save: wrong version → dropped, fresh start at select', async () => {
      const { backend, options, saved } = await savedAtSeats();
      expect(saved.v, `the version in ${JSON.stringify(saved)}`).to.equal(VERSION);
      for (const version of [0, VERSION - 1, VERSION + 1, 999, String(VERSION), null]) {
        await expectFreshStart(JSON.stringify({ ...saved, v: version }), options, backend);
      }
      finish(backend, 0);
    });

    it("tampered save: another account's, or none named → dropped, fresh start at select", async () => {
      const { backend, options, saved } = await savedAtSeats();
      expect(saved.account, `the account in ${JSON.stringify(saved)}`).to.equal(backend.account.id);
      for (const account of ['acc-someone-else', '', undefined, 42]) await expectFreshStart(JSON.stringify({ ...saved, account }), options, backend);
      finish(backend, 0);
    });

    it('tampered save: unknown product → dropped, fresh start at select', async () => {
      const { backend, options, saved } = await savedAtSeats();
      expect(replaceDeep(saved, 'phone-system', 'no-such-product'), 'the product id in the save').to.be.greaterThan(0);
      await expectFreshStart(JSON.stringify(saved), options, backend);
      finish(backend, 0);
    });

    it('tampered save: seats text that is an object → dropped, fresh start at select', async () => {
      const { backend, options, saved } = await savedAtSeats();
      // The typed text is saved as typed: a string.
      expect(replaceDeep(saved, '37', { $gt: 1, toString: 'x' }), 'the licenses in the save').to.equal(1);
      await expectFreshStart(JSON.stringify(saved), options, backend);
      finish(backend, 0);
    });

    it('tampered save: garbage JSON → dropped, fresh start at select', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      const options = { storageKey: `garbage-${Date.now()}` };
      for (const raw of ['{not json', 'null', '42', '[]', '"pay"', '{"v":1,"step":"pay"', '{"__proto__":{"step":"pay"}}']) {
        await expectFreshStart(raw, options, backend);
      }
      finish(backend, 0);
    });

    it('reload while an order is being placed: comes back "Checking your order…", looks the attempt up by its key (never sent again), one order', async () => {
      const { el, backend, options, lookups } = await start({ orderTimeout: 5000 });
      await toPay(el);
      // The server works on the order until the test says.
      const timers = hold(300, 400);
      backend.inject({ op: 'placeOrder', delayMs: 300 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(300) === 1, 'no POST /orders');
      await el.updateComplete;
      // The reload: the page goes away before the answer; the server keeps working.
      await unmount(el);
      // The new widget's first look-up is held too, so its unknown state can be watched.
      backend.inject({ op: 'lookupOrder', status: 503, delayMs: 400 });
      const again = await mountWizard(backend, { ...options, settle: false });
      await waitUntil(() => timers.pending(400) === 1 && hasStatus(again.el, CHECKING), `"${CHECKING}" not shown after the reload (at ${again.el.step})`);
      expect(again.el.step).to.equal('pay');
      noPlaceOrderButton(again.el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      // The first request completes on the server; the look-up's 503 comes back, and the next look-up finds the order.
      timers.fire(300);
      timers.fire(400);
      await waitForStep(again.el, 'done');
      expectAttempt(backend, lookups, { posts: 1, lookups: 2 });
      expectConfirmationOf(again.el, backend);
      finish(backend, 1);
    });
  });

  describe('nothing from the backend is trusted', () => {
    it('malformed JSON from GET /catalog at load: unavailable with Try again, no uncaught error', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      backend.inject({ op: 'getCatalog', body: '{not json' });
      const { el } = await mountWizard(backend);
      expect(el.step).to.equal('unavailable');
      expect(inStep(el, 'h2')!.textContent!.trim()).to.not.equal('');
      expect(textOf(el)).to.include('Try again');
      await clickText(el, 'Try again');
      await waitForStep(el, 'select');
      finish(backend, 0);
    });

    it('schema-violating JSON from GET /catalog at load ({ products: "nope" }): unavailable with Try again, no uncaught error', async () => {
      const backend = new MockBackend({ scenario: 'empty-cart' });
      backend.inject({ op: 'getCatalog', json: { currency: 'EUR', products: 'nope' } });
      const { el } = await mountWizard(backend);
      expect(el.step).to.equal('unavailable');
      expect(inStep(el, 'h2')!.textContent!.trim()).to.not.equal('');
      expect(textOf(el)).to.include('Try again');
      await clickText(el, 'Try again');
      await waitForStep(el, 'select');
      finish(backend, 0);
    });

    it('malformed JSON from POST /quotes at review: an alert with the message and Try again, no uncaught error', async () => {
      const { el, backend } = await start();
      backend.inject({ op: 'createQuote', status: 201, body: '{not json' });
      await toReview(el);
      expect(el.step).to.equal('review');
      expect(alertTexts(el).some((a) => a.includes('could not read')), `alerts: ${alertTexts(el).join(' | ')}`).to.equal(true);
      await clickText(el, 'Try again');
      await waitForStep(el, 'review');
      expect(buttonsLabelled(el, 'Continue to payment')).to.have.length(1);
      finish(backend, 0);
    });

    it('schema-violating JSON from POST /cart/items ({ items: "nope" }): an alert with the message and Try again, no uncaught error', async () => {
      const { el, backend } = await start();
      await clickText(el, 'Choose Phone System');
      await waitForStep(el, 'seats');
      await clickText(el, 'Next');
      await waitForStep(el, 'term');
      backend.inject({ op: 'addCartItem', status: 201, json: { id: 'cart-acc-it', items: 'nope' } });
      await clickText(el, 'Complete transaction');
      expect(stepEl(el), 'never a blank widget').to.exist;
      expect(alertTexts(el).some((a) => a.includes('could not read')), `alerts: ${alertTexts(el).join(' | ')}`).to.equal(true);
      expect(buttonsLabelled(el, 'Try again'), 'a Try again button').to.have.length(1);
      await clickText(el, 'Try again');
      await waitForStep(el, 'review');
      finish(backend, 0);
    });

    it(`a product named ${XSS}: shown as text, no <img> created, nothing run`, async () => {
      const alerts: unknown[] = [];
      const original = window.alert;
      window.alert = (m?: unknown) => void alerts.push(m);
      cleanups.push(() => (window.alert = original));
      const seed = createState('empty-cart');
      const product = seed.catalogs.EUR!.products.find((p) => p.id === 'remote-support')!;
      product.name = XSS;
      product.description = XSS;
      const { el, backend } = await start({ seed });
      const noImg = () => expect(deepAll(el, 'img').map((i) => i.outerHTML), `<img> at ${el.step}`).to.deep.equal([]);
      expect(textOf(el)).to.include(XSS);
      noImg();
      await clickText(el, `Choose ${XSS}`);
      await waitForStep(el, 'mode');
      expect(seen(inStep(el, 'h2')!.textContent)).to.equal(`Buy ${XSS} or try it free`);
      noImg();
      await clickText(el, 'Buy');
      await waitForStep(el, 'tier');
      noImg();
      await clickText(el, 'Choose Standard');
      await waitForStep(el, 'seats');
      expect(textOf(el)).to.include(`${XSS} · Standard`);
      await clickText(el, 'Next');
      await waitForStep(el, 'term');
      await clickText(el, 'Complete transaction');
      await waitForStep(el, 'review');
      expect(textOf(el)).to.include(XSS);
      noImg();
      // An <img src=x> made from the name anywhere would have failed to load, and run its onerror, by the time ours has.
      await new Promise((done) => Object.assign(new Image(), { onerror: done, onload: done, src: 'x' }));
      expect(alerts).to.deep.equal([]);
      finish(backend, 0);
    });

    it('javascript: URLs as iconUrl: never rendered as src or href', async () => {
      const seed = createState('empty-cart');
      const urls = ['javascript:alert(1)', '  JavaScript:alert(1)', 'java\tscript:alert(1)', 'JAVASCRIPT:alert(1)//https://x', 'javascript:alert(1)'];
      seed.catalogs.EUR!.products.forEach((p, i) => (p.iconUrl = urls[i % urls.length]!));
      const { el, backend } = await start({ seed });
      expect(el.step).to.equal('select');
      expect(scriptUrls(el)).to.deep.equal([]);
      await clickText(el, 'Choose Remote Support');
      await waitForStep(el, 'mode');
      expect(scriptUrls(el)).to.deep.equal([]);
      finish(backend, 0);
    });

    it('javascript: URL as corporatePortalUrl: never rendered as href', async () => {
      const seed = createState('corporate');
      seed.account.corporatePortalUrl = 'javascript:alert(document.domain)';
      const { el, backend } = await start({ seed });
      expect(el.step).to.equal('corporate');
      expect(inStep(el, 'h2')!.textContent!.trim()).to.not.equal('');
      expect(scriptUrls(el)).to.deep.equal([]);
      finish(backend, 0);
    });

    it('javascript: URL as assignLicensesUrl: never rendered as href after the order', async () => {
      const seed = createState('empty-cart');
      seed.account.assignLicensesUrl = ' javascript:alert(1)';
      const { el, backend } = await start({ seed });
      await toPay(el);
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      expect(textOf(el)).to.include('Assign licenses to users');
      expect(scriptUrls(el)).to.deep.equal([]);
      finish(backend, 1);
    });
  });

  describe('aborts and late responses', () => {
    it('widget removed with requests in flight: every request aborted, late responses change nothing', async () => {
      const spy = spyOnFetch();
      cleanups.push(spy.restore);
      const timers = hold(300);
      const backend = new MockBackend({ scenario: 'empty-cart', latencyMs: 300 });
      const allAnswered = answered(backend);
      const { el, steps, storageKey } = await mountWizard(backend, { settle: false });
      const api = () => spy.calls.filter((c) => c.url.includes('/api/billing/v1/'));
      await waitUntil(() => api().length === 3 && timers.pending(300) === 3, 'the load did not reach the server');
      await unmount(el);
      expect(api().map((c) => !!c.signal?.aborted)).to.deep.equal([true, true, true]);
      // The server answers now.
      timers.fire(300);
      await allAnswered();
      await sleep(0);
      expect(steps, 'cw-step-change events').to.deep.equal([]);
      expect(sessionStorage.getItem(storageName(storageKey)), 'saved progress').to.equal(null);
      finish(backend, 0);
    });

    it('Back while POST /quotes is in flight at review: the step stays where Back leads (the billing choice: no cart step here), the request is aborted', async () => {
      const { el, backend } = await start();
      await clickText(el, 'Choose Phone System');
      await waitForStep(el, 'seats');
      await clickText(el, 'Next');
      await waitForStep(el, 'term');
      const spy = spyOnFetch();
      cleanups.push(spy.restore);
      const timers = hold(300);
      const allAnswered = answered(backend);
      backend.inject({ op: 'createQuote', delayMs: 300 });
      inStep<HTMLButtonElement>(el, '[part=commit]')!.click();
      await waitUntil(() => timers.pending(300) === 1 && el.step === 'review', 'no POST /quotes at review');
      await stepEl(el).updateComplete;
      inStep<HTMLButtonElement>(el, '[part=back]')!.click();
      await waitUntil(() => el.step === 'term', `Back did not go to the billing choice (at ${el.step})`);
      const quote = spy.calls.find((c) => c.url.endsWith('/quotes'));
      expect(quote?.signal?.aborted, 'the quote request aborted').to.equal(true);
      // The late quote must not take the user back to review.
      timers.fire(300);
      await allAnswered();
      await settled(el);
      expect(el.step).to.equal('term');
      expect(requestsOf(backend, 'createQuote'), 'POST /quotes').to.have.length(1);
      finish(backend, 0);
    });

    it('Back while POST /vat-ids/validate is in flight: the step stays where the user went, the request is aborted', async () => {
      const { el, backend } = await start();
      await toPay(el);
      const spy = spyOnFetch();
      cleanups.push(spy.restore);
      // The validation's answer, and the apply a pause in typing would send (vatPause), wait for the test.
      const timers = hold(300, 600);
      const allAnswered = answered(backend);
      backend.inject({ op: 'validateVatId', delayMs: 300 });
      await typeInto(el, '#vat', 'IT12345670017');
      inStep<HTMLButtonElement>(el, '.vat button')!.click();
      await waitUntil(() => timers.pending(300) === 1, 'no POST /vat-ids/validate');
      inStep<HTMLButtonElement>(el, '[part=back]')!.click();
      await waitUntil(() => el.step === 'review', `Back did not go to review (at ${el.step})`);
      const validate = spy.calls.find((c) => c.url.endsWith('/vat-ids/validate'));
      expect(validate?.signal?.aborted, 'the validation request aborted').to.equal(true);
      // The late answer, and a late end of the typing pause, must not take the user back to pay.
      timers.fire(300);
      if (timers.pending(600)) timers.fire(600);
      await allAnswered();
      await settled(el);
      expect(el.step).to.equal('review');
      expect(requestsOf(backend, 'validateVatId'), 'POST /vat-ids/validate').to.have.length(1);
      finish(backend, 0);
    });
  });

  describe('offline', () => {
    it('browser reports offline: a status banner, nothing disabled, the order still goes; online removes it', async () => {
      const { el, backend } = await start();
      await toPay(el);
      // As the browser does: navigator.onLine turns false and 'offline' fires.
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        window.dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      cleanups.push(() => {
        delete (navigator as unknown as Record<string, unknown>).onLine;
        window.dispatchEvent(new Event('online'));
      });
      setOnline(false);
      await el.updateComplete;
      await stepEl(el).updateComplete;
      const banner = () => statusTexts(el).filter((t) => t.startsWith('You appear to be offline'));
      expect(banner(), `status: ${statusTexts(el).join(' | ')}`).to.have.length(1);
      const disabled = deepAll(stepEl(el), 'button, input, select, textarea').filter(
        (c) => (c as HTMLButtonElement).disabled || c.getAttribute('aria-disabled') === 'true',
      );
      expect(disabled.map((c) => c.outerHTML), 'disabled controls').to.deep.equal([]);
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      finish(backend, 1);
      setOnline(true);
      await el.updateComplete;
      expect(banner()).to.deep.equal([]);
    });
  });
});
