// Every event the widget's elements fire, declared once: the interfaces below give each event's name, its `detail`
// type and (as the member's doc comment) its one-line description; CHECKOUT_EVENTS adds what code needs at run time.
// The DOM event map, `mount({ on })` and the React props derive from these; scripts/check-events.mjs holds the
// `@fires` lines of the manifest to the names and doc comments here. Descriptions stay doc comments, not strings,
// so they cost the script-tag bundle nothing and show on hover.
import type { Cart, Order, Trial } from './contract/types.js';
import type { StepId } from './machine/checkout.machine.js';

/** The `detail` of every event <checkout-wizard> fires; all bubble and are composed. */
export interface CheckoutEventDetails {
  /** A step or gate was entered, the first one included; `detail: { step }`. */
  'cw-step-change': { step: StepId };
  /** The server cart changed (item added, updated, removed, or emptied by an order); `detail: { cart }`. */
  'cw-cart-change': { cart: Cart };
  /** An order was placed and paid; `detail: { order }`. */
  'cw-order-placed': { order: Order };
  /** A free trial started; `detail: { trial }`. */
  'cw-trial-started': { trial: Trial };
  /** "Assign licenses to users" was chosen; `detail: { url, productIds }`; cancelable: cancel it to route in the host app instead of following `url`. */
  'cw-assign-licenses': { url: string | null; productIds: string[] };
  /** Something failed; `detail: { code, message }`, where `code` is the contract's problem code, or `network` / `invalid_response`. */
  'cw-error': { code: string; message: string };
}

/** The `detail` of every event <cw-popover> fires; all bubble and are composed. */
export interface PopoverEventDetails {
  /** The panel opened or closed; `detail: { open }` tells which. */
  'cw-popover-toggle': { open: boolean };
}

export type CheckoutEventName = keyof CheckoutEventDetails;

/**
 * <checkout-wizard>'s events with the React prop of each: the names `mount({ on })` and `handle.on()` accept. The
 * compiler holds its names to CheckoutEventDetails, both ways.
 */
export const CHECKOUT_EVENTS = {
  'cw-step-change': { prop: 'onStepChange' },
  'cw-cart-change': { prop: 'onCartChange' },
  'cw-order-placed': { prop: 'onOrderPlaced' },
  'cw-trial-started': { prop: 'onTrialStarted' },
  'cw-assign-licenses': { prop: 'onAssignLicenses' },
  'cw-error': { prop: 'onError' },
} as const satisfies { [K in CheckoutEventName]: { prop: `on${string}` } };

type EventDetails = CheckoutEventDetails & PopoverEventDetails;

export function fire<K extends keyof EventDetails>(target: EventTarget, name: K, detail: EventDetails[K], cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

type CustomEventMap<Details> = { [K in keyof Details]: CustomEvent<Details[K]> };

declare global {
  // Typed addEventListener for every declared event; an interface, so it merges with the DOM's own map.
  interface HTMLElementEventMap extends CustomEventMap<EventDetails> {}
}
