import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MockBackend, createMockAdapter } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { expectHeadingFocused, expectWcag, inStep, settled, walk, waitForStep } from './helpers.js';

// Later steps are chunks (src/components/lazy.ts). This page plays the network for them through
// Chrome's request interception (scripts/wtr/network.mjs): the review's module is held until the test
// releases it (a slow connection, with no real wait), the payment's fails until the test clears it.
// Set before the first widget, so that its prefetches meet them too. The backend is in process.

type Mode = 'hold' | 'fail' | 'release' | 'clear' | 'reset';
const network = (match: string, mode: Mode) => executeServerCommand<{ held: number }, { match: string; mode: Mode }>('cw-network', { match, mode });
const REVIEW = '/cw-review/cw-review.';
const PAYMENT = '/cw-payment/';

async function open() {
  sessionStorage.clear();
  const el = await fixture<CheckoutWizard>(html`<checkout-wizard .adapter=${createMockAdapter(new MockBackend({ scenario: 'empty-cart' }))}></checkout-wizard>`);
  await settled(el);
  return el;
}

const frame = (el: CheckoutWizard) => el.shadowRoot!;
const currentStep = (el: CheckoutWizard) =>
  frame(el).querySelector('cw-progress')?.shadowRoot?.querySelector('[part~=current]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('lazy steps', () => {
  before(async () => {
    expect(customElements.get('cw-mode-picker'), 'no later step is defined before a widget asks').to.equal(undefined);
    await network(REVIEW, 'hold');
    await network(PAYMENT, 'fail');
  });
  // The runner hands this page to the next test file: give it back with its service worker and no interception.
  after(() => network('', 'reset'));

  it('after the first step, the next steps’ chunks are fetched with no click, the path’s next ones first', async function () {
    // One chunk per idle period: on a busy machine an idle period can take up to its 2 s timeout.
    this.timeout(20000);
    const el = await open();
    expect(el.step).to.equal('select');
    const wanted = ['cw-mode-picker', 'cw-tier-picker', 'cw-popover', 'cw-seat-picker', 'cw-term-picker'];
    await waitUntil(() => wanted.every((tag) => customElements.get(tag)), 'prefetched', { timeout: 15000 });
    // The gates come only when one shows.
    expect(customElements.get('cw-gate')).to.equal(undefined);
  });

  it('on a slow connection a step shows its skeleton, with the progress and the summary, until its chunk arrives', async () => {
    const el = await open();
    await walk(el, 'term');
    const entered: string[] = [];
    el.addEventListener('cw-step-change', (e) => entered.push((e as CustomEvent<{ step: string }>).detail.step));
    inStep(el, '[part~=commit]')!.click();
    await waitUntil(() => /Review/.test(currentStep(el)), 'the progress moved to Review');
    await el.updateComplete;
    expect(el.step, 'not on show yet').to.equal('loading');
    expect(frame(el).querySelector('[part=loading][aria-busy=true]'), 'the step’s skeleton').to.not.equal(null);
    expect(frame(el).querySelector('cw-summary'), 'the summary stays').to.not.equal(null);
    expect(frame(el).querySelector('[data-step]')).to.equal(null);
    expect(entered, 'a step is entered when it shows').to.deep.equal([]);

    const { held } = await network(REVIEW, 'release');
    expect(held, 'the review’s module was held').to.be.greaterThan(0);
    await waitForStep(el, 'review');
    expect(entered).to.deep.equal(['review']);
    await expectHeadingFocused(el);
  });

  it('a chunk that fails shows an error with Try again, never a blank widget, and Try again fetches it', async () => {
    await network(REVIEW, 'release');
    const el = await open();
    await walk(el, 'review');
    inStep(el, '[part~=continue]')!.click();
    const alert = () => frame(el).querySelector<HTMLElement>('[part=alert][role=alert]');
    await waitUntil(() => alert(), 'the failure is shown');
    expect(alert()!.textContent).to.include('This step could not be loaded. Check your connection and try again.');
    expect(/Payment/.test(currentStep(el)), 'the progress stays').to.equal(true);
    await expectWcag(el, 'a step that could not be loaded');

    await network(PAYMENT, 'clear');
    const retry = alert()!.querySelector('button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(frame(el).activeElement, 'focus on Try again, where the heading would be').to.equal(retry);
    const entered = oneEvent(el, 'cw-step-change');
    retry.click();
    expect((await entered).detail.step).to.equal('pay');
    await waitForStep(el, 'pay');
    await expectHeadingFocused(el);
  });
});
