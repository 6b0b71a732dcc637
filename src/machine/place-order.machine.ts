import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { BillingAdapter } from '../adapter/billing-adapter.js';
import { BillingError, toBillingError } from '../adapter/errors.js';
import { isRetryable, needsRequote, outcomeUnknown } from '../adapter/error-codes.js';
import type { Order } from '../contract/types.js';
import type { Attempt } from './persist.js';
import type { OrderState, OrderStateEvent, RetryPolicy } from './types.js';


export interface PlaceOrderInput {
  adapter: BillingAdapter;
  locale: string;
  attempt: Attempt;
  retry: RetryPolicy;
  /** How long one request may take before its outcome counts as unknown, in ms. */
  timeoutMs: number;
  /** The attempt may already have reached the server (a reload while it was under way). */
  unknown: boolean;
}

export type PlaceOrderOutput =
  | { result: 'placed'; order: Order }
  | { result: 'requote'; reason: 'quote_expired' | 'quote_changed' }
  | { result: 'failed'; error: BillingError };


export interface PlaceOrderContext extends PlaceOrderInput {
  tries: number;
  delayMs: number;
  error?: BillingError;
  outcome?: PlaceOrderOutput;
}

/** Exponential backoff, capped, with jitter so many widgets do not retry in step. */
export const backoffMs = (retry: RetryPolicy, tries: number) =>
  Math.round(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (tries - 1)) * (0.5 + Math.random() / 2));

/** The longest wait a server's Retry-After may impose, in seconds. */
export const MAX_RETRY_AFTER_S = 60;

const errorOf = (event: unknown) => toBillingError((event as { error?: unknown }).error);

/**
 * Places one attempt: one quote, one method, one idempotency key, which every
 * retry keeps. It retries what may succeed on a second try, waits out
 * Retry-After, and counts a request that takes too long as one whose outcome
 * is unknown; then only asking again with the same key is offered. It ends
 * when the server has answered for certain.
 */
export const placeOrderMachine = setup({
  types: {} as { context: PlaceOrderContext; input: PlaceOrderInput; output: PlaceOrderOutput; events: { type: 'CHECK_AGAIN' } },
  actors: {
    send: fromPromise<Order, PlaceOrderInput>(({ input, signal }) =>
      input.adapter.placeOrder(
        { quoteId: input.attempt.quoteId, paymentMethodId: input.attempt.paymentMethodId },
        input.attempt.key,
        { signal, locale: input.locale },
      ),
    ),
  },
  delays: {
    timeout: ({ context }) => context.timeoutMs,
    wait: ({ context }) => context.delayMs,
  },
  guards: {
    triesLeft: ({ context }) => context.tries < context.retry.retries,
    retryable: ({ context, event }) => isRetryable(errorOf(event)) && context.tries < context.retry.retries,
    requote: ({ event }) => needsRequote(errorOf(event)),
    /** Out of retries while the order may exist: never end as failed, or the user could pay again under a new key. */
    mayExist: ({ context, event }) => {
      const error = errorOf(event);
      return isRetryable(error) && (context.unknown || outcomeUnknown(error));
    },
  },
  actions: {
    report: sendParent(({ context }, state: OrderState): OrderStateEvent => ({ type: 'ORDER_STATE', state, error: context.error })),
  },
}).createMachine({
  id: 'placeOrder',
  context: ({ input }) => ({ ...input, tries: 0, delayMs: 0 }),
  initial: 'sending',
  output: ({ context }) => context.outcome!,
  states: {
    sending: {
      entry: [assign({ error: undefined }), { type: 'report', params: ({ context }) => (context.unknown ? 'confirming' : 'placing') }],
      after: {
        timeout: [
          {
            guard: 'triesLeft',
            target: 'waiting',
            actions: assign(({ context }) => ({ tries: context.tries + 1, delayMs: backoffMs(context.retry, context.tries + 1), unknown: true })),
          },
          { target: 'unconfirmed', actions: assign({ unknown: true }) },
        ],
      },
      invoke: {
        src: 'send',
        input: ({ context }) => context,
        onDone: { target: 'settled', actions: assign({ outcome: ({ event }) => ({ result: 'placed' as const, order: event.output }) }) },
        onError: [
          {
            guard: 'requote',
            target: 'settled',
            actions: assign({
              outcome: ({ event }) => ({
                result: 'requote' as const,
                reason: errorOf(event).code === 'quote_changed' ? ('quote_changed' as const) : ('quote_expired' as const),
              }),
            }),
          },
          {
            guard: 'retryable',
            target: 'waiting',
            // Waits longer after each failure; a Retry-After wins, up to a cap.
            actions: assign(({ context, event }) => {
              const error = errorOf(event);
              const tries = context.tries + 1;
              const delayMs =
                error.retryAfter !== undefined ? Math.min(error.retryAfter, MAX_RETRY_AFTER_S) * 1000 : backoffMs(context.retry, tries);
              return { tries, delayMs, unknown: context.unknown || outcomeUnknown(error), error };
            }),
          },
          { guard: 'mayExist', target: 'unconfirmed', actions: assign({ error: ({ event }) => errorOf(event), unknown: true }) },
          { target: 'settled', actions: assign({ outcome: ({ event }) => ({ result: 'failed' as const, error: errorOf(event) }) }) },
        ],
      },
    },
    /** Waits before asking again with the same key. */
    waiting: {
      entry: { type: 'report', params: ({ context }) => (context.unknown ? 'confirming' : 'placing') },
      after: { wait: 'sending' },
    },
    /** The retries ran out and the order may exist: only asking again with the same key is offered. */
    unconfirmed: {
      entry: { type: 'report', params: 'unconfirmed' },
      on: { CHECK_AGAIN: { target: 'sending', actions: assign({ tries: 0 }) } },
    },
    settled: { type: 'final' },
  },
});
