import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { findProduct } from '../../machine/rules.js';
import { parts, recordSends, rest, stepNow } from '../../../test/step-fixture.js';
import { trialEnd } from './trial-end.js';
import '../../../test/define-all.js';
import type { CwModePicker } from './cw-mode-picker.js';

async function picker() {
  const { actor } = await driveTo('mode');
  const el = await fixture<CwModePicker>(html`<cw-mode-picker .actor=${actor}></cw-mode-picker>`);
  const sent = recordSends(actor);
  const options = () =>
    parts(el, 'option').map((o) => ({
      title: o.querySelector('h3')!.textContent!.trim(),
      selected: o.hasAttribute('data-selected'),
      badge: o.querySelector('[part~=badge]')?.textContent?.trim() ?? null,
      button: o.querySelector<HTMLButtonElement>('[part~=choose]')!,
    }));
  return { el, actor, sent, options };
}

describe('cw-mode-picker', () => {
  it('names the product (bidi-isolated) and offers buying or its free trial, nothing selected before a choice, buying the primary', async () => {
    const { el, actor, options } = await picker();
    const { catalog, draft } = actor.getSnapshot().context;
    const product = findProduct(catalog, draft.productId)!;
    const trial = `Try free for ${product.trial!.days} days`;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(`Buy \u2068${product.name}\u2069 or try it free`);
    expect(options().map(({ title, selected, badge }) => ({ title, selected, badge }))).to.deep.equal([
      { title: 'Buy', selected: false, badge: null },
      { title: trial, selected: false, badge: null },
    ]);
    expect(options().map((o) => o.button.classList.contains('primary'))).to.deep.equal([true, false]);
    expect(options().map((o) => o.button.textContent!.trim())).to.deep.equal(['Buy', trial]);
  });

  it('the trial says, before it starts, when it would end and that nothing is charged unless the buyer buys before then', async () => {
    const { el, actor } = await picker();
    const { catalog, draft, account } = actor.getSnapshot().context;
    const product = findProduct(catalog, draft.productId)!;
    const ends = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${trialEnd(product.trial!.days, account!.timeZone)}T00:00:00Z`),
    );
    const hint = parts(el, 'option')[1]!.querySelector('p')!.textContent!.trim();
    expect(hint).to.equal(`No payment needed. You get a welcome e-mail with the details. Nothing is charged unless you buy before ${ends}.`);
    expect(parts(el, 'option')[0]!.textContent).to.not.include('Nothing is charged');
  });

  it('the trial button sends the trial mode and the checkout goes on to the plans', async () => {
    const { el, actor, sent, options } = await picker();
    options()[1]!.button.click();
    expect(sent).to.deep.equal([{ type: 'MODE', mode: 'trial' }]);
    await rest(el, actor, 'tier');
    expect(actor.getSnapshot().context.draft.mode).to.equal('trial');
  });

  it('coming back to it, the badge marks the mode chosen before', async () => {
    const { el, actor, options } = await picker();
    actor.send({ type: 'MODE', mode: 'trial' });
    actor.send({ type: 'BACK' });
    await rest(el, actor, 'mode');
    expect(options().map((o) => o.badge)).to.deep.equal([null, 'Selected']);
    expect(options().map((o) => o.button.classList.contains('primary')), 'one primary: the choice made').to.deep.equal([false, true]);
  });

  it('Back sends BACK and returns to the products', async () => {
    const { el, actor, sent } = await picker();
    parts(el, 'back')[0]!.click();
    expect(sent).to.deep.equal([{ type: 'BACK' }]);
    expect(stepNow(actor)).to.equal('select');
  });
});
