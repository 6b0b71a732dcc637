import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { estimate, findProduct, findTier } from '../../machine/rules.js';
import type { CartItem, Money } from '../../contract/types.js';
import { isolate } from '../../i18n/localizer.js';
import { styles } from './cw-cart.styles.js';

/**
 * @tagname cw-cart
 * @summary The `cart` step: what the cart holds, with edit and remove, another product, or checkout.
 *
 * @csspart heading - The step heading.
 * @csspart item - Each cart item.
 * @csspart checkout - The "Complete transaction" button.
 * @csspart add-another - The "Add another product" button.
 * @csspart edit - Each item's edit button.
 * @csspart remove - Each item's remove button.
 * @csspart alert - A step-level error.
 * @csspart price - Each item's estimated price for its first period, before tax.
 * @csspart estimate - The estimated subtotal.
 * @csspart undo - The Undo button after the last item was removed.
 */
export class CwCart extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const items = this.ctx.cart?.items ?? [];
    if (this.snap.value.matches({ cart: 'emptied' }) || this.snap.value.matches({ cart: 'restoring' })) return this.#emptied();
    const prices = items.map((item) => this.#price(item));
    // The estimate adds only prices in one currency; review shows the quote, which is what is paid.
    const total = prices.every((p) => p && p.currency === prices[0]?.currency)
      ? { amount: prices.reduce((sum, p) => sum + p!.amount, 0), currency: prices[0]?.currency ?? '' }
      : undefined;
    return html`
      ${this.heading(m.cartHeading)}
      ${this.alert(this.ctx.error)}
      <ul class="items" role="list">
        ${items.map((item, i) => this.#item(item, prices[i]))}
      </ul>
      ${total && items.length ? html`<p class="estimate muted" part="estimate">${m.estimatedSubtotal(this.t.money(total))}</p>` : nothing}
      <div class="actions">
        <button type="button" part="add-another" @click=${() => this.send({ type: 'ADD_ANOTHER' })}>${m.addAnother}</button>
        ${this.primaryButton(m.completeTransaction, { type: 'CHECKOUT' }, 'checkout')}
      </div>
    `;
  }

  /** The last item was removed: Undo for a few seconds, or another product. */
  #emptied() {
    const m = this.t.m;
    const removed = this.ctx.removed;
    const name = (removed && findProduct(this.ctx.catalog, removed.productId)?.name) ?? removed?.productId ?? '';
    return html`
      ${this.heading(m.cartHeading)}
      ${this.alert(this.ctx.error)}
      <p class="removed">${m.removedItem(isolate(name))}</p>
      <div class="actions">
        <button type="button" part="add-another" @click=${() => this.send({ type: 'ADD_ANOTHER' })}>${m.addAnother}</button>
        ${this.primaryButton(m.undo, { type: 'UNDO' }, 'undo')}
      </div>
    `;
  }

  /** An item's first period at its tier's price: an estimate, as the quote is what is paid. */
  #price(item: CartItem): Money | undefined {
    const tier = findTier(findProduct(this.ctx.catalog, item.productId), item.tierId);
    return tier && estimate(tier, item.term, item.seats);
  }

  #item(item: CartItem, price: Money | undefined) {
    const m = this.t.m;
    const product = findProduct(this.ctx.catalog, item.productId);
    const name = product?.name ?? item.productId;
    const tier = findTier(product, item.tierId)?.name ?? item.tierId;
    return html`<li class="item" part="item">
      <div>
        <strong><bdi>${name}</bdi></strong>
        <div class="muted"><bdi>${tier}</bdi> · ${this.t.count(m.licenses, item.seats)} · ${item.term === 'annual' ? m.annual : m.monthly}</div>
        ${price ? html`<div class="price" part="price">${this.t.money(price)}</div>` : nothing}
      </div>
      <div class="buttons">
        <button type="button" class="link" part="edit" aria-label=${m.editItem(isolate(name))} @click=${() => this.send({ type: 'EDIT', itemId: item.id })}>
          ${m.edit}
        </button>
        <button
          type="button"
          class="link"
          part="remove"
          aria-label=${m.removeItem(isolate(name))}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => !this.busy && this.send({ type: 'REMOVE', itemId: item.id })}
        >
          ${m.remove}
        </button>
      </div>
    </li>`;
  }
}
