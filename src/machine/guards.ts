import { toBillingError } from '../adapter/errors.js';
import { fieldOf, gateOf } from '../adapter/error-codes.js';
import { cartItemFor, findProduct, isSubscribed } from './rules.js';
import { productOf, seatsOf, vatCheck, vatPending } from './selectors.js';
import { onPath, type FlowStepId, type GateId } from './steps.js';
import type { CheckoutContext, MachineEvent } from './types.js';

type Args = { context: CheckoutContext; event: MachineEvent };

/** The error of an actor's error event, as one shape. */
export const errorOf = ({ event }: { event: unknown }) => toBillingError((event as { error?: unknown }).error);

export const guards = {
  /** The failure leads to this gate (see src/adapter/error-codes.ts). */
  leadsTo: (args: Args, gate: GateId) => gateOf(errorOf(args)) === gate,
  corporate: ({ context }: Args) => context.account?.kind === 'corporate',
  notBillingContact: ({ context }: Args) => context.account?.viewer.role !== 'billing-contact',
  hasPreselect: ({ context }: Args) => {
    const id = context.preselect;
    return !!id && !!findProduct(context.catalog, id) && !isSubscribed(context.account, id) && !cartItemFor(context.cart, id);
  },
  /** A product the user may pick: in the catalog and not already owned. */
  buyable: ({ context }: Args, params: { productId: string }) =>
    !!findProduct(context.catalog, params.productId) && !isSubscribed(context.account, params.productId),
  inCart: ({ context }: Args, params: { productId: string }) => !!cartItemFor(context.cart, params.productId),
  /** Whether a step of the table is on this user's path now. */
  onPath: ({ context }: Args, step: FlowStepId) => onPath(step, context),
  manyTiers: ({ context }: Args) => (productOf(context)?.tiers.length ?? 0) > 1,
  seatsValid: ({ context }: Args) => !seatsOf(context).error,
  isTrial: ({ context }: Args) => context.draft.mode === 'trial',
  editing: ({ context }: Args) => !!context.editing,
  editingFromReview: ({ context }: Args) => context.editing?.returnTo === 'review',
  cartHadItems: ({ context }: Args) => (context.cart?.items.length ?? 0) > 0,
  cartEmpty: ({ context }: Args) => (context.cart?.items.length ?? 0) === 0,
  hasMethod: ({ context }: Args) => !!context.paymentMethodId && !!context.quote,
  vatEmpty: ({ context }: Args) => context.vatText.trim() === '',
  vatApplied: ({ context }: Args) => !!context.vatVerdict,
  vatPending: ({ context }: Args) => vatPending(context),
  vatMalformed: ({ context }: Args) => !vatCheck(context).valid,
  /** A checked save to resume at `step` (or, for `ordering`, an order to resolve). */
  restoreTo: ({ context }: Args, step: string) => {
    const saved = context.restore;
    if (!saved) return false;
    return step === 'ordering' ? !!saved.attempt : !saved.attempt && saved.step === step;
  },
  seatsRejected: (args: Args) => fieldOf(errorOf(args)) === 'seats',
  promoRefused: (args: Args) => fieldOf(errorOf(args)) === 'promotionCode',
};
