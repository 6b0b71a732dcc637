import { html } from 'lit';
import { StepElement } from '../step-element.js';
import { findProduct, findTier } from '../../machine/rules.js';
import type { CartItem } from '../../contract/types.js';
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
 */
export class CwCart extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const items = this.ctx.cart?.items ?? [];
    return html`
      ${this.heading(m.cartHeading)}
      ${this.alert(this.ctx.error)}
      <ul class="items" role="list">
        ${items.map((item) => this.#item(item))}
      </ul>
      <div class="actions">
        <button type="button" part="add-another" @click=${() => this.send({ type: 'ADD_ANOTHER' })}>${m.addAnother}</button>
        ${this.primaryButton(m.completeTransaction, { type: 'CHECKOUT' }, 'checkout')}
      </div>
    `;
  }

  #item(item: CartItem) {
    const m = this.t.m;
    const product = findProduct(this.ctx.catalog, item.productId);
    const name = product?.name ?? item.productId;
    const tier = findTier(product, item.tierId)?.name ?? item.tierId;
    return html`<li class="item" part="item">
      <div>
        <strong>${name}</strong>
        <div class="muted">${tier} · ${this.t.count(m.licenses, item.seats)} · ${item.term === 'annual' ? m.annual : m.monthly}</div>
      </div>
      <div class="buttons">
        <button type="button" class="link" part="edit" aria-label=${m.editItem(name)} @click=${() => this.send({ type: 'EDIT', itemId: item.id })}>
          ${m.edit}
        </button>
        <button
          type="button"
          class="link"
          part="remove"
          aria-label=${m.removeItem(name)}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => !this.busy && this.send({ type: 'REMOVE', itemId: item.id })}
        >
          ${m.remove}
        </button>
      </div>
    </li>`;
  }
}
