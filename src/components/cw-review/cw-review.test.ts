import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { createMockAdapter } from '../../mock/adapter.js';
import type { Quote } from '../../contract/types.js';
import type { CheckoutActor } from '../../machine/checkout.machine.js';
import { HeldBackend, money, part, parts, recordSends, rest, stepNow, textOf } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwReview } from './cw-review.js';

// A fixed clock: the billing periods and dates on the page are then known.
const now = () => new Date('2025-01-31T09:00:00Z');

async function review(prepare?: (backend: HeldBackend) => void) {
  const backend = new HeldBackend({ scenario: 'empty-cart', now });
  prepare?.(backend);
  const { actor } = await driveTo('review', { backend });
  return { ...(await mount(actor)), backend };
}

async function mount(actor: CheckoutActor) {
  const el = await fixture<CwReview>(html`<cw-review .actor=${actor}></cw-review>`);
  const sent = recordSends(actor);
  const cells = (row: Element) => [...row.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
  const table = () => {
    const t = part<HTMLTableElement>(el, 'quote');
    return { body: [...t.tBodies[0]!.rows].map(cells), foot: [...t.tFoot!.rows].map(cells) };
  };
  return { el, actor, sent, table };
}

/** A quote whose tax and total no arithmetic on its lines gives: only a widget that shows the server's figures shows these. */
const served = (itemId: string): Quote => ({
  id: 'Q-served',
  expiresAt: '2025-01-31T09:30:00Z',
  currency: 'EUR',
  billingDate: '2025-01-31',
  lines: [
    {
      itemId,
      productName: 'Server Product',
      tierName: 'Server Tier',
      seats: 3,
      term: 'annual',
      unitAmount: { amount: 12345, currency: 'EUR' },
      amount: { amount: 37035, currency: 'EUR' },
      periodStart: '2025-01-31',
      periodEnd: '2026-01-31',
    },
  ],
  subtotal: { amount: 37035, currency: 'EUR' },
  tax: { rateBasisPoints: 2150, amount: { amount: 7777, currency: 'EUR' }, reverseCharge: false, vatId: null },
  total: { amount: 44444, currency: 'EUR' },
});

describe('cw-review', () => {
  it("draws the server's quote as it is: each line's period, licenses, prices, the tax and the total", async () => {
    const { el, table } = await review((backend) => backend.inject({ op: 'createQuote', status: 201, json: served('ci-x') }));
    expect(table().body).to.deep.equal([
      ['Server Product Server Tier · Annual Edit order', 'Jan 31, 2025 – Jan 31, 2026', '3', '€123.45', '€370.35'],
    ]);
    expect(table().foot).to.deep.equal([
      ['Subtotal', '€370.35'],
      ['VAT 21.5%', '€77.77'],
      ['Total due today', '€444.44'],
    ]);
    expect(textOf(el)).to.include('Your billing date moves to Jan 31, 2025.');
    expect(part(el, 'edit').getAttribute('aria-label')).to.equal('Edit order: Server Product');
  });

  it('a monthly line runs to the same day next month, clamped to its last day', async () => {
    const { actor, table } = await review();
    const quote = actor.getSnapshot().context.quote!;
    const line = quote.lines[0]!;
    expect(line.term, 'the driven item is billed monthly').to.equal('monthly');
    expect(table().body[0]!.slice(1)).to.deep.equal(['Jan 31 – Feb 28, 2025', String(line.seats), money(line.unitAmount), money(line.amount)]);
    expect(table().foot.at(-1)).to.deep.equal(['Total due today', money(quote.total)]);
  });

  it('a failed quote says why and offers Try again; while it is asked again the total is "updating" and nothing goes on', async () => {
    const { el, actor, backend, sent } = await review((b) => b.inject({ op: 'createQuote', status: 503 }));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('The billing service is busy. Try again in a moment.');
    expect(parts(el, 'quote')).to.have.length(0);
    backend.hold();
    part(el, 'retry').click();
    await el.updateComplete;
    expect(sent).to.deep.equal([{ type: 'RETRY' }]);
    const busy = el.shadowRoot!.querySelector('[aria-busy=true]')!;
    expect(busy.textContent).to.equal('Updating total…');
    expect(parts(el, 'continue')).to.have.length(0);
    expect(parts(el, 'back').map((b) => b.textContent!.trim())).to.deep.equal(['Back']);
    backend.release();
    await rest(el, actor, 'review');
    expect(parts(el, 'quote')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('Continue to payment, Edit order and Back send their events and lead on; Back says where it goes', async () => {
    const pay = await review();
    part(pay.el, 'continue').click();
    expect(pay.sent).to.deep.equal([{ type: 'CONTINUE' }]);
    expect(stepNow(pay.actor)).to.equal('pay');

    const edit = await review();
    const itemId = edit.actor.getSnapshot().context.quote!.lines[0]!.itemId;
    part(edit.el, 'edit').click();
    expect(edit.sent).to.deep.equal([{ type: 'EDIT', itemId }]);
    expect(edit.actor.getSnapshot().context.editing).to.deep.equal({ itemId, returnTo: 'review' });

    // With only this item in the cart there is no cart step: Back goes to its billing choice, and says only "Back".
    const back = await review();
    expect(part(back.el, 'back').textContent!.trim()).to.equal('Back');
    part(back.el, 'back').click();
    expect(back.sent).to.deep.equal([{ type: 'BACK' }]);
    expect(stepNow(back.actor)).to.equal('term');
  });

  it('a promotion code: added on demand, refused at its field with the typed code kept, applied as a discount row, removed', async () => {
    const { el, actor, sent, table } = await review();
    expect(el.shadowRoot!.querySelector('#promo'), 'the field opens on demand').to.equal(null);
    const add = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=promo] button')].find((b) => b.textContent!.includes('Add a promotion code'))!;
    add.click();
    await el.updateComplete;
    // The field is drawn anew after each quote (the table shows "Updating total…" meanwhile).
    const field = () => el.shadowRoot!.querySelector<HTMLInputElement>('#promo')!;
    expect(el.shadowRoot!.activeElement).to.equal(field());
    const type = async (text: string) => {
      field().value = text;
      field().dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
    };
    await type('SUMMER24');
    part(el, 'apply-promo').click();
    await rest(el, actor, 'review');
    expect(el.shadowRoot!.querySelector('#promo-error[role=alert]')!.textContent!.trim()).to.equal('This promotion code has expired.');
    expect(field().getAttribute('aria-invalid')).to.equal('true');
    expect(field().value).to.equal('SUMMER24');
    await type('welcome20');
    part(el, 'apply-promo').click();
    await rest(el, actor, 'review');
    const quote = actor.getSnapshot().context.quote!;
    const [discount] = quote.discounts!;
    expect(discount!.code).to.equal('WELCOME20');
    expect(table().foot.some((row) => row[0]!.startsWith('WELCOME20') && row[1] === money({ ...discount!.amountOff, amount: -discount!.amountOff.amount }))).to.equal(true);
    expect(textOf(el)).to.include('Promotion code WELCOME20 applied');
    part(el, 'remove-promo').click();
    await rest(el, actor, 'review');
    expect(actor.getSnapshot().context.quote!.discounts ?? []).to.deep.equal([]);
    expect(sent.map((e) => e.type)).to.include.members(['PROMO', 'APPLY_PROMO', 'REMOVE_PROMO']);
  });

  it('a VAT number can be applied at review: the page stays as it is (field, value, focus) while it is repriced, then the total is the one paid', async () => {
    const backend = new HeldBackend({ scenario: 'eu-business', now });
    const { actor } = await driveTo('review', { backend });
    const { el, table } = await mount(actor);
    const field = () => el.shadowRoot!.querySelector<HTMLInputElement>('#vat')!;
    expect(field(), 'a VAT field for a billing country with VAT').to.not.equal(null);
    field().focus();
    field().value = 'DE136695976';
    field().dispatchEvent(new InputEvent('input'));
    backend.hold();
    part(el, 'apply-vat').click();
    await el.updateComplete;
    expect(actor.getSnapshot().hasTag('busy')).to.equal(true);
    expect(field().value).to.equal('DE136695976');
    expect(el.shadowRoot!.activeElement, 'focus stays in the field').to.equal(field());
    expect(el.shadowRoot!.querySelector('[aria-busy=true]')!.contains(part(el, 'quote')), 'the figures, marked as updating').to.equal(true);
    expect(part(el, 'continue').getAttribute('aria-disabled')).to.equal('true');
    backend.release();
    await rest(el, actor, 'review');
    const quote = actor.getSnapshot().context.quote!;
    expect(quote.tax.reverseCharge).to.equal(true);
    expect(table().foot.at(-1)!.at(-1)).to.equal(money(quote.total));
    expect(textOf(el)).to.include('VAT number verified');
    part(el, 'continue').click();
    await rest(el, actor, 'pay');
    expect(actor.getSnapshot().context.quote!.total).to.deep.equal(quote.total);
  });

  it('no VAT field where the billing country has no VAT number', async () => {
    const { actor } = await driveTo('review', { backend: new HeldBackend({ scenario: 'usd-account', now }) });
    const { el } = await mount(actor);
    expect(parts(el, 'quote')).to.have.length(1);
    expect(parts(el, 'vat')).to.have.length(0);
  });

  it('when the cart changed before paying, says so with the old and the new total', async () => {
    const backend = new HeldBackend({ scenario: 'empty-cart', now });
    const { actor } = await driveTo('pay', { backend });
    const before = actor.getSnapshot().context.quote!.total;
    // Another tab doubles the licenses of the item being paid for.
    const item = backend.cart.items[0]!;
    const { id, ...input } = item;
    await createMockAdapter(backend).updateCartItem(id, { ...input, seats: item.seats * 2 });
    actor.send({ type: 'PLACE_ORDER' });
    const { el } = await mount(actor);
    await rest(el, actor, 'review');
    const after = actor.getSnapshot().context.quote!.total;
    expect(after.amount).to.not.equal(before.amount);
    expect(textOf(el)).to.include('Prices changed since you last looked. Review the new total before you pay.');
    expect(textOf(el)).to.include(`The total changed from ${money(before)} to ${money(after)}.`);
    expect(backend.orders).to.have.length(0);
  });
});
