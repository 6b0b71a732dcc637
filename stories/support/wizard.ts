import type { ArgTypes, Args, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MockBackend, TestPaymentProvider, createHandlers, type ScenarioName } from '../../src/mock/index.js';
import type { CheckoutWizard } from '../../src/components/checkout-wizard/checkout-wizard.js';
import type { StepId } from '../../src/machine/checkout.machine.js';
import { controlsOnly, eventsOf } from './manifest.js';
import { deepText, findButton } from './shadow.js';
import { tokenControls } from './tokens.js';
import { LOCALES } from '../../src/i18n/locales.js';

export const API_BASE = '/api/billing/v1';

/** Forgets progress any earlier story saved (the wizard restores it from sessionStorage otherwise). */
export function forgetSavedProgress(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('checkout-wizard:')) sessionStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was saved either.
  }
}

/**
 * A story's mock backend behind MSW: `parameters.msw.handlers` answer from a backend that is made
 * afresh on every render (so a play function can run again, and an order placed in one visit is
 * gone in the next), and handed to the story as `loaded.backend` for assertions.
 */
export function mockScenario(
  scenario: ScenarioName,
  { latencyMs = 150 }: { latencyMs?: number } = {},
): { parameters: { msw: { handlers: ReturnType<typeof createHandlers> } }; loaders: StoryObj['loaders'] } {
  let backend = new MockBackend({ scenario, latencyMs });
  // createHandlers reads only basePath and handle(); this stand-in forwards both to the current backend.
  const current = {
    get basePath() {
      return backend.basePath;
    },
    handle: (request: Request) => backend.handle(request),
  } as Pick<MockBackend, 'basePath' | 'handle'> as MockBackend;
  return {
    parameters: { msw: { handlers: createHandlers(current) } },
    loaders: [
      () => {
        backend = new MockBackend({ scenario, latencyMs });
        forgetSavedProgress();
        return { backend, provider: new TestPaymentProvider({ network: backend }) };
      },
    ],
  };
}

/** <checkout-wizard> on the story's MSW backend, its attributes from the args. */
export function renderWizard(args: Args, { loaded }: StoryContext) {
  return html`<checkout-wizard
    api-base=${API_BASE}
    locale=${ifDefined(args.locale || undefined)}
    product=${ifDefined(args.product || undefined)}
    theme=${ifDefined(args.theme || undefined)}
    .paymentProvider=${loaded.provider}
  ></checkout-wizard>`;
}

// ── play helpers ─────────────────────────────────────────────────────────────────────────────────

const TIMEOUT = { timeout: 8000 };

/** The wizard in the canvas, once it has shown its first step. */
export async function getWizard(canvasElement: HTMLElement): Promise<CheckoutWizard> {
  const wizard = await waitFor(() => {
    const el = canvasElement.querySelector('checkout-wizard');
    if (!el) throw new Error('no <checkout-wizard> in the canvas');
    return el;
  }, TIMEOUT);
  await waitFor(() => {
    if (wizard.step === 'loading' || wizard.busy) throw new Error(`still loading (${wizard.step})`);
  }, TIMEOUT);
  return wizard;
}

/** The element drawing the current step. */
export function stepElement(wizard: CheckoutWizard): HTMLElement & { updateComplete?: Promise<unknown> } {
  const el = wizard.shadowRoot?.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-step]');
  if (!el) throw new Error(`no step element (at ${wizard.step})`);
  return el;
}

/** Waits until the wizard shows `step`, with nothing in flight and everything rendered. */
export async function waitForStep(wizard: CheckoutWizard, step: StepId): Promise<void> {
  await waitFor(() => {
    if (wizard.step !== step || wizard.busy) throw new Error(`at ${wizard.step}${wizard.busy ? ' (busy)' : ''}, waiting for ${step}`);
    stepElement(wizard);
  }, TIMEOUT);
  await wizard.updateComplete;
  await stepElement(wizard).updateComplete;
  await expect(wizard.step).toBe(step);
}

/** The text of the current step, as a user reads it. */
export function stepText(wizard: CheckoutWizard): string {
  return deepText(stepElement(wizard));
}

/** Clicks the button or link of the current step named `text` (or starting with it), as a user would. */
export async function clickButton(wizard: CheckoutWizard, text: string | RegExp): Promise<void> {
  const button = await waitFor(() => findButton(stepElement(wizard), text), TIMEOUT);
  await userEvent.click(button);
}

// ── the meta both wizard files share ─────────────────────────────────────────────────────────────

export const PRODUCTS = ['remote-support', 'meetings', 'phone-system', 'webinars', 'help-desk'];

/** Controls for what the render binds (locale, product, theme) and for every design token; the rest of the manifest, table only. */
export function wizardArgTypes(): ArgTypes {
  return {
    ...controlsOnly('checkout-wizard', ['locale', 'product', 'theme']),
    // Each `type` is one Storybook can take from a URL (`&args=theme:dark`); it drops URL args whose
    // type is the manifest's TypeScript text ("'light' | 'dark' | 'auto'", "string | undefined").
    locale: { control: 'select', options: [...LOCALES, 'es-MX', 'pt-BR-x-demo', 'tlh'], type: { name: 'string' }, description: 'BCP 47 language tag, loaded on demand; the nearest supported locale, else English (`es-MX` → `es-419`, `tlh` → English).' },
    product: { control: 'select', options: ['', ...PRODUCTS], type: { name: 'string' } },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], type: { name: 'string' }, table: { category: 'attributes' } },
    ...tokenControls('checkout-wizard'),
  };
}

export const WIZARD_ARGS = { locale: 'en', product: '', theme: 'light' };

/** Logs the wizard's cw-* events in the Actions panel. */
export const WIZARD_ACTIONS = { actions: { handles: eventsOf('checkout-wizard') } };
