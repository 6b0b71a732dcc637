import { and, assign, cancel, emit, not, sendTo, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { BillingError } from '../adapter/errors.js';
import { checkout, emptyDraft } from './actions.js';
import { errorOf } from './guards.js';
import { cartItemFor, choose } from './rules.js';
import { itemInput, quoteInput } from './selectors.js';
import { after, before, GATES, isOptional, onPath, resumeAt, SAVED_STEPS, STEPS, type FlowStepId } from './steps.js';
import { io } from './actors.js';
import { DEFAULT_ORDER_TIMEOUT_MS, DEFAULT_RETRY, type CheckoutContext, type RetryPolicy } from './types.js';
import type { Cart } from '../contract/types.js';

export * from './types.js';
export { STEPS, GATES, pathOf } from './steps.js';
export { stepOf, orderState, commitAction } from './selectors.js';

/**
 * Transitions to the first of `steps` on the user's path: each optional step
 * guarded by the step table's condition, up to the first step that always applies.
 */
function firstOnPath(steps: FlowStepId[]) {
  const end = steps.findIndex((s) => !isOptional(s));
  return steps.slice(0, end + 1).map((s) => (isOptional(s) ? { guard: { type: 'onPath' as const, params: s }, target: `#checkout.${s}` } : { target: `#checkout.${s}` }));
}

/** Whether the cart still holds the item as the draft describes it. */
const holdsDraft = (context: CheckoutContext, cart: Cart) => {
  const want = itemInput(context);
  return cart.items.some((i) => i.productId === want.productId && i.tierId === want.tierId && i.seats === want.seats && i.term === want.term);
};

/** A host's number when it is one that makes sense (finite, above zero; whole where it counts), else the default. */
const positive = (value: unknown, fallback: number, min = 1) => (typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback);

/** The host's retry policy, each value checked: `order-timeout="soon"` or `retries: -1` must not stall or loop a payment. */
const retryPolicy = (retry: Partial<RetryPolicy> | undefined): RetryPolicy => ({
  retries: Math.floor(positive(retry?.retries, DEFAULT_RETRY.retries, 0)),
  baseDelayMs: positive(retry?.baseDelayMs, DEFAULT_RETRY.baseDelayMs),
  maxDelayMs: positive(retry?.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
});

/**
 * A done step chosen in the progress indicator: any step before `from` on the path. Before the item is in the
 * cart the draft's steps are plain steps back; after it, choosing one of them edits that cart item.
 */
function goTo(from: FlowStepId) {
  const itemSteps = ['mode', 'tier', 'seats', 'term'] as const;
  const inCart = STEPS.indexOf(from) > STEPS.indexOf('term');
  const item = (context: CheckoutContext) => (context.draft.productId ? cartItemFor(context.cart, context.draft.productId) : undefined);
  return before(from).map((step) => {
    const guard = ({ context, event }: { context: CheckoutContext; event: { step?: string } }) => event.step === step && onPath(step, context);
    if (inCart && (itemSteps as readonly string[]).includes(step)) {
      return {
        guard: ({ context, event }: { context: CheckoutContext; event: { step?: string } }) =>
          guard({ context, event }) && !!item(context) && step !== 'mode',
        target: `#checkout.${step}`,
        actions: { type: 'editItem' as const, params: ({ context }: { context: CheckoutContext }) => ({ itemId: item(context)!.id, returnTo: from === 'cart' ? ('cart' as const) : ('review' as const) }) },
      };
    }
    return { guard, target: `#checkout.${step}` };
  });
}

/** Back from review: to the cart when it is on the path, else to the billing choice of the item just added (editing it). */
const backFromReview = [
  { guard: { type: 'onPath' as const, params: 'cart' as const }, target: '#checkout.cart' },
  ...goTo('review')
    .filter((t) => t.target === '#checkout.term')
    .map((t) => ({ ...t, guard: ({ context }: { context: CheckoutContext }) => t.guard({ context, event: { step: 'term' } }) })),
  { target: '#checkout.cart' },
];

/**
 * The VAT number, at review and at payment alike: typed (applied by itself after a pause), cleared, or applied.
 * A wrong format or check digit is caught here, before any request; a well-formed one is checked with the
 * registry (the step's `validatingVat`), then the step's `quoting` prices it.
 */
const vat = {
  events: {
    VAT: { actions: 'typeVat' as const },
    APPLY_VAT: [
      // Clearing the field drops a verdict and its reverse charge; an empty field with none applied changes nothing.
      { guard: and(['vatEmpty', 'vatApplied']), target: 'quoting', actions: 'dropVerdict' as const },
      { guard: 'vatEmpty' as const },
      // The ID already applied: nothing to ask again.
      { guard: not('vatPending') },
      { guard: 'vatMalformed' as const, actions: 'rejectVat' as const },
      { target: 'validatingVat', actions: 'normalizeVat' as const },
    ],
  },
  /** Before going on (Continue, Place order): a number typed but not applied may change the price, so it is applied first and the user sees the new total. */
  pending: [
    { guard: and(['vatPending', 'vatMalformed']), actions: 'rejectVat' as const },
    { guard: 'vatPending' as const, target: 'validatingVat', actions: 'normalizeVat' as const },
  ],
};

const setCart = { type: 'setCart', params: ({ event }: { event: { output: Cart } }) => event.output } as const;

export const checkoutMachine = checkout.createMachine({
  id: 'checkout',
  context: ({ input }) => ({
    adapter: input.adapter,
    locale: input.locale ?? 'en',
    preselect: input.product,
    newKey: input.newKey ?? (() => crypto.randomUUID()),
    retry: retryPolicy(input.retry),
    orderTimeoutMs: positive(input.orderTimeoutMs, DEFAULT_ORDER_TIMEOUT_MS),
    restore: input.restore,
    provider: input.provider,
    allowedOrigins: input.allowedOrigins,
    signInUrl: input.signInUrl,
    draft: emptyDraft(),
    promoText: '',
    seatsTouched: false,
    vatText: '',
    addingMethod: false,
  }),
  initial: 'loading',
  on: {
    LOCALE: { actions: assign({ locale: ({ event }) => event.locale }) },
    HOST: { actions: assign(({ event }) => event.options) },
  },
  states: {
    loading: {
      tags: ['busy'],
      invoke: {
        src: 'load',
        input: io(),
        onDone: { target: 'routing', actions: { type: 'loaded', params: ({ event }) => event.output } },
        // The gate the failure names (signed out, corporate, not a billing contact), else unavailable.
        onError: [
          ...GATES.map((gate) => ({ guard: { type: 'leadsTo' as const, params: gate }, target: gate, actions: 'fail' as const })),
          { target: 'unavailable', actions: 'fail' },
        ],
      },
    },
    routing: {
      always: [
        { guard: 'corporate', target: 'corporate' },
        { guard: 'notBillingContact', target: 'forbidden' },
        // A reload while an order was being placed: resolve it with the same key before anything else.
        { guard: { type: 'restoreTo', params: 'ordering' }, target: 'pay.ordering', actions: 'applyRestore' },
        ...SAVED_STEPS.map((step) => ({ guard: { type: 'restoreTo' as const, params: step }, target: resumeAt(step), actions: 'applyRestore' as const })),
        { guard: 'hasPreselect', target: 'product', actions: { type: 'pickProduct', params: ({ context }) => ({ productId: context.preselect! }) } },
        { target: 'select', actions: assign({ restore: undefined }) },
      ],
    },
    'signed-out': { on: { RETRY: 'loading' } },
    corporate: {},
    forbidden: {},
    /** The backend is down: Retry, or a try of its own after a while, which the gate announces. */
    unavailable: { after: { retryLoad: 'loading' }, on: { RETRY: 'loading' } },

    select: {
      entry: 'clearError',
      on: {
        SELECT: [
          {
            guard: { type: 'inCart', params: ({ event }) => event },
            target: 'item',
            actions: { type: 'editItem', params: ({ context, event }) => ({ itemId: cartItemFor(context.cart, event.productId)!.id, returnTo: 'cart' as const }) },
          },
          { guard: { type: 'buyable', params: ({ event }) => event }, target: 'product', actions: { type: 'pickProduct', params: ({ event }) => event } },
        ],
        BACK: { guard: 'cartHadItems', target: 'cart' },
      },
    },
    /** Routes a freshly picked product to its first step: mode, tier or seats. */
    product: { always: firstOnPath(after('select')) },
    /** Routes into an item's own steps: tier or seats. */
    item: { always: firstOnPath(after('mode')) },
    mode: {
      on: {
        GO_TO: goTo('mode'),
        MODE: { target: 'item', actions: assign({ draft: ({ context, event }) => choose(context.draft, 'mode', { mode: event.mode }) }) },
        BACK: firstOnPath(before('mode')),
      },
    },
    tier: {
      on: {
        GO_TO: goTo('tier'),
        TIER: { target: 'seats', actions: assign({ draft: ({ context, event }) => choose(context.draft, 'tier', { tierId: event.tierId }) }) },
        BACK: 'leaveItem',
      },
    },
    /** Back from an item's first step: to where the edit started, or to the step before the item. */
    leaveItem: {
      always: [{ guard: 'editingFromReview', target: 'review' }, { guard: 'editing', target: 'cart' }, ...firstOnPath(before('tier'))],
    },
    seats: {
      entry: 'fillSeats',
      initial: 'idle',
      states: {
        idle: {
          on: {
            // A trial starts here; a purchase goes on to billing. Each button only does its own.
            NEXT: [{ guard: 'isTrial' }, { guard: 'seatsValid', target: '#checkout.term', actions: 'clearError' }, { actions: assign({ seatsTouched: true }) }],
            START_TRIAL: [{ guard: not('isTrial') }, { guard: 'seatsValid', target: 'starting' }, { actions: assign({ seatsTouched: true }) }],
            SEATS: { actions: assign({ draft: ({ context, event }) => ({ ...context.draft, seatsText: event.text }), error: undefined }) },
            GO_TO: goTo('seats'),
            BACK: [{ guard: { type: 'onPath', params: 'tier' }, target: '#checkout.tier' }, { target: '#checkout.leaveItem' }],
          },
        },
        starting: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'startTrial',
            input: io(({ context }) => ({ item: itemInput(context) })),
            onDone: {
              target: '#checkout.done',
              actions: [assign({ trial: ({ event }) => event.output, order: undefined }), emit(({ event }) => ({ type: 'trial-started' as const, trial: event.output }))],
            },
            onError: { target: 'idle', actions: 'fail' },
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
            GO_TO: goTo('term'),
            COMMIT: { target: 'saving', actions: assign({ changeKey: ({ context }) => context.newKey() }) },
            // The same change again: its key too.
            RETRY: 'saving',
            BACK: '#checkout.seats',
          },
        },
        saving: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'saveItem',
            input: io(({ context }) => ({ item: itemInput(context), itemId: context.editing?.itemId, key: context.changeKey ?? context.newKey() })),
            onDone: { target: 'saved', actions: [setCart, 'emitCart'] },
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
            input: io(),
            onDone: [
              { guard: ({ context, event }) => holdsDraft(context, event.output), target: 'saved', actions: [setCart, 'emitCart', 'clearError'] },
              { target: 'idle', actions: [setCart, 'emitError'] },
            ],
            onError: { target: 'idle', actions: 'emitError' },
          },
        },
        /** An edit goes back where it began; a new item to the cart when it holds others, else to review. */
        saved: {
          always: [{ guard: 'editingFromReview', target: '#checkout.review' }, { guard: 'editing', target: '#checkout.cart' }, ...firstOnPath(after('term'))],
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
            REMOVE: {
              target: 'removing',
              actions: assign({ removed: ({ context, event }) => context.cart?.items.find((i) => i.id === event.itemId) }),
            },
            EDIT: { target: '#checkout.item', actions: { type: 'editItem', params: ({ event }) => ({ itemId: event.itemId, returnTo: 'cart' as const }) } },
            ADD_ANOTHER: '#checkout.select',
            CHECKOUT: '#checkout.review',
            GO_TO: goTo('cart'),
          },
        },
        removing: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'removeItem',
            input: io(({ context, event }) => ({ itemId: (event as { itemId: string }).itemId, key: context.newKey() })),
            onDone: [
              // The last item: Undo for a few seconds, rather than a silent jump to the product list.
              { guard: ({ event }) => event.output.items.length === 0, target: 'emptied', actions: [setCart, 'emitCart'] },
              { target: 'idle', actions: [setCart, 'emitCart', assign({ removed: undefined })] },
            ],
            onError: { target: 'idle', actions: 'fail' },
          },
        },
        emptied: {
          after: { undoWindow: { target: '#checkout.select', actions: assign({ removed: undefined }) } },
          on: {
            UNDO: { guard: ({ context }) => !!context.removed, target: 'restoring' },
            ADD_ANOTHER: { target: '#checkout.select', actions: assign({ removed: undefined }) },
          },
        },
        /** Undo: the item is put back as it was (a new change, with its own key). */
        restoring: {
          tags: ['busy'],
          invoke: {
            src: 'saveItem',
            input: io(({ context }) => {
              const { productId, tierId, seats, term } = context.removed!;
              return { item: { productId, tierId, seats, term }, key: context.newKey() };
            }),
            onDone: { target: 'idle', actions: [setCart, 'emitCart', assign({ removed: undefined })] },
            onError: { target: 'emptied', actions: 'fail' },
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
          on: { BACK: backFromReview },
          invoke: {
            src: 'quote',
            input: io(({ context }) => quoteInput(context)),
            onDone: { target: 'ready', actions: 'quoted' },
            onError: [
              // The code was refused (unknown, expired, or for other products): say so at its field, and price without it.
              { guard: 'promoRefused', target: 'quoting', reenter: true, actions: [{ type: 'setError', params: errorOf }, assign({ promoCode: undefined })] },
              { target: 'failed', actions: 'fail' },
            ],
          },
        },
        ready: {
          on: {
            CONTINUE: [...vat.pending, { target: '#checkout.pay', actions: assign({ requoted: undefined }) }],
            ...vat.events,
            EDIT: { target: '#checkout.item', actions: { type: 'editItem', params: ({ event }) => ({ itemId: event.itemId, returnTo: 'review' as const }) } },
            BACK: backFromReview,
            GO_TO: goTo('review'),
            PROMO: { actions: assign({ promoText: ({ event }) => event.text, error: undefined }) },
            APPLY_PROMO: { guard: ({ context }) => context.promoText.trim() !== '', target: 'quoting', actions: assign({ promoCode: ({ context }) => context.promoText.trim(), error: undefined }) },
            REMOVE_PROMO: { target: 'quoting', actions: assign({ promoCode: undefined, promoText: '', error: undefined }) },
          },
        },
        failed: { on: { RETRY: 'quoting', BACK: backFromReview, GO_TO: goTo('review') } },
        validatingVat: {
          tags: ['busy'],
          entry: ['clearError', cancel('applyVat')],
          on: { BACK: backFromReview, VAT: { target: 'ready', actions: 'typeVat' } },
          invoke: { src: 'validateVat', input: io(({ context }) => ({ vatId: context.vatText })), onDone: { target: 'quoting', actions: 'verdict' }, onError: { target: 'ready', actions: 'vatFailed' } },
        },
      },
    },
    pay: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            PAYMENT_METHOD: { actions: assign({ paymentMethodId: ({ event }) => event.id, declinedMethodId: undefined, error: undefined }) },
            ...vat.events,
            ADD_METHOD: { actions: assign({ addingMethod: true, error: undefined }) },
            CANCEL_METHOD: { actions: assign({ addingMethod: false }) },
            SAVE_METHOD: { guard: ({ context }) => !!context.provider, target: 'addingMethod' },
            METHOD_FAILED: { actions: { type: 'setError', params: ({ event }) => new BillingError('payment_method_failed', event.message) } },
            PLACE_ORDER: [
              // The card the bank just declined stays declined until the user chooses it, or another, again.
              { guard: ({ context }) => !!context.declinedMethodId && context.declinedMethodId === context.paymentMethodId },
              ...vat.pending,
              { guard: 'hasMethod', target: 'ordering', actions: 'startAttempt' },
              { actions: { type: 'setError', params: () => new BillingError('payment_method_required', 'Choose a payment method.') } },
            ],
            BACK: '#checkout.review',
            GO_TO: goTo('pay'),
          },
        },
        addingMethod: {
          tags: ['busy'],
          entry: 'clearError',
          invoke: {
            src: 'addMethod',
            input: io(({ context }) => ({ provider: context.provider })),
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => ({
                account: context.account && { ...context.account, paymentMethods: [...context.account.paymentMethods, event.output] },
                paymentMethodId: event.output.id,
                addingMethod: false,
              })),
            },
            onError: { target: 'idle', actions: 'fail' },
          },
        },
        validatingVat: {
          tags: ['busy'],
          entry: ['clearError', cancel('applyVat')],
          on: { BACK: '#checkout.review', VAT: { target: 'idle', actions: 'typeVat' } },
          // Only a verified ID changes the price (see quoteVatId); "unavailable" lets checkout go on without reverse charge.
          invoke: { src: 'validateVat', input: io(({ context }) => ({ vatId: context.vatText })), onDone: { target: 'quoting', actions: 'verdict' }, onError: { target: 'idle', actions: 'vatFailed' } },
        },
        quoting: {
          tags: ['busy'],
          on: { BACK: '#checkout.review', VAT: { target: 'idle', actions: 'typeVat' } },
          invoke: {
            src: 'quote',
            input: io(({ context }) => quoteInput(context)),
            onDone: { target: 'idle', actions: assign({ quote: ({ event }) => event.output }) },
            onError: { target: 'idle', actions: 'fail' },
          },
        },
        /** One attempt, placed by its own machine (place-order.machine.ts) until the server has answered for certain. */
        ordering: {
          entry: 'clearError',
          initial: 'sending',
          invoke: {
            id: 'order',
            src: 'placeOrder',
            input: ({ context }) => ({
              adapter: context.adapter,
              locale: context.locale,
              attempt: context.attempt!,
              retry: context.retry,
              timeoutMs: context.orderTimeoutMs,
              unknown: context.orderState === 'confirming',
              provider: context.provider,
              allowedOrigins: context.allowedOrigins,
            }),
            onDone: [
              { guard: ({ event }) => event.output.result === 'placed', target: '#checkout.done', actions: { type: 'ordered', params: ({ event }) => event.output } },
              { guard: ({ event }) => event.output.result === 'requote', target: '#checkout.review', actions: { type: 'ordered', params: ({ event }) => event.output } },
              { target: 'idle', actions: [{ type: 'ordered', params: ({ event }) => event.output }, 'emitError'] },
            ],
          },
          on: {
            ORDER_STATE: [
              { guard: ({ event }) => event.state === 'unconfirmed', target: '.unconfirmed', actions: assign({ orderState: 'unconfirmed', error: ({ event }) => event.error }) },
              { target: '.sending', actions: assign({ orderState: ({ event }) => event.state, error: ({ event }) => event.error }) },
            ],
          },
          states: {
            sending: { tags: ['busy'] },
            /** The retries ran out and the order may exist: only asking again with the same key is offered. */
            unconfirmed: { on: { CHECK_AGAIN: { target: 'sending', actions: sendTo('order', { type: 'CHECK_AGAIN' }) } } },
          },
        },
      },
    },
    done: { on: { RESTART: { target: 'loading', actions: 'reset' } } },
  },
});

export type CheckoutMachine = typeof checkoutMachine;
export type CheckoutSnapshot = SnapshotFrom<CheckoutMachine>;
export type CheckoutActor = ActorRefFrom<CheckoutMachine>;
