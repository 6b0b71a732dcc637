import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActive, inStep, mount, settled, waitForStep } from './helpers.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// Whole flows with the keyboard alone: Tab to a control, Enter or Space to use it.

const label = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Tabs forward until the focused control's text starts with `text` (at most 60 presses). */
async function tabTo(text: string) {
  for (let i = 0; i < 60; i++) {
    await sendKeys({ press: 'Tab' });
    if (label(deepActive()).startsWith(text)) return;
  }
  throw new Error(`Tab never reached "${text}"; focus is on "${label(deepActive())}"`);
}

async function activate(el: CheckoutWizard, text: string, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(text);
  await sendKeys({ press: key });
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

async function start(scenario: Parameters<typeof mount>[0] = 'empty-cart') {
  const mounted = await mount(scenario);
  // The keyboard user arrives at the widget from the page.
  (document.activeElement as HTMLElement | null)?.blur();
  return mounted;
}

describe('keyboard only', () => {
  it('buys: choose, licenses by arrow keys, billing by arrow keys, complete, pay', async () => {
    const { el, backend } = await start();
    await activate(el, 'Choose Remote Support');
    await waitForStep(el, 'mode');
    await activate(el, 'Buy');
    await waitForStep(el, 'tier');
    await activate(el, 'Choose Premium');
    await waitForStep(el, 'seats');
    // The licenses field comes after the "fewer" button.
    for (let i = 0; i < 5 && deepActive() !== inStep(el, '#seats'); i++) await sendKeys({ press: 'Tab' });
    expect(deepActive() === inStep(el, '#seats'), 'Tab reaches the licenses field').to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('3');
    await sendKeys({ press: 'Enter' });
    await waitForStep(el, 'term');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === inStep(el, 'input[value=monthly]'), 'Tab reaches the billing options').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked).to.equal(true);
    await activate(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await activate(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    await activate(el, 'Place order');
    await waitForStep(el, 'done');
    expect(backend.orders).to.have.length(1);
    expect(backend.orders[0]!.lines[0]).to.include({ seats: 3, term: 'annual' });
  });

  it('adds to a cart that holds an item, then checks out both', async () => {
    const { el, backend } = await start('cart-with-items');
    await activate(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await activate(el, 'Next');
    await waitForStep(el, 'term');
    await activate(el, 'Add to cart', 'Space');
    await waitForStep(el, 'cart');
    await activate(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await activate(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    await activate(el, 'Place order');
    await waitForStep(el, 'done');
    expect(backend.orders[0]!.lines).to.have.length(2);
  });

  it('starts a trial, and opens and closes a plan’s details with Escape', async () => {
    const { el, backend } = await start();
    await activate(el, 'Choose Meetings');
    await waitForStep(el, 'mode');
    await activate(el, 'Try free');
    await waitForStep(el, 'tier');
    await activate(el, 'Details');
    const popover = inStep<HTMLElement & { open: boolean }>(el, 'cw-popover')!;
    expect(popover.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(popover.open).to.equal(false);
    expect(label(deepActive())).to.match(/^Details/);
    await activate(el, 'Choose');
    await waitForStep(el, 'seats');
    await activate(el, 'Start trial');
    await waitForStep(el, 'done');
    expect(backend.account.trialsUsed).to.include('meetings');
  });
});
