import { expect } from '@open-wc/testing';
import { clickText, expectHeadingFocused, inStep, mount, waitForStep } from './helpers.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// axe's default rule set (WCAG A/AA and its best practices) on every step and gate, as rendered inside the wizard.
// The WCAG 2.2 AA rules by tag, on every error state, in the light and dark themes and right to left: test/a11y-axe.test.ts.

async function expectAccessible(el: CheckoutWizard, label: string) {
  try {
    await expect(el).to.be.accessible();
  } catch (e) {
    throw new Error(`${label}: ${(e as Error).message}`);
  }
}

describe('accessibility (axe)', () => {
  it('every step of the buy flow, with an item in the cart; focus on each step heading', async () => {
    const { el } = await mount('cart-with-items');
    await expectAccessible(el, 'select');
    await clickText(el, 'Choose Remote Support');
    await waitForStep(el, 'mode');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'mode');
    await clickText(el, 'Buy');
    await waitForStep(el, 'tier');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'tier');
    // The details popover, open.
    inStep<HTMLButtonElement>(el, 'cw-popover button')!.click();
    await expectAccessible(el, 'tier popover');
    await clickText(el, /^Choose /);
    await waitForStep(el, 'seats');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'seats');
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'term');
    await clickText(el, 'Add to cart');
    await waitForStep(el, 'cart');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'cart');
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'review');
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'pay');
    await clickText(el, 'Add payment method');
    await expectAccessible(el, 'pay, adding a method');
    await clickText(el, 'Cancel');
    await clickText(el, 'Place order');
    await waitForStep(el, 'done');
    await expectHeadingFocused(el);
    await expectAccessible(el, 'done');
  });

  it('the licenses step with an error showing', async () => {
    const { el } = await mount();
    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    const input = inStep<HTMLInputElement>(el, '#seats')!;
    input.value = 'abc';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await clickText(el, 'Next');
    await expectAccessible(el, 'seats with error');
  });

  for (const scenario of ['corporate', 'user', 'signed-out', 'backend-down'] as const) {
    it(`the ${scenario} gate`, async () => {
      const { el } = await mount(scenario);
      await expectAccessible(el, scenario);
    });
  }

  it('the buy-or-try step, in Italian', async () => {
    const { el } = await mount('empty-cart', { locale: 'it' });
    await clickText(el, /Remote Support/);
    await waitForStep(el, 'mode');
    await expectAccessible(el, 'mode (it)');
  });
});
