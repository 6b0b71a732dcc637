import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { cartItemFor, fromPrice, isSubscribed, trialOffered } from '../../machine/rules.js';
import { safeUrl } from '../../contract/schemas.js';
import type { Product } from '../../contract/types.js';
import { styles } from './cw-product-list.styles.js';

/**
 * @tagname cw-product-list
 * @summary The `select` step: the catalog's products, with what the account already owns marked.
 *
 * @csspart heading - The step heading.
 * @csspart product - Each product card.
 * @csspart choose - The button that picks a product.
 * @csspart alert - A step-level error.
 * @csspart back - The back button.
 * @csspart badge - Each badge (subscribed, in cart, free trial).
 */
export class CwProductList extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const { catalog, account, cart } = this.ctx;
    const m = this.t.m;
    return html`
      ${this.heading(m.selectHeading)}
      <p class="muted">${m.selectIntro}</p>
      ${this.alert(this.ctx.error)}
      <ul class="cards" role="list">
        ${catalog?.products.map((p, i) => this.#card(p, i, isSubscribed(account, p.id), !!cartItemFor(cart, p.id), trialOffered(account, p)))}
      </ul>
      ${cart?.items.length ? html`<div class="actions">${this.backButton(m.backToCart)}</div>` : nothing}
    `;
  }

  #card(p: Product, index: number, owned: boolean, inCart: boolean, trial: boolean) {
    const m = this.t.m;
    const icon = safeUrl(p.iconUrl, this.ctx.allowedOrigins);
    return html`<li>
      <article class="card" part="product" aria-labelledby="p-${index}">
        <div class="title">
          ${icon ? html`<img src=${icon} alt="" width="32" height="32" />` : nothing}
          <h3 id="p-${index}">${p.name}</h3>
        </div>
        ${p.description ? html`<p class="muted">${p.description}</p>` : nothing}
        <p>${m.fromPrice(this.t.money(fromPrice(p)))}</p>
        <div class="badges">
          ${owned ? html`<span class="badge" part="badge">${m.subscribed}</span>` : nothing}
          ${inCart ? html`<span class="badge accent" part="badge">${m.inCart}</span>` : nothing}
          ${trial && !inCart && p.trial ? html`<span class="badge" part="badge">${this.t.count(m.trialBadge, p.trial.days)}</span>` : nothing}
        </div>
        ${owned
          ? nothing
          : html`<button
              type="button"
              class="push ${inCart ? '' : 'primary'}"
              part="choose"
              @click=${() => this.send({ type: 'SELECT', productId: p.id })}
            >
              ${inCart ? m.edit : m.choose}<span class="visually-hidden"> ${p.name}</span>
            </button>`}
      </article>
    </li>`;
  }
}
