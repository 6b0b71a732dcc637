import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MockBackend, TestPaymentProvider, createState, type MockState } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { clickText, inStep, settled, stepEl, textOf, waitForStep } from './helpers.js';
import {
  UUID,
  addMethod,
  alertTexts,
  answered,
  buttonsLabelled,
  chooseMethod,
  chooseTerm,
  deepAll,
  expectOneKey,
  formState,
  hasStatus,
  holdTimers,
  mountWizard,
  orderKeys,
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
// The spec: GitHub issue "Orders that are never charged twice and never lost; bad input that never breaks the widget".
// Every test ends with `finish(backend, n)`: exactly n orders exist and nothing was thrown uncaught.

const CONFIRMING = 'Confirming your order…';
const UNCONFIRMED = 'We could not confirm your order yet.';
const DECLINED = 'Your payment method was declined. Choose or add another one.';
const BUSY = 'The billing service is busy. Try again in a moment.';
const GENERIC = 'Something went wrong. Try again.';
const XSS = '<img src=x onerror=alert(1)>';

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

/** A fresh backend (empty cart unless said) and a widget on it at rest. */
async function start(options: WizardOptions & { scenario?: 'empty-cart' | 'cart-with-items'; seed?: MockState } = {}) {
  const backend = options.seed ? new MockBackend({ seed: options.seed }) : new MockBackend({ scenario: options.scenario ?? 'empty-cart' });
  return mountWizard(backend, options);
}

const noPlaceOrderButton = (el: CheckoutWizard) => expect(buttonsLabelled(el, 'Place order').map((b) => b.textContent!.trim()), '"Place order" buttons').to.deep.equal([]);

describe('faults', () => {
  describe('placing an order: automatic retries with the same key', () => {
    // Network errors before the request, 500/502/503 and 409 idempotency_in_progress are retried with the same key:
    // src/machine/checkout.machine.test.ts (Node, no DOM needed). Here, what the user sees of retries.
    it('429 rate_limited with Retry-After: 2 on POST /orders: retried with the same key after the 2 s asked for, not the backoff', async () => {
      const { el, backend } = await start();
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
      expect(orderKeys(backend)).to.have.length(2);
      expectOneKey(backend, 2);
      finish(backend, 1);
    });

    it('503 on every POST /orders: retries stop after retry.retries with an alert; Place order again keeps the key', async () => {
      const { el, backend } = await start({ retry: { retries: 3, baseDelayMs: 20, maxDelayMs: 40 } });
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 503, times: 100 });
      // clickText waits until the widget rests: every retry has run by then.
      await clickText(el, 'Place order');
      // One request and three retries, then the user is told.
      expect(orderKeys(backend), 'POST /orders after the retries ran out').to.have.length(4);
      expect(el.step).to.equal('pay');
      expect(alertTexts(el).some((a) => a.includes(BUSY)), `alerts: ${alertTexts(el).join(' | ')}`).to.equal(true);
      // A 503 means the order was not taken: paying again is safe, and offered as such.
      expect(buttonsLabelled(el, 'Check again'), 'Check again').to.have.length(0);
      expect(buttonsLabelled(el, 'Place order'), 'Place order').to.have.length(1);
      finish(backend, 0);
      backend.clearFaults();
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      expectOneKey(backend, 5);
      finish(backend, 1);
    });

    it('422 validation_failed on POST /orders: not retried automatically; pressing Place order again keeps the key', async () => {
      const { el, backend } = await start();
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
      expectOneKey(backend, 2);
      finish(backend, 1);
    });
  });

  describe('placing an order: unknown outcomes', () => {
    it('lost response (drop: after): "Confirming your order…" with no Place order button, resolved with the same key, one order', async () => {
      const { el, backend } = await start();
      await toPay(el);
      backend.inject({ op: 'placeOrder', drop: 'after' });
      // The check after the lost response is held, so the unknown state can be watched.
      const timers = hold(400);
      backend.inject({ op: 'placeOrder', status: 503, delayMs: 400 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(400) === 1, 'no second POST /orders');
      expect(requestsOf(backend, 'placeOrder')).to.have.length(2);
      await el.updateComplete;
      await stepEl(el).updateComplete;
      expect(el.step).to.equal('pay');
      expect(hasStatus(el, CONFIRMING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      // The order exists already; the widget does not know yet.
      expect(backend.orders).to.have.length(1);
      timers.fire(400);
      await waitForStep(el, 'done');
      expectOneKey(backend, 3);
      finish(backend, 1);
    });

    it('POST /orders times out (order-timeout) while the server still works (409 idempotency_in_progress): "Confirming your order…", resolved with the same key', async () => {
      const { el, backend } = await start({ orderTimeout: 300, retry: { retries: 10, baseDelayMs: 50, maxDelayMs: 100 } });
      await toPay(el);
      // The server takes 700 ms; the widget gives up on the request after 300 and asks again with the same key.
      const timers = hold(300, 700);
      backend.inject({ op: 'placeOrder', delayMs: 700 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(700) === 1 && timers.pending(300) === 1, 'POST /orders not in flight');
      timers.fire(300);
      await waitUntil(() => requestsOf(backend, 'placeOrder').length >= 2, 'no retry after the timeout');
      await el.updateComplete;
      await stepEl(el).updateComplete;
      // The server is still working: the outcome is unknown.
      expect(el.step).to.equal('pay');
      expect(hasStatus(el, CONFIRMING), `status: ${statusTexts(el).join(' | ')}`).to.equal(true);
      noPlaceOrderButton(el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      // The server finishes; the next ask with the same key gets the order.
      timers.fire(700);
      await waitForStep(el, 'done');
      expectOneKey(backend, 2);
      finish(backend, 1);
    });

    it('retries run out while the outcome is unknown (drop: after, then 503s): "We could not confirm your order yet." and Check again with the same key', async () => {
      const { el, backend } = await start({ retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 50 } });
      await toPay(el);
      backend.inject({ op: 'placeOrder', drop: 'after' });
      backend.inject({ op: 'placeOrder', status: 503, times: 3 });
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(orderKeys(backend), 'one request and three retries').to.have.length(4);
      expect(textOf(el)).to.include(UNCONFIRMED);
      noPlaceOrderButton(el);
      expect(buttonsLabelled(el, 'Check again')).to.have.length(1);
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectOneKey(backend, 5);
      finish(backend, 1);
    });

    it('POST /orders times out and the retries run out before the server answers: Check again (same key) confirms the one order', async () => {
      const { el, backend } = await start({ orderTimeout: 300, retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 20 } });
      await toPay(el);
      const timers = hold(300, 1200);
      backend.inject({ op: 'placeOrder', delayMs: 1200 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(1200) === 1 && timers.pending(300) === 1, 'POST /orders not in flight');
      timers.fire(300);
      // The retries meet the first request still running (409 idempotency_in_progress) until they run out.
      await waitUntil(() => textOf(el).includes(UNCONFIRMED), `"${UNCONFIRMED}" not shown (at ${el.step})`);
      noPlaceOrderButton(el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      // The server finishes the first request in its own time.
      timers.fire(1200);
      await waitUntil(() => backend.orders.length === 1, 'the server never recorded the order');
      await clickText(el, 'Check again');
      await waitForStep(el, 'done');
      expectOneKey(backend, 2);
      finish(backend, 1);
    });

    it('malformed JSON answer (201) to POST /orders: the outcome is unknown, so it is retried by itself with the same key; one order', async () => {
      const { el, backend } = await start();
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 201, body: '{"id": "ORD-' });
      // One press, nothing more from the user.
      await clickText(el, 'Place order');
      expect(el.step, textOf(el)).to.equal('done');
      expect(orderKeys(backend)).to.have.length(2);
      expectOneKey(backend, 2);
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
    it('402 payment_declined (a method added with tok_chargeDeclined): message at the payment step; another method pays with a new key', async () => {
      const { el, backend } = await start({ provider: new TestPaymentProvider({ token: 'tok_chargeDeclined' }) });
      await toPay(el);
      await addMethod(el, '0002');
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(textOf(el)).to.include(DECLINED);
      expect(orderKeys(backend), 'a decline is not retried').to.have.length(1);
      finish(backend, 0);
      await chooseMethod(el, '4242');
      await clickText(el, 'Place order');
      await waitForStep(el, 'done');
      const keys = orderKeys(backend);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.match(UUID);
      expect(keys[1], 'a new key for another method').to.not.equal(keys[0]);
      finish(backend, 1);
    });

    it('402 payment_declined (injected): message at the payment step; a newly added method pays with a new key', async () => {
      const { el, backend } = await start({ provider: new TestPaymentProvider({ token: 'tok_mastercard' }) });
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 402, code: 'payment_declined' });
      await clickText(el, 'Place order');
      expect(el.step).to.equal('pay');
      expect(textOf(el)).to.include(DECLINED);
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
        check: (el) => expect(inStep(el, 'h2')!.textContent).to.equal('Buy Remote Support or try it free'),
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
      expect(saved.v, `the version in ${JSON.stringify(saved)}`).to.equal(1);
      for (const version of [0, 2, 999, '1', null]) await expectFreshStart(JSON.stringify({ ...saved, v: version }), options, backend);
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

    it('reload while an order is being placed: comes back "Confirming your order…", resolves with the same key, one order', async () => {
      const { el, backend, options } = await start({ orderTimeout: 5000 });
      await toPay(el);
      // The server works on the order until the test says.
      const timers = hold(300, 400);
      backend.inject({ op: 'placeOrder', delayMs: 300 });
      await pressPlaceOrder(el);
      await waitUntil(() => timers.pending(300) === 1, 'no POST /orders');
      await el.updateComplete;
      // The reload: the page goes away before the answer; the server keeps working.
      await unmount(el);
      // The new widget's first check is held too, so its unknown state can be watched.
      backend.inject({ op: 'placeOrder', status: 503, delayMs: 400 });
      const again = await mountWizard(backend, { ...options, settle: false });
      await waitUntil(() => timers.pending(400) === 1 && hasStatus(again.el, CONFIRMING), `"${CONFIRMING}" not shown after the reload (at ${again.el.step})`);
      expect(again.el.step).to.equal('pay');
      noPlaceOrderButton(again.el);
      expect(backend.orders, 'not recorded yet').to.have.length(0);
      // The first request completes on the server; the check's 503 comes back, and the retry finds the order.
      timers.fire(300);
      timers.fire(400);
      await waitForStep(again.el, 'done');
      expectOneKey(backend, 2);
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
      expect(inStep(el, 'h2')!.textContent).to.equal(`Buy ${XSS} or try it free`);
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

    it('Back while POST /quotes is in flight at review: the step stays at the cart, the request is aborted', async () => {
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
      await waitUntil(() => el.step === 'cart', `Back did not go to the cart (at ${el.step})`);
      const quote = spy.calls.find((c) => c.url.endsWith('/quotes'));
      expect(quote?.signal?.aborted, 'the quote request aborted').to.equal(true);
      // The late quote must not take the user back to review.
      timers.fire(300);
      await allAnswered();
      await settled(el);
      expect(el.step).to.equal('cart');
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
