import { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
import { CwProductList } from './components/cw-product-list/cw-product-list.js';
import { CwModePicker } from './components/cw-mode-picker/cw-mode-picker.js';
import { CwTierPicker } from './components/cw-tier-picker/cw-tier-picker.js';
import { CwSeatPicker } from './components/cw-seat-picker/cw-seat-picker.js';
import { CwTermPicker } from './components/cw-term-picker/cw-term-picker.js';
import { CwCart } from './components/cw-cart/cw-cart.js';
import { CwReview } from './components/cw-review/cw-review.js';
import { CwPayment } from './components/cw-payment/cw-payment.js';
import { CwConfirmation } from './components/cw-confirmation/cw-confirmation.js';
import { CwGate } from './components/cw-gate/cw-gate.js';
import { CwPopover } from './components/cw-popover/cw-popover.js';
import { CwProgress } from './components/cw-progress/cw-progress.js';

export const ELEMENTS = {
  'checkout-wizard': CheckoutWizard,
  'cw-product-list': CwProductList,
  'cw-mode-picker': CwModePicker,
  'cw-tier-picker': CwTierPicker,
  'cw-seat-picker': CwSeatPicker,
  'cw-term-picker': CwTermPicker,
  'cw-cart': CwCart,
  'cw-review': CwReview,
  'cw-payment': CwPayment,
  'cw-confirmation': CwConfirmation,
  'cw-gate': CwGate,
  'cw-popover': CwPopover,
  'cw-progress': CwProgress,
} as const;

/** Registers every element; a second call, or a second copy of the library, defines nothing twice. */
export function defineCheckoutWizard(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
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
  }
}
