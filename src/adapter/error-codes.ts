import type { ProblemCode } from '../contract/types.js';
import type { Messages } from '../i18n/en.js';

/**
 * Every error code the widget knows and what it means for the flow: the one
 * place that says which failures are retried, which may hide a placed order,
 * which field or gate they belong to and which message they show.
 */

/** Codes the widget gives failures that bring no problem document. */
export type ClientCode =
  | 'network' // no response at all
  | 'timeout' // no response in time
  | 'invalid_response' // a body that does not fit the contract
  | 'aborted' // cancelled by the widget
  | 'payment_method_failed' // the payment provider could not make a token
  | 'payment_method_required'; // paying with no method chosen

/** The contract's problem codes (ProblemCode, generated) and the widget's own. */
export type ErrorCode = ProblemCode | ClientCode;

/** The gate steps a failure can lead to (the step table's gates; steps.ts checks they agree). */
export type Gate = 'signed-out' | 'corporate' | 'forbidden' | 'unavailable';

/** The form fields a failure can belong to, named as the contract names them in a problem's `errors`. */
export type Field = 'seats' | 'vatId' | 'paymentMethodId' | 'promotionCode';

export type MessageKey = keyof Messages['errors'];

export interface ErrorClass {
  /** Asking again, with the same idempotency key, may succeed. */
  readonly retry?: true;
  /** The request may have taken effect although no answer said so: an order may exist. Every 5xx is one: a gateway's 504 may hide a charge. */
  readonly unknown?: true;
  /** The form field it belongs to: the step shows it there, not as an alert. */
  readonly field?: Field;
  /** The gate it leads to. A failure to load that names no gate shows `unavailable`. */
  readonly gate?: Gate;
  /** When paying: the quote is stale or gone, so price the cart again before paying. */
  readonly requote?: true;
  /** Its text in the locale's `errors` messages. */
  readonly message: MessageKey;
}

const CODES = {
  // The contract's problem codes.
  bad_request: { message: 'generic' },
  idempotency_key_missing: { message: 'generic' },
  unauthenticated: { gate: 'signed-out', message: 'generic' },
  payment_declined: { field: 'paymentMethodId', message: 'payment_declined' },
  forbidden_role: { gate: 'forbidden', message: 'generic' },
  corporate_account: { gate: 'corporate', message: 'generic' },
  not_found: { requote: true, message: 'generic' },
  conflict: { message: 'generic' },
  quote_expired: { requote: true, message: 'generic' },
  quote_changed: { requote: true, message: 'generic' },
  idempotency_in_progress: { retry: true, unknown: true, message: 'generic' },
  quote_already_paid: { message: 'generic' },
  order_in_progress: { retry: true, unknown: true, message: 'generic' },
  trial_already_used: { message: 'trial_already_used' },
  already_subscribed: { message: 'already_subscribed' },
  validation_failed: { message: 'generic' },
  seats_out_of_range: { field: 'seats', message: 'seats_out_of_range' },
  invalid_vat_id: { field: 'vatId', message: 'invalid_vat_id' },
  promotion_code_invalid: { field: 'promotionCode', message: 'promotion_code_invalid' },
  promotion_code_expired: { field: 'promotionCode', message: 'promotion_code_expired' },
  promotion_code_not_applicable: { field: 'promotionCode', message: 'promotion_code_not_applicable' },
  idempotency_key_reused: { message: 'generic' },
  rate_limited: { retry: true, message: 'generic' },
  internal: { retry: true, unknown: true, message: 'unavailable' },
  unavailable: { retry: true, unknown: true, message: 'unavailable' },
  // The widget's own.
  network: { retry: true, unknown: true, message: 'network' },
  timeout: { retry: true, unknown: true, message: 'unavailable' },
  invalid_response: { retry: true, unknown: true, message: 'invalid_response' },
  aborted: { message: 'generic' },
  payment_method_failed: { field: 'paymentMethodId', message: 'generic' },
  payment_method_required: { field: 'paymentMethodId', message: 'payment_method_required' },
} as const satisfies Record<ErrorCode, ErrorClass>;

// The generic code of each status, for an error body that is not a problem and for a code newer than this table.
const STATUS_CODES: Readonly<Record<number, ProblemCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  402: 'payment_declined',
  403: 'forbidden_role',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** The generic problem code of an HTTP error status. */
export const codeForStatus = (status: number): ProblemCode => STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');

const UNCLASSIFIED: ErrorClass = { message: 'generic' };

/** What the classification reads from a failure; a BillingError is one. */
export interface Failure {
  readonly code: string;
  /** The HTTP status; 0 or absent when there was no response. */
  readonly status?: number;
  readonly fieldErrors?: readonly { readonly field: string }[];
  /** The error body was not a problem document: what the server did is not known. */
  readonly opaque?: boolean;
}

/** Own properties only: a code such as `constructor` or `__proto__` is just a code nobody knows. */
export const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(CODES, code);

/**
 * A failure's class. A code this version does not know (a newer server's, which
 * the contract allows) is classed by its HTTP status, as the status's generic code.
 */
export function classify({ code, status = 0 }: Failure): ErrorClass {
  if (isKnownCode(code)) return CODES[code];
  return status ? CODES[codeForStatus(status)] : UNCLASSIFIED;
}

/** Asking again may succeed: the network, the server, a twin request still running, a rate limit, an answer nobody can read. */
export const isRetryable = (failure: Failure): boolean => !!classify(failure).retry || !!failure.opaque;

/**
 * The request may have taken effect: after placing an order, it may exist, so never pay again with a new key.
 * Every 5xx, every answer that is not a problem document, a timeout and a lost connection.
 */
export const outcomeUnknown = (failure: Failure): boolean => !!classify(failure).unknown || !!failure.opaque;

/** When paying: price the cart again (the quote expired, changed or is gone). */
export const needsRequote = (failure: Failure): boolean => !!classify(failure).requote;

/** The gate the failure leads to, if any. */
export const gateOf = (failure: Failure): Gate | undefined => classify(failure).gate;

const FIELDS: ReadonlySet<string> = new Set<Field>(['seats', 'vatId', 'paymentMethodId', 'promotionCode']);

/** The form field the failure belongs to: its code's, else the first of its field errors that names a form field. */
export function fieldOf(failure: Failure): Field | undefined {
  return classify(failure).field ?? (failure.fieldErrors?.find((f) => FIELDS.has(f.field))?.field as Field | undefined);
}

/** The key of the failure's text in the locale's `errors` messages. */
export const messageKey = (failure: Failure): MessageKey => classify(failure).message;

export type DeclineKey = keyof Messages['declines'];

/** A decline code's message: its own where the locale has one (own entries only, so `constructor` is just unknown), else the generic one. */
export const declineKey = (declines: Messages['declines'], code: string | undefined): DeclineKey =>
  code && Object.hasOwn(declines, code) ? (code as DeclineKey) : 'generic_decline';
