import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MockBackend } from '../src/mock/index.js';
import { chooseCard, clickText, deepActive, expectHeadingFocused, inStep, mount, pressPart, stepEl, textOf, type, useBackend, waitForStep } from './helpers.js';
import { Localizer } from '../src/i18n/localizer.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// Whole flows through the DOM, as a billing contact clicks them, on the mock backend behind MSW.

async function chooseFirstTier(el: CheckoutWizard) {
  await waitForStep(el, 'tier');
  await clickText(el, /^Choose /);
}

describe('flows', () => {
  it('buys with an empty cart: Complete transaction → review → pay → done', async () => {
    const { el, backend, steps } = await mount();
    expect(el.step).to.equal('select');
    await clickText(el, 'Choose Remote Support');
    await waitForStep(el, 'mode');
    await expectHeadingFocused(el);
    await clickText(el, 'Buy');
    await chooseFirstTier(el);
    await waitForStep(el, 'seats');
    await expectHeadingFocused(el);
    const input = inStep<HTMLInputElement>(el, '#seats')!;
    const min = Number(input.value);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    await stepEl(el).updateComplete;
    expect(Number(input.value)).to.be.greaterThan(min);
    expect(textOf(el)).to.match(/About .+ per month before tax/);
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    inStep<HTMLInputElement>(el, 'input[value=annual]')!.click();
    await stepEl(el).updateComplete;
    expect(textOf(el)).to.match(/Save \d+%/);
    expect(inStep(el, '[part=commit]')!.textContent!.trim()).to.equal('Complete transaction');
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await expectHeadingFocused(el);
    const review = textOf(el);
    expect(review).to.include('Total due today');
    expect(review).to.include('The new billing period starts today.');
    expect(review).to.include('Your billing date moves to');
    expect(review).to.include('Edit order');
    // The period starts today, as the user reads it.
    const todayText = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
    expect(inStep(el, 'tbody td')!.textContent).to.include(todayText.replace(/, \d{4}$/, ''));
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    expect(textOf(el)).to.include('VAT number (if applicable)');
    const placed = oneEvent(el, 'cw-order-placed');
    await clickText(el, 'Place order');
    const { detail } = await placed;
    await waitForStep(el, 'done');
    await expectHeadingFocused(el);
    expect(backend.orders).to.have.length(1);
    const order = backend.orders[0]!;
    // The host hears what was bought, and nothing more: no lines, no e-mail address.
    expect(detail).to.deep.equal({ id: order.id, status: 'completed', total: order.total, billingDate: order.billingDate, productIds: ['remote-support'] });
    const done = textOf(el);
    expect(done).to.include(order.id);
    expect(done).to.include(order.confirmationEmail);
    expect(done).to.include('right away');
    const assign = inStep<HTMLAnchorElement>(el, 'a[part=assign]')!;
    expect(assign.href).to.match(/^https:\/\//);
    expect(steps).to.deep.equal(['select', 'mode', 'tier', 'seats', 'term', 'review', 'pay', 'done']);
  });

  it('buys with items in the cart: Add to cart → cart → Complete transaction → one order with both lines', async () => {
    const { el, backend } = await mount('cart-with-items');
    const carts: number[] = [];
    el.addEventListener('cw-cart-change', (e) => carts.push(e.detail.cart.items.length));
    expect(textOf(el)).to.include('In your cart');
    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    expect(inStep(el, '[part=commit]')!.textContent!.trim()).to.equal('Add to cart');
    await clickText(el, 'Add to cart');
    await waitForStep(el, 'cart');
    expect(inStep(el, '.items')!.querySelectorAll('li')).to.have.length(2);
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    expect(inStep(el, 'tbody')!.querySelectorAll('tr')).to.have.length(2);
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    await clickText(el, 'Place order');
    await waitForStep(el, 'done');
    expect(backend.orders).to.have.length(1);
    expect(backend.orders[0]!.lines).to.have.length(2);
    expect(backend.cart.items).to.have.length(0);
    expect(carts).to.deep.equal([2, 0]);
  });

  it('starts a free trial: Try free → plan → licenses → Start trial', async () => {
    const { el, backend } = await mount();
    await clickText(el, 'Choose Remote Support');
    await waitForStep(el, 'mode');
    const started = oneEvent(el, 'cw-trial-started');
    await clickText(el, /^Try free for \d+ days/);
    await chooseFirstTier(el);
    await waitForStep(el, 'seats');
    expect(textOf(el)).to.include('Free during the trial.');
    await clickText(el, 'Start trial');
    const { detail } = await started;
    await waitForStep(el, 'done');
    expect(textOf(el)).to.include('Your free trial has started');
    expect(textOf(el)).to.include(backend.trials[0]!.welcomeEmail);
    expect(Object.keys(detail.trial).sort()).to.deep.equal(['endsAt', 'id', 'productId', 'seats', 'tierId']);
    expect(backend.orders).to.have.length(0);
    expect(backend.account.trialsUsed).to.include(detail.trial.productId);
  });

  it('edits an order from review: every value kept, the same cart item updated', async () => {
    const { el, backend } = await mount();
    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    const min = Number(inStep<HTMLInputElement>(el, '#seats')!.value);
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    inStep<HTMLInputElement>(el, 'input[value=annual]')!.click();
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    const itemId = backend.cart.items[0]!.id;
    await clickText(el, 'Edit order');
    await waitForStep(el, 'seats');
    expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal(String(min));
    await clickText(el, '+');
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked).to.equal(true);
    await clickText(el, 'Save changes');
    await waitForStep(el, 'review');
    expect(backend.cart.items).to.have.length(1);
    expect(backend.cart.items[0]!.id).to.equal(itemId);
    expect(backend.cart.items[0]!.seats).to.be.greaterThan(min);
    expect(inStep(el, 'tbody td.num')!.textContent!.trim()).to.equal(String(backend.cart.items[0]!.seats));
  });

  it('keeps bad licenses input and explains why Next cannot go on', async () => {
    const { el } = await mount();
    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await type(el, '#seats', '2.5');
    expect(textOf(el)).to.include('Enter a whole number');
    await clickText(el, 'Next');
    expect(el.step).to.equal('seats');
    expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('2.5');
    expect(inStep(el, '#seats')!.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el)).to.include('Fix the number of licenses to continue.');
    expect(deepActive() === inStep(el, '#seats'), 'focus on the licenses field').to.equal(true);
  });

  it('a verified EU VAT number from another country: reverse charge at pay and on the confirmation', async () => {
    const { el, backend } = await mount('eu-business');
    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    const note = 'Reverse charge: VAT to be accounted for by the recipient';
    expect(textOf(el)).to.not.include(note);
    await type(el, '#vat', 'de 136 695 976');
    await clickText(el, 'Apply');
    expect(textOf(el)).to.include('VAT number verified');
    expect(textOf(el)).to.include(`${note} (DE136695976)`);
    const quote = el.shadowRoot!.querySelector('[data-step]')!.shadowRoot!.querySelector('[part=totals]')!.textContent!;
    expect(quote.replace(/\s+/g, ' ')).to.match(/VAT 0%/);
    await clickText(el, 'Place order');
    await waitForStep(el, 'done');
    expect(textOf(el)).to.include(note);
    expect(backend.orders[0]!.total.amount).to.equal(backend.orders[0]!.lines.reduce((sum, l) => sum + (l as unknown as { amount: { amount: number } }).amount.amount, 0));
  });

  /** Phone System (one plan) bought with its defaults, by parts only, up to the payment step. */
  async function phoneSystemToPay(el: CheckoutWizard) {
    await chooseCard(el, 'Phone System');
    await waitForStep(el, 'seats');
    await pressPart(el, 'next');
    await waitForStep(el, 'term');
    await pressPart(el, 'commit');
    await waitForStep(el, 'review');
    await pressPart(el, 'continue');
    await waitForStep(el, 'pay');
  }

  it('reverse charge in the user\'s language on pay, on review after Back and on the confirmation; never for a buyer in the seller\'s country', async () => {
    const de = await Localizer.load('de');
    const { el } = await mount('eu-business', { locale: 'de' });
    await phoneSystemToPay(el);
    expect(textOf(el)).to.not.include(de.m.reverseCharge);
    await type(el, '#vat', 'DE136695976');
    await pressPart(el, 'apply-vat');
    await waitUntil(() => textOf(el).includes(de.m.reverseCharge), 'the note at pay, in German');
    await pressPart(el, 'back');
    await waitForStep(el, 'review');
    await waitUntil(() => textOf(el).includes(de.m.reverseCharge), 'the note on the re-priced review');
    await pressPart(el, 'continue');
    await waitForStep(el, 'pay');
    await pressPart(el, 'place-order');
    await waitForStep(el, 'done');
    expect(textOf(el)).to.include(de.m.reverseCharge);

    // An Italian buyer of an Italian seller with a valid Italian VAT number pays Italian VAT.
    const it = await Localizer.load('it');
    const local = await mount('empty-cart', { locale: 'it' });
    await phoneSystemToPay(local.el);
    await type(local.el, '#vat', 'IT12345670017');
    await pressPart(local.el, 'apply-vat');
    await waitUntil(() => textOf(local.el).includes(it.m.vatValid('Rossi Consulting S.r.l.')), 'verified');
    expect(textOf(local.el)).to.not.include(it.m.reverseCharge);
    expect(textOf(local.el)).to.include(it.m.tax(it.percent(2200)));
    await pressPart(local.el, 'place-order');
    await waitForStep(local.el, 'done');
    expect(textOf(local.el)).to.not.include(it.m.reverseCharge);
  });

  it('opens at the product named in the `product` attribute', async () => {
    const { el, steps } = await mount('empty-cart', { product: 'remote-support' });
    expect(el.step).to.equal('mode');
    expect(steps).to.deep.equal(['mode']);
  });

  describe('gates', () => {
    it('sends a corporate account to its portal, with no purchase UI', async () => {
      const { el } = await mount('corporate');
      expect(el.step).to.equal('corporate');
      const link = inStep<HTMLAnchorElement>(el, 'a[part=portal]')!;
      expect(link.href).to.match(/^https:\/\//);
      expect(el.shadowRoot!.querySelector('cw-progress')).to.equal(null);
      expect(stepEl(el).shadowRoot!.querySelectorAll('button')).to.have.length(0);
    });

    it('tells a user who is not a billing contact whom to ask', async () => {
      const { el, backend } = await mount('user');
      expect(el.step).to.equal('forbidden');
      expect(textOf(el)).to.include(backend.account.billingEmail!);
    });

    it('asks the host to sign in when signed out', async () => {
      const { el } = await mount('signed-out');
      expect(el.step).to.equal('signed-out');
      expect(textOf(el)).to.match(/sign in/i);
    });

    it('shows backend-down with a Retry', async () => {
      const { el } = await mount('backend-down');
      expect(el.step).to.equal('unavailable');
      expect(textOf(el)).to.include('Try again');
    });

    it('Retry recovers once the backend is back', async () => {
      const backend = await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      backend.inject({ op: '*', status: 503, times: 3 });
      const el = await fixture<CheckoutWizard>(html`<checkout-wizard api-base="/api/billing/v1"></checkout-wizard>`);
      await waitForStep(el, 'unavailable');
      await clickText(el, 'Try again');
      await waitForStep(el, 'select');
    });
  });
});
