import type { BillingAdapter, PaymentProvider } from '../adapter/billing-adapter.js';
import type { BillingError } from '../adapter/errors.js';
import type { Account, Cart, CartItem, Catalog, Money, Order, Quote, Term, Trial, VatVerdict } from '../contract/types.js';
import type { Attempt, Saved } from './persist.js';
import type { Draft, Mode } from './rules.js';
import type { GateId, StepId } from './steps.js';

export type { Attempt, Draft, Mode, StepId, GateId };

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 8000 };
export const DEFAULT_ORDER_TIMEOUT_MS = 15000;
/** How long the unavailable gate waits before it tries again by itself, in seconds. */
export const UNAVAILABLE_RETRY_S = 30;
/** How long Undo stays offered after the last cart item was removed, in seconds. */
export const UNDO_S = 8;

export interface CheckoutInput {
  adapter: BillingAdapter;
  locale?: string;
  /** A product id to preselect: the wizard starts at its first step after `select`. */
  product?: string;
  /** Makes idempotency keys; injectable so tests are deterministic. */
  newKey?: () => string;
  /** Automatic retries of placing an order (same key). */
  retry?: Partial<RetryPolicy>;
  /** How long a place-order request may take before its outcome counts as unknown, in ms. */
  orderTimeoutMs?: number;
  /** Progress saved before a reload; checked against the backend before it is used. */
  restore?: Saved;
  /** The payment provider: it saves methods and runs 3-D Secure challenges. */
  provider?: PaymentProvider;
  /** Origins the backend's URLs (links, icons, a bank's page) must come from; empty allows any https origin. */
  allowedOrigins?: readonly string[];
  /** Where "Sign in" leads when the session has ended. */
  signInUrl?: string;
}

/** What the host sets on the element and may change at any time. */
export type HostOptions = Pick<CheckoutInput, 'provider' | 'allowedOrigins' | 'signInUrl'>;

/** Where placing an order stands, as the order child machine reports it: sent, with the bank's challenge, being checked, or unknown after every retry. */
export type OrderState = 'placing' | 'authenticating' | 'confirming' | 'unconfirmed';

/** What the item's commit button does, and so what it says. */
export type CommitAction = 'start-trial' | 'save' | 'add-to-cart' | 'complete';

export interface CheckoutContext {
  adapter: BillingAdapter;
  provider?: PaymentProvider;
  allowedOrigins?: readonly string[];
  signInUrl?: string;
  locale: string;
  preselect?: string;
  newKey: () => string;
  account?: Account;
  catalog?: Catalog;
  cart?: Cart;
  draft: Draft;
  /** Set while "Edit order" changes an item already in the cart. */
  editing?: { itemId: string; returnTo: 'review' | 'cart' };
  /** The user pressed Next with invalid licenses: show the field's message. */
  seatsTouched: boolean;
  quote?: Quote;
  /** Why the review was shown again (a changed or expired quote), and the total the user had seen. */
  requoted?: { reason: 'quote_expired' | 'quote_changed'; previousTotal?: Money };
  vatText: string;
  vatVerdict?: VatVerdict;
  /** The promotion code field as typed. */
  promoText: string;
  /** The promotion code the quote is priced with, once the server took it. */
  promoCode?: string;
  paymentMethodId?: string;
  /** The method the bank just declined: Place order waits until the user chooses it (or another) again. */
  declinedMethodId?: string;
  addingMethod: boolean;
  attempt?: Attempt;
  /** Where the current attempt stands while it is under way. */
  orderState?: OrderState;
  /** The Idempotency-Key of the cart change being saved, kept for Try again. */
  changeKey?: string;
  /** The last item removed from the cart, while Undo can still put it back. */
  removed?: CartItem;
  /** What the item's commit button did when pressed. */
  commitAs?: CommitAction;
  retry: RetryPolicy;
  orderTimeoutMs: number;
  /** A save that still fits the backend, checked once when the data arrives; taken once. */
  restore?: Saved;
  order?: Order;
  /** Product ids the order bought: quote lines do not carry them, the cart did. */
  purchased?: string[];
  trial?: Trial;
  error?: BillingError;
}

export type CheckoutEvent =
  | { type: 'RETRY' }
  | { type: 'SELECT'; productId: string }
  | { type: 'MODE'; mode: Mode }
  | { type: 'TIER'; tierId: string }
  | { type: 'SEATS'; text: string }
  | { type: 'TERM'; term: Term }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'COMMIT' }
  | { type: 'START_TRIAL' }
  | { type: 'EDIT'; itemId: string }
  | { type: 'REMOVE'; itemId: string }
  | { type: 'UNDO' }
  | { type: 'ADD_ANOTHER' }
  | { type: 'CHECKOUT' }
  | { type: 'CONTINUE' }
  | { type: 'PAYMENT_METHOD'; id: string }
  | { type: 'ADD_METHOD' }
  | { type: 'CANCEL_METHOD' }
  | { type: 'SAVE_METHOD' }
  /** The provider's fields could not be shown (its script did not load, say), in the provider's words. */
  | { type: 'METHOD_FAILED'; message: string }
  | { type: 'VAT'; text: string }
  | { type: 'APPLY_VAT' }
  | { type: 'PLACE_ORDER' }
  | { type: 'CHECK_AGAIN' }
  | { type: 'RESTART' }
  | { type: 'LOCALE'; locale: string }
  /** The host changed one of its options. */
  | { type: 'HOST'; options: HostOptions }
  /** A done step chosen in the progress indicator. */
  | { type: 'GO_TO'; step: StepId }
  | { type: 'PROMO'; text: string }
  | { type: 'APPLY_PROMO' }
  | { type: 'REMOVE_PROMO' };

/** How the order child machine tells the checkout where it stands, so the checkout's snapshot (and the screen) follows. */
export interface OrderStateEvent {
  type: 'ORDER_STATE';
  state: OrderState;
  error?: BillingError;
}

/** Every event the machine handles: what elements send, and what its own children send it. */
export type MachineEvent = CheckoutEvent | OrderStateEvent;

/** What the wizard tells its host; the element turns these into DOM events. */
export type CheckoutEmitted =
  | { type: 'cart-change'; cart: Cart }
  | { type: 'order-placed'; order: Order; productIds: string[] }
  | { type: 'trial-started'; trial: Trial }
  | { type: 'error'; code: string; message: string };

export interface Loaded {
  account: Account;
  catalog: Catalog;
  cart: Cart;
}
