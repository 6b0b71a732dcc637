import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockBackend, createHandlers, TestPaymentProvider, type ScenarioName } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import type { RetryPolicy, StepId } from '../src/machine/checkout.machine.js';
import type { CheckoutEvent, Mode } from '../src/machine/types.js';
import type { StepElement } from '../src/components/step-element.js';
import { nextMove } from '../src/mock/drive.js';
import type { PaymentProvider } from '../src/adapter/billing-adapter.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { seen } from './step-fixture.js';
import '../src/define.js';

export { seen };

let worker: SetupWorker | undefined;

/** One MSW worker per test file; each test gets a fresh backend behind it. */
export async function useBackend(backend: MockBackend): Promise<MockBackend> {
  if (!worker) {
    worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  }
  worker.resetHandlers(...createHandlers(backend));
  return backend;
}

export interface MountOptions {
  locale?: string;
  product?: string;
  theme?: 'light' | 'dark' | 'auto';
  provider?: PaymentProvider;
  retry?: Partial<RetryPolicy>;
  orderTimeout?: number;
  /** A backend prepared by the test (seeded, faults injected); the scenario is then ignored. */
  backend?: MockBackend;
}

/** Mounts <checkout-wizard> on a fresh mock backend (through MSW) and waits for its first step. */
export async function mount(scenario: ScenarioName = 'empty-cart', attrs: MountOptions = {}) {
  // Each test starts fresh: no progress saved by an earlier one.
  sessionStorage.clear();
  const backend = await useBackend(attrs.backend ?? new MockBackend({ scenario }));
  const steps: string[] = [];
  const el = await fixture<CheckoutWizard>(
    html`<checkout-wizard
      api-base="/api/billing/v1"
      locale=${attrs.locale ?? 'en'}
      product=${attrs.product ?? ''}
      theme=${attrs.theme ?? 'light'}
      .paymentProvider=${attrs.provider ?? new TestPaymentProvider({ network: backend })}
      .retry=${attrs.retry}
      .orderTimeout=${attrs.orderTimeout}
      @cw-step-change=${(e: CustomEvent) => steps.push(e.detail.step)}
    ></checkout-wizard>`,
  );
  await settled(el);
  return { el, backend, steps };
}

/** The element drawing the current step. */
export const stepEl = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-step]')!;
export const inStep = <T extends Element = HTMLElement>(el: CheckoutWizard, selector: string) => stepEl(el).shadowRoot!.querySelector<T>(selector);
export const textOf = (el: CheckoutWizard) => seen(stepEl(el).shadowRoot!.textContent);

/** Waits until the wizard rests: a step shown, nothing in flight, everything rendered. */
export async function settled(el: CheckoutWizard) {
  await waitUntil(() => el.step !== 'loading' && !el.busy && !!stepEl(el), `not settled (at ${el.step})`, { timeout: 5000, interval: 4 });
  await el.updateComplete;
  await stepEl(el).updateComplete;
}

export async function waitForStep(el: CheckoutWizard, step: StepId) {
  await waitUntil(() => el.step === step, `step ${step} not reached (at ${el.step})`, { timeout: 5000, interval: 4 });
  await settled(el);
}

/** Clicks the button (or link) in the current step whose visible text matches. */
export async function clickText(el: CheckoutWizard, text: string | RegExp) {
  const match = (s: string) => (typeof text === 'string' ? seen(s).startsWith(text) : text.test(seen(s)));
  const all = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLElement>('button, a')];
  const target = all.find((b) => match(b.textContent ?? ''));
  if (!target) throw new Error(`no button "${text}" in ${el.step}; buttons: ${all.map((b) => b.textContent?.trim()).join(' | ')}`);
  target.click();
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

/** Types into a field of the current step as a user would. */
export async function type(el: CheckoutWizard, selector: string, value: string) {
  const input = inStep<HTMLInputElement>(el, selector)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await stepEl(el).updateComplete;
}

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focus is on the heading of the current step, where every step change moves it. */
export async function expectHeadingFocused(el: CheckoutWizard) {
  const heading = inStep(el, 'h2');
  await new Promise((r) => setTimeout(r, 0));
  // Compared as a boolean: a failing DOM comparison would be serialized whole.
  expect(!!heading && deepActive() === heading, `focus on the ${el.step} heading`).to.equal(true);
}

/** Presses the control of the current step with this part (the nth one), whatever the language, and waits for the wizard to rest. */
export async function pressPart(el: CheckoutWizard, part: string, index = 0) {
  const all = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
  const target = all[index];
  if (!target) throw new Error(`no [part~=${part}] #${index} in ${el.step}`);
  target.click();
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

/** Presses "Choose" on the card of the product (or plan) with this name: names come from the catalog, so this works in any language. */
export async function chooseCard(el: CheckoutWizard, name: string) {
  const card = [...stepEl(el).shadowRoot!.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent?.trim() === name);
  const button = card?.querySelector<HTMLElement>('[part~=choose]');
  if (!button) throw new Error(`no card "${name}" with a choose button in ${el.step}`);
  button.click();
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

/** Does what the planner asks, as a user does it in the DOM: by parts and catalog names, so in any language. */
async function act(el: CheckoutWizard, move: CheckoutEvent) {
  const { catalog, draft } = (stepEl(el) as unknown as StepElement).actor!.getSnapshot().context;
  switch (move.type) {
    case 'SELECT':
      return chooseCard(el, catalog!.products.find((p) => p.id === move.productId)!.name);
    case 'TIER':
      return chooseCard(el, catalog!.products.find((p) => p.id === draft.productId)!.tiers.find((t) => t.id === move.tierId)!.name);
    case 'MODE':
      return pressPart(el, 'choose', move.mode === 'buy' ? 0 : 1);
    case 'NEXT':
    case 'START_TRIAL':
      return pressPart(el, 'next');
    case 'COMMIT':
      return pressPart(el, 'commit');
    case 'CHECKOUT':
      return pressPart(el, 'checkout');
    case 'CONTINUE':
      return pressPart(el, 'continue');
    case 'PLACE_ORDER':
      return pressPart(el, 'place-order');
    default:
      throw new Error(`the driver cannot do ${move.type} in the DOM`);
  }
}

/**
 * Walks the widget to `step` through its DOM as a buyer (or a trier) would. The way is
 * planned on the machine (src/mock/drive.ts, shortest paths); each move is a click.
 */
export async function walk(el: CheckoutWizard, step: StepId, mode: Mode = 'buy') {
  for (let moves = 0; el.step !== step && moves < 20; moves++) {
    const move = nextMove((stepEl(el) as unknown as StepElement).actor!.getSnapshot(), step, mode);
    if (!move) throw new Error(`no way from ${el.step} to ${step}`);
    await act(el, move);
  }
  await waitForStep(el, step);
}

/** The next "Add to cart" is refused as a server does it: 422 seats_out_of_range, at the licenses field. */
export function refuseSeats(backend: MockBackend) {
  backend.inject({
    op: 'addCartItem',
    status: 422,
    json: { type: 'about:blank', title: 'Out of range', status: 422, code: 'seats_out_of_range', errors: [{ field: 'seats', code: 'seats_out_of_range' }] },
  });
}

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeGlobal = { run(context: Element, options: RunOptions): Promise<AxeResults> };

/** Runs axe's WCAG 2.2 A/AA rules (and, asked, its best practices) on the widget; fails listing each violation and where it is. */
export async function expectWcag(el: Element, label: string, { bestPractice = false } = {}) {
  // axe-core registers itself on window; chai-a11y-axe loads the same file.
  if (!(window as unknown as { axe?: AxeGlobal }).axe) await import('axe-core');
  const axe = (window as unknown as { axe: AxeGlobal }).axe;
  // What the user reads once the frame has grown to the new step (180 ms): mid-animation, text below is clipped.
  await Promise.all((el.shadowRoot?.querySelector('.base')?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
  const tags = bestPractice ? [...WCAG_TAGS, 'best-practice'] : WCAG_TAGS;
  const { violations } = await axe.run(el, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
  );
  // Compared as a string: a failing assertion on result objects would be serialized whole.
  expect(found.join('\n'), `axe WCAG 2.2 AA violations: ${label}`).to.equal('');
}

export type Visit = (el: CheckoutWizard, label: string) => unknown;

/**
 * Walks every step, gate and the main error states, in any language (by parts and catalog names),
 * calling `visit` at each: the buy flow with an item already in the cart (plan details open, a wrong
 * number of licenses, a malformed VAT number, the provider's fields), the trial's confirmation, the four gates.
 * `setup` runs on each new widget before its first visit (to size it, say).
 */
export async function visitEveryStep(visit: Visit, options: MountOptions = {}, setup: (el: CheckoutWizard) => unknown = () => {}) {
  const start = async (scenario: ScenarioName) => {
    const { el } = await mount(scenario, options);
    await setup(el);
    await el.updateComplete;
    return el;
  };
  let el = await start('cart-with-items');
  await visit(el, 'select');
  await chooseCard(el, 'Remote Support');
  await visit(el, 'mode');
  await pressPart(el, 'choose', 0);
  await visit(el, 'tier');
  inStep<HTMLButtonElement>(el, 'cw-popover button')!.click();
  await waitUntil(() => inStep<HTMLElement & { open: boolean }>(el, 'cw-popover')!.open, 'details open');
  await visit(el, 'tier, details open');
  await chooseCard(el, 'Premium');
  await visit(el, 'seats');
  await type(el, '#seats', 'abc');
  await pressPart(el, 'next');
  await visit(el, 'seats, wrong number');
  await type(el, '#seats', '3');
  await pressPart(el, 'next');
  await visit(el, 'term');
  await pressPart(el, 'commit');
  await visit(el, 'cart');
  await pressPart(el, 'checkout');
  await waitForStep(el, 'review');
  await visit(el, 'review');
  await pressPart(el, 'continue');
  await visit(el, 'pay');
  await type(el, '#vat', 'XX1');
  await pressPart(el, 'apply-vat');
  await visit(el, 'pay, malformed VAT number');
  await type(el, '#vat', '');
  await pressPart(el, 'add-method');
  await waitUntil(() => el.querySelector('[slot=payment] select'), 'the provider fields did not mount');
  await visit(el, 'pay, adding a method');
  await pressPart(el, 'cancel');
  await pressPart(el, 'place-order');
  await waitForStep(el, 'done');
  await visit(el, 'done');

  el = await start('empty-cart');
  await chooseCard(el, 'Meetings');
  await pressPart(el, 'choose', 1);
  await chooseCard(el, 'Business');
  await pressPart(el, 'next');
  await waitForStep(el, 'done');
  await visit(el, 'done (trial)');

  for (const scenario of ['signed-out', 'corporate', 'user', 'backend-down'] as const) {
    el = await start(scenario);
    await visit(el, el.step);
  }
}
