import { loadStripe } from '@stripe/stripe-js/pure';
import type {
  Appearance,
  ConfirmSetupData,
  PaymentIntentOrSetupIntentResult,
  SetupIntentResult,
  StripeConstructorOptions,
  StripeElementLocale,
  StripeElements,
  StripeElementsOptionsMode,
  StripeError,
  StripePaymentElement,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import type { PaymentMountOptions, PaymentProvider, PaymentTheme } from '../adapter/billing-adapter.js';
import type { NextAction } from '../contract/types.js';

/** The Payment Element as the provider uses it; Stripe.js's `StripePaymentElement` fits it. */
export interface StripePaymentElementLike extends Pick<StripePaymentElement, 'mount' | 'destroy'> {
  on(eventType: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeError }) => void): unknown;
}

/** An Elements group as the provider uses it; Stripe.js's `StripeElements` fits it. */
export interface StripeElementsLike extends Pick<StripeElements, 'submit'> {
  create(elementType: 'payment', options?: StripePaymentElementOptions): StripePaymentElementLike;
}

/**
 * The part of a Stripe.js instance the provider calls, in Stripe.js's own types. A `Stripe`
 * instance fits it, and the default loader's type checks that it does: when Stripe changes
 * one of these calls, `tsc` fails here.
 */
export interface StripeClient {
  elements(options: StripeElementsOptionsMode): StripeElementsLike;
  confirmSetup(options: {
    elements?: StripeElementsLike;
    clientSecret: string;
    confirmParams?: Partial<ConfirmSetupData>;
    redirect: 'if_required';
  }): Promise<SetupIntentResult>;
  handleNextAction(options: { clientSecret: string }): Promise<PaymentIntentOrSetupIntentResult>;
}

/** Loads Stripe.js and makes an instance: `loadStripe` from `@stripe/stripe-js/pure`, or a stand-in. */
export type StripeLoader = (publishableKey: string, options?: StripeConstructorOptions) => Promise<StripeClient | null>;

// Also the compile-time check that a real Stripe instance fits StripeClient.
const defaultLoader: StripeLoader = loadStripe;

export interface StripeProviderOptions {
  /** Your publishable key: `pk_live_…`, or `pk_test_…` for Stripe's test mode. */
  publishableKey: string;
  /** Connect: the connected account the setups and payments belong to (`acct_…`). */
  stripeAccount?: string;
  /**
   * Loads Stripe.js; defaults to `loadStripe` from `@stripe/stripe-js/pure`, which adds the
   * js.stripe.com script the first time the payment step needs it, not on import.
   */
  loadStripe?: StripeLoader;
  /** Where a redirect-based method (a bank's page) sends the buyer back to. Default: the page's URL at the time. */
  returnUrl?: string;
  /** Stripe appearance settings, over the ones derived from the widget's theme (`variables` merge key by key). */
  appearance?: Appearance;
  /** Fonts the Payment Element may use (its iframe cannot load the page's fonts), e.g. `[{ cssSrc: 'https://…' }]`. */
  fonts?: StripeElementsOptionsMode['fonts'];
  /** The payment method types to offer (Stripe's `allowedPaymentMethodTypes`); default: those enabled in the Dashboard. */
  paymentMethodTypes?: string[];
  /** Options for the Payment Element, over `{ layout: 'tabs' }`. */
  paymentElement?: StripePaymentElementOptions;
  /** Shown above the fields; none by default (the Payment Element names its own methods). */
  label?: string;
  /**
   * Sends the buyer to a `redirect` next action's (https) URL. Default: `location.assign`, and
   * a promise that settles only if the page comes back from the back/forward cache.
   */
  navigate?: (url: string) => void | Promise<void>;
}

/**
 * A Stripe error, or the provider's own: `message` is for the buyer; `code` is Stripe's error
 * code (`card_declined`, `setup_intent_authentication_failure`…) or the provider's
 * (`stripe_unavailable`, `payment_form_not_ready`, `invalid_next_action`); `declineCode` uses
 * the contract's words where they differ from Stripe's (`authentication_failed`, `card_expired`).
 */
export class StripeProviderError extends Error {
  readonly code?: string;
  readonly declineCode?: string;
  /** Stripe's error type (`card_error`, `validation_error`…), when Stripe raised it. */
  readonly type?: string;

  constructor(message: string, details: { code?: string; declineCode?: string; type?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StripeProviderError';
    this.code = details.code;
    this.declineCode = details.declineCode;
    this.type = details.type;
  }
}

// Every locale Stripe's Elements know; `satisfies` keeps this list equal to Stripe's type.
const STRIPE_LOCALES = {
  auto: 1, ar: 1, bg: 1, cs: 1, da: 1, de: 1, el: 1, en: 1, 'en-AU': 1, 'en-CA': 1, 'en-NZ': 1, 'en-GB': 1, es: 1,
  'es-ES': 1, 'es-419': 1, et: 1, fi: 1, fil: 1, fr: 1, 'fr-CA': 1, 'fr-FR': 1, he: 1, hu: 1, hr: 1, id: 1, it: 1,
  'it-IT': 1, ja: 1, ko: 1, lt: 1, lv: 1, ms: 1, mt: 1, nb: 1, nl: 1, no: 1, pl: 1, pt: 1, 'pt-BR': 1, ro: 1, ru: 1,
  sk: 1, sl: 1, sv: 1, th: 1, tr: 1, vi: 1, zh: 1, 'zh-HK': 1, 'zh-TW': 1,
} satisfies Record<StripeElementLocale, 1>;

const isStripeLocale = (tag: string): tag is StripeElementLocale => Object.hasOwn(STRIPE_LOCALES, tag);

// Spanish in Spain and Africa stays `es`; any other region gets Latin American Spanish (as the widget's own locales do).
const SPAIN: ReadonlySet<string> = /* @__PURE__ */ new Set(['ES', 'GQ', 'EA', 'IC']);

/**
 * The Stripe Elements locale for a BCP 47 tag: the language and region when Stripe has them
 * (`en-GB`, `pt-BR`), else the language (`de-AT` → `de`), with Chinese by script and region
 * and Latin American Spanish as `es-419`; `auto` (the browser's language) when Stripe has none.
 */
export function toStripeLocale(tag: string): StripeElementLocale {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(Intl.getCanonicalLocales(tag)[0] ?? '');
  } catch {
    return 'auto';
  }
  const { language, script, region } = locale;
  if (language === 'zh') {
    if (script === 'Hans') return 'zh';
    if (region === 'HK' || region === 'MO') return 'zh-HK';
    return script === 'Hant' || region === 'TW' ? 'zh-TW' : 'zh';
  }
  const regional = region ? `${language}-${region}` : language;
  if (isStripeLocale(regional)) return regional;
  if (language === 'es' && region && !SPAIN.has(region)) return 'es-419';
  if (language === 'nn') return 'nb';
  if (language === 'tl') return 'fil';
  return isStripeLocale(language) ? language : 'auto';
}

/**
 * Stripe appearance settings that match the widget's theme: `night` on a dark theme, `stripe`
 * otherwise, and the theme's colours, font and radius as variables; `overrides` win (their
 * `variables` merge key by key). Empty theme values are left out.
 */
export function toStripeAppearance(theme: PaymentTheme, overrides: Appearance = {}): Appearance {
  const fromTheme: NonNullable<Appearance['variables']> = {
    colorPrimary: theme.colorPrimary,
    colorText: theme.colorText,
    colorBackground: theme.colorBackground,
    colorDanger: theme.colorDanger,
    colorTextSecondary: theme.colorMuted,
    inputColorBorder: theme.colorBorder,
    fontFamily: theme.fontFamily,
    fontSizeBase: theme.fontSize,
    borderRadius: theme.borderRadius,
  };
  const variables = Object.fromEntries(
    Object.entries(fromTheme)
      .map(([key, value]) => [key, value?.trim()])
      .filter(([, value]) => value),
  ) as NonNullable<Appearance['variables']>;
  return { theme: theme.dark ? 'night' : 'stripe', ...overrides, variables: { ...variables, ...overrides.variables } };
}

/** Stripe's words for a decline, in the contract's words where they differ. */
function declineCodeOf(error: StripeError): string | undefined {
  if (error.decline_code === 'expired_card') return 'card_expired';
  if (error.decline_code) return error.decline_code;
  if (error.code === 'setup_intent_authentication_failure' || error.code === 'payment_intent_authentication_failure') {
    return 'authentication_failed';
  }
  return undefined;
}

const fromStripe = (error: StripeError, fallback: string) =>
  new StripeProviderError(error.message || fallback, { code: error.code, declineCode: declineCodeOf(error), type: error.type });

const MESSAGES = {
  unavailable: 'The payment form could not be loaded. Check your connection and try again.',
  notReady: 'The payment form is not ready yet.',
  notConfirmed: 'Your payment details could not be saved. Try again or use another method.',
  invalidAction: 'Your bank asked for a step this page cannot open. Try again or use another method.',
} as const;

/**
 * Stripe as the widget's payment provider (PaymentProvider version 2): the Payment Element for
 * the buyer's details, SetupIntents confirmed with them (3-D Secure run by Stripe.js), and
 * payments' next actions. Stripe.js loads the first time the payment step needs it; each
 * provider keeps its own Stripe instance.
 */
export class StripeProvider implements PaymentProvider {
  readonly label?: string;
  readonly #options: StripeProviderOptions;
  #stripe?: Promise<StripeClient>;
  #elements?: StripeElementsLike;
  #element?: StripePaymentElementLike;
  /** Why the Payment Element failed to load, from its `loaderror` event. */
  #loadError?: StripeError;
  /** Counts mounts and unmounts, so a mount that finishes loading after either stops there. */
  #generation = 0;

  constructor(options: StripeProviderOptions) {
    this.#options = options;
    this.label = options.label;
  }

  /** Loads Stripe.js once per provider; a failed load is forgotten, so the next call tries again. */
  #load(locale?: StripeElementLocale): Promise<StripeClient> {
    if (this.#stripe) return this.#stripe;
    const { publishableKey, stripeAccount, loadStripe: load = defaultLoader } = this.#options;
    const constructorOptions: StripeConstructorOptions = {};
    if (stripeAccount) constructorOptions.stripeAccount = stripeAccount;
    // Localizes Stripe.js's own messages (a decline, a failed challenge) as the first mount asks.
    if (locale && locale !== 'auto') constructorOptions.locale = locale;
    const loading: Promise<StripeClient> = (async () => {
      const stripe = await load(publishableKey, constructorOptions);
      if (!stripe) throw new Error('Stripe.js is not available in this environment.');
      return stripe;
    })().catch((cause: unknown) => {
      if (this.#stripe === loading) this.#stripe = undefined;
      throw new StripeProviderError(MESSAGES.unavailable, { code: 'stripe_unavailable', cause });
    });
    this.#stripe = loading;
    return loading;
  }

  async mount(container: HTMLElement, options: PaymentMountOptions): Promise<void> {
    this.unmount();
    const generation = this.#generation;
    const locale = toStripeLocale(options.locale);
    const stripe = await this.#load(locale);
    // Unmounted, or mounted again, while Stripe.js loaded.
    if (generation !== this.#generation) return;
    const { appearance, fonts, paymentMethodTypes, paymentElement } = this.#options;
    const elementsOptions: StripeElementsOptionsMode = {
      mode: 'setup',
      currency: options.currency.toLowerCase(),
      locale,
      appearance: toStripeAppearance(options.theme, appearance),
    };
    if (fonts) elementsOptions.fonts = fonts;
    if (paymentMethodTypes) elementsOptions.allowedPaymentMethodTypes = paymentMethodTypes;
    const elements = stripe.elements(elementsOptions);
    const element = elements.create('payment', { layout: 'tabs', ...paymentElement });
    element.on('loaderror', ({ error }) => {
      if (this.#element === element) this.#loadError = error;
    });
    this.#elements = elements;
    this.#element = element;
    element.mount(container);
  }

  async confirmSetup(clientSecret: string): Promise<void> {
    const elements = this.#elements;
    if (!elements || !this.#stripe) throw new StripeProviderError(MESSAGES.notReady, { code: 'payment_form_not_ready' });
    if (this.#loadError) throw fromStripe(this.#loadError, MESSAGES.unavailable);
    const stripe = await this.#stripe;
    const submitted = await elements.submit();
    if (submitted.error) throw fromStripe(submitted.error, MESSAGES.notConfirmed);
    const { error, setupIntent } = await stripe.confirmSetup({
      elements,
      clientSecret,
      confirmParams: { return_url: this.#options.returnUrl ?? window.location.href },
      redirect: 'if_required',
    });
    if (error) throw fromStripe(error, MESSAGES.notConfirmed);
    // A confirmed setup is `succeeded`, or `processing` for some bank debits; anything else was not confirmed.
    if (setupIntent.status !== 'succeeded' && setupIntent.status !== 'processing') {
      throw new StripeProviderError(MESSAGES.notConfirmed, { code: `setup_intent_${setupIntent.status}` });
    }
  }

  async handleNextAction(action: NextAction): Promise<void> {
    if (action.type === 'redirect') return this.#redirect(action.redirectUrl);
    if (action.type !== 'authenticate' || !action.clientSecret) {
      throw new StripeProviderError(MESSAGES.invalidAction, { code: 'invalid_next_action' });
    }
    const stripe = await this.#load();
    // Passed, failed or abandoned: the backend says which when the widget asks it next.
    await stripe.handleNextAction({ clientSecret: action.clientSecret });
  }

  async #redirect(url: string | undefined): Promise<void> {
    let target: URL | undefined;
    try {
      target = url ? new URL(url) : undefined;
    } catch {
      target = undefined;
    }
    if (target?.protocol !== 'https:') throw new StripeProviderError(MESSAGES.invalidAction, { code: 'invalid_next_action' });
    await (this.#options.navigate ?? ((to: string) => leavePage(to)))(target.href);
  }

  unmount(): void {
    this.#generation++;
    const element = this.#element;
    this.#element = this.#elements = this.#loadError = undefined;
    element?.destroy();
  }
}

/**
 * Leaves for the bank's page. The promise settles only if this page is shown again from the
 * back/forward cache (the buyer pressed Back): then the widget asks the backend how the
 * payment stands. A buyer who comes back through the return URL loads the page afresh.
 */
export function leavePage(url: string, assign: (url: string) => void = (to) => window.location.assign(to)): Promise<void> {
  const back = new Promise<void>((resolve) => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      window.removeEventListener('pageshow', onShow);
      resolve();
    };
    window.addEventListener('pageshow', onShow);
  });
  assign(url);
  return back;
}

/** Stripe as the widget's `paymentProvider`. See docs/stripe.md. */
export function createStripeProvider(options: StripeProviderOptions): StripeProvider {
  return new StripeProvider(options);
}
