import * as v from 'valibot';
import { BillingError } from '../adapter/errors.js';
import type {
  Account,
  Cart,
  Catalog,
  Money,
  Order,
  PaymentMethod,
  Problem,
  Product,
  Quote,
  SeatRange,
  Tier,
  Trial,
  VatVerdict,
} from './types.js';

// Runtime checks of response bodies against contract/billing-api.yaml.
// Objects are loose so a backend may add fields without breaking the widget;
// each schema is annotated with its contract type, which is the type-level
// proof that what passes validation is assignable to src/contract/types.ts.

type Schema<T> = v.GenericSchema<unknown, T>;

const str = v.string();
const int = v.pipe(v.number(), v.integer());
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const currency = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/));
const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const term = v.picklist(['monthly', 'annual']);
// URLs are only strings here: safeUrl() decides what may be rendered.
const url = v.nullish(v.string());

export const MoneySchema: Schema<Money> = v.looseObject({ amount: int, currency });

export const PaymentMethodSchema: Schema<PaymentMethod> = v.looseObject({
  id: str,
  type: v.picklist(['card', 'sepa_debit', 'paypal']),
  label: str,
  expires: v.nullish(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/))),
  isDefault: v.boolean(),
});

export const AccountSchema: Schema<Account> = v.looseObject({
  id: str,
  name: str,
  kind: v.picklist(['self-service', 'corporate']),
  corporatePortalUrl: url,
  viewer: v.looseObject({ name: str, email: str, role: v.picklist(['billing-contact', 'user']) }),
  billingCountry: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
  currency,
  vatId: v.nullish(str),
  billingEmail: v.optional(str),
  paymentMethods: v.array(PaymentMethodSchema),
  subscriptions: v.array(v.looseObject({ productId: str, tierId: str, seats: int, term })),
  trialsUsed: v.array(str),
  assignLicensesUrl: url,
});

export const SeatRangeSchema: Schema<SeatRange> = v.looseObject({
  min: positive,
  max: positive,
  step: v.optional(positive, 1),
});

export const TierSchema: Schema<Tier> = v.looseObject({
  id: str,
  name: str,
  description: v.optional(str),
  features: v.optional(v.array(str)),
  recommended: v.optional(v.boolean()),
  seats: SeatRangeSchema,
  prices: v.looseObject({ monthly: MoneySchema, annual: MoneySchema }),
});

export const ProductSchema: Schema<Product> = v.looseObject({
  id: str,
  name: str,
  description: v.optional(str),
  iconUrl: url,
  trial: v.nullish(v.looseObject({ days: positive, seats: SeatRangeSchema })),
  tiers: v.pipe(v.array(TierSchema), v.minLength(1)),
});

export const CatalogSchema: Schema<Catalog> = v.looseObject({ currency, products: v.array(ProductSchema) });

export const CartSchema: Schema<Cart> = v.looseObject({
  id: str,
  items: v.array(v.looseObject({ id: str, productId: str, tierId: str, seats: positive, term })),
});

export const QuoteSchema: Schema<Quote> = v.looseObject({
  id: str,
  expiresAt: v.pipe(v.string(), v.isoTimestamp()),
  currency,
  billingDate: date,
  lines: v.array(
    v.looseObject({
      itemId: str,
      productName: str,
      tierName: str,
      seats: int,
      term,
      unitAmount: MoneySchema,
      amount: MoneySchema,
      periodStart: date,
      periodEnd: date,
    }),
  ),
  subtotal: MoneySchema,
  tax: v.looseObject({ rateBasisPoints: int, amount: MoneySchema, reverseCharge: v.boolean(), vatId: v.nullish(str) }),
  total: MoneySchema,
});

// The contract leaves order lines as bare objects (generated as Record<string, never>).
const anyObject = v.custom<Record<string, never>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x));

export const OrderSchema: Schema<Order> = v.looseObject({
  id: str,
  quoteId: str,
  status: v.picklist(['completed']),
  total: MoneySchema,
  billingDate: date,
  confirmationEmail: str,
  lines: v.array(anyObject),
});

export const TrialSchema: Schema<Trial> = v.looseObject({
  id: str,
  productId: str,
  tierId: str,
  seats: int,
  endsAt: date,
  welcomeEmail: str,
});

export const VatVerdictSchema: Schema<VatVerdict> = v.looseObject({
  vatId: str,
  status: v.picklist(['valid', 'invalid', 'unavailable']),
  name: v.nullish(str),
  address: v.nullish(str),
});

export const ProblemSchema: Schema<Problem> = v.looseObject({
  type: str,
  title: str,
  status: int,
  detail: v.optional(str),
  code: str,
  errors: v.optional(v.array(v.looseObject({ field: str, code: str, message: v.optional(str) }))),
});

/** Validates `data`; a mismatch is the backend's fault, so it becomes `invalid_response`. */
export function parse<T>(schema: Schema<T>, data: unknown, what: string): T {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const at = v.getDotPath(issue);
  throw new BillingError('invalid_response', `Invalid ${what}${at ? ` at ${at}` : ''}: ${issue.message}`);
}

/** The URL when it is absolute http(s), else null: the only URLs the widget renders as links or images. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
