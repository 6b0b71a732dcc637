import { expect, waitUntil } from '@open-wc/testing';
import { MockBackend, createState, type ScenarioName } from '../src/mock/index.js';
import type { PaymentProvider } from '../src/adapter/billing-adapter.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { chooseCard, expectHeadingFocused, expectWcag, inStep, mount, pressPart, settled, type, waitForStep, refuseSeats, type MountOptions } from './helpers.js';

// Shared by test/a11y-axe*.test.ts, one file per configuration so they run side by side.
// axe's WCAG 2.0/2.1/2.2 A and AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), and in the light theme its best practices, on every step,
// every gate and every error state, in the light and dark themes and right to left (Arabic).
// Everything is driven by parts and catalog names, never by English labels, so the same walk runs in any language.

/** A configuration of the widget that axe checks in every state. */
export interface AxeConfig {
  name: string;
  theme: 'light' | 'dark';
  locale: string;
  /** Also axe's best-practice rules (its default set). */
  bestPractice: boolean;
}

const FAST = { retries: 1, baseDelayMs: 5, maxDelayMs: 10 };

/** A provider whose fields cannot produce a token (a network failure inside Stripe, say). */
const failingProvider: PaymentProvider = {
  mount: (container) => void container.append(Object.assign(document.createElement('p'), { textContent: 'Card fields' })),
  tokenize: () => Promise.reject(new Error('The card fields could not be reached.')),
  unmount: () => {},
};

const base = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;

/** Every step, gate and error state of the widget in `config`, checked by axe. */
export function axeSuite(config: AxeConfig) {
  describe(`axe, WCAG 2.2 AA: ${config.name}`, () => {
    /** Mounts in this configuration; checks the language and direction the widget ended up in. */
    async function start(scenario: ScenarioName = 'empty-cart', options: MountOptions = {}) {
      const mounted = await mount(scenario, { theme: config.theme, locale: config.locale, retry: FAST, ...options });
      const frame = base(mounted.el);
      // The configuration's language is the one drawn, right to left for Arabic.
      expect(frame.lang).to.equal(config.locale);
      expect(frame.dir, `dir for lang=${frame.lang}`).to.equal(frame.lang === 'ar' ? 'rtl' : 'ltr');
      return mounted;
    }

    const check = (el: CheckoutWizard, label: string) => expectWcag(el, `${config.name}, ${label}`, { bestPractice: config.bestPractice });

    async function step(el: CheckoutWizard, id: Parameters<typeof waitForStep>[1], label: string = id) {
      await waitForStep(el, id);
      await expectHeadingFocused(el);
      await check(el, label);
    }

    it('the buy flow with an item in the cart: every step, the plan details, adding a method, the confirmation', async () => {
      const { el } = await start('cart-with-items');
      await check(el, 'select');
      await chooseCard(el, 'Remote Support');
      await step(el, 'mode');
      await pressPart(el, 'choose', 0);
      await step(el, 'tier');
      inStep<HTMLButtonElement>(el, 'cw-popover button')!.click();
      await waitUntil(() => inStep<HTMLElement & { open: boolean }>(el, 'cw-popover')!.open);
      await check(el, 'tier, details open');
      await chooseCard(el, 'Premium');
      await step(el, 'seats');
      await pressPart(el, 'next');
      await step(el, 'term');
      await pressPart(el, 'commit');
      await step(el, 'cart');
      await pressPart(el, 'checkout');
      await step(el, 'review');
      await pressPart(el, 'continue');
      await step(el, 'pay');
      await pressPart(el, 'add-method');
      await check(el, 'pay, adding a method');
      await pressPart(el, 'cancel');
      await pressPart(el, 'place-order');
      await step(el, 'done', 'done (order)');
    });

    it('the trial flow, and the reverse-charge order of an EU business', async () => {
      const { el } = await start();
      await chooseCard(el, 'Meetings');
      await waitForStep(el, 'mode');
      await pressPart(el, 'choose', 1);
      await step(el, 'tier', 'tier (trial)');
      await chooseCard(el, 'Business');
      await step(el, 'seats', 'seats (trial)');
      await pressPart(el, 'next');
      await step(el, 'done', 'done (trial)');

      const business = await start('eu-business');
      await chooseCard(business.el, 'Phone System');
      await waitForStep(business.el, 'seats');
      await pressPart(business.el, 'next');
      await pressPart(business.el, 'commit');
      await waitForStep(business.el, 'review');
      await pressPart(business.el, 'continue');
      await waitForStep(business.el, 'pay');
      await type(business.el, '#vat', 'DE136695976');
      await pressPart(business.el, 'apply-vat');
      await waitUntil(() => !!inStep(business.el, '#vat-status .ok'), 'VAT verified');
      await check(business.el, 'pay, VAT verified, reverse charge');
      await pressPart(business.el, 'place-order');
      await step(business.el, 'done', 'done (reverse charge)');
    });

    it('every gate: signed out, corporate, not a billing contact, unavailable; and the offline banner', async () => {
      for (const [scenario, gate] of [
        ['signed-out', 'signed-out'],
        ['corporate', 'corporate'],
        ['user', 'forbidden'],
        ['backend-down', 'unavailable'],
      ] as const) {
        const { el } = await start(scenario);
        expect(el.step).to.equal(gate);
        await check(el, gate);
      }
      const { el } = await start();
      window.dispatchEvent(new Event('offline'));
      // The banner follows navigator.onLine, which a test cannot set: draw it through the same handler.
      const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        window.dispatchEvent(new Event('offline'));
        await el.updateComplete;
        await waitUntil(() => !!el.shadowRoot!.querySelector('[part=offline]'), 'offline banner');
        await check(el, 'offline banner');
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        Object.defineProperty(Navigator.prototype, 'onLine', online);
        window.dispatchEvent(new Event('online'));
      }
    });

    it('the licenses step: every kind of wrong number, the blocked Next, the server’s refusal, a failed trial start', async () => {
      const { el, backend } = await start();
      await chooseCard(el, 'Remote Support');
      await pressPart(el, 'choose', 0);
      await chooseCard(el, 'Enterprise'); // 10 to 1000 in steps of 5
      await waitForStep(el, 'seats');
      for (const [text, kind] of [
        ['', 'required'],
        ['2.5', 'not a whole number'],
        ['5', 'below the minimum'],
        ['5000', 'above the maximum'],
        ['12', 'off the step'],
      ] as const) {
        await type(el, '#seats', text);
        await check(el, `seats: ${kind}`);
      }
      await pressPart(el, 'next');
      await check(el, 'seats: Next pressed with an error');
      await type(el, '#seats', '10');
      await pressPart(el, 'next');
      await waitForStep(el, 'term');
      refuseSeats(backend);
      await pressPart(el, 'commit');
      await waitForStep(el, 'seats');
      await check(el, 'seats: refused by the server');

      const trial = await start();
      await chooseCard(trial.el, 'Meetings');
      await pressPart(trial.el, 'choose', 1);
      await chooseCard(trial.el, 'Business');
      await waitForStep(trial.el, 'seats');
      trial.backend.inject({ op: 'startTrial', status: 409, code: 'trial_already_used' });
      await pressPart(trial.el, 'next');
      expect(inStep(trial.el, '[part=alert]'), 'trial alert').to.exist;
      await check(trial.el, 'seats: trial start refused');
    });

    it('step alerts: a failed save, a failed removal, a failed quote, a re-priced order', async () => {
      const { el, backend } = await start('cart-with-items');
      await chooseCard(el, 'Phone System');
      await pressPart(el, 'next');
      await waitForStep(el, 'term');
      backend.inject({ op: 'addCartItem', status: 500, times: 1 });
      await pressPart(el, 'commit');
      expect(el.step).to.equal('term');
      expect(inStep(el, '[part=alert]'), 'save alert').to.exist;
      await check(el, 'term: save failed');
      await pressPart(el, 'retry');
      await waitForStep(el, 'cart');
      backend.inject({ op: 'removeCartItem', status: 503, times: 1 });
      await pressPart(el, 'remove', 0);
      expect(inStep(el, '[part=alert]'), 'remove alert').to.exist;
      await check(el, 'cart: removal failed');
      backend.inject({ op: 'createQuote', status: 500, times: 1 });
      await pressPart(el, 'checkout');
      await waitForStep(el, 'review');
      expect(inStep(el, '[part=alert]'), 'quote alert').to.exist;
      await check(el, 'review: quote failed');
      await pressPart(el, 'retry');
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      backend.inject({ op: 'placeOrder', status: 409, code: 'quote_expired' });
      await pressPart(el, 'place-order');
      await waitForStep(el, 'review');
      await settled(el);
      expect(inStep(el, '.note'), 'requote note').to.exist;
      await check(el, 'review: re-priced');
    });

    it('the payment step: no method, failed card fields, every VAT error and verdict, a failed quote', async () => {
      const seed = createState('empty-cart');
      seed.account.paymentMethods = [];
      const { el, backend } = await start('empty-cart', { backend: new MockBackend({ seed }), provider: failingProvider, orderTimeout: 2000 });
      await chooseCard(el, 'Phone System');
      await pressPart(el, 'next');
      await pressPart(el, 'commit');
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      await check(el, 'pay: no method on file');
      await pressPart(el, 'place-order');
      await check(el, 'pay: no method chosen');
      await pressPart(el, 'add-method');
      await pressPart(el, 'save-method');
      await waitUntil(() => !!inStep(el, '#method-error'), 'method error');
      await check(el, 'pay: the fields failed');
      await pressPart(el, 'cancel');

      for (const [text, kind] of [
        ['XX123', 'no country'],
        ['DE12345', 'bad format'],
        ['IT12345678901', 'bad check digit'],
      ] as const) {
        await type(el, '#vat', text);
        await pressPart(el, 'apply-vat');
        await check(el, `pay: VAT ${kind}`);
      }
      backend.inject({ op: 'validateVatId', json: { vatId: 'IT12345670017', status: 'invalid', name: null, address: null } });
      await type(el, '#vat', 'IT12345670017');
      await pressPart(el, 'apply-vat');
      await waitUntil(() => !!inStep(el, '#vat-status .error'), 'invalid verdict');
      await check(el, 'pay: VAT refused by the registry');
      await type(el, '#vat', 'DE999999995');
      await pressPart(el, 'apply-vat');
      await waitUntil(() => !!inStep(el, '#vat-status .muted'), 'unavailable verdict');
      await check(el, 'pay: VAT registry unavailable');
      backend.inject({ op: 'createQuote', status: 500 });
      await type(el, '#vat', '');
      await pressPart(el, 'apply-vat');
      await waitUntil(() => !!inStep(el, '[part=alert]'), 'quote alert at pay');
      await check(el, 'pay: quote failed');
    });

    it('the payment step: a declined payment, confirming, unconfirmed', async () => {
      const { el, backend } = await start('empty-cart', { orderTimeout: 2000 });
      await chooseCard(el, 'Phone System');
      await pressPart(el, 'next');
      await pressPart(el, 'commit');
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      backend.inject({ op: 'placeOrder', status: 402, code: 'payment_declined' });
      await pressPart(el, 'place-order');
      expect(inStep(el, '#method-error'), 'declined').to.exist;
      await check(el, 'pay: declined');
      // The answer is lost, then the service is down: confirming, then out of retries with the outcome unknown.
      // Each try after that looks the attempt up by its key. The declined card is chosen again first: until then it is not tried.
      backend.inject({ op: 'placeOrder', drop: 'after' });
      backend.inject({ op: 'lookupOrder', status: 503, times: 5, delayMs: 150 });
      inStep<HTMLInputElement>(el, 'input[name=method]:checked')!.click();
      inStep<HTMLButtonElement>(el, '[part=place-order]')!.click();
      await waitUntil(() => !!inStep(el, '[part=order-status]'), 'confirming', { timeout: 3000 });
      await check(el, 'pay: confirming');
      await waitUntil(() => !!inStep(el, '[part=check-again]'), 'unconfirmed', { timeout: 5000 });
      await check(el, 'pay: unconfirmed');
    });
  });
}
