import type { ArgTypes, Args, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MockBackend, TestPaymentProvider, createHandlers, type MockState, type ScenarioName } from '../../src/mock/index.js';
import type { CheckoutWizard } from '../../src/components/checkout-wizard/checkout-wizard.js';
import type { RetryPolicy, StepId } from '../../src/machine/checkout.machine.js';
import { VERSION, type Saved } from '../../src/machine/persist.js';
import { controlsOnly, eventsOf } from './manifest.js';
import { deepText, findButton } from './shadow.js';
import { tokenControls } from './tokens.js';
import { LOCALES } from '../../src/i18n/locales.js';

export const API_BASE = '/api/billing/v1';

/** The storage key of a story's wizard (`storage-key`), unless the story names its own. */
export const STORY_STORAGE_KEY = 'story';

/** Where a widget with `storage-key="<key>"` saves its progress (src/machine/persist.ts). */
export const storageName = (key: string): string => `checkout-wizard:v${VERSION}:${key}`;

/**
 * Forgets the progress an earlier visit saved under `key` (the wizard restores it from
 * sessionStorage otherwise), or every widget's when no key is given. A story forgets only its own
 * key: two stories on one Docs page (the theming gallery beside "Empty cart") would otherwise wipe
 * each other's seeded progress, depending on which loader runs last.
 */
export function forgetSavedProgress(key?: string): void {
  try {
    for (const name of Object.keys(sessionStorage)) {
      if (!name.startsWith('checkout-wizard:')) continue;
      if (key === undefined || name.replace(/^checkout-wizard:v\d+:/, '') === key) sessionStorage.removeItem(name);
    }
  } catch {
    // Storage blocked: nothing was saved either.
  }
}

/** Saves progress under `key` as the wizard would have before a reload; it resumes there once the backend agrees (persist.ts `restorable`). */
export function seedSavedProgress(key: string, saved: Saved): void {
  try {
    sessionStorage.setItem(storageName(key), JSON.stringify(saved));
  } catch {
    // Storage blocked: the wizard starts at the first step.
  }
}

export interface ScenarioOptions {
  /** Delay of every response, in ms (150). */
  latencyMs?: number;
  /** The backend starts from this state (made afresh on every render) instead of the scenario's: `createState(scenario)`, changed. */
  seed?: () => MockState;
  /** Progress the wizard finds saved, as after a reload: the story opens on that step. */
  saved?: () => Saved;
  /** Runs on each fresh backend before the wizard starts: faults to inject (`backend.inject`). */
  prepare?: (backend: MockBackend) => void;
  /** The wizard's `storage-key`; STORY_STORAGE_KEY unless given. */
  storageKey?: string;
  /** The wizard's `retry` policy, for stories that run out of retries quickly. */
  retry?: Partial<RetryPolicy>;
}

/** What a mockScenario story loads: its backend (for assertions), the test provider on it, and the wizard's options. */
export interface ScenarioLoaded {
  backend: MockBackend;
  provider: TestPaymentProvider;
  storageKey: string;
  retry?: Partial<RetryPolicy>;
}

/**
 * A story's mock backend behind MSW: `parameters.msw.handlers` answer from a backend that is made
 * afresh on every render (so a play function can run again, and an order placed in one visit is
 * gone in the next), and handed to the story as `loaded.backend` for assertions. `seed`, `saved`
 * and `prepare` open the story on a state further in: a changed backend, saved progress, faults.
 */
export function mockScenario(
  scenario: ScenarioName,
  { latencyMs = 150, seed, saved, prepare, storageKey = STORY_STORAGE_KEY, retry }: ScenarioOptions = {},
): { parameters: { msw: { handlers: ReturnType<typeof createHandlers> } }; loaders: StoryObj['loaders'] } {
  const make = () => new MockBackend({ scenario, latencyMs, seed: seed?.() });
  let backend = make();
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
      (): ScenarioLoaded => {
        backend = make();
        prepare?.(backend);
        forgetSavedProgress(storageKey);
        if (saved) seedSavedProgress(storageKey, saved());
        return { backend, provider: new TestPaymentProvider({ network: backend }), storageKey, retry };
      },
    ],
  };
}

/** <checkout-wizard> on the story's MSW backend, its attributes from the args. */
export function renderWizard(args: Args, { loaded }: StoryContext) {
  return html`<checkout-wizard
    api-base=${API_BASE}
    storage-key=${loaded.storageKey ?? STORY_STORAGE_KEY}
    locale=${ifDefined(args.locale || undefined)}
    product=${ifDefined(args.product || undefined)}
    theme=${ifDefined(args.theme || undefined)}
    .paymentProvider=${loaded.provider}
    .retry=${loaded.retry}
  ></checkout-wizard>`;
}

// ── play helpers ─────────────────────────────────────────────────────────────────────────────────

export const TIMEOUT = { timeout: 8000 };

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

/** Waits until the current step reads `text` (the step may change meanwhile, as after a re-quote). */
export async function waitForText(wizard: CheckoutWizard, text: string): Promise<void> {
  await waitFor(() => {
    const shown = stepText(wizard);
    if (!shown.includes(text)) throw new Error(`"${text}" not on ${wizard.step}: ${shown.slice(0, 200)}`);
  }, TIMEOUT);
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
