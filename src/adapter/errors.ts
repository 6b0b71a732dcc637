import type { ErrorCode } from './error-codes.js';
import type { Order } from '../contract/types.js';

/** A field the backend rejected, as named in a problem's `errors`. */
export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/**
 * Every failure the widget can meet, with a stable `code`: one of the contract's
 * problem codes or the widget's own (src/adapter/error-codes.ts classifies them
 * all), or a code from a newer server, which that table classes by `status`.
 */
export class BillingError extends Error {
  override name = 'BillingError';
  readonly code: ErrorCode | (string & {});
  readonly status: number;
  readonly fieldErrors: FieldError[];
  /** Seconds, from a `Retry-After` header. */
  readonly retryAfter?: number;
  /** Why a payment was declined (the contract's DeclineCode, or a newer one). */
  readonly declineCode?: string;
  /** The order a 409 `quote_already_paid` or `order_in_progress` names. */
  readonly order?: Order;
  /** The error body was not a problem document (a gateway's page, say): only the status is known, not what the server did. */
  readonly opaque: boolean;

  constructor(
    code: ErrorCode | (string & {}),
    message: string,
    init: { status?: number; fieldErrors?: FieldError[]; retryAfter?: number; declineCode?: string; order?: Order; opaque?: boolean } = {},
  ) {
    super(message);
    this.code = code;
    this.status = init.status ?? 0;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    this.declineCode = init.declineCode;
    this.order = init.order;
    this.opaque = !!init.opaque;
  }
}

export const isBillingError = (e: unknown): e is BillingError => e instanceof BillingError;

/** Maps anything thrown to a BillingError so the machine handles one shape. */
export function toBillingError(e: unknown): BillingError {
  if (e instanceof BillingError) return e;
  if (e instanceof DOMException && e.name === 'AbortError') return new BillingError('aborted', 'The request was cancelled.');
  return new BillingError('network', e instanceof Error ? e.message : String(e));
}
