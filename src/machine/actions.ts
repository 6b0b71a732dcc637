import { assign, emit, enqueueActions, setup } from 'xstate';
import { BillingError } from '../adapter/errors.js';
import { checkVatId } from '../vat/index.js';
import { actors } from './actors.js';
import { errorOf, guards } from './guards.js';
import { restorable } from './persist.js';
import { defaultTier, findProduct, seatsTextFor, type Mode } from './rules.js';
import { rangeOf, vatCheck } from './selectors.js';
import { UNAVAILABLE_RETRY_S, UNDO_S, type CheckoutContext, type CheckoutEmitted, type CheckoutInput, type Draft, type Loaded, type MachineEvent } from './types.js';
import { fieldOf } from '../adapter/error-codes.js';
import type { VatVerdict } from '../contract/types.js';
import type { Quote } from '../contract/types.js';
import type { Cart, PaymentMethod } from '../contract/types.js';
import type { PlaceOrderOutput } from './place-order.machine.js';

export const emptyDraft = (): Draft => ({ seatsText: '', term: 'monthly' });

const defaultMethod = (methods: PaymentMethod[] | undefined) => (methods?.find((m) => m.isDefault) ?? methods?.[0])?.id;

/** The checkout machine's vocabulary: its types, actors, guards, delays and actions. The states are in checkout.machine.ts. */
export const checkout = setup({
  types: {} as {
    context: CheckoutContext;
    events: MachineEvent;
    input: CheckoutInput;
    emitted: CheckoutEmitted;
  },
  actors,
  guards,
  delays: {
    /** A pause in typing a VAT ID long enough to mean the user has finished. */
    vatPause: 600,
    /** The backend is down: the next try of its own. */
    retryLoad: UNAVAILABLE_RETRY_S * 1000,
    /** How long Undo stays after the last cart item was removed. */
    undoWindow: UNDO_S * 1000,
  },
  actions: {
    clearError: assign({ error: undefined }),
    setError: assign({ error: (_, error: BillingError) => error }),
    /** Shows the failure of an actor's error event and tells the host. */
    fail: enqueueActions(({ event, enqueue }) => {
      const error = errorOf({ event });
      enqueue.assign({ error });
      enqueue.emit({ type: 'error', code: error.code, message: error.message });
    }),
    emitError: emit(({ context }) => ({ type: 'error' as const, code: context.error!.code, message: context.error!.message })),
    emitCart: emit(({ context }) => ({ type: 'cart-change' as const, cart: context.cart! })),
    setCart: assign({ cart: (_, cart: Cart) => cart }),
    /** A new quote: the code the server applied, as it writes it; a refused code's message stays at its field. */
    quoted: assign(({ context, event }) => {
      const quote = (event as unknown as { output: Quote }).output;
      return {
        quote,
        promoCode: context.promoCode && (quote.discounts?.[0]?.code ?? context.promoCode),
        error: context.error && fieldOf(context.error) === 'promotionCode' ? context.error : undefined,
      };
    }),
    /** Takes the loaded data in, and checks a saved progress against it once. */
    loaded: assign(({ context }, data: Loaded) => ({
      ...data,
      vatText: data.account.vatId ?? '',
      paymentMethodId: defaultMethod(data.account.paymentMethods),
      restore: context.restore && restorable(context.restore, { ...data, locale: context.locale }),
      error: undefined,
    })),
    /** Starts a fresh item for a product, with its recommended tier. */
    pickProduct: assign(({ context }, params: { productId: string }) => {
      const product = findProduct(context.catalog, params.productId)!;
      return {
        draft: { ...emptyDraft(), productId: product.id, mode: 'buy' as Mode, tierId: defaultTier(product).id },
        editing: undefined,
        seatsTouched: false,
      };
    }),
    /** Loads a cart item into the draft, every value kept, for "Edit order". */
    editItem: assign(({ context }, params: { itemId: string; returnTo: 'review' | 'cart' }) => {
      const item = context.cart?.items.find((i) => i.id === params.itemId);
      if (!item) return {};
      return {
        draft: { productId: item.productId, mode: 'buy' as Mode, tierId: item.tierId, seatsText: String(item.seats), term: item.term, chosen: ['mode', 'tier'] },
        editing: { itemId: item.id, returnTo: params.returnTo },
        seatsTouched: false,
      };
    }),
    normalizeVat: assign({ vatText: ({ context }) => vatCheck(context).vatId }),
    /** The registry's verdict, and the number as it was checked. */
    verdict: assign(({ event }) => {
      const output = (event as unknown as { output: VatVerdict }).output;
      return { vatVerdict: output, vatText: output.vatId };
    }),
    dropVerdict: assign({ vatVerdict: undefined }),
    /** The registry could not be asked: the error at the field, no verdict. */
    vatFailed: assign(({ event }) => ({ error: errorOf({ event }), vatVerdict: undefined })),
    /**
     * Each keystroke in the VAT field: a complete, well-formed ID (or a cleared
     * field that had one applied) is applied once typing pauses. A new
     * keystroke cancels the pending apply, and leaving a validating or quoting
     * state aborts its request, so only the last ID typed is ever priced.
     */
    typeVat: enqueueActions(({ context, event, enqueue }) => {
      const text = (event as { text: string }).text;
      enqueue.cancel('applyVat');
      enqueue.assign({ vatText: text, error: undefined });
      const check = checkVatId(text, context.account?.billingCountry);
      const applied = context.vatVerdict?.vatId;
      if (text.trim() ? check.valid && check.vatId !== applied : !!applied) {
        enqueue.raise({ type: 'APPLY_VAT' }, { id: 'applyVat', delay: 'vatPause' });
      }
    }),
    rejectVat: assign(({ context }) => {
      const { reason } = vatCheck(context);
      return {
        vatVerdict: undefined,
        error: new BillingError('invalid_vat_id', `VAT ID: ${reason}`, { fieldErrors: [{ field: 'vatId', code: reason ?? 'format' }] }),
      };
    }),
    /** Takes the checked save into the context, once. */
    applyRestore: assign(({ context }) => {
      const saved = context.restore!;
      return {
        restore: undefined,
        draft: { ...emptyDraft(), ...saved.draft },
        editing: saved.editing,
        vatText: saved.vatText ?? context.vatText,
        promoCode: saved.promoCode,
        promoText: saved.promoCode ?? '',
        paymentMethodId: saved.attempt?.paymentMethodId ?? saved.paymentMethodId ?? context.paymentMethodId,
        attempt: saved.attempt,
        orderState: saved.attempt ? ('confirming' as const) : undefined,
      };
    }),
    /** One key per attempt to pay this quote with this method: a repeat of the same attempt keeps it, so it can never pay twice. */
    startAttempt: assign(({ context }) => {
      const { attempt, quote, paymentMethodId } = context;
      const same = attempt?.quoteId === quote!.id && attempt.paymentMethodId === paymentMethodId;
      return {
        attempt: same ? attempt : { key: context.newKey(), quoteId: quote!.id, paymentMethodId: paymentMethodId! },
        orderState: 'placing' as const,
      };
    }),
    /** Takes in how an attempt ended: placed (the server's cart is now empty), to be re-quoted, or failed. */
    ordered: enqueueActions(({ context, enqueue }, outcome: PlaceOrderOutput) => {
      enqueue.assign({ orderState: undefined });
      // A decline is the payment's own failure, kept under its key: the next try is a new attempt, under a new key.
      // Any other failure left nothing under the key (a 422, a rate limit), so a repeat keeps it.
      if (outcome.result === 'failed') {
        const declined = outcome.error.code === 'payment_declined';
        return enqueue.assign({ error: outcome.error, attempt: declined ? undefined : context.attempt, declinedMethodId: declined ? context.attempt?.paymentMethodId : undefined });
      }
      if (outcome.result === 'requote') return enqueue.assign({ requoted: { reason: outcome.reason, previousTotal: context.quote?.total } });
      const purchased = context.cart?.items.map((i) => i.productId) ?? [];
      enqueue.assign({
        order: outcome.order,
        purchased,
        trial: undefined,
        attempt: undefined,
        cart: { id: context.cart?.id ?? '', items: [] },
      });
      enqueue.emit({ type: 'order-placed', order: outcome.order, productIds: purchased });
      enqueue.emit({ type: 'cart-change', cart: { id: context.cart?.id ?? '', items: [] } });
    }),
    /** Forgets the finished order or trial, for another purchase. */
    reset: assign({
      draft: emptyDraft(),
      editing: undefined,
      quote: undefined,
      requoted: undefined,
      order: undefined,
      purchased: undefined,
      trial: undefined,
      attempt: undefined,
      preselect: undefined,
      vatVerdict: undefined,
      promoCode: undefined,
      promoText: '',
      error: undefined,
    }),
    fillSeats: assign(({ context }) => ({ draft: { ...context.draft, seatsText: seatsTextFor(context.draft.seatsText, rangeOf(context)) } })),
  },
});
