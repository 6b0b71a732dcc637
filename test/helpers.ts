import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockBackend, createHandlers, TestPaymentProvider, type ScenarioName } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import type { StepId } from '../src/machine/checkout.machine.js';
import '../src/define.js';

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

/** Mounts <checkout-wizard> on a fresh mock backend (through MSW) and waits for its first step. */
export async function mount(scenario: ScenarioName = 'empty-cart', attrs: { locale?: string; product?: string } = {}) {
  // Each test starts fresh: no progress saved by an earlier one.
  sessionStorage.clear();
  const backend = await useBackend(new MockBackend({ scenario }));
  const steps: string[] = [];
  const el = await fixture<CheckoutWizard>(
    html`<checkout-wizard
      api-base="/api/billing/v1"
      locale=${attrs.locale ?? 'en'}
      product=${attrs.product ?? ''}
      .paymentProvider=${new TestPaymentProvider()}
      @cw-step-change=${(e: CustomEvent) => steps.push(e.detail.step)}
    ></checkout-wizard>`,
  );
  await settled(el);
  return { el, backend, steps };
}

/** The element drawing the current step. */
export const stepEl = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-step]')!;
export const inStep = <T extends Element = HTMLElement>(el: CheckoutWizard, selector: string) => stepEl(el).shadowRoot!.querySelector<T>(selector);
export const textOf = (el: CheckoutWizard) => (stepEl(el).shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

/** Waits until the wizard rests: a step shown, nothing in flight, everything rendered. */
export async function settled(el: CheckoutWizard) {
  await waitUntil(() => el.step !== 'loading' && !el.busy && !!stepEl(el), `not settled (at ${el.step})`, { timeout: 5000 });
  await el.updateComplete;
  await stepEl(el).updateComplete;
}

export async function waitForStep(el: CheckoutWizard, step: StepId) {
  await waitUntil(() => el.step === step, `step ${step} not reached (at ${el.step})`, { timeout: 5000 });
  await settled(el);
}

/** Clicks the button (or link) in the current step whose visible text matches. */
export async function clickText(el: CheckoutWizard, text: string | RegExp) {
  const match = (s: string) => (typeof text === 'string' ? s.trim().startsWith(text) : text.test(s.trim()));
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
