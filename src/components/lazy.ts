/**
 * The elements the first step does not need. Each is a chunk of its own in every build (a dynamic
 * import here is where Rollup splits), fetched when the browser is idle after the first step, at the
 * latest when the step before it shows, and at once when a step needs it. What the first step needs
 * (the wizard, the product list, the progress indicator and the order summary) is in define.ts.
 * The tier picker brings its plan-details popover; the popover brings Floating UI when it first opens.
 */
export const LAZY = {
  'cw-mode-picker': () => import('./cw-mode-picker/cw-mode-picker.js').then((m) => m.CwModePicker),
  'cw-tier-picker': () => import('./cw-tier-picker/cw-tier-picker.js').then((m) => m.CwTierPicker),
  'cw-popover': () => import('./cw-popover/cw-popover.js').then((m) => m.CwPopover),
  'cw-seat-picker': () => import('./cw-seat-picker/cw-seat-picker.js').then((m) => m.CwSeatPicker),
  'cw-term-picker': () => import('./cw-term-picker/cw-term-picker.js').then((m) => m.CwTermPicker),
  'cw-cart': () => import('./cw-cart/cw-cart.js').then((m) => m.CwCart),
  'cw-review': () => import('./cw-review/cw-review.js').then((m) => m.CwReview),
  'cw-payment': () => import('./cw-payment/cw-payment.js').then((m) => m.CwPayment),
  'cw-confirmation': () => import('./cw-confirmation/cw-confirmation.js').then((m) => m.CwConfirmation),
  'cw-gate': () => import('./cw-gate/cw-gate.js').then((m) => m.CwGate),
} satisfies Record<string, () => Promise<CustomElementConstructor>>;

export type LazyTag = keyof typeof LAZY;

/** Lazy elements another one draws: defined before it, so it never renders them undefined. */
const NEEDS: Partial<Record<LazyTag, LazyTag[]>> = { 'cw-tier-picker': ['cw-popover'] };

export const isLazy = (tag: string): tag is LazyTag => Object.hasOwn(LAZY, tag);

/** A lazy element not defined yet in `registry`: what draws it waits on its chunk. */
export const awaitsChunk = (tag: string, registry: CustomElementRegistry = customElements): tag is LazyTag => isLazy(tag) && !registry.get(tag);

/**
 * Fetches a lazy element's chunk and defines the element in `registry` (once). Rejects when the
 * chunk cannot be fetched; a later call fetches it again (the browser keeps no failed module).
 */
export async function loadElement(tag: LazyTag, registry: CustomElementRegistry = customElements): Promise<void> {
  if (registry.get(tag)) return;
  const [element] = await Promise.all([LAZY[tag](), ...(NEEDS[tag] ?? []).map((need) => loadElement(need, registry))]);
  if (!registry.get(tag)) registry.define(tag, element);
}

/** Fetches and defines every lazy element: for pages that draw a later step's element on its own (tests, stories). */
export const loadAll = (registry: CustomElementRegistry = customElements): Promise<void[]> =>
  Promise.all(Object.keys(LAZY).map((tag) => loadElement(tag as LazyTag, registry)));
