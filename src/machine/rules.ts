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
  /** The choices the user made, rather than the defaults a fresh item starts with: only these show as selected. */
  chosen?: Choice[];
}

/** The choices made on a card, which a fresh item fills in with a default (buy, the recommended plan). */
export type Choice = 'mode' | 'tier';

/** Whether the user made this choice (a default is not one): "Selected" is shown only then. */
export const isChosen = (draft: Draft, choice: Choice): boolean => !!draft.chosen?.includes(choice);

/** The draft with one more choice made. */
export const choose = (draft: Draft, choice: Choice, value: Partial<Draft>): Draft => ({
  ...draft,
  ...value,
  chosen: [...new Set([...(draft.chosen ?? []), choice])],
});

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

/** Characters that group digits in some locale: spaces of every width, and the Swiss apostrophes. */
const SPACES = /[\s\u00a0\u202f'\u2019]/g;
const groupSeparators = new Map<string, string>();

/** The character that groups thousands in `locale` ("," in English, "." in Italian and German). */
function groupSeparator(locale: string): string {
  let sep = groupSeparators.get(locale);
  if (sep === undefined) {
    sep = new Intl.NumberFormat(locale).formatToParts(10000).find((p) => p.type === 'group')?.value ?? '';
    groupSeparators.set(locale, sep);
  }
  return sep;
}

/**
 * Reads a whole number as a person writes it in `locale`: "1000", "1 000", and
 * "1,000" in English or "1.000" in Italian, with the groups where they belong.
 * Anything else (signs, decimals, exponents, misplaced groups) is not a whole number.
 */
export function parseWhole(text: string, locale = 'en'): number | undefined {
  const compact = text.replace(SPACES, '');
  const sep = groupSeparator(locale).replace(SPACES, '');
  const digits = sep && new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(compact) ? compact.split(sep).join('') : compact;
  return /^[0-9]+$/.test(digits) ? Number(digits) : undefined;
}

/**
 * Parses the licenses field, with the locale's grouping. The text is kept
 * verbatim elsewhere so bad input is never lost; this only reads it.
 */
export function parseSeats(text: string, range: SeatRange | undefined, locale?: string): { seats?: number; error?: SeatsError } {
  if (text.replace(SPACES, '') === '') return { error: 'required' };
  const seats = parseWhole(text, locale);
  if (seats === undefined) return { error: 'not_integer' };
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
