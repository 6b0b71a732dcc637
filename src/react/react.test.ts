import { expect, waitUntil } from '@open-wc/testing';
import { createElement, act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CheckoutWizard, type CheckoutEventDetails } from './index.js';
import { MockBackend, createMockAdapter, TestPaymentProvider } from '../mock/index.js';
import type { CheckoutWizard as CheckoutWizardElement } from '../components/checkout-wizard/checkout-wizard.js';
import type { StepId } from '../machine/checkout.machine.js';

// The React wrapper, rendered by React 19 (react-dom/client) into a plain container: props become element
// properties, `on…` props become cw-* listeners, and unmounting removes the element.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const stepEl = (el: CheckoutWizardElement) => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-step]')!;

async function settled(el: CheckoutWizardElement) {
  await waitUntil(() => el.step !== 'loading' && !el.busy && !!stepEl(el), `not settled (at ${el.step})`, { timeout: 5000 });
  await el.updateComplete;
  await stepEl(el).updateComplete;
}

async function waitForStep(el: CheckoutWizardElement, step: StepId) {
  await waitUntil(() => el.step === step, `step ${step} not reached (at ${el.step})`, { timeout: 5000 });
  await settled(el);
}

async function clickText(el: CheckoutWizardElement, text: string) {
  const all = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLElement>('button, a')];
  const target = all.find((b) => (b.textContent ?? '').trim().startsWith(text));
  if (!target) throw new Error(`no button "${text}" in ${el.step}; buttons: ${all.map((b) => b.textContent?.trim()).join(' | ')}`);
  target.click();
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

// Compile-time only (never called): the event props are typed by each event's detail, and tsc checks these lines.
export function typedProps() {
  return [
    createElement(CheckoutWizard, {
      onStepChange: (e) => e.detail.step satisfies StepId,
      onOrderPlaced: (e) => e.detail.id satisfies string,
      onAssignLicenses: (e) => [e.detail.url satisfies string | null, e.detail.productIds satisfies string[], e.preventDefault()],
      onError: (e) => e.detail.code satisfies string,
    }),
    // @ts-expect-error cw-error's detail has no `order`
    createElement(CheckoutWizard, { onError: (e) => e.detail.order }),
    // @ts-expect-error adapter must be a BillingAdapter
    createElement(CheckoutWizard, { adapter: 'https://example.test' }),
  ];
}

describe('checkout-wizard/react', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    sessionStorage.clear();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  it('registers the elements on import', () => {
    expect(customElements.get('checkout-wizard')).to.be.a('function');
    expect(customElements.get('cw-product-list')).to.be.a('function');
    expect(CheckoutWizard.displayName).to.equal('CheckoutWizard');
  });

  it('passes props as properties, and runs the buy flow with typed event props', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    const adapter = createMockAdapter(backend);
    const paymentProvider = new TestPaymentProvider({ network: backend });
    const steps: StepId[] = [];
    const orders: CheckoutEventDetails['cw-order-placed'][] = [];
    const carts: CheckoutEventDetails['cw-cart-change'][] = [];
    const ref = { current: null as CheckoutWizardElement | null };

    await act(async () =>
      root.render(
        createElement(CheckoutWizard, {
          ref,
          adapter,
          paymentProvider,
          locale: 'en',
          className: 'host-class',
          id: 'react-wizard',
          onStepChange: (e) => steps.push(e.detail.step),
          onCartChange: (e) => carts.push(e.detail),
          onOrderPlaced: (e) => orders.push(e.detail),
        }),
      ),
    );

    const el = container.querySelector('checkout-wizard')!;
    expect(el, 'rendered element').to.exist;
    expect(ref.current, 'ref is the element').to.equal(el);
    expect(el.adapter, 'adapter property').to.equal(adapter);
    expect(el.paymentProvider, 'paymentProvider property').to.equal(paymentProvider);
    expect(el.locale).to.equal('en');
    expect(el.getAttribute('id')).to.equal('react-wizard');
    expect(el.getAttribute('class')).to.equal('host-class');
    // Event props are listeners, never attributes or properties.
    expect(el.hasAttribute('onStepChange') || el.hasAttribute('onstepchange')).to.equal(false);
    expect((el as unknown as Record<string, unknown>).onStepChange).to.equal(undefined);

    await settled(el);
    expect(el.step).to.equal('select');
    expect(steps).to.deep.equal(['select']);

    await clickText(el, 'Choose Phone System');
    await waitForStep(el, 'seats');
    await clickText(el, 'Next');
    await waitForStep(el, 'term');
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');
    await clickText(el, 'Place order');
    await waitForStep(el, 'done');

    expect(orders, 'onOrderPlaced').to.have.length(1);
    expect(orders[0].id).to.be.a('string');
    expect(orders[0].status).to.equal('completed');
    expect(Object.keys(orders[0]).sort()).to.deep.equal(['billingDate', 'id', 'productIds', 'status', 'total']);
    expect(steps[0]).to.equal('select');
    expect(steps).to.include.members(['seats', 'term', 'review', 'pay', 'done']);
    expect(carts.length, 'onCartChange').to.be.greaterThan(0);
  });

  it('updates properties and handlers on re-render; unmount removes the element and stops it', async () => {
    const adapter = createMockAdapter(new MockBackend({ scenario: 'empty-cart' }));
    const first: StepId[] = [];
    const second: StepId[] = [];
    const render = (locale: string, onStepChange: (e: CustomEvent<{ step: StepId }>) => void) =>
      act(async () => root.render(createElement(CheckoutWizard, { adapter, locale, onStepChange })));

    await render('en', (e) => first.push(e.detail.step));
    const el = container.querySelector('checkout-wizard')!;
    await settled(el);
    expect(first).to.deep.equal(['select']);

    await render('it', (e) => second.push(e.detail.step));
    expect(container.querySelector('checkout-wizard'), 'same element').to.equal(el);
    expect(el.locale).to.equal('it');
    await el.updateComplete;
    expect(el.getAttribute('locale'), 'reflected').to.equal('it');
    expect(el.adapter, 'same adapter, not restarted').to.equal(adapter);
    // Italian loads on demand; the step stays drawn in English until it has.
    await waitUntil(() => el.shadowRoot!.querySelector('section')?.lang === 'it', 'Italian applied');
    await settled(el);

    await clickText(el, 'Scegli Phone System');
    await waitForStep(el, 'seats');
    expect(first, 'old handler detached').to.deep.equal(['select']);
    expect(second, 'new handler attached').to.include('seats');

    await act(async () => root.unmount());
    expect(container.querySelector('checkout-wizard')).to.equal(null);
    expect(el.isConnected).to.equal(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(el.step, 'actor stopped after removal').to.equal('loading');
    // Re-create the root for afterEach's unmount.
    root = createRoot(container);
  });
});
