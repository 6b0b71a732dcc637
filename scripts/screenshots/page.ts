// Drives one widget to a state the way a buyer gets there (clicks and typing on the step elements' parts,
// saved progress for a reload at a later step, the mock's faults and test cards). run.mjs loads this page
// once per window and calls `window.show({ state, theme, locale })` for each screenshot: a new widget on a new
// mock backend each time, so modules load once; it resolves once the state is on screen.
//
// Outside tsconfig's and ESLint's TypeScript files (scripts/ holds Node scripts): Vite compiles it without
// type checks; run.mjs's header says how to check it by hand.
import { MockBackend, TestPaymentProvider, TEST_TOKENS, createMockAdapter, createState } from '../../src/mock/index.js';
import type { MockState, ScenarioName, TestToken } from '../../src/mock/index.js';
import { VERSION, type Saved } from '../../src/machine/persist.js';
import type { CheckoutWizard } from '../../src/components/checkout-wizard/checkout-wizard.js';
import '../../src/define.js';

/**
 * What `show` resolves to: `ready`, with the page's height and whether a modal dialog is open; `skipped` (why)
 * when the state cannot be shown; `failed` (why) on an error.
 */
interface Outcome {
  ready?: true;
  height?: number;
  modal?: boolean;
  skipped?: string;
  failed?: string;
}

interface State {
  /** The scenario the backend starts from; 'empty-cart' when absent. */
  scenario?: ScenarioName;
  /** Changes to the scenario's state (payment methods, test cards, cart items). */
  seed?: (state: MockState) => void;
  /** Saved progress: the widget opens at this step, as after a reload. */
  saved?: Pick<Saved, 'step'> & Partial<Saved>;
  /** Before the widget starts: latency, faults. */
  backend?: (backend: MockBackend) => void;
  /** From where the widget first rests to the state, then until it is on screen; a reason to skip it, if any. */
  drive: () => Promise<string | void>;
}

// --- The page's parts ---

const STORAGE_KEY = 'screenshots';
const STORAGE = `checkout-wizard:v${VERSION}:${STORAGE_KEY}`;
/** The widget on show; a new one for each state. */
let wizard = document.querySelector('checkout-wizard') as CheckoutWizard;

/** The first uncaught error since this state began (a step that cannot draw): waiting on is pointless. */
let pageError: string | undefined;
addEventListener('error', (e) => (pageError ??= e.message));
addEventListener('unhandledrejection', (e) => (pageError ??= e.reason instanceof Error ? e.reason.message : String(e.reason)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `test` holds; throws with `what` after `ms`. */
async function until<T>(what: string, test: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = test();
    if (value) return value;
    if (pageError) throw new Error(`${pageError} (while waiting for ${what}, at ${wizard.step})`);
    if (performance.now() > end) throw new Error(`timed out waiting for ${what} (the widget is at ${wizard.step}${wizard.busy ? ', busy' : ''})`);
    await sleep(15);
  }
}

/** The element drawing the current step (or gate). */
const stepElement = () => wizard.shadowRoot?.querySelector<HTMLElement>('[data-step]') ?? null;
/** An element in the current step's shadow root. */
const inStep = <E extends Element = HTMLElement>(selector: string) => stepElement()?.shadowRoot?.querySelector<E>(selector) ?? null;

/** The widget rests on `step`: nothing in flight, the step drawn. */
async function at(step: string): Promise<void> {
  await until(`step ${step}`, () => wizard.step === step && !wizard.busy && !!stepElement()?.shadowRoot?.firstElementChild);
}

/** run.mjs's real mouse click at a point of the viewport; absent without run.mjs (then the click is synthetic). */
const mouseClick = (window as unknown as { cwMouseClick?: (x: number, y: number) => Promise<void> }).cwMouseClick;

/**
 * Clicks an element of the current step (the `index`th that matches) once it is drawn, with the mouse at its
 * middle as a buyer would: what is on top there gets the click, and the browser sees a mouse user (no focus
 * ring where the widget moves focus after a click).
 */
async function click(selector: string, index = 0): Promise<void> {
  const element = await until(selector, () => stepElement()?.shadowRoot?.querySelectorAll<HTMLElement>(selector)[index]);
  if (!mouseClick) return element.click();
  // Not while the frame still grows to the step: what it clips takes no clicks.
  await animationsEnded();
  for (let attempt = 1; ; attempt++) {
    // Where the mouse goes, once the element is there and nothing covers it (a layout still moving, a sticky bar).
    const [x, y] = await until(`${selector} uncovered`, () => {
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const { left, top, width, height } = element.getBoundingClientRect();
      const point = [left + width / 2, top + height / 2] as const;
      const hit = topmost(...point);
      return !!hit && element.contains(hit) && point;
    });
    // The page may still move between the look and the click (a busy machine): then the click missed, and goes again.
    const listening = new AbortController();
    const reached = new Promise<boolean>((resolve) => {
      element.addEventListener('click', () => resolve(true), { once: true, signal: listening.signal });
      setTimeout(() => resolve(false), 1000);
    });
    await mouseClick(x, y);
    const hit = await reached;
    listening.abort();
    if (hit) return;
    if (attempt === 3) throw new Error(`three clicks at ${selector} missed it`);
  }
}

/** The element a click at (x, y) reaches, through open shadow roots. */
function topmost(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  for (let inner = hit?.shadowRoot?.elementFromPoint(x, y); inner && inner !== hit; inner = hit?.shadowRoot?.elementFromPoint(x, y)) hit = inner;
  return hit;
}

/** Types into a field of the current step (its whole value), as a buyer would. */
async function type(selector: string, text: string): Promise<void> {
  const input = await until(selector, () => inStep<HTMLInputElement>(selector));
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

/** Clicks a step's button and waits for the next step. */
async function next(selector: string, step: string): Promise<void> {
  await click(selector);
  await at(step);
}

// --- The ways into states ---

/** A buyer's way from the product list to `upTo`: Remote Support, Buy, its recommended plan (Premium), 5 licenses, then monthly. */
async function choose(upTo: 'mode' | 'tier' | 'seats' | 'term', mode: 'buy' | 'trial' = 'buy'): Promise<void> {
  await at('select');
  // Remote Support: the first product, which offers a free trial and three plans.
  await next('[part=product] [part=choose]', 'mode');
  if (upTo === 'mode') return;
  // Buy, then Try free.
  await click('[part=option] [part=choose]', mode === 'buy' ? 0 : 1);
  await at('tier');
  if (upTo === 'tier') return;
  await next('[part=tier][data-recommended] [part=choose]', 'seats');
  if (upTo === 'seats') return;
  await type('#seats', '5');
  await next('[part=next]', 'term');
}

/** The seeded account pays with this test card only (its default method). */
const payWith = (token: TestToken) => (state: MockState) => {
  const card = TEST_TOKENS[token];
  const id = `pm-${token}`;
  state.account.paymentMethods = [{ id, type: card.type ?? 'card', label: card.label, expires: card.expires, isDefault: true }];
  state.cards = { ...state.cards, [id]: token };
};

/** A cart of two items (the scenario's Meetings, annual, and Remote Support, monthly): two lines, two renewals. */
function twoItems(state: MockState): void {
  state.cart.items.push({ id: 'ci-remote-support', productId: 'remote-support', tierId: 'rs-premium', seats: 10, term: 'monthly' });
}

const both =
  (...changes: ((state: MockState) => void)[]) =>
  (state: MockState) => {
    for (const change of changes) change(state);
  };

/** Saved progress at review or pay, on the seeded account. */
const savedAt = (step: 'review' | 'pay'): State['saved'] => ({ step, draft: { seatsText: '', term: 'monthly' } });

const checkout = { scenario: 'cart-with-items', seed: twoItems } as const;

/** At pay: Place order, then until `done` shows what followed. */
async function placeOrder(done: () => Promise<unknown>): Promise<void> {
  await at('pay');
  await click('[part=place-order]');
  await done();
}

const STATES: Record<string, State> = {
  // The backend's first answers are held: the widget shows what it shows before it knows anything.
  loading: {
    backend: (b) => (b.latencyMs = 600_000),
    drive: async () => {
      await until('the loading text', () => wizard.shadowRoot?.querySelector('[part=loading]'));
    },
  },
  select: { drive: () => at('select') },
  mode: { drive: () => choose('mode') },
  tier: { drive: () => choose('tier') },
  seats: { drive: () => choose('seats') },
  'seats-error': {
    drive: async () => {
      await choose('seats');
      // Premium sells 1–200 licenses.
      await type('#seats', '500');
      await click('[part=next]');
      await until('the licenses error', () => inStep('#why'));
    },
  },
  term: { drive: () => choose('term') },
  // Remote Support added to a cart that holds Meetings.
  cart: {
    scenario: 'cart-with-items',
    drive: async () => {
      await choose('term');
      await next('[part=commit]', 'cart');
    },
  },
  review: { ...checkout, saved: savedAt('review'), drive: () => at('review') },
  'review-promo': {
    ...checkout,
    saved: savedAt('review'),
    drive: async () => {
      await at('review');
      await click('[part=promo] button[aria-expanded]');
      await type('#promo', 'WELCOME20');
      await click('[part=apply-promo]');
      const outcome = await until('the promotion code applied or refused', () =>
        wizard.busy ? undefined : inStep('[part=discount]') ? 'applied' : inStep('#promo-error') ? 'refused' : undefined,
      );
      if (outcome === 'refused') return `WELCOME20 was refused: ${inStep('#promo-error')?.textContent?.trim()}`;
    },
  },
  pay: { ...checkout, saved: savedAt('pay'), drive: () => at('pay') },
  'pay-adding-method': {
    ...checkout,
    saved: savedAt('pay'),
    drive: async () => {
      await at('pay');
      await click('[part=add-method]');
      await until("the test provider's fields", () => wizard.querySelector('.cw-test-payment select'));
    },
  },
  'pay-declined': {
    ...checkout,
    seed: both(twoItems, payWith('tok_insufficientFunds')),
    saved: savedAt('pay'),
    drive: () => placeOrder(() => until('the decline', () => !wizard.busy && inStep('#method-error.declined'))),
  },
  'pay-challenge': {
    ...checkout,
    seed: both(twoItems, payWith('tok_threeDSecureRequired')),
    saved: savedAt('pay'),
    drive: () => placeOrder(() => until('the 3-D Secure dialog', () => document.querySelector('dialog[data-test-challenge][open]'))),
  },
  // The gateway loses the order's answer and every look-up fails: the outcome stays unknown.
  'pay-unconfirmed': {
    ...checkout,
    saved: savedAt('pay'),
    backend: (b) => {
      b.inject({ op: 'placeOrder', gateway: true });
      b.inject({ op: 'lookupOrder', status: 504, body: '<html><body>504 Gateway Timeout</body></html>', times: 1000 });
    },
    drive: () => placeOrder(() => until('Check again', () => !wizard.busy && inStep('[part=check-again]'))),
  },
  done: { ...checkout, saved: savedAt('pay'), drive: () => placeOrder(() => at('done')) },
  // A bank debit: the order stays processing.
  'done-processing': { ...checkout, seed: both(twoItems, payWith('tok_sepaDebit')), saved: savedAt('pay'), drive: () => placeOrder(() => at('done')) },
  'done-trial': {
    drive: async () => {
      await choose('seats', 'trial');
      await next('[part=next]', 'done');
    },
  },
  'signed-out': { scenario: 'signed-out', drive: () => at('signed-out') },
  corporate: { scenario: 'corporate', drive: () => at('corporate') },
  forbidden: { scenario: 'user', drive: () => at('forbidden') },
  unavailable: { scenario: 'backend-down', drive: () => at('unavailable') },
};

// --- Run ---

/**
 * Waits for the widget and its step to finish drawing, fonts to load, and the frame's animations that end
 * (its height following the step) to end; those that loop (a skeleton's shimmer, a spinner) are taken as they are.
 * Timers, not animation frames: a page in the background gets none.
 */
async function settled(): Promise<void> {
  await wizard.updateComplete;
  await (stepElement() as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
  await document.fonts.ready;
  await sleep(50);
  await animationsEnded();
}

/** The widget's animations that end (the frame's height following the step) have ended, or a second has passed. */
async function animationsEnded(): Promise<void> {
  const ending = (wizard.shadowRoot?.getAnimations() ?? []).filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
  await Promise.race([Promise.allSettled(ending.map((a) => a.finished)), sleep(1000)]);
}

/** A new widget on a new backend, driven to `name`, in the theme and language given. */
async function show({ state: name, theme, locale }: { state: string; theme: 'light' | 'dark'; locale: string }): Promise<Outcome> {
  const state = STATES[name];
  if (!state) return { failed: `no state ${name}: one of ${Object.keys(STATES).join(', ')}` };

  // What the last state left: its widget (removing it stops its checkout and takes down a challenge), a dialog, a save.
  const previous = wizard;
  wizard = document.createElement('checkout-wizard');
  wizard.id = 'wizard';
  wizard.storageKey = STORAGE_KEY;
  previous.replaceWith(wizard);
  for (const dialog of document.querySelectorAll('dialog')) dialog.remove();
  sessionStorage.clear();
  pageError = undefined;
  (document.activeElement as HTMLElement | null)?.blur();
  scrollTo(0, 0);

  // The host page in the buyer's language and theme, as a real one would be.
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr';
  document.documentElement.classList.toggle('dark', theme === 'dark');

  const seed = createState(state.scenario ?? 'empty-cart');
  state.seed?.(seed);
  const backend = new MockBackend({ seed });
  state.backend?.(backend);
  if (state.saved) {
    const saved: Saved = { v: VERSION, account: seed.account.id, draft: { seatsText: '', term: 'monthly' }, ...state.saved };
    sessionStorage.setItem(STORAGE, JSON.stringify(saved));
  }

  wizard.theme = theme;
  wizard.locale = locale;
  wizard.retry = { retries: 1, baseDelayMs: 10, maxDelayMs: 20 };
  wizard.orderTimeout = 2000;
  wizard.paymentProvider = new TestPaymentProvider({ network: backend });
  wizard.adapter = createMockAdapter(backend);

  try {
    const skipped = await state.drive();
    if (skipped) return { skipped };
    await settled();
    if (pageError) return { failed: pageError };
    return { ready: true, height: Math.ceil(document.documentElement.scrollHeight), modal: !!document.querySelector('dialog:modal') };
  } catch (e) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }
}

/** Two frames have been drawn (after run.mjs resized the viewport). */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

Object.assign(window, { states: Object.keys(STATES), show, painted });
