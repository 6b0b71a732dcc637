import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { CwProgress } from './cw-progress.js';

describe('cw-progress', () => {
  it('marks only the current step with aria-current="step" and names the list', async () => {
    const el = await fixture<CwProgress>(html`<cw-progress
      label="Checkout progress"
      .steps=${['select', 'seats', 'review']}
      current="seats"
      .labels=${{ select: 'Product', seats: 'Licenses', review: 'Review' }}
    ></cw-progress>`);
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Product', 'Licenses', 'Review']);
    expect(items.map((i) => i.getAttribute('aria-current'))).to.deep.equal([null, 'step', null]);
    expect(items[0]!.hasAttribute('data-done')).to.equal(true);
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Checkout progress');
  });
});
