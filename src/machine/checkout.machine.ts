import { and, assign, cancel, emit, enqueueActions, fromPromise, not, setup, type SnapshotFrom, type ActorRefFrom } from 'xstate';
import type { BillingAdapter } from '../adapter/billing-adapter.js';
import { BillingError, toBillingError } from '../adapter/errors.js';
import type { Account, Cart, CartItemInput, Catalog, Money, Order, PaymentMethod, Quote, Term, Trial, VatVerdict } from '../contract/types.js';
import { restorable, type Saved } from './persist.js';
import { checkVatId } from '../vat/index.js';
import {
  cartItemFor,
  defaultTier,
  findProduct,
  findTier,
  isSubscribed,
  parseSeats,
  seatRange,
  seatsTextFor,
  trialOffered,
  type Draft,
  type Mode,
} from './rules.js';

export type StepId =
  | 'select'
  | 'mode'
  | 'tier'
  | 'seats'
  | 'term'
  | 'cart'
  | 'review'
  | 'pay'
  | 'done'
  | 'signed-out'
  | 'corporate'
  | 'forbidden'
  | 'unavailable';

export const STEPS: readonly StepId[] = ['select', 'mode', 'tier', 'seats', 'term', 'cart', 'review', 'pay', 'done'];
export const GATES: readonly StepId[] = ['signed-out', 'corporate', 'forbidden', 'unavailable'];

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
}

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 8000 };
export const DEFAULT_ORDER_TIMEOUT_MS = 15000;

/** Failures after which the same request may succeed: the network, the server, a running twin, a rate limit. */
const RETRYABLE = new Set(['network', 'timeout', 'unavailable', 'internal', 'idempotency_in_progress', 'rate_limited', 'invalid_response']);
/** Failures after which the order may exist although no answer said so. */
const UNKNOWN = new Set(['network', 'timeout', 'invalid_response', 'idempotency_in_progress']);

/** One attempt to pay one quote with one method: retries keep its key. */
export interface Attempt {
  key: string;
  quoteId: string;
  paymentMethodId: string;
}

export interface CheckoutContext {
  adapter: BillingAdapter;
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
  paymentMethodId?: string;
  addingMethod: boolean;
  attempt?: Attempt;
  /** What the item's commit button did when pressed. */
  commitAs?: CommitAction;
  retry: RetryPolicy;
  orderTimeoutMs: number;
  /** Tries of the current attempt, and the wait before the next one. */
  tries: number;
  delayMs: number;
  /** Whether the current attempt may have been recorded without the answer reaching us. */
  unknown: boolean;
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
  | { type: 'ADD_ANOTHER' }
  | { type: 'CHECKOUT' }
  | { type: 'CONTINUE' }
  | { type: 'PAYMENT_METHOD'; id: string }
  | { type: 'ADD_METHOD' }
  | { type: 'CANCEL_METHOD' }
  | { type: 'METHOD_TOKEN'; token: string }
  | { type: 'METHOD_FAILED'; message: string }
  | { type: 'VAT'; text: string }
  | { type: 'APPLY_VAT' }
  | { type: 'PLACE_ORDER' }
  | { type: 'CHECK_AGAIN' }
  | { type: 'RESTART' }
  | { type: 'LOCALE'; locale: string };

/** What the wizard tells its host; the element turns these into DOM events. */
export type CheckoutEmitted =
  | { type: 'cart-change'; cart: Cart }
  | { type: 'order-placed'; order: Order }
  | { type: 'trial-started'; trial: Trial }
  | { type: 'error'; code: string; message: string };

export interface Loaded {
  account: Account;
  catalog: Catalog;
  cart: Cart;
}

type WithAdapter<T = object> = T & { adapter: BillingAdapter; locale: string };

const call = <T, I>(run: (input: WithAdapter<I>, options: { signal: AbortSignal; locale: string }) => Promise<T>) =>
  fromPromise<T, WithAdapter<I>>(({ input, signal }) => run(input, { signal, locale: input.locale }));

const errorOf = ({ event }: { event: { error?: unknown } }) => toBillingError(event.error);

const itemInput = (draft: Draft): CartItemInput => ({
  productId: draft.productId!,
  tierId: draft.tierId!,
  seats: Number(draft.seatsText.replace(/\s/g, '')),
  term: draft.term,
});

/** Whether a cart holds the item as the draft describes it. */
const holdsDraft = (cart: Cart, draft: Draft) => {
  const want = itemInput(draft);
  return cart.items.some((i) => i.productId === want.productId && i.tierId === want.tierId && i.seats === want.seats && i.term === want.term);
};

const emptyDraft = (): Draft => ({ seatsText: '', term: 'monthly' });

/** The typed VAT ID, normalized and checked; a number without prefix is read as the billing country's. */
const vatCheck = (context: CheckoutContext) => checkVatId(context.vatText, context.account?.billingCountry);

/** Exponential backoff, capped, with jitter so many widgets do not retry in step. */
const backoffMs = (retry: RetryPolicy, tries: number) =>
  Math.round(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (tries - 1)) * (0.5 + Math.random() / 2));

const defaultMethod = (methods: PaymentMethod[] | undefined) => (methods?.find((m) => m.isDefault) ?? methods?.[0])?.id;

export const checkoutMachine = setup({
  types: {} as {
    context: CheckoutContext;
    events: CheckoutEvent;
    input: CheckoutInput;
    emitted: CheckoutEmitted;
  },
  actors: {
    load: call<Loaded, object>(async ({ adapter }, o) => {
      // In parallel: the account decides the gates, so its failure wins.
      const [account, catalog, cart] = await Promise.allSettled([adapter.getAccount(o), adapter.getCatalog(o), adapter.getCart(o)]);
      if (account.status === 'rejected') throw account.reason;
      // A corporate account or a plain user never sees the catalog, so its failure does not matter.
      if (account.value.kind === 'corporate' || account.value.viewer.role !== 'billing-contact') {
        return { account: account.value, catalog: { currency: account.value.currency, products: [] }, cart: { id: '', items: [] } };
      }
      if (catalog.status === 'rejected') throw catalog.reason;
      if (cart.status === 'rejected') throw cart.reason;
      return { account: account.value, catalog: catalog.value, cart: cart.value };
    }),
    saveItem: call<Cart, { item: CartItemInput; itemId?: string }>(({ adapter, item, itemId }, o) =>
      itemId ? adapter.updateCartItem(itemId, item, o) : adapter.addCartItem(item, o),
    ),
    loadCart: call<Cart, object>(({ adapter }, o) => adapter.getCart(o)),
    removeItem: call<Cart, { itemId: string }>(({ adapter, itemId }, o) => adapter.removeCartItem(itemId, o)),
    quote: call<Quote, { vatId: string | null }>(({ adapter, vatId }, o) => adapter.createQuote({ vatId }, o)),
    validateVat: call<VatVerdict, { vatId: string }>(({ adapter, vatId }, o) => adapter.validateVatId({ vatId }, o)),
    addMethod: call<PaymentMethod, { token: string }>(({ adapter, token }, o) => adapter.addPaymentMethod({ token }, o)),
    placeOrder: call<Order, { attempt: Attempt }>(({ adapter, attempt }, o) =>
      adapter.placeOrder({ quoteId: attempt.quoteId, paymentMethodId: attempt.paymentMethodId }, attempt.key, o),
    ),
    startTrial: call<Trial, { item: CartItemInput }>(({ adapter, item }, o) =>
      adapter.startTrial({ productId: item.productId, tierId: item.tierId, seats: item.seats }, o),
    ),
  },
  delays: {
    orderTimeout: ({ context }) => context.orderTimeoutMs,
    retryDelay: ({ context }) => context.delayMs,
    /** A pause in typing a VAT ID long enough to mean the user has finished. */
    vatPause: 600,
  },
  guards: {
    canRetry: ({ context }) => context.tries < context.retry.retries,
    signedOut: ({ event }) => toBillingError((event as { error?: unknown }).error).code === 'unauthenticated',
    corporate: ({ context }) => context.account?.kind === 'corporate',
    notBillingContact: ({ context }) => context.account?.viewer.role !== 'billing-contact',
    hasPreselect: ({ context }) => {
      const id = context.preselect;
      return !!id && !!findProduct(context.catalog, id) && !isSubscribed(context.account, id) && !cartItemFor(context.cart, id);
    },
    /** A product the user may pick: in the catalog and not already owned. */
    buyable: ({ context }, params: { productId: string }) =>
      !!findProduct(context.catalog, params.productId) && !isSubscribed(context.account, params.productId),
    inCart: ({ context }, params: { productId: string }) => !!cartItemFor(context.cart, params.productId),
    trialOffered: ({ context }) => trialOffered(context.account, findProduct(context.catalog, context.draft.productId)),
    manyTiers: ({ context }) => (findProduct(context.catalog, context.draft.productId)?.tiers.length ?? 0) > 1,
    seatsValid: ({ context }) => {
      const product = findProduct(context.catalog, context.draft.productId);
      const range = seatRange(product, findTier(product, context.draft.tierId), context.draft.mode);
      return !parseSeats(context.draft.seatsText, range).error;
    },
    isTrial: ({ context }) => context.draft.mode === 'trial',
    editing: ({ context }) => !!context.editing,
    editingFromReview: ({ context }) => context.editing?.returnTo === 'review',
    cartHadItems: ({ context }) => (context.cart?.items.length ?? 0) > 0,
    cartEmpty: ({ context }) => (context.cart?.items.length ?? 0) === 0,
    hasMethod: ({ context }) => !!context.paymentMethodId && !!context.quote,
    requoteNeeded: ({ event }) => ['quote_expired', 'quote_changed', 'not_found'].includes(errorOf({ event: event as { error?: unknown } }).code),
    vatEmpty: ({ context }) => context.vatText.trim() === '',
    vatApplied: ({ context }) => !!context.vatVerdict,
    restoreTo: ({ context }, step: string) => {
      const saved = context.restore && restorable(context.restore, context);
      if (!saved) return false;
      return step === 'placing' ? !!saved.attempt : !saved.attempt && saved.step === step;
    },
    retryable: ({ context, event }) =>
      RETRYABLE.has(toBillingError((event as { error?: unknown }).error).code) && context.tries < context.retry.retries,
    exhaustedUnknown: ({ context, event }) => {
      const { code } = toBillingError((event as { error?: unknown }).error);
      return RETRYABLE.has(code) && (context.unknown || UNKNOWN.has(code));
    },
    seatsRejected: ({ event }) => toBillingError((event as { error?: unknown }).error).fieldErrors.some((f) => f.field === 'seats'),
    vatPending: ({ context }) => context.vatText.trim() !== '' && context.vatText !== context.vatVerdict?.vatId,
    vatMalformed: ({ context }) => !vatCheck(context).valid,
  },
  actions: {
    clearError: assign({ error: undefined }),
    setError: assign({ error: (_, error: BillingError) => error }),
    emitError: emit(({ context }, error?: BillingError) => {
      const e = error ?? context.error!;
      return { type: 'error' as const, code: e.code, message: e.message };
    }),
    emitCart: emit(({ context }) => ({ type: 'cart-change' as const, cart: context.cart! })),
    setCart: assign({ cart: (_, cart: Cart) => cart }),
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
        draft: { productId: item.productId, mode: 'buy' as Mode, tierId: item.tierId, seatsText: String(item.seats), term: item.term },
        editing: { itemId: item.id, returnTo: params.returnTo },
        seatsTouched: false,
      };
    }),
    normalizeVat: assign({ vatText: ({ context }) => vatCheck(context).vatId }),
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
    /** Takes a checked save into the context, once. */
    applyRestore: assign(({ context }) => {
      const saved = context.restore!;
      return {
        restore: undefined,
        draft: { ...emptyDraft(), ...saved.draft },
        editing: saved.editing,
        vatText: saved.vatText,
        paymentMethodId: saved.attempt?.paymentMethodId ?? saved.paymentMethodId ?? context.paymentMethodId,
        attempt: saved.attempt,
        unknown: !!saved.attempt,
        tries: 0,
      };
    }),
    scheduleTimeout: assign(({ context }) => {
      const tries = context.tries + 1;
      return { tries, delayMs: backoffMs(context.retry, tries), unknown: true };
    }),
    /** Waits longer after each failure; a Retry-After wins. */
    scheduleRetry: assign(({ context, event }) => {
      const error = toBillingError((event as { error?: unknown }).error);
      const tries = context.tries + 1;
      const delayMs = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoffMs(context.retry, tries);
      return { tries, delayMs, unknown: context.unknown || UNKNOWN.has(error.code), error };
    }),
    fillSeats: assign(({ context }) => {
      const product = findProduct(context.catalog, context.draft.productId);
      const range = seatRange(product, findTier(product, context.draft.tierId), context.draft.mode);
      return { draft: { ...context.draft, seatsText: seatsTextFor(context.draft.seatsText, range) } };
    }),
  },
}).createMachine({
  id: 'checkout',
  context: ({ input }) => ({
    adapter: input.adapter,
    locale: input.locale ?? 'en',
    preselect: input.product,
    newKey: input.newKey ?? (() => crypto.randomUUID()),
    retry: { ...DEFAULT_RETRY, ...input.retry },
    orderTimeoutMs: input.orderTimeoutMs ?? DEFAULT_ORDER_TIMEOUT_MS,
    tries: 0,
    delayMs: 0,
    unknown: false,
    restore: input.restore,
    draft: emptyDraft(),
    seatsTouched: false,
    vatText: '',
    addingMethod: false,
  }),
  initial: 'loading',
  on: {
    LOCALE: { actions: assign({ locale: ({ event }) => event.locale }) },
  },
  states: {
    loading: {
      tags: ['busy'],
      invoke: {
        src: 'load',
        input: ({ context }) => ({ adapter: context.adapter, locale: context.locale }),
        onDone: {
          target: 'routing',
          actions: assign(({ event }) => ({
            ...event.output,
            vatText: event.output.account.vatId ?? '',
            paymentMethodId: defaultMethod(event.output.account.paymentMethods),
            error: undefined,
          })),
        },
        onError: [
          { guard: 'signedOut', target: 'signed-out', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          { target: 'unavailable', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
        ],
      },
    },
    routing: {
      always: [
        { guard: 'corporate', target: 'corporate' },
        { guard: 'notBillingContact', target: 'forbidden' },
        // A reload while an order was being placed: resolve it with the same key before anything else.
        { guard: { type: 'restoreTo', params: 'placing' }, target: 'pay.placing', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'select' }, target: 'select', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'mode' }, target: 'mode', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'tier' }, target: 'tier', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'seats' }, target: 'seats', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'term' }, target: 'term', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'cart' }, target: 'cart', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'review' }, target: 'review', actions: 'applyRestore' },
        { guard: { type: 'restoreTo', params: 'pay' }, target: 'pay.quoting', actions: 'applyRestore' },
        {
          guard: 'hasPreselect',
          target: 'product',
          actions: { type: 'pickProduct', params: ({ context }) => ({ productId: context.preselect! }) },
        },
        { target: 'select', actions: assign({ restore: undefined }) },
      ],
    },
    'signed-out': { on: { RETRY: 'loading' } },
    corporate: {},
    forbidden: {},
    unavailable: { on: { RETRY: 'loading' } },

    select: {
      entry: 'clearError',
      on: {
        SELECT: [
          {
            guard: { type: 'inCart', params: ({ event }) => event },
            target: 'item',
            actions: { type: 'editItem', params: ({ context, event }) => ({ itemId: cartItemFor(context.cart, event.productId)!.id, returnTo: 'cart' as const }) },
          },
          {
            guard: { type: 'buyable', params: ({ event }) => event },
            target: 'product',
            actions: { type: 'pickProduct', params: ({ event }) => event },
          },
        ],
        BACK: { guard: 'cartHadItems', target: 'cart' },
      },
    },
    /** Routes a freshly picked product: the mode step only when a trial is offered. */
    product: {
      always: [{ guard: 'trialOffered', target: 'mode' }, { target: 'item' }],
    },
    /** Routes into an item's steps: the tier step only when there is a choice. */
    item: {
      always: [{ guard: 'manyTiers', target: 'tier' }, { target: 'seats' }],
    },
    mode: {
      on: {
        MODE: { target: 'item', actions: assign({ draft: ({ context, event }) => ({ ...context.draft, mode: event.mode }) }) },
        BACK: 'select',
      },
    },
    tier: {
      on: {
        TIER: { target: 'seats', actions: assign({ draft: ({ context, event }) => ({ ...context.draft, tierId: event.tierId }) }) },
        BACK: 'leaveItem',
      },
    },
    /** Back from an item's first step: to where the edit started, or to the choice of mode or product. */
    leaveItem: {
      always: [
        { guard: 'editingFromReview', target: 'review' },
        { guard: 'editing', target: 'cart' },
        { guard: 'trialOffered', target: 'mode' },
        { target: 'select' },
      ],
    },
    seats: {
      entry: 'fillSeats',
      initial: 'idle',
      states: {
        idle: {
          on: {
            NEXT: [
              { guard: 'seatsValid', target: '#checkout.term', actions: 'clearError' },
              { actions: assign({ seatsTouched: true }) },
            ],
            START_TRIAL: [
              { guard: 'seatsValid', target: 'starting' },
              { actions: assign({ seatsTouched: true }) },
            ],
            SEATS: { actions: assign({ draft: ({ context, event }) => ({ ...context.draft, seatsText: event.text }), error: undefined }) },
            BACK: [{ guard: 'manyTiers', target: '#checkout.tier' }, { target: '#checkout.leaveItem' }],
          },
        },
        starting: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'startTrial',
            input: ({ context }) => ({ adapter: context.adapter, locale: context.locale, item: itemInput(context.draft) }),
            onDone: {
              target: '#checkout.done',
              actions: [assign({ trial: ({ event }) => event.output, order: undefined }), emit(({ event }) => ({ type: 'trial-started' as const, trial: event.output }))],
            },
            onError: { target: 'idle', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          },
        },
      },
    },
    term: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            TERM: { actions: assign({ draft: ({ context, event }) => ({ ...context.draft, term: event.term }) }) },
            COMMIT: 'saving',
            RETRY: 'saving',
            BACK: '#checkout.seats',
          },
        },
        saving: {
          tags: ['busy'],
          // What the button promised is decided now, before the cart changes under it.
          entry: ['clearError', assign({ commitAs: ({ context }) => commitAction(context) })],
          invoke: {
            src: 'saveItem',
            input: ({ context }) => ({
              adapter: context.adapter,
              locale: context.locale,
              item: itemInput(context.draft),
              itemId: context.editing?.itemId,
            }),
            onDone: { target: 'saved', actions: [{ type: 'setCart', params: ({ event }) => event.output }, 'emitCart'] },
            onError: [
              // The server refused the licenses: show it at that field, with everything else kept.
              { guard: 'seatsRejected', target: '#checkout.seats', actions: [{ type: 'setError', params: errorOf }, assign({ seatsTouched: true })] },
              { target: 'checking', actions: { type: 'setError', params: errorOf } },
            ],
          },
        },
        /**
         * Cart changes carry no idempotency key, so a lost or unreadable answer may hide a
         * change the server made: read the cart before offering to try again.
         */
        checking: {
          tags: ['busy'],
          invoke: {
            src: 'loadCart',
            input: ({ context }) => ({ adapter: context.adapter, locale: context.locale }),
            onDone: [
              {
                guard: ({ context, event }) => holdsDraft(event.output, context.draft),
                target: 'saved',
                actions: [{ type: 'setCart', params: ({ event }) => event.output }, 'emitCart', 'clearError'],
              },
              { target: 'idle', actions: [{ type: 'setCart', params: ({ event }) => event.output }, 'emitError'] },
            ],
            onError: { target: 'idle', actions: 'emitError' },
          },
        },
        /** "Complete transaction" goes to review, "Add to cart" to the cart, "Save changes" back where the edit began. */
        saved: {
          always: [
            { guard: 'editingFromReview', target: '#checkout.review' },
            { guard: ({ context }) => context.commitAs === 'complete', target: '#checkout.review' },
            { target: '#checkout.cart' },
          ],
        },
      },
    },
    cart: {
      entry: assign({ editing: undefined }),
      initial: 'idle',
      states: {
        idle: {
          always: { guard: 'cartEmpty', target: '#checkout.select' },
          on: {
            REMOVE: { target: 'removing' },
            EDIT: { target: '#checkout.item', actions: { type: 'editItem', params: ({ event }) => ({ itemId: event.itemId, returnTo: 'cart' as const }) } },
            ADD_ANOTHER: '#checkout.select',
            CHECKOUT: '#checkout.review',
          },
        },
        removing: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'removeItem',
            input: ({ context, event }) => ({ adapter: context.adapter, locale: context.locale, itemId: (event as { itemId: string }).itemId }),
            onDone: { target: 'idle', actions: [{ type: 'setCart', params: ({ event }) => event.output }, 'emitCart'] },
            onError: { target: 'idle', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          },
        },
      },
    },
    review: {
      entry: assign({ editing: undefined }),
      initial: 'quoting',
      states: {
        quoting: {
          tags: ['busy'],
          // Leaving stops the quote request; its late answer can no longer change anything.
          on: { BACK: '#checkout.cart' },
          invoke: {
            src: 'quote',
            input: ({ context }) => ({ adapter: context.adapter, locale: context.locale, vatId: context.vatVerdict?.vatId ?? null }),
            onDone: { target: 'ready', actions: assign({ quote: ({ event }) => event.output, error: undefined }) },
            onError: { target: 'failed', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          },
        },
        ready: {
          on: {
            CONTINUE: { target: '#checkout.pay', actions: assign({ requoted: undefined }) },
            EDIT: { target: '#checkout.item', actions: { type: 'editItem', params: ({ event }) => ({ itemId: event.itemId, returnTo: 'review' as const }) } },
            BACK: '#checkout.cart',
          },
        },
        failed: {
          on: {
            RETRY: 'quoting',
            BACK: '#checkout.cart',
          },
        },
      },
    },
    pay: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            PAYMENT_METHOD: { actions: assign({ paymentMethodId: ({ event }) => event.id, error: undefined }) },
            VAT: { actions: 'typeVat' },
            ADD_METHOD: { actions: assign({ addingMethod: true, error: undefined }) },
            CANCEL_METHOD: { actions: assign({ addingMethod: false }) },
            METHOD_TOKEN: 'addingMethod',
            METHOD_FAILED: { actions: { type: 'setError', params: ({ event }) => new BillingError('payment_method_failed', event.message) } },
            APPLY_VAT: [
              // Clearing the field drops a verdict and its reverse charge; an empty field with none applied changes nothing.
              { guard: and(['vatEmpty', 'vatApplied']), target: 'quoting', actions: assign({ vatVerdict: undefined }) },
              { guard: 'vatEmpty' },
              // The ID already applied: nothing to ask again.
              { guard: not('vatPending') },
              // A wrong format or check digit is caught here, before any request.
              { guard: 'vatMalformed', actions: 'rejectVat' },
              { target: 'validatingVat', actions: 'normalizeVat' },
            ],
            PLACE_ORDER: [
              { guard: and(['vatPending', 'vatMalformed']), actions: 'rejectVat' },
              // A VAT number typed but not applied may change the price: apply it and let the user confirm the new total.
              { guard: 'vatPending', target: 'validatingVat', actions: 'normalizeVat' },
              {
                guard: 'hasMethod',
                target: 'placing',
                // One key per attempt to pay this quote with this method: a repeat of the same attempt keeps it, so it can never pay twice.
                actions: assign(({ context }) => {
                  const { attempt, quote, paymentMethodId } = context;
                  const same = attempt?.quoteId === quote!.id && attempt.paymentMethodId === paymentMethodId;
                  return {
                    attempt: same ? attempt : { key: context.newKey(), quoteId: quote!.id, paymentMethodId: paymentMethodId! },
                    tries: 0,
                    unknown: false,
                  };
                }),
              },
              { actions: { type: 'setError', params: () => new BillingError('payment_method_required', 'Choose a payment method.') } },
            ],
            BACK: '#checkout.review',
          },
        },
        addingMethod: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'addMethod',
            input: ({ context, event }) => ({ adapter: context.adapter, locale: context.locale, token: (event as { token: string }).token }),
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => ({
                account: context.account && { ...context.account, paymentMethods: [...context.account.paymentMethods, event.output] },
                paymentMethodId: event.output.id,
                addingMethod: false,
              })),
            },
            onError: { target: 'idle', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          },
        },
        validatingVat: {
          tags: ['busy'],
          entry: ['clearError', cancel('applyVat')],
          on: { BACK: '#checkout.review', VAT: { target: 'idle', actions: 'typeVat' } },
          invoke: {
            src: 'validateVat',
            input: ({ context }) => ({ adapter: context.adapter, locale: context.locale, vatId: context.vatText }),
            onDone: [
              {
                // Only a verified ID changes the price; "unavailable" lets checkout go on without reverse charge.
                target: 'quoting',
                actions: assign({ vatVerdict: ({ event }) => event.output, vatText: ({ event }) => event.output.vatId }),
              },
            ],
            onError: { target: 'idle', actions: [{ type: 'setError', params: errorOf }, assign({ vatVerdict: undefined })] },
          },
        },
        quoting: {
          tags: ['busy'],
          on: { BACK: '#checkout.review', VAT: { target: 'idle', actions: 'typeVat' } },
          invoke: {
            src: 'quote',
            input: ({ context }) => ({
              adapter: context.adapter,
              locale: context.locale,
              vatId: context.vatVerdict?.status === 'valid' ? context.vatVerdict.vatId : null,
            }),
            onDone: { target: 'idle', actions: assign({ quote: ({ event }) => event.output }) },
            onError: { target: 'idle', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }] },
          },
        },
        placing: {
          tags: ['busy'],
          entry: 'clearError',
          // A request that takes too long may still be recorded: its outcome is unknown, so ask again with the same key.
          after: {
            orderTimeout: [
              { guard: 'canRetry', target: 'backoff', actions: { type: 'scheduleTimeout' } },
              { target: 'unconfirmed', actions: assign({ unknown: true }) },
            ],
          },
          invoke: {
            src: 'placeOrder',
            input: ({ context }) => ({ adapter: context.adapter, locale: context.locale, attempt: context.attempt! }),
            onDone: {
              target: '#checkout.done',
              actions: [
                assign(({ context, event }) => ({
                  order: event.output,
                  purchased: context.cart?.items.map((i) => i.productId) ?? [],
                  trial: undefined,
                  attempt: undefined,
                  unknown: false,
                  // A completed order empties the server's cart.
                  cart: { id: context.cart?.id ?? '', items: [] },
                })),
                emit(({ event }) => ({ type: 'order-placed' as const, order: event.output })),
                'emitCart',
              ],
            },
            onError: [
              {
                guard: 'requoteNeeded',
                target: '#checkout.review',
                actions: assign(({ context, event }) => ({
                  requoted: {
                    reason: toBillingError(event.error).code === 'quote_changed' ? ('quote_changed' as const) : ('quote_expired' as const),
                    previousTotal: context.quote?.total,
                  },
                  unknown: false,
                })),
              },
              { guard: 'retryable', target: 'backoff', actions: 'scheduleRetry' },
              // Out of retries while the order may exist: never offer to pay again with a new key.
              { guard: 'exhaustedUnknown', target: 'unconfirmed', actions: [{ type: 'setError', params: errorOf }, assign({ unknown: true })] },
              { target: 'idle', actions: [{ type: 'setError', params: errorOf }, { type: 'emitError', params: errorOf }, assign({ unknown: false })] },
            ],
          },
        },
        /** Waits before asking again with the same key. */
        backoff: {
          tags: ['busy'],
          after: { retryDelay: 'placing' },
        },
        /** The retries ran out and the order may exist: only asking again with the same key is offered. */
        unconfirmed: {
          on: { CHECK_AGAIN: { target: 'placing', actions: assign({ tries: 0 }) } },
        },
      },
    },
    done: {
      on: {
        RESTART: {
          target: 'loading',
          actions: assign({
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
            error: undefined,
          }),
        },
      },
    },
  },
});

export type CheckoutMachine = typeof checkoutMachine;
export type CheckoutSnapshot = SnapshotFrom<CheckoutMachine>;
export type CheckoutActor = ActorRefFrom<CheckoutMachine>;

const TRANSIENT = new Set(['loading', 'routing', 'product', 'item', 'leaveItem']);

/** The step or gate a snapshot shows; `loading` before the first one. */
export function stepOf(snapshot: CheckoutSnapshot): StepId | 'loading' {
  const top = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0]!;
  return TRANSIENT.has(top) ? 'loading' : (top as StepId);
}

/**
 * Where placing an order stands: sent (or waiting to be retried), the same with its
 * outcome unknown, or out of retries while unknown. Undefined when no order is under way.
 */
export function orderState(snapshot: CheckoutSnapshot): 'placing' | 'confirming' | 'unconfirmed' | undefined {
  if (snapshot.matches({ pay: 'unconfirmed' })) return 'unconfirmed';
  if (snapshot.matches({ pay: 'placing' }) || snapshot.matches({ pay: 'backoff' })) return snapshot.context.unknown ? 'confirming' : 'placing';
  return undefined;
}

/** What the commit button of the item's last step does, and so what it says. */
export type CommitAction = 'start-trial' | 'save' | 'add-to-cart' | 'complete';

export function commitAction(context: CheckoutContext): CommitAction {
  if (context.draft.mode === 'trial') return 'start-trial';
  if (context.editing) return 'save';
  return (context.cart?.items.length ?? 0) > 0 ? 'add-to-cart' : 'complete';
}
