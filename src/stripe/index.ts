/**
 * `checkout-wizard/stripe`: Stripe as the widget's payment provider. Importing it has no side
 * effect: Stripe.js (`@stripe/stripe-js`, an optional peer dependency) loads from js.stripe.com
 * only when the payment step first needs it. See docs/stripe.md.
 */
export {
  StripeProvider,
  StripeProviderError,
  createStripeProvider,
  toStripeAppearance,
  toStripeLocale,
  type StripeClient,
  type StripeElementsLike,
  type StripeLoader,
  type StripePaymentElementLike,
  type StripeProviderOptions,
} from './stripe-provider.js';
