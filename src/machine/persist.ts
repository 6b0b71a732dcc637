import * as v from 'valibot';
import type { Account, Cart, Catalog } from '../contract/types.js';
import { findProduct, findTier, isSubscribed, parseSeats, seatRange, trialOffered, type Draft } from './rules.js';
import { SAVED_STEPS } from './steps.js';

/**
 * What a reload may bring back: progress only, nothing sensitive (no card
 * data, no totals, no personal data). Bump VERSION when the shape changes:
 * an older save is then dropped, not misread.
 */
export const VERSION = 2;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = text(200);

const AttemptSchema = v.object({ key: v.pipe(id, v.minLength(1)), quoteId: id, paymentMethodId: id });

/** One attempt to pay one quote with one method: retries keep its key. */
export type Attempt = v.InferOutput<typeof AttemptSchema>;

const SavedSchema = v.object({
  v: v.literal(VERSION),
  /** The account it belongs to: another account signed in on this tab starts afresh. */
  account: id,
  step: v.picklist(SAVED_STEPS),
  draft: v.object({
    productId: v.optional(id),
    mode: v.optional(v.picklist(['buy', 'trial'])),
    tierId: v.optional(id),
    seatsText: text(40),
    term: v.picklist(['monthly', 'annual']),
    chosen: v.optional(v.pipe(v.array(v.picklist(['mode', 'tier'])), v.maxLength(2))),
  }),
  editing: v.optional(v.object({ itemId: id, returnTo: v.picklist(['review', 'cart']) })),
  /** Only when the user typed it. */
  vatText: v.optional(text(40)),
  /** The promotion code the quote was priced with. */
  promoCode: v.optional(text(64)),
  paymentMethodId: v.optional(id),
  attempt: v.optional(AttemptSchema),
});

export type Saved = v.InferOutput<typeof SavedSchema>;
export type SavedStep = Saved['step'];

/** Parses stored JSON; anything that does not fit (or is not JSON) is undefined. */
export function readSaved(raw: string | null | undefined): Saved | undefined {
  if (!raw) return undefined;
  try {
    const result = v.safeParse(SavedSchema, JSON.parse(raw));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a well-formed save against what the backend says now: the product
 * must still be offered and not owned, the tier must exist, the step must
 * make sense for this cart. A save that does not fit is dropped whole.
 */
export function restorable(saved: Saved, data: { account?: Account; catalog?: Catalog; cart?: Cart; locale?: string }): Saved | undefined {
  const { account, catalog, cart, locale } = data;
  const items = cart?.items ?? [];
  if (!account || saved.account !== account.id) return undefined;
  // An order that may exist is looked up whatever became of its method since: dropping it could lose the order.
  if (saved.attempt) return saved;
  if (saved.editing && !items.some((i) => i.id === saved.editing!.itemId)) return undefined;
  if (saved.paymentMethodId && !account?.paymentMethods.some((m) => m.id === saved.paymentMethodId)) return undefined;
  const { draft, step } = saved;
  if (step === 'select') return saved;
  if (step === 'cart' || step === 'review' || step === 'pay') return items.length ? saved : undefined;
  const product = findProduct(catalog, draft.productId);
  if (!product || (isSubscribed(account, product.id) && !saved.editing)) return undefined;
  if (draft.mode === 'trial' && !trialOffered(account, product)) return undefined;
  if (step === 'mode') return trialOffered(account, product) ? saved : undefined;
  const tier = findTier(product, draft.tierId);
  if (!tier) return undefined;
  if (step === 'tier') return product.tiers.length > 1 ? saved : undefined;
  if (step === 'seats') return saved;
  // term: only a buy with valid licenses gets there.
  return draft.mode === 'buy' && !parseSeats(draft.seatsText, seatRange(product, tier, draft.mode), locale).error ? saved : undefined;
}

/** The part of the machine's context a save keeps. */
export function toSaved(
  step: string,
  context: {
    account?: { id: string; vatId?: string | null };
    draft: Draft;
    editing?: Saved['editing'];
    vatText: string;
    promoCode?: string;
    paymentMethodId?: string;
    attempt?: Attempt;
  },
  /** An order is being placed and its outcome is not known yet. */
  pending: boolean,
): Saved | undefined {
  if (!context.account || !(SAVED_STEPS as readonly string[]).includes(step)) return undefined;
  // The account's own VAT ID comes back with the account; only one the user typed is theirs to keep.
  const typed = context.vatText !== (context.account.vatId ?? '');
  return {
    v: VERSION,
    account: context.account.id,
    step: step as SavedStep,
    draft: { ...context.draft, seatsText: context.draft.seatsText.slice(0, 40) },
    editing: context.editing,
    vatText: typed ? context.vatText.slice(0, 40) : undefined,
    promoCode: context.promoCode?.slice(0, 64),
    paymentMethodId: context.paymentMethodId,
    // Only an attempt that may have reached the server needs resolving after a reload.
    attempt: pending ? context.attempt : undefined,
  };
}
