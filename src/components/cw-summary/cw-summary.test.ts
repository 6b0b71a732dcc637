import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { driveTo } from '../../mock/drive.js';
import { estimate } from '../../machine/rules.js';
import { productOf, seatsOf, tierOf } from '../../machine/selectors.js';
import { Localizer } from '../../i18n/localizer.js';
import type { CheckoutActor, CheckoutSnapshot } from '../../machine/checkout.machine.js';
import type { CheckoutContext } from '../../machine/types.js';
import type { Quote } from '../../contract/types.js';
import { money, part, parts, rest, stepNow, textOf } from '../../../test/step-fixture.js';
import { CwSummary } from './cw-summary.js';

// define.ts registers it in the product; alone here.
if (!customElements.get('cw-summary')) customElements.define('cw-summary', CwSummary);

async function summary(actor: CheckoutActor, layout: 'column' | 'bar' = 'column', localizer?: Localizer) {
  const el = await fixture<CwSummary>(html`<cw-summary .actor=${actor} .localizer=${localizer} layout=${layout}></cw-summary>`);
  await el.updateComplete;
  return el;
}

/** An actor whose one snapshot is `actor`'s with `patch` on its context: a hand-made quote, without a backend that makes it. */
function withContext(actor: CheckoutActor, patch: Partial<CheckoutContext>): CheckoutActor {
  const real = actor.getSnapshot();
  const snapshot = Object.create(real, { context: { value: { ...real.context, ...patch } } }) as CheckoutSnapshot;
  return { getSnapshot: () => snapshot, subscribe: () => ({ unsubscribe() {} }), send() {} } as unknown as CheckoutActor;
}

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

describe('cw-summary', () => {
  it('before a quote, labels the draft’s amount at list price as an estimate, and follows the term chosen', async () => {
    const { actor } = await driveTo('seats');
    const el = await summary(actor);
    const c = actor.getSnapshot().context;
    const seats = seatsOf(c).seats!;
    expect(el.view).to.equal('estimate');
    expect(el.getAttribute('view')).to.equal('estimate');
    expect(text(part(el, 'estimate'))).to.equal('Estimate');
    const monthly = money(estimate(tierOf(c)!, 'monthly', seats));
    expect(text(part(el, 'line'))).to.include(productOf(c)!.name).and.include(monthly);
    expect(text(part(el, 'total'))).to.equal(`Estimated total, before tax ${monthly}`);

    actor.send({ type: 'SEATS', text: String(seats + (tierOf(c)!.seats.step ?? 1)) });
    actor.send({ type: 'NEXT' });
    await rest(el, actor, 'term');
    actor.send({ type: 'TERM', term: 'annual' });
    await el.updateComplete;
    const now = actor.getSnapshot().context;
    const annual = money(estimate(tierOf(now)!, 'annual', seatsOf(now).seats!));
    expect(text(part(el, 'line'))).to.include('Billed annually').and.include(annual);
    expect(text(part(el, 'total'))).to.include(annual);
  });

  it('before a plan is chosen, shows the product and its lowest price, not the recommended plan as if chosen', async () => {
    const { actor } = await driveTo('mode');
    const el = await summary(actor);
    const c = actor.getSnapshot().context;
    const product = productOf(c)!;
    expect(product.tiers.length).to.be.greaterThan(1);
    const line = text(part(el, 'line'));
    expect(line).to.include(product.name);
    for (const tier of product.tiers) expect(line).to.not.include(tier.name);
    const lowest = Math.min(...product.tiers.map((t) => t.prices.monthly.amount));
    expect(line).to.include(`From ${money({ amount: lowest, currency: c.catalog!.currency })} per license / month`);
  });

  it('says a short text before anything is chosen, and nothing at all in the bar layout', async () => {
    const { actor } = await driveTo('select');
    const el = await summary(actor);
    expect(el.view).to.equal('empty');
    expect(text(part(el, 'empty'))).to.equal('Your order summary appears here as you choose.');
    el.layout = 'bar';
    await el.updateComplete;
    expect(parts(el, 'bar')).to.have.length(0);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('shows a free trial as its days and nothing to pay', async () => {
    const { actor } = await driveTo('mode');
    actor.send({ type: 'MODE', mode: 'trial' });
    if (stepNow(actor) === 'tier') actor.send({ type: 'TIER', tierId: actor.getSnapshot().context.draft.tierId! });
    const el = await summary(actor);
    await rest(el, actor, 'seats');
    const c = actor.getSnapshot().context;
    expect(el.view).to.equal('trial');
    expect(text(part(el, 'line'))).to.include(`Free trial · ${productOf(c)!.trial!.days} days`);
    expect(text(part(el, 'total'))).to.equal(`Total due today ${money({ amount: 0, currency: tierOf(c)!.prices.monthly.currency })}`);
    expect(parts(el, 'estimate')).to.have.length(0);
  });

  it('at review, every figure is the quote’s', async () => {
    const { actor } = await driveTo('review');
    const el = await summary(actor);
    const quote = actor.getSnapshot().context.quote!;
    expect(el.view).to.equal('quote');
    expect(parts(el, 'estimate')).to.have.length(0);
    expect(parts(el, 'line')).to.have.length(quote.lines.length);
    expect(text(part(el, 'line'))).to.include(quote.lines[0]!.productName).and.include(money(quote.lines[0]!.amount));
    expect(text(part(el, 'total'))).to.equal(`Total due today ${money(quote.total)}`);
    expect(text(part(el, 'totals'))).to.include(money(quote.subtotal)).and.include(money(quote.tax.amount));
    expect(parts(el, 'renewal')).to.have.length(quote.renewals?.length ?? 0);
  });

  it('draws a promotion code’s discount (negative) from the quote', async () => {
    const { actor } = await driveTo('review');
    const el = await summary(actor);
    actor.send({ type: 'PROMO', text: 'WELCOME20' });
    actor.send({ type: 'APPLY_PROMO' });
    await rest(el, actor, 'review');
    const quote = actor.getSnapshot().context.quote!;
    const discount = quote.discounts![0]!;
    expect(text(part(el, 'discount'))).to.equal(`${discount.code} · ${discount.description} ${money({ ...discount.amountOff, amount: -discount.amountOff.amount })}`);
    expect(text(part(el, 'total'))).to.include(money(quote.total));
  });

  it('draws hand-made discounts and adjustments as the quote gives them, and says nothing it computes', async () => {
    const { actor } = await driveTo('review');
    const real = actor.getSnapshot().context.quote!;
    const eur = (amount: number) => ({ amount, currency: real.currency });
    const quote: Quote = {
      ...real,
      subtotal: eur(10000),
      discounts: [{ code: 'SAVE50', description: '€50 off, once', amountOff: eur(5000), duration: 'once' }],
      adjustments: [{ productId: 'meetings', productName: 'Meetings', kind: 'credit', amount: eur(-1234), periodStart: '2026-01-01', periodEnd: '2026-01-31' }],
      tax: { ...real.tax, amount: eur(1111) },
      total: eur(9999),
    };
    const el = await summary(withContext(actor, { quote }));
    expect(text(part(el, 'discount'))).to.equal('SAVE50 · €50 off, once -€50.00');
    expect(text(part(el, 'adjustment'))).to.equal('\u2068Meetings\u2069: credit for the unused time -€12.34');
    expect(text(part(el, 'total'))).to.equal('Total due today €99.99');
    expect(part(el, 'discount').querySelectorAll('bdi')).to.have.length(2);
  });

  it('keeps the quote while the cart is what it priced, and estimates once an item changes', async () => {
    const { actor } = await driveTo('review', { scenario: 'cart-with-items' });
    const el = await summary(actor);
    const quote = actor.getSnapshot().context.quote!;
    actor.send({ type: 'EDIT', itemId: quote.lines[0]!.itemId });
    await rest(el, actor);
    expect(el.view).to.equal('quote');
    expect(text(part(el, 'total'))).to.include(money(quote.total));
    if (actor.getSnapshot().matches('tier')) actor.send({ type: 'TIER', tierId: actor.getSnapshot().context.draft.tierId! });
    await rest(el, actor, 'seats');
    const c = actor.getSnapshot().context;
    actor.send({ type: 'SEATS', text: String(seatsOf(c).seats! + (tierOf(c)!.seats.step ?? 1)) });
    await el.updateComplete;
    expect(el.view).to.equal('estimate');
    expect(parts(el, 'line')).to.have.length(quote.lines.length);
  });

  it('draws nothing on the confirmation', async () => {
    const { actor } = await driveTo('done');
    const el = await summary(actor);
    expect(el.view).to.equal('none');
    expect(el.shadowRoot!.querySelector('*:not(style)')).to.equal(null);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('as a bar: collapsed, the total in its button, opening on click and on Enter', async () => {
    const { actor } = await driveTo('review');
    const el = await summary(actor, 'bar');
    const quote = actor.getSnapshot().context.quote!;
    const details = part<HTMLDetailsElement>(el, 'bar');
    const toggle = part(el, 'toggle');
    expect(details.open).to.equal(false);
    expect(text(toggle)).to.equal(`Order summary · ${money(quote.total)}`);
    toggle.click();
    await waitUntil(() => details.open, 'the bar did not open on click');
    expect(part(el, 'total').checkVisibility()).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !details.open, 'the bar did not close on Enter');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => details.open, 'the bar did not open on Enter');
    await expect(el).to.be.accessible();
  });

  it('as a bar before a quote, says "about" the estimate', async () => {
    const { actor } = await driveTo('seats');
    const el = await summary(actor, 'bar');
    const c = actor.getSnapshot().context;
    expect(text(part(el, 'toggle'))).to.equal(`Order summary · about ${money(estimate(tierOf(c)!, 'monthly', seatsOf(c).seats!))}`);
  });

  it('reads right to left in Arabic, amounts at the inline end, English for any message not translated yet', async () => {
    const { actor } = await driveTo('review', { input: { locale: 'ar' } });
    const ar = await Localizer.load('ar');
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar" style="width: 400px"><cw-summary .actor=${actor} .localizer=${ar}></cw-summary></div>`);
    const el = wrapper.querySelector<CwSummary>('cw-summary')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.frame')!.getAttribute('dir')).to.equal('rtl');
    const line = part(el, 'line');
    const name = line.querySelector('.name')!.getBoundingClientRect();
    const amount = line.querySelector('.amount')!.getBoundingClientRect();
    expect(amount.right).to.be.below(name.left + 1);
    expect(text(part(el, 'title'))).to.not.equal('');
    expect(textOf(el)).to.not.include('undefined');
    await expect(el).to.be.accessible();
  });

  it('is accessible as an estimate and as a quote, and takes no focus', async () => {
    const seats = await summary((await driveTo('seats')).actor);
    await expect(seats).to.be.accessible();
    const review = await summary((await driveTo('review')).actor);
    await expect(review).to.be.accessible();
    expect(review.shadowRoot!.querySelectorAll('[tabindex], button, a, input')).to.have.length(0);
    expect(review.shadowRoot!.querySelectorAll('[aria-live], [role=status], [role=alert]')).to.have.length(0);
    expect(part(review, 'title').localName).to.equal('h3');
  });
});
