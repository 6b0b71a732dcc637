import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { findProduct, findTier } from '../../machine/rules.js';
import { HeldBackend, money, part, parts, recordSends, rest, stepNow } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwCart } from './cw-cart.js';

/** The cart step of a buyer whose cart already held an item and who added one more. */
async function cart() {
  const backend = new HeldBackend({ scenario: 'cart-with-items' });
  const { actor } = await driveTo('cart', { backend });
  const el = await fixture<CwCart>(html`<cw-cart .actor=${actor}></cw-cart>`);
  const sent = recordSends(actor);
  const items = () => actor.getSnapshot().context.cart!.items;
  const rows = () => parts(el, 'item').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
  return { el, actor, backend, sent, items, rows };
}

describe('cw-cart', () => {
  it("lists each item with its product, plan, licenses and term, and labels each item's buttons with its product", async () => {
    const { el, actor, items, rows } = await cart();
    const { catalog } = actor.getSnapshot().context;
    expect(items().length).to.be.greaterThan(1);
    expect(rows()).to.deep.equal(
      items().map((i) => {
        const product = findProduct(catalog, i.productId)!;
        const tier = findTier(product, i.tierId)!;
        const licenses = `${i.seats} user license${i.seats === 1 ? '' : 's'}`;
        // Each item's first period at its plan's price, an estimate (the quote at review is what is paid).
        const price = money({ ...tier.prices[i.term], amount: tier.prices[i.term].amount * i.seats });
        return `${product.name} ${tier.name} · ${licenses} · ${i.term === 'annual' ? 'Annual' : 'Monthly'} ${price} Edit Remove`;
      }),
    );
    const names = items().map((i) => findProduct(catalog, i.productId)!.name);
    expect(parts(el, 'edit').map((b) => b.getAttribute('aria-label'))).to.deep.equal(names.map((n) => `Edit \u2068${n}\u2069`));
    expect(parts(el, 'remove').map((b) => b.getAttribute('aria-label'))).to.deep.equal(names.map((n) => `Remove \u2068${n}\u2069`));
    expect(part(el, 'checkout').textContent!.trim()).to.equal('Complete transaction');
  });

  it('Remove sends the item; while it is removed every Remove ignores presses; then the item is gone', async () => {
    const { el, actor, backend, sent, items, rows } = await cart();
    const [first, second] = items();
    backend.hold();
    part(el, 'remove').click();
    await el.updateComplete;
    expect(parts(el, 'remove').map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
    expect(part(el, 'checkout').getAttribute('aria-disabled')).to.equal('true');
    part(el, 'remove', 1).click();
    part(el, 'checkout').click();
    expect(sent).to.deep.equal([{ type: 'REMOVE', itemId: first!.id }]);
    backend.release();
    await rest(el, actor, 'cart');
    expect(items().map((i) => i.id)).to.deep.equal([second!.id]);
    expect(rows()).to.have.length(1);
    expect(backend.cart.items.map((i) => i.id)).to.deep.equal([second!.id]);
  });

  it('a failed removal keeps the item and says why', async () => {
    const { el, actor, backend, items, rows } = await cart();
    backend.inject({ op: 'removeCartItem', status: 503 });
    const before = rows();
    part(el, 'remove').click();
    await rest(el, actor, 'cart');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('The billing service is busy. Try again in a moment.');
    expect(rows()).to.deep.equal(before);
    expect(items()).to.have.length(before.length);
  });

  it('Edit, Add another product and Complete transaction each send their event and lead on', async () => {
    const edit = await cart();
    const item = edit.items()[0]!;
    part(edit.el, 'edit').click();
    expect(edit.sent).to.deep.equal([{ type: 'EDIT', itemId: item.id }]);
    expect(edit.actor.getSnapshot().context.editing).to.deep.equal({ itemId: item.id, returnTo: 'cart' });

    const another = await cart();
    part(another.el, 'add-another').click();
    expect(another.sent).to.deep.equal([{ type: 'ADD_ANOTHER' }]);
    expect(stepNow(another.actor)).to.equal('select');

    const checkout = await cart();
    part(checkout.el, 'checkout').click();
    expect(checkout.sent).to.deep.equal([{ type: 'CHECKOUT' }]);
    expect(stepNow(checkout.actor)).to.equal('review');
  });

  it('removing the last item offers Undo, which puts it back; the estimated subtotal sums the items', async () => {
    const { el, actor, sent, items } = await cart();
    const prices = parts(el, 'price').map((p) => p.textContent!.trim());
    expect(prices).to.have.length(items().length);
    expect(part(el, 'estimate').textContent).to.match(/^Estimated subtotal .+, before tax\. Review shows the exact total\.$/);
    const [first, second] = items();
    part(el, 'remove').click();
    await rest(el, actor, 'cart');
    part(el, 'remove').click();
    await rest(el, actor, 'cart');
    expect(items()).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.include('was removed from your cart.');
    part(el, 'undo').click();
    await rest(el, actor, 'cart');
    expect(items().map((i) => i.productId)).to.deep.equal([second!.productId]);
    expect(parts(el, 'item')).to.have.length(1);
    expect(sent.map((e) => e.type)).to.deep.equal(['REMOVE', 'REMOVE', 'UNDO']);
    expect(first).to.exist;
  });
});
