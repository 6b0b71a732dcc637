import type { SnapshotFrom, AnyStateMachine, StateValue } from 'xstate';
import type { CartItemInput, Quote, Term } from '../contract/types.js';
import type { BillingError } from '../adapter/errors.js';
import { fieldOf, type Field } from '../adapter/error-codes.js';
import { checkVatId } from '../vat/index.js';
import { findProduct, findTier, isChosen, parseSeats, seatRange } from './rules.js';
import { isStepId, type StepId } from './steps.js';
import type { CheckoutContext, CommitAction, OrderState } from './types.js';

// What the machine's guards and the elements both read from the context: each answer is computed here once.

export const productOf = (c: CheckoutContext) => findProduct(c.catalog, c.draft.productId);
export const tierOf = (c: CheckoutContext) => findTier(productOf(c), c.draft.tierId);

/** The seat range that applies to the draft: the trial's or the tier's. */
export const rangeOf = (c: CheckoutContext) => seatRange(productOf(c), tierOf(c), c.draft.mode);

/** The licenses field read as the user's locale writes numbers, checked against the range. */
export const seatsOf = (c: CheckoutContext) => parseSeats(c.draft.seatsText, rangeOf(c), c.locale);

/** The draft as the cart takes it; only called once the licenses are valid. */
export const itemInput = (c: CheckoutContext): CartItemInput => ({
  productId: c.draft.productId!,
  tierId: c.draft.tierId!,
  seats: seatsOf(c).seats!,
  term: c.draft.term,
});

/** What the commit button of the item's last step does, and so what it says. */
export function commitAction(c: CheckoutContext): CommitAction {
  if (c.draft.mode === 'trial') return 'start-trial';
  if (c.editing) return 'save';
  return (c.cart?.items.length ?? 0) > 0 ? 'add-to-cart' : 'complete';
}

/** The typed VAT ID, normalized and checked; a number without prefix is read as the billing country's. */
export const vatCheck = (c: CheckoutContext) => checkVatId(c.vatText, c.account?.billingCountry);

/** Whether the registry's verdict is about the ID in the field now. */
export const verdictCurrent = (c: CheckoutContext) => !!c.vatVerdict && c.vatVerdict.vatId === c.vatText;

/** An ID is typed that no verdict covers yet. */
export const vatPending = (c: CheckoutContext) => c.vatText.trim() !== '' && !verdictCurrent(c);

/** The VAT ID a quote is priced with: only one the registry found valid can reverse-charge. */
export const quoteVatId = (c: CheckoutContext): string | null => (c.vatVerdict?.status === 'valid' ? c.vatVerdict.vatId : null);

/** What a quote is asked with: the verified VAT ID and the promotion code being applied or applied. */
export const quoteInput = (c: CheckoutContext) => ({ vatId: quoteVatId(c), promotionCode: c.promoCode ?? null });

/** Where the current error belongs: at a form field, or as the step's alert. (A gate's error is the gate itself.) */
export const fieldError = (c: CheckoutContext, field: Field): BillingError | undefined => (c.error && fieldOf(c.error) === field ? c.error : undefined);

/** The current error when no field owns it: the step shows it as an alert. */
export const stepError = (c: CheckoutContext): BillingError | undefined => (c.error && !fieldOf(c.error) ? c.error : undefined);

/** The step or gate a snapshot shows; `loading` before the first one and between steps. */
export function stepOf(snapshot: SnapshotFrom<AnyStateMachine>): StepId | 'loading' {
  const value = snapshot.value as StateValue;
  const top = typeof value === 'string' ? value : Object.keys(value)[0]!;
  return isStepId(top) ? top : 'loading';
}

/**
 * Where placing an order stands: sent (or waiting to be retried), the same with its
 * outcome unknown, or out of retries while unknown. Undefined when no order is under way.
 */
export function orderState(snapshot: SnapshotFrom<AnyStateMachine>): OrderState | undefined {
  return snapshot.matches({ pay: 'ordering' }) ? (snapshot.context as CheckoutContext).orderState : undefined;
}

/** One item of the order as the buyer is shaping it: a cart item, or the item being chosen in place of the one it edits. */
export interface OrderItem {
  /** The cart item's id while the line is exactly that item; a new or changed item has none, so no quote can stand for it. */
  id?: string;
  productId: string;
  tierId?: string;
  /** Undefined while the licenses field holds no valid number. */
  seats?: number;
  term: Term;
  trial: boolean;
}

/** The steps where the draft is an item being chosen (or edited), not one already in the cart. */
const ITEM_STEPS: ReadonlySet<string> = new Set(['mode', 'tier', 'seats', 'term']);

/**
 * The order on screen now: the cart's items, with the item being chosen in place of the one it
 * edits (or of the cart's item for the same product), else after them. A free trial is alone:
 * starting it buys nothing in the cart.
 */
export function orderOf(c: CheckoutContext, step: string): OrderItem[] {
  const items: OrderItem[] = (c.cart?.items ?? []).map((i) => ({ id: i.id, productId: i.productId, tierId: i.tierId, seats: i.seats, term: i.term, trial: false }));
  const { draft } = c;
  if (!ITEM_STEPS.has(step) || !draft.productId) return items;
  const parsed = seatsOf(c);
  // The recommended plan is a default, not a choice, until the user picks it (or the product has only one).
  const plans = findProduct(c.catalog, draft.productId)?.tiers.length ?? 0;
  const chosen: OrderItem = {
    productId: draft.productId,
    tierId: isChosen(draft, 'tier') || plans === 1 ? draft.tierId : undefined,
    seats: parsed.error ? undefined : parsed.seats,
    term: draft.term,
    trial: draft.mode === 'trial',
  };
  if (chosen.trial) return [chosen];
  const at = items.findIndex((i) => (c.editing ? i.id === c.editing.itemId : i.productId === chosen.productId));
  if (at < 0) return [...items, chosen];
  const was = items[at]!;
  const unchanged = was.productId === chosen.productId && was.tierId === chosen.tierId && was.seats === chosen.seats && was.term === chosen.term;
  items[at] = { ...chosen, id: unchanged ? was.id : undefined };
  return items;
}

/** Whether a quote prices exactly this order: the same cart items, with the same licenses and terms. */
export function quoteMatches(quote: Quote, order: readonly OrderItem[]): boolean {
  return (
    quote.lines.length === order.length &&
    order.every(
      (item) =>
        item.id !== undefined &&
        quote.lines.some((l) => l.itemId === item.id && l.seats === item.seats && l.term === item.term && (!l.productId || l.productId === item.productId)),
    )
  );
}
