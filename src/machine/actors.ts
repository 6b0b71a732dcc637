import { fromPromise } from 'xstate';
import type { BillingAdapter, CallOptions, PaymentProvider } from '../adapter/billing-adapter.js';
import { BillingError } from '../adapter/errors.js';
import type { Cart, CartItemInput, PaymentMethod, Quote, Trial, VatVerdict } from '../contract/types.js';
import { placeOrderMachine } from './place-order.machine.js';
import type { CheckoutContext, Loaded } from './types.js';

/** Every request's input: the adapter and the locale, and what the call itself needs. */
type Io<T = object> = T & { adapter: BillingAdapter; locale: string };

/** The one input helper: `input: io()` or `input: io(({ context, event }) => ({ itemId: … }))`. */
export const io =
  <T extends object = object, E = unknown>(more?: (args: { context: CheckoutContext; event: E }) => T) =>
  (args: { context: CheckoutContext; event: E }): Io<T> => ({
    adapter: args.context.adapter,
    locale: args.context.locale,
    ...(more?.(args) as T),
  });

const call = <T, I extends object = object>(run: (input: Io<I>, options: CallOptions) => Promise<T>) =>
  fromPromise<T, Io<I>>(({ input, signal }) => run(input, { signal, locale: input.locale }));

/** A provider's failure, in its own words (they are the host's, not the backend's), as the payment field's error. */
async function fromProvider<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new BillingError('payment_method_failed', e instanceof Error ? e.message : String(e));
  }
}

export const actors = {
  load: call<Loaded>(async ({ adapter }, o) => {
    // In parallel: the account decides the gates, so its failure wins.
    const [account, catalog, cart] = await Promise.allSettled([adapter.getAccount(o), adapter.getCatalog(o), adapter.getCart(o)]);
    if (account.status === 'rejected') throw account.reason;
    // A corporate account or a plain user never sees the catalog, so its failure does not matter.
    if (account.value.kind === 'corporate' || account.value.viewer.role !== 'billing-contact') {
      return { account: account.value, catalog: { currency: account.value.currency, products: [] }, cart: { id: '', items: [] } };
    }
    if (catalog.status === 'rejected') throw catalog.reason;
    if (cart.status === 'rejected') throw cart.reason;
    return { account: account.value, catalog: catalog.value, cart: cart.value };
  }),
  /** One change, one key: Try again after a lost answer sends the same key, so the server makes the change once. */
  saveItem: call<Cart, { item: CartItemInput; itemId?: string; key: string }>(({ adapter, item, itemId, key }, o) =>
    itemId ? adapter.updateCartItem(itemId, item, { ...o, idempotencyKey: key }) : adapter.addCartItem(item, { ...o, idempotencyKey: key }),
  ),
  loadCart: call<Cart>(({ adapter }, o) => adapter.getCart(o)),
  removeItem: call<Cart, { itemId: string; key: string }>(({ adapter, itemId, key }, o) => adapter.removeCartItem(itemId, { ...o, idempotencyKey: key })),
  quote: call<Quote, { vatId: string | null; promotionCode: string | null }>(({ adapter, vatId, promotionCode }, o) =>
    adapter.createQuote(promotionCode ? { vatId, promotionCode } : { vatId }, o),
  ),
  validateVat: call<VatVerdict, { vatId: string }>(({ adapter, vatId }, o) => adapter.validateVatId({ vatId }, o)),
  /**
   * Saves what the buyer entered in the provider's fields: through a setup the provider confirms (it may challenge
   * the buyer), which gives renewals a mandate, or from a version-1 provider's token.
   */
  addMethod: call<PaymentMethod, { provider?: PaymentProvider }>(async ({ adapter, provider }, o) => {
    if (provider?.confirmSetup) {
      const setup = await adapter.setupPaymentMethod({}, o);
      await fromProvider(() => provider.confirmSetup!(setup.clientSecret));
      return adapter.addPaymentMethod({ setupId: setup.id }, o);
    }
    if (provider?.tokenize) return adapter.addPaymentMethod({ token: await fromProvider(() => provider.tokenize!()) }, o);
    throw new BillingError('payment_method_failed', 'No payment provider can save a method here.');
  }),
  startTrial: call<Trial, { item: CartItemInput }>(({ adapter, item }, o) =>
    adapter.startTrial({ productId: item.productId, tierId: item.tierId, seats: item.seats }, o),
  ),
  placeOrder: placeOrderMachine,
};
