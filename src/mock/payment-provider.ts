import type { PaymentProvider } from '../adapter/billing-adapter.js';
import type { NextAction } from '../contract/types.js';
import type { TestNetwork } from './backend.js';
import { TEST_TOKENS, type TestCard } from './fixtures.js';

/** What a test card does, in a few words. */
function behaviour(card: TestCard): string {
  if (card.decline) return `declined: ${card.decline.replaceAll('_', ' ')}`;
  if (card.failsChallenge) return '3-D Secure that always fails';
  if (card.challenge === 'always') return '3-D Secure on every payment';
  if (card.challenge === 'setup') return '3-D Secure when saved';
  if (card.type === 'sepa_debit') return 'a bank debit that settles later';
  return 'works';
}

/** The mock backend's test cards, as a payment provider's fields would offer them, e.g. "Visa 3184 (3-D Secure on every payment)". */
export const TEST_CARDS: readonly { token: string; label: string }[] = Object.entries(TEST_TOKENS).map(([token, card]) => ({
  token,
  label: `${card.label.replace(' •••• ', ' ')} (${behaviour(card)})`,
}));

/** Ids unique on the page: two widgets, and so two providers, can share one. */
const uniqueId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

export interface TestPaymentProviderOptions {
  /** Shown above the fields; "Test card" by default. */
  label?: string;
  /** The card chosen at first; tok_visa by default. */
  token?: string;
  /** Where setups are confirmed and challenges recorded (a MockBackend): needed by confirmSetup and handleNextAction. */
  network?: TestNetwork;
}

/**
 * Stands in for a provider's fields (Stripe's Payment Element and the like): a
 * labelled select of test cards, mounted in the light-DOM container the widget
 * gives it. Version 1: `tokenize` resolves to the chosen test token. Version 2:
 * `confirmSetup` and `handleNextAction` play the provider's part against a
 * TestNetwork, with a 3-D Secure challenge dialog where the bank would ask.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly label: string;
  readonly #initial: string;
  readonly #network?: TestNetwork;
  #root?: HTMLElement;
  #select?: HTMLSelectElement;
  #challenge?: HTMLDialogElement;

  constructor(options: TestPaymentProviderOptions = {}) {
    this.label = options.label ?? 'Test card';
    this.#initial = options.token ?? TEST_CARDS[0]!.token;
    this.#network = options.network;
  }

  /** The widget's mount options (amount, locale, theme) change nothing here: the select is the page's own. */
  mount(container: HTMLElement): void {
    this.unmount();
    const id = uniqueId('cw-test-card');
    const root = document.createElement('div');
    root.className = 'cw-test-payment';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Test card';
    const select = document.createElement('select');
    select.id = id;
    // The longest card's label must not widen a narrow widget (set through the CSSOM, which a strict CSP allows).
    select.style.maxWidth = '100%';
    select.name = 'test-card';
    select.setAttribute('aria-describedby', `${id}-hint`);
    for (const card of TEST_CARDS) select.append(new Option(card.label, card.token, false, card.token === this.#initial));
    const hint = document.createElement('p');
    hint.id = `${id}-hint`;
    hint.textContent = 'Test mode: no card is charged.';
    root.append(label, select, hint);
    container.append(root);
    this.#root = root;
    this.#select = select;
  }

  tokenize(): Promise<string> {
    return this.#select
      ? Promise.resolve(this.#select.value)
      : Promise.reject(new Error('The payment form is not ready yet.'));
  }

  /**
   * Confirms a setup with the chosen card, running the bank's challenge when it asks for one.
   * Resolves once the buyer has passed or failed it (the backend then attaches or declines);
   * rejects when they close it, and for an unknown card or setup.
   */
  async confirmSetup(clientSecret: string): Promise<void> {
    const network = this.#needNetwork();
    const card = await this.tokenize();
    if (!network.confirmSetup(clientSecret, card).challenge) return;
    const passed = await this.#runChallenge();
    if (passed === undefined) throw new Error('Authentication was cancelled.');
    network.authenticate(clientSecret, passed);
  }

  /**
   * Runs a payment's next action. `authenticate`: the challenge dialog; Complete or Fail is
   * recorded, closing it records nothing (abandoned). `redirect`: the test network has no bank
   * page to send the buyer to, so there is nothing to do. Resolves either way: the backend says
   * how it went when the widget confirms the order.
   */
  async handleNextAction(action: NextAction): Promise<void> {
    if (action.type !== 'authenticate') return;
    const network = this.#needNetwork();
    if (!action.clientSecret) throw new Error('The payment cannot be confirmed: it has no client secret.');
    const passed = await this.#runChallenge();
    if (passed !== undefined) network.authenticate(action.clientSecret, passed);
  }

  unmount(): void {
    this.#root?.remove();
    this.#root = this.#select = undefined;
    // A challenge left open is abandoned.
    this.#challenge?.close();
  }

  #needNetwork(): TestNetwork {
    if (!this.#network) throw new Error('The test payment provider has no network to confirm with: pass one (a MockBackend) as `network`.');
    return this.#network;
  }

  /**
   * The bank's challenge as a modal dialog in the page's light DOM, as Stripe shows its own:
   * resolves true for Complete, false for Fail, undefined when closed otherwise (Escape).
   */
  #runChallenge(): Promise<boolean | undefined> {
    const id = uniqueId('cw-test-challenge');
    const dialog = document.createElement('dialog');
    dialog.dataset.testChallenge = '';
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    dialog.setAttribute('aria-describedby', `${id}-text`);
    const heading = document.createElement('h2');
    heading.id = `${id}-title`;
    heading.textContent = 'Test 3-D Secure challenge';
    const text = document.createElement('p');
    text.id = `${id}-text`;
    text.textContent = 'Your bank asks you to confirm this payment. Test mode: nothing is charged.';
    // A dialog form: its buttons close the dialog with their value as its returnValue.
    const form = document.createElement('form');
    form.method = 'dialog';
    for (const [value, name] of [
      ['complete', 'Complete'],
      ['fail', 'Fail'],
    ] as const) {
      const button = document.createElement('button');
      button.value = value;
      button.textContent = name;
      form.append(button);
    }
    dialog.append(heading, text, form);
    // A bank's page looks like one: set through the CSSOM, which a strict CSP allows.
    Object.assign(dialog.style, { maxWidth: '26rem', border: '0', borderRadius: '12px', padding: '24px', fontFamily: 'system-ui, sans-serif', boxShadow: '0 12px 40px rgb(0 0 0 / 0.35)' });
    Object.assign(heading.style, { fontSize: '1.25rem', margin: '0 0 8px' });
    Object.assign(form.style, { display: 'flex', gap: '12px', marginTop: '16px' });
    for (const button of form.querySelectorAll('button')) Object.assign(button.style, { minHeight: '44px', padding: '0 20px', fontSize: '1rem', borderRadius: '8px' });
    document.body.append(dialog);
    this.#challenge = dialog;
    return new Promise((resolve) => {
      dialog.addEventListener(
        'close',
        () => {
          dialog.remove();
          if (this.#challenge === dialog) this.#challenge = undefined;
          resolve(dialog.returnValue === 'complete' ? true : dialog.returnValue === 'fail' ? false : undefined);
        },
        { once: true },
      );
      // Focus goes to its first button.
      dialog.showModal();
    });
  }
}
