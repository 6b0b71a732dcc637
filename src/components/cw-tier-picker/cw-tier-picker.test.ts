import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { findProduct } from '../../machine/rules.js';
import { money, part, parts, recordSends, rest, stepNow } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwTierPicker } from './cw-tier-picker.js';

async function picker() {
  const { actor } = await driveTo('tier');
  const el = await fixture<CwTierPicker>(html`<cw-tier-picker .actor=${actor}></cw-tier-picker>`);
  const sent = recordSends(actor);
  const { catalog, draft } = actor.getSnapshot().context;
  const product = findProduct(catalog, draft.productId)!;
  const cards = () =>
    parts(el, 'tier').map((card) => ({
      card,
      name: card.querySelector('h3')!.textContent!.trim(),
      badges: [...card.querySelectorAll('[part~=badge]')].map((b) => b.textContent!.trim()),
      price: card.querySelector('.price')!.textContent!.trim(),
      choose: card.querySelector<HTMLButtonElement>('[part~=choose]')!,
    }));
  return { el, actor, sent, product, cards };
}

describe('cw-tier-picker', () => {
  it('shows each plan with its monthly price, the recommended one marked and the one primary, none selected before a choice', async () => {
    const { product, cards } = await picker();
    expect(product.tiers.length, 'a product with a choice of plans').to.be.greaterThan(1);
    const recommended = product.tiers.find((t) => t.recommended)!;
    expect(cards().map(({ name, price, badges }) => ({ name, price, badges }))).to.deep.equal(
      product.tiers.map((t) => ({
        name: t.name,
        price: `${money(t.prices.monthly)} per license / month`,
        badges: t === recommended ? ['Recommended'] : [],
      })),
    );
    expect(cards().map((c) => c.choose.textContent!.trim())).to.deep.equal(product.tiers.map((t) => `Choose \u2068${t.name}\u2069`));
    expect(cards().map((c) => c.choose.classList.contains('primary'))).to.deep.equal(product.tiers.map((t) => t === recommended));
    // The prices line up across the cards, the recommended one's badge notwithstanding.
    const tops = cards().map((c) => [c.card.getBoundingClientRect().top, c.card.querySelector('.price')!.getBoundingClientRect().top, c.card.querySelector('.badges')!.getBoundingClientRect().height]);
    expect(new Set(tops.map(([card, price]) => Math.round(price - card))).size, JSON.stringify(tops)).to.equal(1);
  });

  it('coming back after choosing another plan, only that one is selected and highlighted', async () => {
    const { el, actor, product, cards } = await picker();
    const other = product.tiers.find((t) => !t.recommended)!;
    actor.send({ type: 'TIER', tierId: other.id });
    actor.send({ type: 'BACK' });
    await rest(el, actor, 'tier');
    expect(cards().map((c) => c.badges)).to.deep.equal(product.tiers.map((t) => (t === other ? ['Selected'] : t.recommended ? ['Recommended'] : [])));
    expect(cards().map((c) => c.choose.classList.contains('primary'))).to.deep.equal(product.tiers.map((t) => t === other));
    expect(cards().filter((c) => c.card.hasAttribute('data-recommended') || c.card.hasAttribute('data-selected')).map((c) => c.name)).to.deep.equal([other.name]);
  });

  it('lists at most three features on a card and all of them, with the license range, in its details', async () => {
    const { product, cards } = await picker();
    const tier = product.tiers.find((t) => (t.features?.length ?? 0) > 3)!;
    expect(tier, 'a plan with more than three features').to.exist;
    const { card } = cards().find((c) => c.name === tier.name)!;
    expect([...card.querySelectorAll('.features li')].map((li) => li.textContent)).to.deep.equal(tier.features!.slice(0, 3));
    const popover = card.querySelector('cw-popover')!;
    expect(popover.getAttribute('label')).to.equal(`Details of \u2068${tier.name}\u2069`);
    expect(popover.textContent).to.include(`${tier.seats.min} to ${tier.seats.max} user licenses`);
    for (const feature of tier.features!) expect(popover.textContent).to.include(feature);
    const trigger = card.querySelector<HTMLButtonElement>('[part~=details]')!;
    expect(trigger.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Details ${tier.name}`);
    const toggled = oneEvent(popover, 'cw-popover-toggle');
    trigger.click();
    await toggled;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
  });

  it('Choose sends the plan and the checkout goes on to the licenses with it', async () => {
    const { el, actor, sent, product, cards } = await picker();
    const other = product.tiers.find((t) => !t.recommended)!;
    cards().find((c) => c.name === other.name)!.choose.click();
    expect(sent).to.deep.equal([{ type: 'TIER', tierId: other.id }]);
    await rest(el, actor, 'seats');
    expect(actor.getSnapshot().context.draft.tierId).to.equal(other.id);
  });

  it('Back sends BACK and leaves the plans', async () => {
    const { el, actor, sent, product } = await picker();
    part(el, 'back').click();
    expect(sent).to.deep.equal([{ type: 'BACK' }]);
    // Back to where the product's item began: the choice of buying or trying when it has a trial.
    expect(stepNow(actor)).to.equal(product.trial ? 'mode' : 'select');
  });
});
