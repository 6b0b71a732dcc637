// Every event the widget's elements fire, declared once: the interfaces below give each event's name, its `detail`
// type and (as the member's doc comment) its one-line description; CHECKOUT_EVENTS adds what code needs at run time.
// The DOM event map, `mount({ on })` and the React props derive from these; scripts/check-events.mjs holds the
// `@fires` lines of the manifest to the names and doc comments here. Descriptions stay doc comments, not strings,
// so they cost the script-tag bundle nothing and show on hover.
import type { Cart, Money, Order, Trial } from './contract/types.js';
import type { StepId } from './machine/checkout.machine.js';
import type { FlowStepId } from './machine/steps.js';

/** The `detail` of every event <checkout-wizard> fires; all bubble and are composed. */
export interface CheckoutEventDetails {
  /** A step or gate was entered, the first one included; `detail: { step }`. */
  'cw-step-change': { step: StepId };
  /** The server cart changed (item added, updated, removed, or emptied by an order); `detail: { cart }` with its id and items. */
  'cw-cart-change': { cart: Cart };
  /** An order was placed: paid, or `processing` until a bank debit clears; `detail: { id, status, total, billingDate, productIds }`. */
  'cw-order-placed': OrderPlacedDetail;
  /** A free trial started; `detail: { trial }` with its id, productId, tierId, seats and endsAt. */
  'cw-trial-started': { trial: TrialDetail };
  /** "Assign licenses to users" was chosen; `detail: { url, productIds }`; cancelable: cancel it to route in the host app instead of following `url`. */
  'cw-assign-licenses': { url: string | null; productIds: string[] };
  /** The session ended and "Sign in" was chosen; `detail: { url }` (the `sign-in-url`, or null); cancelable: cancel it to sign the user in within the host app instead of following `url`. */
  'cw-sign-in': { url: string | null };
  /** Something failed; `detail: { code, step }`: the contract's problem code (or the widget's own, such as `network`) and the step it happened on. */
  'cw-error': { code: string; step: StepId | 'loading' };
}

/** What a host learns of a placed order: no lines, no e-mail address, nothing the server added. */
export interface OrderPlacedDetail {
  id: string;
  status: Order['status'];
  total: Money;
  billingDate: string;
  /** The products bought. */
  productIds: string[];
}

export type TrialDetail = Pick<Trial, 'id' | 'productId' | 'tierId' | 'seats' | 'endsAt'>;

// Event details are allow-listed: a field the backend adds (or any personal data) never reaches the page's listeners.

export const orderDetail = (order: Order, productIds: readonly string[]): OrderPlacedDetail => ({
  id: order.id,
  status: order.status,
  total: { amount: order.total.amount, currency: order.total.currency },
  billingDate: order.billingDate,
  productIds: [...productIds],
});

export const trialDetail = ({ id, productId, tierId, seats, endsAt }: Trial): TrialDetail => ({ id, productId, tierId, seats, endsAt });

export const cartDetail = (cart: Cart): Cart => ({
  id: cart.id,
  items: cart.items.map(({ id, productId, tierId, seats, term }) => ({ id, productId, tierId, seats, term })),
});

/** The `detail` of every event <cw-popover> fires; all bubble and are composed. */
export interface PopoverEventDetails {
  /** The panel opened or closed; `detail: { open }` tells which. */
  'cw-popover-toggle': { open: boolean };
}

/** The `detail` of every event <cw-progress> fires; they bubble but stay inside the wizard (not composed). */
export interface ProgressEventDetails {
  /** A done step was chosen, to go back to it; `detail: { step }`. */
  'cw-step-select': { step: FlowStepId };
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
  'cw-sign-in': { prop: 'onSignIn' },
  'cw-error': { prop: 'onError' },
} as const satisfies { [K in CheckoutEventName]: { prop: `on${string}` } };

type EventDetails = CheckoutEventDetails & PopoverEventDetails & ProgressEventDetails;

/** Fires a declared event; `composed: false` keeps it inside the shadow root it is fired in. */
export function fire<K extends keyof EventDetails>(target: EventTarget, name: K, detail: EventDetails[K], cancelable = false, composed = true): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed, cancelable }));
}

type CustomEventMap<Details> = { [K in keyof Details]: CustomEvent<Details[K]> };

declare global {
  // Typed addEventListener for every declared event; an interface, so it merges with the DOM's own map.
  interface HTMLElementEventMap extends CustomEventMap<EventDetails> {}
}
