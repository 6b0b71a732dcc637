import { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
import { CwProductList } from './components/cw-product-list/cw-product-list.js';
import type { CwModePicker } from './components/cw-mode-picker/cw-mode-picker.js';
import type { CwTierPicker } from './components/cw-tier-picker/cw-tier-picker.js';
import type { CwSeatPicker } from './components/cw-seat-picker/cw-seat-picker.js';
import type { CwTermPicker } from './components/cw-term-picker/cw-term-picker.js';
import type { CwCart } from './components/cw-cart/cw-cart.js';
import type { CwReview } from './components/cw-review/cw-review.js';
import type { CwPayment } from './components/cw-payment/cw-payment.js';
import type { CwConfirmation } from './components/cw-confirmation/cw-confirmation.js';
import type { CwGate } from './components/cw-gate/cw-gate.js';
import type { CwPopover } from './components/cw-popover/cw-popover.js';
import { CwProgress } from './components/cw-progress/cw-progress.js';
import { CwSummary } from './components/cw-summary/cw-summary.js';
import { VERSION } from './version.js';

export { loadAll } from './components/lazy.js';

/** What the first step needs, defined at once; every later step's element is a chunk (components/lazy.ts). */
export const ELEMENTS = {
  'checkout-wizard': CheckoutWizard,
  'cw-product-list': CwProductList,
  'cw-progress': CwProgress,
  'cw-summary': CwSummary,
} as const;

// Copies of the library find each other through the registered class: the copy that
// registers it marks it with its version, and later copies note there which versions
// have been warned about, so each is named once however often it is loaded. The
// registry and these Symbol.for marks are all that tells "already loaded": a page's
// markup can make none of them, whereas it can put an element at window.CheckoutWizard
// (DOM clobbering). The script-tag bundle's first lines (vite.config.ts) read the same
// marks, and src/embed.ts adds one, Symbol.for('checkout-wizard.api').
const VERSION_MARK = Symbol.for('checkout-wizard.version');
const WARNED_MARK = Symbol.for('checkout-wizard.warned');
type Marked = CustomElementConstructor & { [VERSION_MARK]?: string; [WARNED_MARK]?: string[] };

/** The version of the library whose `<checkout-wizard>` is registered in `registry`: `undefined` when none is, `'unknown'` when it carries no version. */
export function registeredVersion(registry: CustomElementRegistry = customElements): string | undefined {
  const registered = registry.get('checkout-wizard') as Marked | undefined;
  if (!registered) return undefined;
  return isOurs(registered) ? VERSION : (registered[VERSION_MARK] ?? 'unknown');
}

/** The versions already warned about, kept on the registered class (a frozen or foreign one gets a list of this copy's own). */
function warnedAbout(registered: Marked): string[] {
  try {
    return (registered[WARNED_MARK] ??= []);
  } catch {
    return (ownWarned ??= []);
  }
}
let ownWarned: string[] | undefined;

/** This copy's class, or a subclass of it that the page registered itself. */
const isOurs = (registered: CustomElementConstructor) =>
  registered === CheckoutWizard || Object.prototype.isPrototypeOf.call(CheckoutWizard.prototype, registered.prototype);

/**
 * Registers every element and returns true; a second call defines nothing twice.
 * When another copy of the library (another script tag, another bundle) registered
 * `<checkout-wizard>` first, this copy defines nothing at all, so the two never mix,
 * and returns false. If that copy is another version, one console warning names both
 * (once per version, however many copies of it load); the same version loaded twice is
 * silent, as it changes nothing.
 */
export function defineCheckoutWizard(registry: CustomElementRegistry = customElements): boolean {
  const registered = registry.get('checkout-wizard');
  if (registered && !isOurs(registered)) {
    const first = registeredVersion(registry)!;
    const warned = warnedAbout(registered as Marked);
    if (first !== VERSION && !warned.includes(VERSION)) {
      warned.push(VERSION);
      console.warn(
        first === 'unknown'
          ? `checkout-wizard: another <checkout-wizard> is already defined; the copy of version ${VERSION} loaded later is not used.`
          : `checkout-wizard: version ${first} is already loaded; the copy of version ${VERSION} loaded later is not used.`,
      );
    }
    return false;
  }
  if (!Object.prototype.hasOwnProperty.call(CheckoutWizard, VERSION_MARK)) {
    Object.defineProperties(CheckoutWizard, { [VERSION_MARK]: { value: VERSION }, [WARNED_MARK]: { value: [] } });
  }
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
  return true;
}

defineCheckoutWizard();

declare global {
  interface HTMLElementTagNameMap {
    'checkout-wizard': CheckoutWizard;
    'cw-product-list': CwProductList;
    'cw-mode-picker': CwModePicker;
    'cw-tier-picker': CwTierPicker;
    'cw-seat-picker': CwSeatPicker;
    'cw-term-picker': CwTermPicker;
    'cw-cart': CwCart;
    'cw-review': CwReview;
    'cw-payment': CwPayment;
    'cw-confirmation': CwConfirmation;
    'cw-gate': CwGate;
    'cw-popover': CwPopover;
    'cw-progress': CwProgress;
    'cw-summary': CwSummary;
  }
}
