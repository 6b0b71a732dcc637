import type {
  Account,
  Cart,
  CartItemInput,
  Catalog,
  NextAction,
  Order,
  PaymentMethod,
  PaymentSetup,
  Quote,
  Trial,
  VatVerdict,
} from '../contract/types.js';

/** Per-call options: every call can be cancelled and carries the widget's locale. */
export interface CallOptions {
  signal?: AbortSignal;
  /** BCP 47; HTTP adapters send it as `Accept-Language`. */
  locale?: string;
  /** For cart changes: sent as `Idempotency-Key`, the same on every retry of one change. */
  idempotencyKey?: string;
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
  createQuote(body: { vatId: string | null; promotionCode?: string | null }, options?: CallOptions): Promise<Quote>;
  /** Resolves to the order in any status (`requires_action` and `processing` included); a decline rejects (402). */
  placeOrder(
    body: { quoteId: string; paymentMethodId: string },
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<Order>;
  /** The order an attempt made, found by its key without paying; `not_found` when no request with the key arrived. */
  lookupOrder(idempotencyKey: string, options?: CallOptions): Promise<Order>;
  getOrder(orderId: string, options?: CallOptions): Promise<Order>;
  /** Settles an order after its next action (a challenge passed, failed or abandoned); idempotent. */
  confirmOrder(orderId: string, options?: CallOptions): Promise<Order>;
  startTrial(body: { productId: string; tierId: string; seats: number }, options?: CallOptions): Promise<Trial>;
  /** Starts saving a payment method: the provider confirms the setup with its client secret. */
  setupPaymentMethod(body: { type?: PaymentMethod['type'] }, options?: CallOptions): Promise<PaymentSetup>;
  /** Attaches a method from a confirmed setup (`setupId`), or from a provider's token (`token`, contract 1.0). */
  addPaymentMethod(body: { setupId?: string; token?: string; makeDefault?: boolean }, options?: CallOptions): Promise<PaymentMethod>;
  validateVatId(body: { vatId: string }, options?: CallOptions): Promise<VatVerdict>;
}

/** What a payment provider's fields are mounted with. */
export interface PaymentMountOptions {
  /** The amount the order will cost, in minor units (the quote's total), when one is known. */
  amount?: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** The widget's locale (BCP 47), for the provider's own texts. */
  locale: string;
  /** The widget's theme, read from its `--cw-*` tokens, so the provider's fields look like the widget's. */
  theme: PaymentTheme;
}

/** The widget's look, as CSS values, for a provider's appearance settings (Stripe's `appearance.variables`). */
export interface PaymentTheme {
  colorPrimary: string;
  colorText: string;
  colorBackground: string;
  colorDanger: string;
  colorMuted: string;
  colorBorder: string;
  fontFamily: string;
  fontSize: string;
  borderRadius: string;
  dark: boolean;
}

/**
 * A payment provider's own fields (Stripe's Payment Element, Adyen, …). The
 * widget gives it a light-DOM container slotted as `payment`, so the provider
 * mounts its iframe there; card data never passes through the widget.
 *
 * Saving a method: a provider with `confirmSetup` (version 2) confirms a setup
 * the backend created (POST /payment-methods/setup) with what the buyer
 * entered, running any 3-D Secure challenge itself; the widget then attaches
 * it by setup id, which carries the mandate for renewals. A provider with only
 * `tokenize` (version 1) yields a token for POST /payment-methods.
 *
 * Paying: when an order answers `requires_action`, the widget calls
 * `handleNextAction` and then asks the backend how the payment stands. Every
 * method rejects with an Error whose message the buyer can act on.
 */
export interface PaymentProvider {
  /** Shown above the fields, e.g. "Card". */
  readonly label?: string;
  mount(container: HTMLElement, options: PaymentMountOptions): void | Promise<void>;
  /** Version 1: a token (or a confirmation token) for POST /payment-methods, from the fields. */
  tokenize?(): Promise<string>;
  /** Version 2: confirms the setup with the fields' details; resolves once the provider has confirmed it (challenge included). */
  confirmSetup?(clientSecret: string): Promise<void>;
  /** Runs a payment's next action (a challenge, a redirect). It resolves when the buyer is done, passed or not: the backend says which. */
  handleNextAction?(action: NextAction): Promise<void>;
  /** Takes the fields down; also closes a challenge still open (the widget was removed meanwhile). Safe to call twice. */
  unmount(): void;
}
