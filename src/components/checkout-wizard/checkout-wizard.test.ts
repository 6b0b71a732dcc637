import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MockBackend } from '../../mock/backend.js';
import { createMockAdapter } from '../../mock/adapter.js';
import type { BillingAdapter, CallOptions } from '../../adapter/billing-adapter.js';
import { VERSION } from '../../machine/persist.js';
import '../../define.js';
import type { CheckoutWizard } from './checkout-wizard.js';

/** The in-process mock adapter, recording each call's abort signal. */
function recording(backend: MockBackend) {
  const inner = createMockAdapter(backend);
  const signals: AbortSignal[] = [];
  const adapter = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const options = args.find((a): a is CallOptions => !!a && typeof a === 'object' && 'signal' in a);
        if (options?.signal) signals.push(options.signal);
        return value.apply(target, args);
      };
    },
  }) as BillingAdapter;
  return { adapter, signals };
}

const productButtons = (el: CheckoutWizard) =>
  el.shadowRoot!.querySelector('cw-product-list')?.shadowRoot?.querySelectorAll('button[part=choose]') ?? [];

describe('checkout-wizard', () => {
  beforeEach(() => sessionStorage.clear());

  it('runs on any adapter given as a property, and exposes the step', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard .adapter=${createMockAdapter(backend)}></checkout-wizard>`);
    await waitUntil(() => el.step === 'select', 'select not reached');
    await el.updateComplete;
    expect(productButtons(el).length).to.be.greaterThan(0);
  });

  it('keeps its state when moved in the DOM', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard .adapter=${createMockAdapter(backend)}></checkout-wizard>`);
    await waitUntil(() => el.step === 'select');
    await el.updateComplete;
    (productButtons(el)[0] as HTMLButtonElement).click();
    // Past the product list and on show (a later step is 'loading' while its chunk comes).
    await waitUntil(() => el.step !== 'select' && el.step !== 'loading');
    const at = el.step;
    const requests = backend.requests.length;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(el.step).to.equal(at);
    expect(backend.requests.length).to.equal(requests);
    other.remove();
  });

  it('aborts its requests when removed from the page', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart', latencyMs: 200 });
    const { adapter, signals } = recording(backend);
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard .adapter=${adapter}></checkout-wizard>`);
    await waitUntil(() => signals.length === 3);
    el.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(signals.every((s) => s.aborted)).to.equal(true);
  });

  it('two widgets on one page keep their own state and language', async () => {
    const a = new MockBackend({ scenario: 'empty-cart' });
    const b = new MockBackend({ scenario: 'corporate' });
    const wrap = await fixture<HTMLElement>(html`<div>
      <checkout-wizard id="a" locale="it" .adapter=${createMockAdapter(a)}></checkout-wizard>
      <checkout-wizard id="b" locale="en" .adapter=${createMockAdapter(b)}></checkout-wizard>
    </div>`);
    const [first, second] = [...wrap.querySelectorAll('checkout-wizard')] as CheckoutWizard[];
    // The gate is a chunk of its own, fetched when it shows: as long as any step's first load, not one tick.
    await waitUntil(() => first!.step === 'select' && second!.step === 'corporate', 'both at their first screen', { timeout: 5000 });
    await first!.updateComplete;
    const heading = (el: CheckoutWizard) => el.shadowRoot!.querySelector('[data-step]')!.shadowRoot!.querySelector('h2')!.textContent;
    await (first!.shadowRoot!.querySelector('[data-step]') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await (second!.shadowRoot!.querySelector('[data-step]') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(heading(first!)).to.equal('Scegli un prodotto');
    expect(heading(second!)).to.match(/corporate/i);
    expect(first!.shadowRoot!.querySelector('section')!.getAttribute('lang')).to.equal('it');
  });

  it('falls back to English for an unsupported or malformed locale', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard locale="not a locale!!" .adapter=${createMockAdapter(backend)}></checkout-wizard>`);
    await waitUntil(() => el.step === 'select');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('lang')).to.equal('en');
  });

  it('two widgets without id or storage-key save apart, and each can be named', async function () {
    // Two whole widgets and an axe pass over both: more than the default 10 s on a busy two-core machine.
    this.timeout(30000);
    const wrap = await fixture<HTMLElement>(html`<div>
      <checkout-wizard label="Add Meetings" .adapter=${createMockAdapter(new MockBackend({ scenario: 'empty-cart' }))}></checkout-wizard>
      <checkout-wizard label="Add Webinars" .adapter=${createMockAdapter(new MockBackend({ scenario: 'empty-cart' }))}></checkout-wizard>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('checkout-wizard')] as CheckoutWizard[];
    await waitUntil(() => a!.step === 'select' && b!.step === 'select');
    await a!.updateComplete;
    (productButtons(b!)[0] as HTMLButtonElement).click();
    await waitUntil(() => b!.step !== 'select' && b!.step !== 'loading');
    const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('checkout-wizard:')).sort();
    expect(keys).to.deep.equal([`checkout-wizard:v${VERSION}:default`, `checkout-wizard:v${VERSION}:default-1`]);
    expect(JSON.parse(sessionStorage.getItem(`checkout-wizard:v${VERSION}:default`)!).step).to.equal('select');
    expect(a!.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('Add Meetings');
    await expect(wrap).to.be.accessible();
  });

  it('takes the host\'s own wording, and ignores an override of the wrong kind', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    const strings = { selectHeading: 'Pick a product', choose: 'Pick', stepNames: { select: 'Catalog' }, licenses: 'not a function' } as never;
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard locale="it" .strings=${strings} .adapter=${createMockAdapter(backend)}></checkout-wizard>`);
    await waitUntil(() => el.step === 'select');
    await el.updateComplete;
    const step = el.shadowRoot!.querySelector('[data-step]') as HTMLElement & { updateComplete: Promise<unknown> };
    await step.updateComplete;
    expect(step.shadowRoot!.querySelector('h2')!.textContent).to.equal('Pick a product');
    expect(step.shadowRoot!.querySelector('button[part~=choose]')!.textContent!.trim()).to.match(/^Pick /);
    const progress = el.shadowRoot!.querySelector('cw-progress')!;
    await progress.updateComplete;
    // Overridden in part: the other step names stay Italian.
    expect([...progress.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()).slice(0, 2)).to.deep.equal(['Catalog', 'Acquisto o prova']);
  });
});
