import type { PaymentProvider } from '../adapter/billing-adapter.js';

/** The mock backend's test tokens, as a payment provider's fields would produce them. */
export const TEST_CARDS: readonly { token: string; label: string }[] = [
  { token: 'tok_visa', label: 'Visa 4242 (works)' },
  { token: 'tok_mastercard', label: 'Mastercard 4444 (works)' },
  { token: 'tok_chargeDeclined', label: 'Visa 0002 (declined)' },
];

/**
 * Stands in for a provider's card fields (Stripe Elements and the like): a
 * labelled select of test cards, mounted in the light-DOM container the widget
 * gives it. `tokenize` resolves to the chosen test token.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly label: string;
  readonly #initial: string;
  #root?: HTMLElement;
  #select?: HTMLSelectElement;

  constructor(options: { label?: string; token?: string } = {}) {
    this.label = options.label ?? 'Test card';
    this.#initial = options.token ?? TEST_CARDS[0]!.token;
  }

  mount(container: HTMLElement): void {
    this.unmount();
    // Ids must be unique per instance: two widgets can sit on one page.
    const id = `cw-test-card-${Math.random().toString(36).slice(2, 10)}`;
    const root = document.createElement('div');
    root.className = 'cw-test-payment';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Test card';
    const select = document.createElement('select');
    select.id = id;
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

  unmount(): void {
    this.#root?.remove();
    this.#root = this.#select = undefined;
  }
}
