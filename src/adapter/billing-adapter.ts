import type {
  Account,
  Cart,
  CartItemInput,
  Catalog,
  Order,
  PaymentMethod,
  Quote,
  Trial,
  VatVerdict,
} from '../contract/types.js';

/** Per-call options: every call can be cancelled and carries the widget's locale. */
export interface CallOptions {
  signal?: AbortSignal;
  /** BCP 47; HTTP adapters send it as `Accept-Language`. */
  locale?: string;
}

/**
 * The widget's only way to the billing system: one method per operation of
 * the billing contract (contract/billing-api.yaml). Implementations throw
 * `BillingError` for failures and return values that fit the contract.
 */
export interface BillingAdapter {
  getAccount(options?: CallOptions): Promise<Account>;
  getCatalog(options?: CallOptions): Promise<Catalog>;
  getCart(options?: CallOptions): Promise<Cart>;
  addCartItem(item: CartItemInput, options?: CallOptions): Promise<Cart>;
  updateCartItem(itemId: string, item: CartItemInput, options?: CallOptions): Promise<Cart>;
  removeCartItem(itemId: string, options?: CallOptions): Promise<Cart>;
  createQuote(body: { vatId: string | null }, options?: CallOptions): Promise<Quote>;
  placeOrder(
    body: { quoteId: string; paymentMethodId: string },
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<Order>;
  startTrial(body: { productId: string; tierId: string; seats: number }, options?: CallOptions): Promise<Trial>;
  addPaymentMethod(body: { token: string; makeDefault?: boolean }, options?: CallOptions): Promise<PaymentMethod>;
  validateVatId(body: { vatId: string }, options?: CallOptions): Promise<VatVerdict>;
}

/**
 * A payment provider's own fields (Stripe Elements, Adyen, …). The widget
 * gives it a light-DOM container slotted as `payment`, so the provider can
 * mount its iframe there; card data never passes through the widget, only
 * the token `tokenize` resolves to.
 */
export interface PaymentProvider {
  /** Shown above the fields, e.g. "Card". */
  readonly label?: string;
  mount(container: HTMLElement): void | Promise<void>;
  /** Resolves to a token for POST /payment-methods; rejects with a message the user can act on. */
  tokenize(): Promise<string>;
  unmount(): void;
}
