import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { BillingAdapter, PaymentProvider } from '../adapter/billing-adapter.js';
import { BillingError, toBillingError } from '../adapter/errors.js';
import { isRetryable, needsRequote, outcomeUnknown } from '../adapter/error-codes.js';
import type { NextAction, Order } from '../contract/types.js';
import { safeUrl } from '../contract/schemas.js';
import type { Attempt } from './persist.js';
import type { OrderState, OrderStateEvent, RetryPolicy } from './types.js';

export interface PlaceOrderInput {
  adapter: BillingAdapter;
  locale: string;
  attempt: Attempt;
  retry: RetryPolicy;
  /** How long one request may take before its outcome counts as unknown, in ms. */
  timeoutMs: number;
  /** The attempt may already have reached the server (a reload, the return from a bank's page): look it up, never send it blind. */
  unknown: boolean;
  /** Runs a payment's next action (3-D Secure); without one, the server is asked and fails the payment. */
  provider?: PaymentProvider;
  /** Where a bank's page may be (safeUrl's allow-list). */
  allowedOrigins?: readonly string[];
}

export type PlaceOrderOutput =
  | { result: 'placed'; order: Order }
  | { result: 'requote'; reason: 'quote_expired' | 'quote_changed' }
  | { result: 'failed'; error: BillingError };

/** The request the attempt makes next: send it (same key), look it up by its key, or settle its order after an action. */
type Ask = 'send' | 'lookup' | 'confirm';

export interface PlaceOrderContext extends PlaceOrderInput {
  tries: number;
  delayMs: number;
  /** What the next request is. */
  ask: Ask;
  /** The order the attempt made, once the server has named it. */
  order?: Order;
  /** Resumed: a redirect-based action has been run already, so settle it rather than send the buyer away again. */
  resumed: boolean;
  error?: BillingError;
  outcome?: PlaceOrderOutput;
}

/** Exponential backoff, capped, with jitter so many widgets do not retry in step. */
export const backoffMs = (retry: RetryPolicy, tries: number) =>
  Math.round(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (tries - 1)) * (0.5 + Math.random() / 2));

/** The longest wait a server's Retry-After may impose, in seconds. */
export const MAX_RETRY_AFTER_S = 60;

const errorOf = (event: unknown) => toBillingError((event as { error?: unknown }).error);

/** A failed order as the error the payment step shows: the decline, with the bank's reason. */
const failureOf = (order: Order) =>
  new BillingError(order.failure?.code ?? 'payment_declined', order.failure?.message ?? 'The payment failed.', {
    status: 402,
    declineCode: order.failure?.declineCode,
  });

/** The order a 409 names (`quote_already_paid`, `order_in_progress`): it is this attempt's to follow. */
const namedOrder = (event: unknown) => errorOf(event).order;

/** Runs the provider's action; a redirect it cannot run itself leaves the page for the bank's, and the widget resumes on return. */
async function runAction(provider: PaymentProvider | undefined, action: NextAction | null | undefined, allowed?: readonly string[]): Promise<void> {
  if (!action) return;
  if (provider?.handleNextAction) return provider.handleNextAction(action);
  const url = action.type === 'redirect' ? safeUrl(action.redirectUrl, allowed) : null;
  if (url) {
    globalThis.location.assign(url);
    // The page is leaving; nothing follows.
    return new Promise<void>(() => {});
  }
}

/**
 * Places one attempt: one quote, one method, one idempotency key, which every
 * request keeps. It sends the attempt, follows the order the server answers
 * with (through a 3-D Secure challenge and its confirmation), retries what may
 * succeed on a second try, waits out Retry-After, and counts a request that
 * takes too long, a 5xx or an answer that is not a problem document as one
 * whose outcome is unknown: from then on it only looks the attempt up by its
 * key (or sends the same key again once the server says it never arrived).
 * It ends only when the server has answered for certain.
 */
export const placeOrderMachine = setup({
  types: {} as { context: PlaceOrderContext; input: PlaceOrderInput; output: PlaceOrderOutput; events: { type: 'CHECK_AGAIN' } },
  actors: {
    request: fromPromise<Order, PlaceOrderContext>(({ input, signal }) => {
      const { adapter, attempt, locale, ask, order } = input;
      const o = { signal, locale };
      if (ask === 'confirm') return adapter.confirmOrder(order!.id, o);
      if (ask === 'lookup') return adapter.lookupOrder(attempt.key, o);
      return adapter.placeOrder({ quoteId: attempt.quoteId, paymentMethodId: attempt.paymentMethodId }, attempt.key, o);
    }),
    authenticate: fromPromise<void, { provider?: PaymentProvider; action?: NextAction | null; allowed?: readonly string[] }>(({ input }) =>
      runAction(input.provider, input.action, input.allowed),
    ),
  },
  delays: {
    timeout: ({ context }) => context.timeoutMs,
    wait: ({ context }) => context.delayMs,
  },
  guards: {
    triesLeft: ({ context }) => context.tries < context.retry.retries,
    retryable: ({ context, event }) => isRetryable(errorOf(event)) && context.tries < context.retry.retries,
    /** The attempt's quote is stale or gone (a look-up's or a confirmation's 404 says nothing of the quote). */
    requote: ({ context, event }) => context.ask === 'send' && needsRequote(errorOf(event)),
    namesOrder: ({ event }) => !!namedOrder(event),
    /** Looking up found nothing: no request with the key arrived, so sending it again cannot pay twice. */
    neverArrived: ({ context, event }) => context.ask === 'lookup' && errorOf(event).code === 'not_found',
    /**
     * Out of retries while the order may exist: never end as failed, or the user could pay again under a new key.
     * A problem answered to the attempt itself is certain; one answered to a look-up or a confirmation says nothing of the payment.
     */
    mayExist: ({ context, event }) => context.ask !== 'send' || outcomeUnknown(errorOf(event)),
    paid: ({ context }) => context.order!.status === 'completed' || context.order!.status === 'processing',
    failed: ({ context }) => context.order!.status === 'failed',
    redirectDone: ({ context }) => context.resumed && context.order!.nextAction?.type === 'redirect',
  },
  actions: {
    report: sendParent(({ context }, state: OrderState): OrderStateEvent => ({ type: 'ORDER_STATE', state, error: context.error })),
    /** After a failure that may have taken effect, the next request looks the attempt up instead of sending it again. */
    backOff: assign(({ context, event }) => {
      const error = errorOf(event);
      const tries = context.tries + 1;
      const delayMs = error.retryAfter !== undefined ? Math.min(error.retryAfter, MAX_RETRY_AFTER_S) * 1000 : backoffMs(context.retry, tries);
      const unknown = context.unknown || outcomeUnknown(error);
      return { tries, delayMs, unknown, error, ask: context.ask === 'send' && unknown ? ('lookup' as const) : context.ask };
    }),
  },
}).createMachine({
  id: 'placeOrder',
  context: ({ input }) => ({ ...input, tries: 0, delayMs: 0, ask: input.unknown ? 'lookup' : 'send', resumed: input.unknown }),
  initial: 'asking',
  output: ({ context }) => context.outcome!,
  states: {
    /** One request: send the attempt, look it up, or confirm its order. */
    asking: {
      entry: [assign({ error: undefined }), { type: 'report', params: ({ context }) => (context.ask === 'send' && !context.unknown ? 'placing' : 'confirming') }],
      after: {
        timeout: [
          {
            guard: 'triesLeft',
            target: 'waiting',
            actions: assign(({ context }) => ({
              tries: context.tries + 1,
              delayMs: backoffMs(context.retry, context.tries + 1),
              unknown: true,
              ask: context.ask === 'send' ? ('lookup' as const) : context.ask,
            })),
          },
          { target: 'unconfirmed', actions: assign(({ context }) => ({ unknown: true, ask: context.ask === 'send' ? ('lookup' as const) : context.ask })) },
        ],
      },
      invoke: {
        src: 'request',
        input: ({ context }) => context,
        onDone: { target: 'following', actions: assign({ order: ({ event }) => event.output }) },
        onError: [
          { guard: 'neverArrived', target: 'asking', reenter: true, actions: assign({ ask: 'send' }) },
          { guard: 'requote', target: 'settled', actions: assign({ outcome: ({ event }) => ({ result: 'requote' as const, reason: errorOf(event).code === 'quote_changed' ? ('quote_changed' as const) : ('quote_expired' as const) }) }) },
          // Paid already, or being paid by an attempt the server names: follow that order.
          { guard: 'namesOrder', target: 'following', actions: assign({ order: ({ event }) => namedOrder(event) }) },
          { guard: 'retryable', target: 'waiting', actions: 'backOff' },
          { guard: 'mayExist', target: 'unconfirmed', actions: assign(({ context, event }) => ({ error: errorOf(event), unknown: true, ask: context.ask === 'send' ? ('lookup' as const) : context.ask })) },
          { target: 'settled', actions: assign({ outcome: ({ event }) => ({ result: 'failed' as const, error: errorOf(event) }) }) },
        ],
      },
    },
    /** Where the order stands decides what comes next. */
    following: {
      always: [
        { guard: 'paid', target: 'settled', actions: assign({ outcome: ({ context }) => ({ result: 'placed' as const, order: context.order! }) }) },
        { guard: 'failed', target: 'settled', actions: assign({ outcome: ({ context }) => ({ result: 'failed' as const, error: failureOf(context.order!) }) }) },
        // Back from the bank's page: its answer is with the server; sending the buyer there again would loop.
        { guard: 'redirectDone', target: 'asking', actions: assign({ ask: 'confirm', tries: 0, resumed: false }) },
        { target: 'authenticating' },
      ],
    },
    /** The provider runs the bank's challenge; passed, failed or abandoned, the server then says how the payment stands. */
    authenticating: {
      entry: { type: 'report', params: 'authenticating' },
      invoke: {
        src: 'authenticate',
        input: ({ context }) => ({ provider: context.provider, action: context.order!.nextAction, allowed: context.allowedOrigins }),
        onDone: { target: 'asking', actions: assign({ ask: 'confirm', tries: 0, resumed: false }) },
        onError: { target: 'asking', actions: assign({ ask: 'confirm', tries: 0, resumed: false }) },
      },
    },
    /** Waits before asking again with the same key. */
    waiting: {
      entry: { type: 'report', params: ({ context }) => (context.unknown || context.ask !== 'send' ? 'confirming' : 'placing') },
      after: { wait: 'asking' },
    },
    /** The retries ran out and the order may exist: only asking again with the same key is offered. */
    unconfirmed: {
      entry: { type: 'report', params: 'unconfirmed' },
      on: { CHECK_AGAIN: { target: 'asking', actions: assign({ tries: 0 }) } },
    },
    settled: { type: 'final' },
  },
});
