import { expect, fixture, html } from '@open-wc/testing';
import type {
  PaymentIntentOrSetupIntentResult,
  SetupIntent,
  SetupIntentResult,
  StripeConstructorOptions,
  StripeElementsOptionsMode,
  StripeError,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import type { PaymentTheme } from '../adapter/billing-adapter.js';
import {
  StripeProviderError,
  createStripeProvider,
  toStripeAppearance,
  toStripeLocale,
  type StripeClient,
  type StripeElementsLike,
  type StripeLoader,
  type StripePaymentElementLike,
  type StripeProviderOptions,
} from './index.js';
import { leavePage } from './stripe-provider.js';

// The test double is typed with Stripe.js's own types (through StripeClient, whose members are
// Stripe's, and which the provider's default loader checks a real `Stripe` against): a change
// to one of the calls the provider makes fails `tsc`, not a payment.

type Call =
  | { name: 'elements'; options: StripeElementsOptionsMode }
  | { name: 'create'; type: 'payment'; options?: StripePaymentElementOptions }
  | { name: 'mount'; target: string | HTMLElement }
  | { name: 'destroy' }
  | { name: 'submit' }
  | { name: 'confirmSetup'; options: Parameters<StripeClient['confirmSetup']>[0] }
  | { name: 'handleNextAction'; options: { clientSecret: string } };

const setupIntent = (status: SetupIntent.Status): SetupIntent => ({
  id: 'seti_123',
  object: 'setup_intent',
  cancellation_reason: null,
  client_secret: 'seti_123_secret_abc',
  created: 1767225600,
  description: null,
  last_setup_error: null,
  livemode: false,
  next_action: null,
  payment_method: 'pm_123',
  payment_method_types: ['card'],
  status,
  usage: 'off_session',
});

const declined: StripeError = {
  type: 'card_error',
  code: 'card_declined',
  decline_code: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};

/** A Stripe.js instance that records every call, in order, and answers as scripted. */
function fakeStripe(
  script: {
    submit?: Awaited<ReturnType<StripeElementsLike['submit']>>;
    confirmSetup?: SetupIntentResult;
    handleNextAction?: PaymentIntentOrSetupIntentResult;
  } = {},
) {
  const calls: Call[] = [];
  const groups: StripeElementsLike[] = [];
  const loadErrorHandlers: ((event: { elementType: 'payment'; error: StripeError }) => void)[] = [];
  const stripe = {
    elements(options: StripeElementsOptionsMode) {
      calls.push({ name: 'elements', options });
      const group = {
        async submit() {
          calls.push({ name: 'submit' });
          return script.submit ?? { selectedPaymentMethod: 'card' };
        },
        create(type: 'payment', options?: StripePaymentElementOptions) {
          calls.push({ name: 'create', type, options });
          const element: StripePaymentElementLike = {
            mount(target: string | HTMLElement) {
              calls.push({ name: 'mount', target });
            },
            destroy() {
              calls.push({ name: 'destroy' });
            },
            on(_type: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeError }) => void) {
              loadErrorHandlers.push(handler);
              return element;
            },
          };
          return element;
        },
      } satisfies StripeElementsLike;
      groups.push(group);
      return group;
    },
    async confirmSetup(options: Parameters<StripeClient['confirmSetup']>[0]) {
      calls.push({ name: 'confirmSetup', options });
      return script.confirmSetup ?? { setupIntent: setupIntent('succeeded') };
    },
    async handleNextAction(options: { clientSecret: string }) {
      calls.push({ name: 'handleNextAction', options });
      return script.handleNextAction ?? { setupIntent: setupIntent('succeeded') };
    },
  } satisfies StripeClient;
  const names = () => calls.map((c) => c.name);
  const failToLoad = (error: StripeError) => loadErrorHandlers.at(-1)?.({ elementType: 'payment', error });
  return { stripe, calls, names, groups, failToLoad };
}

/** A loader that answers each call with the next result (an Error rejects), and records the calls. */
function loader(...results: (StripeClient | null | Error)[]) {
  const calls: [string, StripeConstructorOptions | undefined][] = [];
  const load: StripeLoader = (key, options) => {
    calls.push([key, options]);
    const next = results.length > 1 ? results.shift() : results[0];
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? null);
  };
  return { load, calls };
}

const theme: PaymentTheme = {
  colorPrimary: '#1a56db',
  colorText: '#111827',
  colorBackground: '#ffffff',
  colorDanger: '#b91c1c',
  colorMuted: '#4b5563',
  colorBorder: '#6b7280',
  fontFamily: 'system-ui, sans-serif',
  fontSize: '16px',
  borderRadius: '6px',
  dark: false,
};

const mountOptions = { amount: 4880, currency: 'EUR', locale: 'it', theme };

function setup(options: Partial<StripeProviderOptions> = {}, fake = fakeStripe()) {
  const load = loader(fake.stripe);
  const provider = createStripeProvider({ publishableKey: 'pk_test_123', loadStripe: load.load, ...options });
  return { provider, fake, load };
}

const container = () => fixture<HTMLDivElement>(html`<div slot="payment"></div>`);

/** The error a promise rejects with; fails when it fulfils. */
async function rejection(promise: Promise<unknown>): Promise<StripeProviderError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(StripeProviderError);
    return e as StripeProviderError;
  }
  throw new Error('expected a rejection');
}

describe('StripeProvider', () => {
  it('loads nothing on import or creation; loads Stripe.js once, on the first mount', async () => {
    const { provider, fake, load } = setup({ stripeAccount: 'acct_123' });
    expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
    expect(window.Stripe).to.equal(undefined);
    expect(load.calls).to.have.length(0);

    const el = await container();
    await provider.mount(el, mountOptions);
    expect(load.calls).to.deep.equal([['pk_test_123', { stripeAccount: 'acct_123', locale: 'it' }]]);

    await provider.mount(el, mountOptions);
    await provider.confirmSetup('seti_123_secret_abc');
    await provider.handleNextAction({ type: 'authenticate', clientSecret: 'pi_123_secret_abc' });
    expect(load.calls).to.have.length(1);
    expect(fake.names()).to.include('handleNextAction');
  });

  it('handleNextAction alone loads Stripe.js too, without a locale', async () => {
    const { provider, load } = setup();
    await provider.handleNextAction({ type: 'authenticate', clientSecret: 'pi_123_secret_abc' });
    expect(load.calls).to.deep.equal([['pk_test_123', {}]]);
  });

  it('creates a setup-mode Elements group from the mount options and mounts the Payment Element in the container', async () => {
    const { provider, fake } = setup();
    const el = await container();
    expect(await provider.mount(el, mountOptions)).to.equal(undefined);
    expect(fake.calls).to.deep.equal([
      {
        name: 'elements',
        options: {
          mode: 'setup',
          currency: 'eur',
          locale: 'it',
          appearance: {
            theme: 'stripe',
            variables: {
              colorPrimary: '#1a56db',
              colorText: '#111827',
              colorBackground: '#ffffff',
              colorDanger: '#b91c1c',
              colorTextSecondary: '#4b5563',
              inputColorBorder: '#6b7280',
              fontFamily: 'system-ui, sans-serif',
              fontSizeBase: '16px',
              borderRadius: '6px',
            },
          },
        },
      },
      { name: 'create', type: 'payment', options: { layout: 'tabs' } },
      { name: 'mount', target: el },
    ]);
    expect(provider.label).to.equal(undefined);
  });

  it("passes the vendor's payment method types, fonts, Payment Element options and label", async () => {
    const fonts = [{ cssSrc: 'https://fonts.example.com/inter.css' }];
    const { provider, fake } = setup({
      paymentMethodTypes: ['card', 'sepa_debit'],
      fonts,
      paymentElement: { layout: 'accordion', terms: { card: 'never' } },
      label: 'Card or SEPA debit',
    });
    await provider.mount(await container(), { currency: 'USD', locale: 'en-US', theme });
    const [elements, create] = fake.calls;
    expect(elements).to.deep.include({ name: 'elements' });
    const options = (elements as { options: StripeElementsOptionsMode }).options;
    expect(options.allowedPaymentMethodTypes).to.deep.equal(['card', 'sepa_debit']);
    expect(options.fonts).to.deep.equal(fonts);
    expect(options.currency).to.equal('usd');
    expect(options.locale).to.equal('en');
    expect(create).to.deep.equal({ name: 'create', type: 'payment', options: { layout: 'accordion', terms: { card: 'never' } } });
    expect(provider.label).to.equal('Card or SEPA debit');
  });

  it('maps the widget theme to Stripe appearance: night when dark, empty values left out, overrides win', () => {
    expect(toStripeAppearance({ ...theme, dark: true, fontFamily: ' ', borderRadius: '' })).to.deep.equal({
      theme: 'night',
      variables: {
        colorPrimary: '#1a56db',
        colorText: '#111827',
        colorBackground: '#ffffff',
        colorDanger: '#b91c1c',
        colorTextSecondary: '#4b5563',
        inputColorBorder: '#6b7280',
        fontSizeBase: '16px',
      },
    });
    const merged = toStripeAppearance(theme, { theme: 'flat', labels: 'floating', variables: { colorPrimary: '#000000' }, rules: { '.Tab': { boxShadow: 'none' } } });
    expect(merged.theme).to.equal('flat');
    expect(merged.labels).to.equal('floating');
    expect(merged.rules).to.deep.equal({ '.Tab': { boxShadow: 'none' } });
    expect(merged.variables).to.deep.include({ colorPrimary: '#000000', colorText: '#111827' });
  });

  it('passes appearance overrides given to the provider', async () => {
    const { provider, fake } = setup({ appearance: { variables: { borderRadius: '0px' } } });
    await provider.mount(await container(), { ...mountOptions, theme: { ...theme, dark: true } });
    const { appearance } = (fake.calls[0] as { options: StripeElementsOptionsMode }).options;
    expect(appearance?.theme).to.equal('night');
    expect(appearance?.variables).to.deep.include({ borderRadius: '0px', colorPrimary: '#1a56db' });
  });

  it("maps the widget's BCP 47 locale to one Stripe knows, else auto", () => {
    const cases: [string, string][] = [
      ['it', 'it'],
      ['it-CH', 'it'],
      ['it-IT', 'it-IT'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-GB', 'en-GB'],
      ['en-gb', 'en-GB'],
      ['pt-BR', 'pt-BR'],
      ['pt-PT', 'pt'],
      ['fr-CA', 'fr-CA'],
      ['fr-BE', 'fr'],
      ['es', 'es'],
      ['es-ES', 'es-ES'],
      ['es-MX', 'es-419'],
      ['es-419', 'es-419'],
      ['zh-CN', 'zh'],
      ['zh-Hans-HK', 'zh'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant', 'zh-TW'],
      ['zh-HK', 'zh-HK'],
      ['zh-Hant-HK', 'zh-HK'],
      ['nn', 'nb'],
      ['no', 'no'],
      ['tl', 'fil'],
      ['iw', 'he'],
      ['uk', 'auto'],
      ['', 'auto'],
      ['not a locale!', 'auto'],
    ];
    expect(cases.map(([tag]) => [tag, toStripeLocale(tag)])).to.deep.equal(cases);
  });

  it('a second mount destroys the first Payment Element before it creates another', async () => {
    const { provider, fake } = setup();
    const first = await container();
    const second = await container();
    await provider.mount(first, mountOptions);
    await provider.mount(second, mountOptions);
    expect(fake.names()).to.deep.equal(['elements', 'create', 'mount', 'destroy', 'elements', 'create', 'mount']);
    expect(fake.calls.at(-1)).to.deep.equal({ name: 'mount', target: second });
  });

  it('a mount unmounted while Stripe.js loads mounts nothing; a newer mount wins', async () => {
    const { provider, fake } = setup();
    const el = await container();
    const first = provider.mount(el, mountOptions);
    provider.unmount();
    await first;
    expect(fake.calls).to.deep.equal([]);

    const a = provider.mount(el, mountOptions);
    const b = provider.mount(el, { ...mountOptions, currency: 'GBP' });
    await Promise.all([a, b]);
    expect(fake.names()).to.deep.equal(['elements', 'create', 'mount']);
    expect((fake.calls[0] as { options: StripeElementsOptionsMode }).options.currency).to.equal('gbp');
  });

  it('unmount destroys the element once and is safe to call again, or before any mount', async () => {
    const { provider, fake } = setup();
    provider.unmount();
    await provider.mount(await container(), mountOptions);
    provider.unmount();
    provider.unmount();
    expect(fake.names().filter((n) => n === 'destroy')).to.have.length(1);
    const error = await rejection(provider.confirmSetup('seti_123_secret_abc'));
    expect(error.code).to.equal('payment_form_not_ready');
  });

  it('confirmSetup submits the Elements group, then confirms the setup with it, its client secret and a return URL', async () => {
    const { provider, fake } = setup();
    await provider.mount(await container(), mountOptions);
    await provider.confirmSetup('seti_123_secret_abc');
    expect(fake.names()).to.deep.equal(['elements', 'create', 'mount', 'submit', 'confirmSetup']);
    expect(fake.calls.at(-1)).to.deep.equal({
      name: 'confirmSetup',
      options: {
        elements: fake.groups[0],
        clientSecret: 'seti_123_secret_abc',
        confirmParams: { return_url: window.location.href },
        redirect: 'if_required',
      },
    });
  });

  it('confirmSetup returns the buyer to the returnUrl option; a processing setup (a bank debit) is confirmed too', async () => {
    const { provider, fake } = setup(
      { returnUrl: 'https://app.example.com/billing?resume=1' },
      fakeStripe({ confirmSetup: { setupIntent: setupIntent('processing') } }),
    );
    await provider.mount(await container(), mountOptions);
    await provider.confirmSetup('seti_123_secret_abc');
    const confirm = fake.calls.at(-1) as { options: { confirmParams?: { return_url?: string } } };
    expect(confirm.options.confirmParams?.return_url).to.equal('https://app.example.com/billing?resume=1');
  });

  it("confirmSetup rejects with the submit error's message and does not confirm", async () => {
    const fake = fakeStripe({ submit: { error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } } });
    const { provider } = setup({}, fake);
    await provider.mount(await container(), mountOptions);
    const error = await rejection(provider.confirmSetup('seti_123_secret_abc'));
    expect(error.message).to.equal('Your card number is incomplete.');
    expect(error.code).to.equal('incomplete_number');
    expect(error.type).to.equal('validation_error');
    expect(fake.names()).to.not.include('confirmSetup');
  });

  it("confirmSetup rejects with Stripe's message, code and decline code", async () => {
    const { provider } = setup({}, fakeStripe({ confirmSetup: { error: declined } }));
    await provider.mount(await container(), mountOptions);
    const error = await rejection(provider.confirmSetup('seti_123_secret_abc'));
    expect(error.message).to.equal('Your card has insufficient funds.');
    expect(error.code).to.equal('card_declined');
    expect(error.declineCode).to.equal('insufficient_funds');
    expect(error.type).to.equal('card_error');
  });

  it("confirmSetup names a failed challenge and an expired card in the contract's decline codes", async () => {
    const failedChallenge: StripeError = {
      type: 'invalid_request_error',
      code: 'setup_intent_authentication_failure',
      message: 'We are unable to authenticate your payment method.',
    };
    const expired: StripeError = { type: 'card_error', code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' };
    for (const [stripeError, declineCode] of [
      [failedChallenge, 'authentication_failed'],
      [expired, 'card_expired'],
    ] as const) {
      const { provider } = setup({}, fakeStripe({ confirmSetup: { error: stripeError } }));
      await provider.mount(await container(), mountOptions);
      const error = await rejection(provider.confirmSetup('seti_123_secret_abc'));
      expect([error.message, error.declineCode]).to.deep.equal([stripeError.message, declineCode]);
    }
  });

  it('confirmSetup rejects a setup Stripe left unconfirmed, and a Payment Element that failed to load', async () => {
    const fake = fakeStripe({ confirmSetup: { setupIntent: setupIntent('requires_payment_method') } });
    const { provider } = setup({}, fake);
    await provider.mount(await container(), mountOptions);
    expect((await rejection(provider.confirmSetup('seti_123_secret_abc'))).code).to.equal('setup_intent_requires_payment_method');

    fake.failToLoad({ type: 'invalid_request_error', code: 'invalid_currency', message: 'This currency is not supported.' });
    const error = await rejection(provider.confirmSetup('seti_123_secret_abc'));
    expect([error.message, error.code]).to.deep.equal(['This currency is not supported.', 'invalid_currency']);
    expect(fake.names().filter((n) => n === 'submit')).to.have.length(1);
  });

  it('confirmSetup before any mount rejects and loads nothing', async () => {
    const { provider, load } = setup();
    expect((await rejection(provider.confirmSetup('seti_123_secret_abc'))).code).to.equal('payment_form_not_ready');
    expect(load.calls).to.have.length(0);
  });

  it('handleNextAction runs an authenticate action with its client secret, and resolves when Stripe reports an error', async () => {
    const failed: PaymentIntentOrSetupIntentResult = {
      error: { type: 'invalid_request_error', code: 'payment_intent_authentication_failure', message: 'Authentication failed.' },
    };
    const { provider, fake } = setup({}, fakeStripe({ handleNextAction: failed }));
    expect(await provider.handleNextAction({ type: 'authenticate', clientSecret: 'pi_123_secret_abc' })).to.equal(undefined);
    expect(fake.calls).to.deep.equal([{ name: 'handleNextAction', options: { clientSecret: 'pi_123_secret_abc' } }]);
  });

  it('handleNextAction rejects an authenticate action without a client secret, and one when Stripe.js cannot load', async () => {
    const { provider, load } = setup();
    expect((await rejection(provider.handleNextAction({ type: 'authenticate' }))).code).to.equal('invalid_next_action');
    expect(load.calls).to.have.length(0);

    const offline = createStripeProvider({ publishableKey: 'pk_test_123', loadStripe: loader(new Error('Failed to load Stripe.js')).load });
    const error = await rejection(offline.handleNextAction({ type: 'authenticate', clientSecret: 'pi_123_secret_abc' }));
    expect(error.code).to.equal('stripe_unavailable');
  });

  it('handleNextAction follows a redirect only to an https URL', async () => {
    const visited: string[] = [];
    const { provider, load } = setup({ navigate: (url) => void visited.push(url) });
    await provider.handleNextAction({ type: 'redirect', redirectUrl: 'https://bank.example/3ds?id=1', returnUrl: 'https://app.example.com/' });
    for (const redirectUrl of ['http://bank.example/3ds', 'javascript:alert(1)', '/3ds', 'data:text/html,hi', undefined]) {
      const error = await rejection(provider.handleNextAction({ type: 'redirect', redirectUrl }));
      expect(error.code, String(redirectUrl)).to.equal('invalid_next_action');
    }
    expect(visited).to.deep.equal(['https://bank.example/3ds?id=1']);
    expect(load.calls).to.have.length(0);
  });

  it('the default navigation leaves the page and settles only when the page comes back from the back/forward cache', async () => {
    const assigned: string[] = [];
    let settled = false;
    const back = leavePage('https://bank.example/3ds', (url) => void assigned.push(url)).then(() => (settled = true));
    expect(assigned).to.deep.equal(['https://bank.example/3ds']);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).to.equal(false);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await back;
    expect(settled).to.equal(true);
  });

  it('a failed load rejects for the buyer, is forgotten, and the next mount loads again', async () => {
    const fake = fakeStripe();
    const cause = new Error('Failed to load Stripe.js');
    const load = loader(cause, null, fake.stripe);
    const provider = createStripeProvider({ publishableKey: 'pk_test_123', loadStripe: load.load });
    const el = await container();

    const first = await rejection(provider.mount(el, mountOptions));
    expect(first.code).to.equal('stripe_unavailable');
    expect(first.message).to.equal('The payment form could not be loaded. Check your connection and try again.');
    expect(first.cause).to.equal(cause);

    // loadStripe resolves to null where there is no window: a failure too.
    expect((await rejection(provider.mount(el, mountOptions))).code).to.equal('stripe_unavailable');

    await provider.mount(el, mountOptions);
    expect(load.calls).to.have.length(3);
    expect(fake.names()).to.deep.equal(['elements', 'create', 'mount']);
  });

  it('each provider keeps its own Stripe instance', async () => {
    const a = setup({ publishableKey: 'pk_test_a' });
    const b = setup({ publishableKey: 'pk_test_b' });
    await a.provider.mount(await container(), mountOptions);
    await b.provider.mount(await container(), mountOptions);
    expect([a.load.calls[0]![0], b.load.calls[0]![0]]).to.deep.equal(['pk_test_a', 'pk_test_b']);
    expect(a.fake.names()).to.deep.equal(['elements', 'create', 'mount']);
    expect(b.fake.names()).to.deep.equal(['elements', 'create', 'mount']);
  });
});
