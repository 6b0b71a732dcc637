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

// The hosts where plain http is still allowed for a URL from the backend: a developer's machine.
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin an allow-list entry names (`'https://billing.example.com'`, normalized), or null when
 * the entry is not an origin: not an absolute URL, another scheme, credentials, a path (other than a
 * bare `/`), a query or a fragment. Such an entry allows nothing.
 */
export function allowedOrigin(entry: string): string | null {
  if (typeof entry !== 'string') return null;
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return null;
  }
  const plain = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  return plain && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : null;
}

/**
 * A URL from the backend made safe to render as a link or an image, or null: the only URLs the
 * widget puts in an `href` or a `src` (`corporatePortalUrl`, `assignLicensesUrl`, `iconUrl`).
 * The schemas take any string for a URL, so a bad link costs the link, not the whole account.
 *
 * - Absolute only: a relative URL (`/users`, `//host/users`) is refused, as the page it would
 *   resolve against is the host's, not the backend's.
 * - `https:` only; plain `http:` only on the loopback hosts `localhost`, `127.0.0.1` and `[::1]`.
 *   Every other scheme (`javascript:`, `data:`, `blob:`, `file:` …) is refused.
 * - No credentials (`https://user:pw@host/` is refused).
 * - With a non-empty `allowedOrigins` (origins such as `'https://billing.example.com'`, set by the
 *   host), only a URL whose origin is in the list passes; an entry that is not an origin (see
 *   allowedOrigin()) matches nothing, so a list of only such entries lets nothing through. The list
 *   narrows the rules above, never widens them: listing `http://billing.example.com` does not allow
 *   plain http there.
 *
 * Returns the normalized `href` (`HTTPS://Example.COM` → `https://example.com/`), never the input.
 */
export function safeUrl(value: string | null | undefined, allowedOrigins?: readonly string[] | null): string | null {
  if (typeof value !== 'string' || !value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) return null;
  if (allowedOrigins && allowedOrigins.length > 0 && !allowedOrigins.some((entry) => allowedOrigin(entry) === url.origin)) return null;
  return url.href;
}
