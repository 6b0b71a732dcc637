// The benchmark's baseline: the least a Lit element can do for the same job. It fetches the
// catalog through the same in-process mock fetch the widget uses, renders the product list,
// and has just enough more to stand in for each measured interaction:
//   choose a product → a detail view (the "step"), a licenses field with a line total (the
//   "typing"), "Complete transaction" → POST /cart/items, POST /quotes → the quote (the "review"),
//   and "Place order" → POST /orders → a confirmation (the step with one request).
// The order is paid with the mock account's card on file (pm-it-visa): the baseline loads no account.
// No state machine, no validation, no i18n, no context, no persistence: the ratio shows what those cost.
// Bundled by run.mjs with esbuild (minified IIFE, Lit from node_modules), like the widget's bundle.
import { LitElement, css, html, nothing } from 'lit';

const BASE = 'https://mock.invalid/api/billing/v1';
const formats = new Map();
const money = ({ amount, currency }) => {
  let f = formats.get(currency);
  if (!f) formats.set(currency, (f = new Intl.NumberFormat('en', { style: 'currency', currency })));
  return f.format(amount / 100);
};

export class BenchBaseline extends LitElement {
  static properties = { view: { state: true }, seats: { state: true } };

  static styles = css`
    :host {
      display: block;
      font: 16px/1.5 system-ui, sans-serif;
      color: #1b1f24;
      max-width: 860px;
    }
    ul {
      list-style: none;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
      gap: 12px;
    }
    article {
      border: 1px solid #c9ced6;
      border-radius: 8px;
      padding: 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    button {
      font: inherit;
      padding: 6px 12px;
    }
  `;

  constructor() {
    super();
    /** @type {typeof fetch} set by the page: the mock's in-process fetch */
    this.fetcher = globalThis.fetch.bind(globalThis);
    this.view = 'loading';
    this.seats = '1';
    this.catalog = undefined;
    this.product = undefined;
    this.quote = undefined;
    this.order = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    this.abort = new AbortController();
    if (this.view === 'loading') void this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.abort.abort();
  }

  async call(method, path, body, extra = {}) {
    const response = await this.fetcher(BASE + path, {
      method,
      headers: body === undefined ? { Accept: 'application/json', ...extra } : { Accept: 'application/json', 'Content-Type': 'application/json', ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: this.abort.signal,
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data?.title ?? `HTTP ${response.status}`);
    return data;
  }

  async load() {
    try {
      this.catalog = await this.call('GET', '/catalog');
      this.view = 'list';
    } catch {
      if (!this.abort.signal.aborted) this.view = 'error';
    }
  }

  choose(product) {
    this.product = product;
    this.seats = String(product.tiers[0].seats.min);
    this.view = 'detail';
  }

  async complete() {
    const tier = this.product.tiers[0];
    this.view = 'quoting';
    try {
      await this.call('POST', '/cart/items', { productId: this.product.id, tierId: tier.id, seats: Number(this.seats), term: 'monthly' });
      this.quote = await this.call('POST', '/quotes', { vatId: null });
      this.view = 'quote';
    } catch {
      if (!this.abort.signal.aborted) this.view = 'error';
    }
  }

  async place() {
    this.view = 'placing';
    try {
      this.order = await this.call('POST', '/orders', { quoteId: this.quote.id, paymentMethodId: 'pm-it-visa' }, { 'Idempotency-Key': crypto.randomUUID() });
      this.view = 'done';
    } catch {
      if (!this.abort.signal.aborted) this.view = 'error';
    }
  }

  render() {
    switch (this.view) {
      case 'list':
        return html`<h2>Add a product</h2>
          <ul>
            ${this.catalog.products.map(
              (p) => html`<li>
                <article>
                  <h3>${p.name}</h3>
                  <p>${p.description}</p>
                  <p>From ${money(p.tiers[0].prices.monthly)} per license / month</p>
                  <button type="button" part="choose" @click=${() => this.choose(p)}>Choose ${p.name}</button>
                </article>
              </li>`,
            )}
          </ul>`;
      case 'detail': {
        const tier = this.product.tiers[0];
        const n = Number(this.seats);
        return html`<h2>${this.product.name} · ${tier.name}</h2>
          <label for="seats">User licenses</label>
          <input id="seats" inputmode="numeric" .value=${this.seats} @input=${(e) => (this.seats = e.target.value)} />
          <p class="price">${Number.isInteger(n) && n > 0 ? html`Line total ${money({ amount: tier.prices.monthly.amount * n, currency: tier.prices.monthly.currency })} / month` : 'Enter a number'}</p>
          <button type="button" part="commit" @click=${() => this.complete()}>Complete transaction</button>`;
      }
      case 'quote':
        return html`<h2>Review</h2>
          <p part="total">Total due today ${money(this.quote.total)}</p>
          <button type="button" part="place-order" @click=${() => this.place()}>Place order</button>`;
      case 'done':
        return html`<h2>Thank you</h2>
          <p>Order ${this.order.id}: a confirmation goes to ${this.order.confirmationEmail}.</p>`;
      case 'error':
        return html`<p role="alert">Something went wrong.</p>`;
      default:
        return html`<p>Loading…</p>${nothing}`;
    }
  }
}

customElements.define('bench-baseline', BenchBaseline);
