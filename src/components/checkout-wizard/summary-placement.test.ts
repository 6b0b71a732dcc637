import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { inStep, mount, settled, stepEl, walk } from '../../../test/helpers.js';
import type { CheckoutWizard } from './checkout-wizard.js';

// Where the order summary goes, by the widget's own width (not the viewport's): beside the steps when wide, a bar
// above them when narrow; and what the payment recap leaves to it when it is beside.

const summaryOf = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement & { layout: string }>('cw-summary')!;
const shown = (node: Element | null) => !!node && node.getClientRects().length > 0;

async function resize(el: CheckoutWizard, width: number) {
  el.style.width = `${width}px`;
  await waitUntil(() => summaryOf(el).layout === (width >= 760 ? 'column' : 'bar'), `layout at ${width}px`);
  await settled(el);
  await nextFrame();
}

describe('the order summary beside the steps or above them', () => {
  it('wide: a column beside the step, and at payment the recap keeps only the total, the renewals and the authorisation', async () => {
    const { el } = await mount();
    el.style.display = 'block';
    await resize(el, 1000);
    await walk(el, 'pay');
    const summary = summaryOf(el);
    expect(summary.layout).to.equal('column');
    const step = stepEl(el).getBoundingClientRect();
    expect(summary.getBoundingClientRect().left, 'beside, after the step').to.be.at.least(step.right - 1);
    expect(stepEl(el).hasAttribute('data-beside')).to.equal(true);
    const recap = inStep(el, '[part=recap]')!;
    expect(shown(recap.querySelector('.lines')), 'lines left to the summary').to.equal(false);
    expect([...recap.querySelectorAll('.row')].filter(shown).map((r) => r.classList.contains('total'))).to.deep.equal([true]);
    expect(shown(recap.querySelector('[part=renewal]'))).to.equal(true);
    expect(shown(recap.querySelector('[part=authorise]'))).to.equal(true);
  });

  it('narrow: a bar above the step, and the recap shows every figure', async () => {
    const { el } = await mount();
    el.style.display = 'block';
    await resize(el, 500);
    await walk(el, 'pay');
    const summary = summaryOf(el);
    expect(summary.layout).to.equal('bar');
    expect(summary.getBoundingClientRect().bottom, 'above the step').to.be.at.most(stepEl(el).getBoundingClientRect().top + 1);
    expect(stepEl(el).hasAttribute('data-beside')).to.equal(false);
    const recap = inStep(el, '[part=recap]')!;
    expect(shown(recap.querySelector('.lines'))).to.equal(true);
    expect([...recap.querySelectorAll('.row')].filter(shown).length).to.be.greaterThan(2);
    // Widened later, the same step lets the summary take the figures.
    await resize(el, 1000);
    expect(stepEl(el).hasAttribute('data-beside')).to.equal(true);
    expect(shown(recap.querySelector('.lines'))).to.equal(false);
  });
});
