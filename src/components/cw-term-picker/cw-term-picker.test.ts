import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import type { MockBackend, ScenarioName } from '../../mock/backend.js';
import { findProduct, findTier } from '../../machine/rules.js';
import { HeldBackend, money, part, parts, recordSends, rest, stepNow, textOf } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwTermPicker } from './cw-term-picker.js';

async function picker(options: { scenario?: ScenarioName; backend?: MockBackend } = {}) {
  const { actor, backend } = await driveTo('term', options);
  const el = await fixture<CwTermPicker>(html`<cw-term-picker .actor=${actor}></cw-term-picker>`);
  const sent = recordSends(actor);
  const commit = () => part<HTMLButtonElement>(el, 'commit');
  const radio = (term: 'monthly' | 'annual') => el.shadowRoot!.querySelector<HTMLInputElement>(`input[value=${term}]`)!;
  return { el, actor, backend, sent, commit, radio };
}

const label = (button: HTMLElement) => button.textContent!.trim();

describe('cw-term-picker', () => {
  it('shows the plan, both prices from the catalog and the annual saving', async () => {
    const { el, actor } = await picker();
    const { catalog, draft } = actor.getSnapshot().context;
    const product = findProduct(catalog, draft.productId)!;
    const tier = findTier(product, draft.tierId)!;
    const { monthly, annual } = tier.prices;
    const saving = Math.round((1 - annual.amount / (12 * monthly.amount)) * 100);
    expect(saving, 'the fixture plan saves on annual billing').to.be.greaterThan(0);
    expect(textOf(el)).to.include(`${product.name} · ${tier.name} · ${draft.seatsText} user license`);
    // Each term's total for the licenses chosen, before tax, then the price per license.
    const seats = Number(draft.seatsText);
    const times = (m: typeof monthly) => money({ ...m, amount: m.amount * seats });
    expect(parts(el, 'option').map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `Monthly ${times(monthly)} a month for your licenses, before tax ${money(monthly)} per license / month`,
      `Annual ${times(annual)} a year for your licenses, before tax ${money(annual)} per license / year Save ${saving}%`,
    ]);
  });

  it('the button says what committing will do: complete, add to cart, or save an edit', async () => {
    const empty = await picker();
    expect(label(empty.commit())).to.equal('Complete transaction');

    const filled = await picker({ scenario: 'cart-with-items' });
    expect(label(filled.commit())).to.equal('Add to cart');

    // Editing the item already in the cart, from the cart.
    const { actor } = await driveTo('cart', { scenario: 'cart-with-items' });
    const item = actor.getSnapshot().context.cart!.items[0]!;
    actor.send({ type: 'EDIT', itemId: item.id });
    if (stepNow(actor) === 'tier') actor.send({ type: 'TIER', tierId: item.tierId });
    actor.send({ type: 'NEXT' });
    expect(stepNow(actor)).to.equal('term');
    const el = await fixture<CwTermPicker>(html`<cw-term-picker .actor=${actor}></cw-term-picker>`);
    expect(label(part(el, 'commit'))).to.equal('Save changes');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>(`input[value=${item.term}]`)!.checked).to.equal(true);
  });

  it('licenses typed with a thousands separator are shown and saved as that number (not NaN)', async () => {
    const { actor, backend } = await driveTo('tier');
    const { catalog, draft } = actor.getSnapshot().context;
    const tier = findProduct(catalog, draft.productId)!.tiers.find((t) => t.seats.max >= 1000);
    if (!tier) throw new Error('the driven product has no plan that allows 1000 licenses or more');
    const seats = tier.seats.max;
    const typed = seats.toLocaleString('en');
    expect(typed, 'typed with a separator').to.include(',');
    actor.send({ type: 'TIER', tierId: tier.id });
    actor.send({ type: 'SEATS', text: typed });
    actor.send({ type: 'NEXT' });
    expect(stepNow(actor)).to.equal('term');
    const el = await fixture<CwTermPicker>(html`<cw-term-picker .actor=${actor}></cw-term-picker>`);
    expect(textOf(el)).to.include(`${tier.name} · ${typed} user licenses`);
    part(el, 'commit').click();
    await rest(el, actor, 'review');
    expect(backend.cart.items.map((i) => i.seats)).to.deep.equal([seats]);
  });

  it('choosing a term sends it and checks that option', async () => {
    const { el, sent, radio } = await picker();
    expect([radio('monthly').checked, radio('annual').checked]).to.deep.equal([true, false]);
    radio('annual').click();
    await el.updateComplete;
    expect(sent).to.deep.equal([{ type: 'TERM', term: 'annual' }]);
    expect([radio('monthly').checked, radio('annual').checked]).to.deep.equal([false, true]);
    expect(parts(el, 'option').map((o) => o.hasAttribute('data-selected'))).to.deep.equal([false, true]);
  });

  it('while the item is saved the button is aria-disabled and ignores presses; then the checkout goes on', async () => {
    const backend = new HeldBackend({ scenario: 'empty-cart' });
    const { el, actor, sent, commit } = await picker({ backend });
    backend.hold();
    commit().click();
    await el.updateComplete;
    expect(commit().getAttribute('aria-disabled')).to.equal('true');
    commit().click();
    commit().click();
    expect(sent).to.deep.equal([{ type: 'COMMIT' }]);
    expect(backend.waiting).to.equal(1);
    backend.release();
    // "Complete transaction" with an empty cart goes straight to the review.
    await rest(el, actor, 'review');
    expect(backend.cart.items).to.have.length(1);
  });

  it('a failed save shows an alert whose Try again saves once more', async () => {
    const { el, actor, backend, sent } = await picker();
    backend.inject({ op: 'addCartItem', status: 500 });
    part(el, 'commit').click();
    await rest(el, actor, 'term');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.include('The billing service is busy. Try again in a moment.');
    expect(part(el, 'commit').getAttribute('aria-disabled')).to.equal('false');
    part(el, 'retry').click();
    expect(sent).to.deep.equal([{ type: 'COMMIT' }, { type: 'RETRY' }]);
    await rest(el, actor, 'review');
    expect(backend.cart.items).to.have.length(1);
  });
});
