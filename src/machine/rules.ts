import type { Account, Cart, Catalog, Product, SeatRange, Term, Tier } from '../contract/types.js';

/** Pure rules the machine and the elements share; no state, no DOM. */

export type Mode = 'buy' | 'trial';

export interface Draft {
  productId?: string;
  mode?: Mode;
  tierId?: string;
  /** What the user typed, kept verbatim so bad input is never lost. */
  seatsText: string;
  term: Term;
}

export type SeatsError = 'required' | 'not_integer' | 'min' | 'max' | 'step';

export const findProduct = (catalog: Catalog | undefined, id: string | undefined): Product | undefined =>
  id ? catalog?.products.find((p) => p.id === id) : undefined;

export const findTier = (product: Product | undefined, id: string | undefined): Tier | undefined =>
  id ? product?.tiers.find((t) => t.id === id) : undefined;

export const isSubscribed = (account: Account | undefined, productId: string): boolean =>
  !!account?.subscriptions.some((s) => s.productId === productId);

export const cartItemFor = (cart: Cart | undefined, productId: string) =>
  cart?.items.find((i) => i.productId === productId);

/** A trial is offered when the product has one and this account has not used it. */
export const trialOffered = (account: Account | undefined, product: Product | undefined): boolean =>
  !!product?.trial && !account?.trialsUsed.includes(product.id) && !isSubscribed(account, product.id);

/** The tier to preselect: the recommended one, else the first. */
export const defaultTier = (product: Product): Tier => product.tiers.find((t) => t.recommended) ?? product.tiers[0]!;

/** The seat range that applies: the trial's when trying, the tier's when buying. */
export function seatRange(product: Product | undefined, tier: Tier | undefined, mode: Mode | undefined): SeatRange | undefined {
  if (mode === 'trial' && product?.trial) return product.trial.seats;
  return tier?.seats;
}

/**
 * Parses the licenses field. Accepts only a plain whole number (spaces
 * allowed, since pasted numbers carry them); decimals, signs, exponents and
 * grouping marks, which read differently per locale, are errors the field explains.
 */
export function parseSeats(text: string, range: SeatRange | undefined): { seats?: number; error?: SeatsError } {
  const clean = text.replace(/\s/g, '');
  if (clean === '') return { error: 'required' };
  if (!/^[0-9]+$/.test(clean)) return { error: 'not_integer' };
  const seats = Number(clean);
  if (!range) return { seats };
  const step = range.step ?? 1;
  if (seats < range.min) return { seats, error: 'min' };
  if (seats > range.max) return { seats, error: 'max' };
  if ((seats - range.min) % step !== 0) return { seats, error: 'step' };
  return { seats };
}

/** The nearest valid seat count, for the stepper buttons and arrow keys. */
export function stepSeats(current: number | undefined, direction: 1 | -1, range: SeatRange): number {
  const step = range.step ?? 1;
  if (current === undefined || !Number.isFinite(current)) return range.min;
  const offset = (current - range.min) / step;
  const index = direction > 0 ? Math.floor(offset) + 1 : Math.ceil(offset) - 1;
  return Math.min(range.max, Math.max(range.min, range.min + index * step));
}

/** Keeps what the user chose if it fits the range, else the range's minimum. */
export const seatsTextFor = (text: string, range: SeatRange | undefined): string =>
  text !== '' || !range ? text : String(range.min);

/**
 * The percentage an annual term saves against twelve monthly payments,
 * as the catalog states both prices (display only; the quote is what is paid).
 */
export function annualSaving(tier: Tier): number {
  const yearOfMonths = tier.prices.monthly.amount * 12;
  if (yearOfMonths <= 0 || tier.prices.annual.amount >= yearOfMonths) return 0;
  return Math.round((1 - tier.prices.annual.amount / yearOfMonths) * 100);
}

/** The lowest monthly per-seat price of a product, for its "from" label. */
export function fromPrice(product: Product) {
  return product.tiers.reduce((low, t) => (t.prices.monthly.amount < low.amount ? t.prices.monthly : low), product.tiers[0]!.prices.monthly);
}

/**
 * A line's price before tax, to show while the user picks licenses. The
 * contract prices only whole carts (POST /quotes), so this is labelled as an
 * estimate; review shows the server's quote, which is what is paid.
 */
export function estimate(tier: Tier, term: Term, seats: number) {
  const unit = tier.prices[term];
  return { amount: unit.amount * seats, currency: unit.currency };
}

/** The steps this user's path goes through, for the progress indicator. */
export function pathOf(
  account: Account | undefined,
  catalog: Catalog | undefined,
  cart: Cart | undefined,
  draft: Draft,
): Array<'select' | 'mode' | 'tier' | 'seats' | 'term' | 'cart' | 'review' | 'pay' | 'done'> {
  const product = findProduct(catalog, draft.productId);
  const path: ReturnType<typeof pathOf> = ['select'];
  if (!product || trialOffered(account, product)) path.push('mode');
  if (!product || product.tiers.length > 1) path.push('tier');
  path.push('seats');
  if (draft.mode === 'trial') return [...path, 'done'];
  path.push('term');
  // The cart step shows only when the cart holds something besides this item.
  if (cart?.items.some((i) => i.productId !== draft.productId)) path.push('cart');
  return [...path, 'review', 'pay', 'done'];
}
