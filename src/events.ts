import type { Cart, Order, Trial } from './contract/types.js';
import type { StepId } from './machine/checkout.machine.js';

/** The `detail` of every event <checkout-wizard> fires; all bubble and are composed. */
export interface CheckoutEventDetails {
  /** A step or gate was entered, the first one included. */
  'cw-step-change': { step: StepId };
  /** The server cart changed (item added, updated, removed, or emptied by an order). */
  'cw-cart-change': { cart: Cart };
  /** An order was placed and paid. */
  'cw-order-placed': { order: Order };
  /** A free trial started. */
  'cw-trial-started': { trial: Trial };
  /** "Assign licenses to users" was chosen; cancel to route in the host app instead of following `url`. */
  'cw-assign-licenses': { url: string | null; productIds: string[] };
  /** Something failed; `code` is the contract's problem code, or `network` / `invalid_response`. */
  'cw-error': { code: string; message: string };
}

export type CheckoutEventName = keyof CheckoutEventDetails;

export function fire<K extends CheckoutEventName>(target: EventTarget, name: K, detail: CheckoutEventDetails[K], cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface HTMLElementEventMap {
    'cw-step-change': CustomEvent<CheckoutEventDetails['cw-step-change']>;
    'cw-cart-change': CustomEvent<CheckoutEventDetails['cw-cart-change']>;
    'cw-order-placed': CustomEvent<CheckoutEventDetails['cw-order-placed']>;
    'cw-trial-started': CustomEvent<CheckoutEventDetails['cw-trial-started']>;
    'cw-assign-licenses': CustomEvent<CheckoutEventDetails['cw-assign-licenses']>;
    'cw-error': CustomEvent<CheckoutEventDetails['cw-error']>;
  }
}
