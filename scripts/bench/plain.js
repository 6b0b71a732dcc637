// The benchmark's plain-DOM baseline (issue 14): what a page with no framework does for the first step.
// It fetches account, catalog and cart in parallel through the same in-process mock fetch the widget uses,
// then renders the product list as buttons (name, description, lowest monthly price, Choose). No Lit, no
// state machine, no validation, no i18n: the floor the widget's load is measured against.
// Bundled by run.mjs with esbuild (minified IIFE), as the Lit baseline is.
const BASE = 'https://mock.invalid/api/billing/v1';

class BenchPlain extends HTMLElement {
  constructor() {
    super();
    /** @type {typeof fetch} set by the page: the mock's in-process fetch */
    this.fetcher = globalThis.fetch.bind(globalThis);
    this.view = 'loading';
    // A shadow root, as the widget's: the harness sees its first render to the microtask, as it sees theirs.
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    const get = (path) => this.fetcher(BASE + path, { headers: { Accept: 'application/json' } }).then((r) => r.json());
    Promise.all([get('/account'), get('/catalog'), get('/cart')]).then(([, catalog]) => this.render(catalog));
  }

  render(catalog) {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency: catalog.currency });
    const list = document.createElement('ul');
    for (const product of catalog.products) {
      const lowest = Math.min(...product.tiers.map((t) => t.prices.monthly.amount));
      const item = document.createElement('li');
      const name = document.createElement('h3');
      name.textContent = product.name;
      const about = document.createElement('p');
      about.textContent = product.description ?? '';
      const price = document.createElement('p');
      price.textContent = `From ${format.format(lowest / 100)} per license / month`;
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.textContent = `Choose ${product.name}`;
      item.append(name, about, price, choose);
      list.append(item);
    }
    const heading = document.createElement('h2');
    heading.textContent = 'Choose a product';
    this.shadowRoot.replaceChildren(heading, list);
    this.view = 'list';
  }
}
customElements.define('bench-plain', BenchPlain);
