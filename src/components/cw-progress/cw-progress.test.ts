import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core';
import { render } from 'lit';
import '../../define.js';
import { expectWcag, mount, walk, stepEl, waitForStep } from '../../../test/helpers.js';
import type { StepElement } from '../step-element.js';
import type { CwProgress } from './cw-progress.js';

const STEPS = ['select', 'tier', 'seats', 'term', 'review', 'pay', 'done'];
const LABELS = { select: 'Product', tier: 'Plan', seats: 'Licenses', term: 'Billing', review: 'Review', pay: 'Payment', done: 'Done' };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: CwProgress) => el.shadowRoot!;
const items = (el: CwProgress) => [...shadow(el).querySelectorAll('li')];
const buttons = (el: CwProgress) => [...shadow(el).querySelectorAll('button')];
type Axe = {
  setup(node: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
};

/** What assistive technology reads for `node` (axe's accessible name computation, through shadow roots). */
function readAs(root: Element, node: Element): string {
  const axe = (window as unknown as { axe: Axe }).axe;
  axe.setup(root);
  try {
    return norm(axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(node)));
  } finally {
    axe.teardown();
  }
}

const shown = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none' && node.getBoundingClientRect().height > 0;

/** The element inside a shadow root, as <checkout-wizard> draws it: a composed event would leave it, `cw-step-select` must not. */
async function inShadow(current = 'seats', width = '800px', dir = 'ltr') {
  const host = await fixture<HTMLDivElement>(html`<div dir=${dir} style="width: ${width}"></div>`);
  const root = host.attachShadow({ mode: 'open' });
  render(html`<cw-progress label="Checkout progress" .steps=${STEPS} current=${current} .labels=${LABELS}></cw-progress>`, root);
  const el = root.querySelector('cw-progress') as CwProgress;
  await el.updateComplete;
  const chosen: string[] = [];
  const leaked: string[] = [];
  el.addEventListener('cw-step-select', (e) => chosen.push(e.detail.step));
  const onDocument = (e: Event) => leaked.push((e as CustomEvent<{ step: string }>).detail.step);
  document.addEventListener('cw-step-select', onDocument);
  after(() => document.removeEventListener('cw-step-select', onDocument));
  return { host, el, chosen, leaked };
}

describe('cw-progress', () => {
  it('marks only the current step with aria-current="step" and names the list', async () => {
    const el = await fixture<CwProgress>(html`<cw-progress
      label="Checkout progress"
      .steps=${['select', 'seats', 'review']}
      current="seats"
      .labels=${{ select: 'Product', seats: 'Licenses', review: 'Review' }}
    ></cw-progress>`);
    expect(items(el).map((i) => norm(i.querySelector('.name')!.textContent))).to.deep.equal(['Product', 'Licenses', 'Review']);
    expect(items(el).map((i) => i.getAttribute('aria-current'))).to.deep.equal([null, 'step', null]);
    expect(items(el).map((i) => i.hasAttribute('data-done'))).to.deep.equal([true, false, false]);
    expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Checkout progress');
  });

  it('draws a check in each done step and announces it as completed; the current and upcoming steps are plain', async () => {
    const { el } = await inShadow('seats');
    const [product, plan, licenses, billing] = items(el);
    for (const done of [product!, plan!]) {
      expect(done.querySelector('[part~=marker] svg'), 'a check').to.not.equal(null);
      expect(done.querySelector('[part~=marker] svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(done.getAttribute('part')).to.equal('step done');
    }
    // What assistive technology gets: buttons named "Product, completed — go back" (the visible name first, WCAG 2.5.3).
    expect(buttons(el).map((b) => readAs(el, b))).to.deep.equal(['Product, completed — go back', 'Plan, completed — go back']);
    await expectWcag(el, 'wide, at seats', { bestPractice: true });
    // Current and upcoming: no check, no button, their name and nothing more.
    for (const step of [licenses!, billing!]) {
      expect(step.querySelector('svg, button')).to.equal(null);
      expect(norm(step.textContent)).to.equal(step === licenses ? 'Licenses' : 'Billing');
    }
    expect(licenses!.getAttribute('aria-current')).to.equal('step');
    expect(licenses!.getAttribute('part')).to.equal('step current');
  });

  it('a done step is a button (type=button, at least 24×24) that fires cw-step-select with its step, inside the shadow root only', async () => {
    const { el, chosen, leaked } = await inShadow('review');
    expect(buttons(el).map((b) => b.type)).to.deep.equal(['button', 'button', 'button', 'button']);
    for (const b of buttons(el)) {
      const r = b.getBoundingClientRect();
      expect(r.width >= 24 && r.height >= 24, `${norm(b.textContent)}: ${r.width}×${r.height}`).to.equal(true);
    }
    buttons(el)[2]!.click();
    expect(chosen).to.deep.equal(['seats']);
    // Not composed: it stops at the shadow root it was fired in, so a page never sees it.
    expect(leaked).to.deep.equal([]);
  });

  it('Enter and Space on a focused done step choose it', async () => {
    const { el, chosen, leaked } = await inShadow('review');
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    buttons(el)[1]!.focus();
    await sendKeys({ press: 'Space' });
    expect(chosen).to.deep.equal(['select', 'tier']);
    expect(leaked).to.deep.equal([]);
  });

  it('the current and the upcoming steps fire nothing, and cannot be focused', async () => {
    const { el, chosen } = await inShadow('seats');
    for (const li of items(el).slice(2)) {
      (li.querySelector('.step') as HTMLElement).click();
      li.click();
    }
    expect(chosen).to.deep.equal([]);
    expect(shadow(el).querySelectorAll('[tabindex], a, input').length).to.equal(0);
    expect(buttons(el)).to.have.length(2);
  });

  it('a narrow element (320px) says "Step n of m" and the current step\'s name instead of the list; a wide one shows the list', async () => {
    const { host, el } = await inShadow('seats', '320px');
    const summary = shadow(el).querySelector('[part=summary]')!;
    expect(shown(shadow(el).querySelector('ol')), 'the list').to.equal(false);
    expect(shown(summary), 'the summary').to.equal(true);
    expect([summary.querySelector('.count')!.textContent, summary.querySelector('.name')!.textContent]).to.deep.equal(['Step 3 of 7', 'Licenses']);
    // Read as one sentence, with the step's name.
    expect(readAs(el, summary)).to.equal('Step 3 of 7: Licenses');
    expect(buttons(el).some((b) => shown(b)), 'no hidden button takes focus').to.equal(false);
    await expectWcag(el, 'narrow, at seats', { bestPractice: true });

    host.style.width = '800px';
    expect(shown(shadow(el).querySelector('ol')), 'the list, wide').to.equal(true);
    expect(shown(summary), 'the summary, wide').to.equal(false);
  });

  it('switches by its own width, later for a longer path: nine steps get the compact layout at 600px', async () => {
    const nine = ['select', 'mode', 'tier', 'seats', 'term', 'cart', 'review', 'pay', 'done'];
    const host = await fixture<HTMLDivElement>(html`<div style="width: 600px">
      <cw-progress .steps=${nine} current="mode" label="Checkout progress"></cw-progress>
      <cw-progress .steps=${nine.slice(0, 5)} current="mode" label="Checkout progress"></cw-progress>
    </div>`);
    const [long, short] = [...host.querySelectorAll<CwProgress>('cw-progress')];
    await long!.updateComplete;
    await short!.updateComplete;
    expect(shown(shadow(long!).querySelector('[part=summary]'))).to.equal(true);
    expect(shown(shadow(short!).querySelector('ol'))).to.equal(true);
  });

  it('right to left: the steps run from the right, the narrow text and bar too', async () => {
    const { host, el } = await inShadow('seats', '800px', 'rtl');
    const boxes = items(el).map((li) => li.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.right, `step ${i}`).to.be.at.most(boxes[i - 1]!.left + 1);
    // The line into a step comes from the dot before it, on its right.
    const line = getComputedStyle(items(el)[1]!, '::before');
    expect(parseFloat(line.right), 'reaches past the right edge').to.be.below(0);
    expect(parseFloat(line.left), 'stops before the dot').to.be.greaterThan(0);
    host.style.width = '320px';
    const summary = shadow(el).querySelector('[part=summary]')!;
    const frame = el.getBoundingClientRect();
    const text = summary.querySelector('.count')!.getBoundingClientRect();
    expect(frame.right - text.right, 'the count hugs the right edge').to.be.below(2);
    const bar = [...summary.querySelectorAll('.bar span')].map((s) => s.getBoundingClientRect());
    expect(bar[0]!.left, 'the first segment is at the right').to.be.greaterThan(bar[1]!.left);
  });

  it('on the confirmation, the last step is current and done: its check drawn, the whole bar reached', async () => {
    const el = await fixture<CwProgress>(html`<cw-progress
      .steps=${['select', 'seats', 'done']}
      .labels=${{ select: 'Product', seats: 'Licenses', done: 'Done' }}
      current="done"
      label="Checkout progress"
    ></cw-progress>`);
    const last = items(el).at(-1)!;
    expect(last.getAttribute('aria-current')).to.equal('step');
    expect(last.hasAttribute('data-done')).to.equal(true);
    expect(last.querySelector('[part~=marker] svg'), 'a check').to.not.equal(null);
    expect(last.querySelector('button'), 'nothing to go back to').to.equal(null);
  });

  it('no current step: every step is plain', async () => {
    const el = await fixture<CwProgress>(html`<cw-progress .steps=${STEPS} current="" .labels=${LABELS}></cw-progress>`);
    expect(buttons(el)).to.have.length(0);
    expect(shadow(el).querySelectorAll('[data-done], [aria-current]').length).to.equal(0);
    expect(shadow(el).querySelector('[part=summary]')).to.equal(null);
  });

  describe('inside <checkout-wizard>', () => {
    const progressOf = (el: Element) => el.shadowRoot!.querySelector('cw-progress') as CwProgress;

    it('offers only the done steps the checkout can go back to, and choosing one goes there', async () => {
      const { el } = await mount('cart-with-items');
      await walk(el, 'review');
      const progress = progressOf(el);
      await progress.updateComplete;
      const actor = (stepEl(el) as unknown as StepElement).actor!;
      const done = items(progress).filter((li) => li.hasAttribute('data-done'));
      const path = el.shadowRoot!.querySelector('cw-progress')!.steps;
      const offered = done.filter((li) => li.querySelector('button')).map((li) => path[items(progress).indexOf(li)]);
      const accepted = path.slice(0, path.indexOf('review')).filter((step) => actor.getSnapshot().can({ type: 'GO_TO', step: step as never }));
      expect(offered).to.deep.equal(accepted);
      expect(offered).to.include('seats');
      // Done steps it cannot go back to still read as completed.
      for (const li of done.filter((d) => !d.querySelector('button'))) expect(norm(li.querySelector('.visually-hidden')!.textContent)).to.match(/, completed$/);
      buttons(progress)[offered.indexOf('seats')]!.click();
      await waitForStep(el, 'seats');
      expect(el.step).to.equal('seats');
    });

    it('offers no way back from the confirmation', async () => {
      const { el } = await mount('cart-with-items');
      await walk(el, 'done');
      const progress = progressOf(el);
      await progress.updateComplete;
      expect(items(progress).filter((li) => li.hasAttribute('data-done')).length).to.be.greaterThan(2);
      expect(buttons(progress)).to.have.length(0);
    });
  });
});
