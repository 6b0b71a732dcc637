import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TestPaymentProvider, type MockBackend, type OperationId } from '../src/mock/index.js';
import type { BillingAdapter, PaymentProvider } from '../src/adapter/billing-adapter.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import type { StepElement } from '../src/components/step-element.js';
import type { CheckoutContext } from '../src/machine/types.js';
import { VERSION } from '../src/machine/persist.js';
import { clickText, inStep, seen, settled, stepEl, type, useBackend, waitForStep, walk } from './helpers.js';

// Helpers for test/faults.test.ts: a mount that passes the reliability properties
// (retry, order-timeout, storage-key), "reloads", deep DOM queries and request timing.

/** `<checkout-wizard>.retry` */
export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Small values so faults resolve in milliseconds. */
export const FAST_RETRY: RetryOptions = { retries: 3, baseDelayMs: 10, maxDelayMs: 50 };

export interface WizardOptions {
  /** Defaults to a fresh unique key. */
  storageKey?: string;
  retry?: RetryOptions;
  /** ms; defaults to 1000 (tests about timeouts pass 300). */
  orderTimeout?: number;
  product?: string;
  provider?: PaymentProvider;
  /** Defaults to the MSW path (`api-base`); an adapter takes precedence. */
  adapter?: BillingAdapter;
  /** Wait for the wizard to rest (default). `false` returns right after the first render. */
  settle?: boolean;
}

let seq = 0;
/** A storage key no other test uses. */
export const uniqueKey = (name = 'faults') => `${name}-${Date.now().toString(36)}-${++seq}`;
/** Where the spec says progress is saved (the save's version is persist.ts's VERSION). */
export const storageName = (key: string) => `checkout-wizard:v${VERSION}:${key}`;

/** Mounts <checkout-wizard> on `backend` (through MSW), like helpers.ts `mount()`, with the reliability properties. */
export async function mountWizard(backend: MockBackend, options: WizardOptions = {}) {
  await useBackend(backend);
  const storageKey = options.storageKey ?? uniqueKey();
  const steps: string[] = [];
  const el = await fixture<CheckoutWizard>(
    html`<checkout-wizard
      api-base="/api/billing/v1"
      locale="en"
      product=${options.product ?? ''}
      storage-key=${storageKey}
      order-timeout=${String(options.orderTimeout ?? 1000)}
      .retry=${options.retry ?? FAST_RETRY}
      .adapter=${options.adapter}
      .paymentProvider=${options.provider ?? new TestPaymentProvider({ network: backend })}
      @cw-step-change=${(e: CustomEvent) => steps.push(e.detail.step)}
    ></checkout-wizard>`,
  );
  if (options.settle !== false) await settled(el);
  return { el, backend, steps, storageKey, options: { ...options, storageKey } };
}

/**
 * A "reload": the widget is removed (its requests aborted), the page loses a bank's challenge that was open, and a
 * new widget is mounted with the same storage key on the same backend.
 */
export async function reload(el: CheckoutWizard, backend: MockBackend, options: WizardOptions & { storageKey: string }) {
  await el.updateComplete;
  await unmount(el);
  loseChallenge();
  return mountWizard(backend, options);
}

/** Removes the widget; it stops (aborting its requests) in a microtask, so a moved element survives. */
export async function unmount(el: Element) {
  el.remove();
  await sleep(0);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// --- Time ---

/**
 * Holds back every timer the page sets from now on with one of these exact delays, instead of
 * waiting for it: the widget's Retry-After and order-timeout waits (xstate's clock calls the
 * global setTimeout) and the mock backend's latency run when the test fires them. Other timers
 * run as usual. Pick delays nothing else in the test uses.
 */
export function holdTimers(...delays: number[]) {
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  const held = new Map<number, { ms: number; run: () => void }>();
  // Negative ids never clash with the browser's.
  let next = -1;
  window.setTimeout = ((handler: TimerHandler, ms = 0, ...args: unknown[]) => {
    if (!delays.includes(ms) || typeof handler !== 'function') return realSet(handler, ms, ...args);
    const id = next--;
    held.set(id, { ms, run: () => handler(...args) });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !held.delete(id)) realClear(id);
  }) as typeof window.clearTimeout;
  return {
    /** How many timers of `ms` are pending. */
    pending: (ms: number) => [...held.values()].filter((t) => t.ms === ms).length,
    /** Runs the pending timers of `ms` now, as if their time had come. */
    fire(ms: number) {
      const due = [...held].filter(([, t]) => t.ms === ms);
      if (!due.length) throw new Error(`no pending ${ms} ms timer`);
      for (const [id, t] of due) {
        held.delete(id);
        t.run();
      }
    },
    /** Puts the real timers back; timers still held never run. */
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}

// --- Deep DOM ---

const norm = seen;

/** Every element matching `selector` in the widget: its light DOM and every shadow root inside it. */
export function deepAll(el: Element, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (root: ParentNode) => {
    out.push(...root.querySelectorAll(selector));
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  visit(el);
  return out;
}

/** Texts of every role=status element (the step's notes, the wizard's live region, banners). */
export const statusTexts = (el: Element) => deepAll(el, '[role=status]').map((s) => norm(s.textContent));
export const alertTexts = (el: Element) => deepAll(el, '[role=alert]').map((s) => norm(s.textContent));
export const hasStatus = (el: Element, text: string) => statusTexts(el).some((t) => t.includes(text));

/** Buttons (and links) anywhere in the widget whose visible text starts with `label`. */
export const buttonsLabelled = (el: Element, label: string) =>
  deepAll(el, 'button, a, [role=button]').filter((b) => norm(b.textContent).startsWith(label)) as HTMLElement[];

/** Attributes that would run script: href/src starting with `javascript:` (after the URL parser's own trimming). */
export function scriptUrls(el: Element): string[] {
  return deepAll(el, '[href], [src], [srcset], [action], [formaction], [xlink\\:href]').flatMap((node) =>
    ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']
      .map((name) => node.getAttribute(name))
      // Browsers skip control characters and spaces in a URL's scheme, so an attacker may hide one there.
      // eslint-disable-next-line no-control-regex -- matching them is the point
      .filter((v): v is string => v !== null && /^javascript:/i.test(v.replace(/[\u0000-\u0020]/g, '')))
      .map((v) => `${node.localName}: ${v}`),
  );
}

/** What the user has entered in the current step: ids/names with values, checked radios. */
export function formState(el: CheckoutWizard): string[] {
  return [...stepEl(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input, select, textarea')].map((i) =>
    i.type === 'radio' || i.type === 'checkbox' ? `${i.name || i.id}=${i.value}:${i.checked}` : `${i.id || i.name}=${i.value}`,
  );
}

// --- Requests ---

export const requestsOf = (backend: MockBackend, op: OperationId) => backend.requests.filter((r) => r.op === op);
export const orderKeys = (backend: MockBackend) => requestsOf(backend, 'placeOrder').map((r) => r.idempotencyKey);
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const lookupsOf = (backend: MockBackend) => requestsOf(backend, 'lookupOrder').length;

/**
 * Records the key of every look-up (`GET /orders?idempotencyKey=`) the backend receives from now on
 * (the request log keeps the path, not the query). Returns the keys so far.
 */
export function lookedUp(backend: MockBackend): () => string[] {
  const keys: string[] = [];
  const handle = backend.handle.bind(backend);
  backend.handle = (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.endsWith(`${backend.basePath}/orders`)) keys.push(url.searchParams.get('idempotencyKey') ?? '');
    return handle(request);
  };
  return () => [...keys];
}

/**
 * POST /orders straight to the backend, as another tab of the same account would: its own key, the
 * widget's quote. Returns the status and the body.
 */
export async function placeOrderElsewhere(backend: MockBackend, body: { quoteId: string; paymentMethodId: string }, key = `other-tab-${++seq}`) {
  const response = await backend.fetch(new URL(`${backend.basePath}/orders`, location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id: string; status: string; code?: string } };
}

/** Every POST /orders carried the same UUID key; returns it. */
export function expectOneKey(backend: MockBackend, atLeast = 1): string {
  const keys = orderKeys(backend);
  expect(keys.length, 'POST /orders requests').to.be.at.least(atLeast);
  expect(new Set(keys).size, `one key for all POST /orders: ${keys.join(', ')}`).to.equal(1);
  expect(keys[0], 'Idempotency-Key').to.match(UUID);
  return keys[0]!;
}

/** Resolves once the backend has answered every request it received so far, late answers to aborted requests included. */
export function answered(backend: MockBackend): () => Promise<unknown> {
  const pending: Promise<unknown>[] = [];
  const handle = backend.handle.bind(backend);
  backend.handle = (request: Request) => {
    const promise = handle(request);
    pending.push(promise.catch(() => undefined));
    return promise;
  };
  return () => Promise.all(pending);
}

/** Records every fetch the page makes (the HTTP adapter reads globalThis.fetch per request), with its signal. */
export function spyOnFetch() {
  const original = window.fetch;
  const calls: { url: string; method: string; signal?: AbortSignal | null }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, method: init?.method ?? (input instanceof Request ? input.method : 'GET'), signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) });
    return original.call(window, input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

// --- Uncaught errors ---

/** Collects window 'error' and 'unhandledrejection' while installed. */
export function watchUncaught() {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String((e.reason as Error)?.stack ?? e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

// --- Walking the wizard ---

/**
 * The shortest purchase the machine allows (Phone System in the fixtures: no trial, one plan)
 * with `seats` licenses and `term`, up to the review.
 */
export async function toReview(el: CheckoutWizard, { seats, term }: { seats?: string; term?: 'monthly' | 'annual' } = {}) {
  await walk(el, 'seats');
  if (seats !== undefined) await typeInto(el, '#seats', seats);
  await walk(el, 'term');
  if (term) await chooseTerm(el, term);
  await walk(el, 'review');
}

/** As toReview, then "Continue to payment". */
export async function toPay(el: CheckoutWizard, options: { seats?: string; term?: 'monthly' | 'annual' } = {}) {
  await toReview(el, options);
  await clickText(el, 'Continue to payment');
  await waitForStep(el, 'pay');
}

export async function chooseTerm(el: CheckoutWizard, term: 'monthly' | 'annual') {
  inStep<HTMLInputElement>(el, `input[value=${term}]`)!.click();
  await stepEl(el).updateComplete;
}

/** Types into a field of the current step (as helpers.ts `type`, then lets the wizard save). */
export async function typeInto(el: CheckoutWizard, selector: string, value: string) {
  await type(el, selector, value);
  await el.updateComplete;
}

/** Clicks "Place order" without waiting for the wizard to rest, so in-flight states can be watched. */
export async function pressPlaceOrder(el: CheckoutWizard) {
  const button = inStep<HTMLButtonElement>(el, '[part=place-order]');
  if (!button) throw new Error(`no [part=place-order] in ${el.step}`);
  expect(norm(button.textContent)).to.match(/^Place order/);
  button.click();
  await sleep(0);
}

/** Chooses the payment method whose label contains `label`. */
export async function chooseMethod(el: CheckoutWizard, label: string) {
  const radio = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio][name=method]')].find((r) =>
    (r.closest('label')?.textContent ?? '').includes(label),
  );
  if (!radio) throw new Error(`no payment method "${label}"`);
  radio.click();
  await stepEl(el).updateComplete;
}

/** The machine's context, as the step elements read it (the quote, the chosen method, the attempt). */
export const machineContext = (el: CheckoutWizard): CheckoutContext =>
  (stepEl(el) as unknown as StepElement).actor!.getSnapshot().context;

// --- The bank's challenge (the test provider's dialog in document.body) ---

export const challengeDialog = () => document.querySelector<HTMLDialogElement>('dialog[data-test-challenge]');

/** Waits for the test bank's challenge and answers it as the buyer would: Complete, Fail, or Escape (abandoned). */
export async function answerChallenge(answer: 'complete' | 'fail' | 'escape') {
  await waitUntil(() => challengeDialog()?.open, 'the bank challenge did not open');
  const dialog = challengeDialog()!;
  if (answer === 'escape') {
    // showModal() put focus on its first button: a real key press, as the buyer closes it.
    dialog.querySelector('button')!.focus();
    await sendKeys({ press: 'Escape' });
  } else dialog.querySelector<HTMLButtonElement>(`button[value=${answer}]`)!.click();
  await waitUntil(() => !challengeDialog(), 'the bank challenge did not close');
}

/** A reload loses the bank's window: the open challenge disappears without an answer. */
export function loseChallenge() {
  for (const dialog of document.querySelectorAll('dialog[data-test-challenge]')) dialog.remove();
}

/**
 * Adds a payment method through the test provider's fields (the token the provider was made with).
 * A card the bank challenges when saved needs `challenge`: how the buyer answers it.
 */
export async function addMethod(el: CheckoutWizard, label: string, challenge?: 'complete') {
  await clickText(el, 'Add payment method');
  await waitUntil(() => el.querySelector('[slot=payment] select'), 'the provider fields did not mount');
  // Not clickText: while the bank's challenge is open the widget is busy, and would not settle.
  inStep<HTMLButtonElement>(el, '[part=save-method]')!.click();
  if (challenge) await answerChallenge(challenge);
  await waitUntil(
    () =>
      [...stepEl(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=method]')].some(
        (r) => r.checked && (r.closest('label')?.textContent ?? '').includes(label),
      ),
    `method ${label} not added and chosen`,
  );
  await settled(el);
}
