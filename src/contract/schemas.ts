import * as v from 'valibot';
import { BillingError } from '../adapter/errors.js';
import * as gen from './generated/valibot.gen.js';
import type {
  Account,
  Cart,
  Catalog,
  Money,
  Order,
  PaymentMethod,
  PaymentSetup,
  Problem,
  Product,
  Quote,
  SeatRange,
  Tier,
  Trial,
  VatVerdict,
} from './types.js';

// Runtime checks of response bodies, generated from contract/billing-api.yaml
// (src/contract/generated/, by `npm run gen:contract` with openapi-ts.config.mjs:
// loose objects, so a backend may add fields; email and URL formats not enforced).
// Each is annotated with its contract type, the type-level proof that what
// passes validation is assignable to src/contract/types.ts.

type Schema<T> = v.GenericSchema<unknown, T>;

export const MoneySchema: Schema<Money> = gen.vMoney;
export const PaymentMethodSchema: Schema<PaymentMethod> = gen.vPaymentMethod;
export const AccountSchema: Schema<Account> = gen.vAccount;
export const SeatRangeSchema: Schema<SeatRange> = gen.vSeatRange;
export const TierSchema: Schema<Tier> = gen.vTier;
export const ProductSchema: Schema<Product> = gen.vProduct;
export const CatalogSchema: Schema<Catalog> = gen.vCatalog;
export const CartSchema: Schema<Cart> = gen.vCart;
export const QuoteSchema: Schema<Quote> = gen.vQuote;
// Lines an older server sends in another shape cost the recap, never a placed order.
export const OrderSchema: Schema<Order> = v.looseObject({ ...gen.vOrder.entries, lines: v.fallback(gen.vOrder.entries.lines, []) });
export const PaymentSetupSchema: Schema<PaymentSetup> = gen.vPaymentSetup;
export const TrialSchema: Schema<Trial> = gen.vTrial;
export const VatVerdictSchema: Schema<VatVerdict> = gen.vVatVerdict;
export const ProblemSchema: Schema<Problem> = gen.vProblem;

/** Validates `data`; a mismatch is the backend's fault, so it becomes `invalid_response`. */
export function parse<T>(schema: Schema<T>, data: unknown, what: string): T {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const at = v.getDotPath(issue);
  throw new BillingError('invalid_response', `Invalid ${what}${at ? ` at ${at}` : ''}: ${issue.message}`);
}

/**
 * The URL when it is absolute http(s), else null: the only URLs the widget renders as links or images.
 * The schemas take any string for a URL, so a bad link costs the link, not the whole account.
 */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
