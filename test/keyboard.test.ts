import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActive, inStep, mount, seen, settled, waitForStep } from './helpers.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// Whole flows with the keyboard alone: Tab to a control, Enter or Space to use it.

const label = (el: Element | null) => seen(el?.textContent);

/**
 * Every control Tab reaches inside the widget shows where focus is (WCAG 2.4.7: an outline of at least 2px)
 * and is not hidden under anything (2.4.11: the point at its centre is the control itself).
 */
function expectFocusVisible() {
  const active = deepActive() as HTMLElement | null;
  // Outside the widget's shadow roots (the page, the payment provider's own fields) is not ours to draw.
  if (!active || !(active.getRootNode() instanceof ShadowRoot)) return;
  const what = `${active.localName} "${label(active).slice(0, 30)}"`;
  const style = getComputedStyle(active);
  expect(active.matches(':focus-visible'), `${what} matches :focus-visible`).to.equal(true);
  expect(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, `${what} has a focus outline (${style.outlineStyle} ${style.outlineWidth})`).to.equal(true);
  const r = active.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  expect(x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight, `${what} is in the viewport`).to.equal(true);
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  expect(!!hit && (active.contains(hit) || hit.contains(active)), `${what} is not covered (found ${hit?.localName} at its centre)`).to.equal(true);
}

/** Tabs forward until the focused control's text starts with `text` (at most 60 presses), checking each stop's focus indicator. */
async function tabTo(text: string) {
  for (let i = 0; i < 60; i++) {
    await sendKeys({ press: 'Tab' });
    expectFocusVisible();
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

  it('edits in the cart and at review, removes an item, adds a payment method and a VAT number, goes back: all by keys', async () => {
    const { el, backend } = await start('cart-with-items');
    await activate(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await activate(el, 'Next');
    await waitForStep(el, 'term');
    await activate(el, 'Add to cart');
    await waitForStep(el, 'cart');
    // Edit the item already in the cart: its plan, licenses and billing come back filled in.
    await activate(el, 'Edit');
    await waitForStep(el, 'tier');
    await activate(el, 'Choose Business');
    await waitForStep(el, 'seats');
    expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('5');
    await activate(el, 'Back');
    await waitForStep(el, 'tier');
    await activate(el, 'Back');
    await waitForStep(el, 'cart');
    // Remove the Phone System item: Tab past the first item's buttons to the second's.
    await tabTo('Remove');
    await tabTo('Remove');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(backend.cart.items.map((i) => i.productId)).to.deep.equal(['meetings']);
    await activate(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await activate(el, 'Edit order');
    await waitForStep(el, 'tier');
    await activate(el, 'Choose Business');
    await waitForStep(el, 'seats');
    await activate(el, 'Next');
    await waitForStep(el, 'term');
    await activate(el, 'Save changes');
    await waitForStep(el, 'review');
    await activate(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    // A second card through the provider's fields: Tab into them, choose with the arrow keys, save.
    await activate(el, 'Add payment method');
    await tabTo('Visa 4242 (works)');
    await sendKeys({ press: 'ArrowDown' }); // Mastercard 4444
    await activate(el, 'Save payment method');
    await waitUntil(() => label(inStep(el, 'input[name=method]:checked')?.closest('label') ?? null).includes('4444'), 'Mastercard added and chosen');
    // A VAT number, typed and applied with Enter.
    for (let i = 0; i < 20 && deepActive() !== inStep(el, '#vat'); i++) await sendKeys({ press: 'Tab' });
    expect(deepActive() === inStep(el, '#vat'), 'Tab reaches the VAT number').to.equal(true);
    await sendKeys({ type: 'IT12345670017' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!inStep(el, '#vat-status .ok'), 'VAT number verified');
    await settled(el);
    await activate(el, 'Place order');
    await waitForStep(el, 'done');
    expect(backend.orders).to.have.length(1);
    await activate(el, 'Add another product');
    await waitForStep(el, 'select');
  });

  it('starts a trial, and opens and closes a plan’s details with Escape', async () => {
    const { el, backend } = await start();
    await activate(el, 'Choose Meetings');
    await waitForStep(el, 'mode');
    await activate(el, 'Try free');
    await waitForStep(el, 'tier');
    await activate(el, 'Details');
    const popover = inStep<HTMLElement & { open: boolean; updateComplete: Promise<unknown> }>(el, 'cw-popover')!;
    expect(popover.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(popover.open).to.equal(false);
    expect(label(deepActive())).to.match(/^Details/);
    // Open again and Tab on: the panel closes rather than cover the next control.
    await sendKeys({ press: 'Enter' });
    expect(popover.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await popover.updateComplete;
    expect(popover.open, 'closed when focus moves on').to.equal(false);
    expectFocusVisible();
    expect(label(deepActive())).to.match(/^Choose /);
    await sendKeys({ press: 'Enter' });
    await waitForStep(el, 'seats');
    await activate(el, 'Start trial');
    await waitForStep(el, 'done');
    expect(backend.account.trialsUsed).to.include('meetings');
  });
});
