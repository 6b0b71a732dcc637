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
 * @csspart icon - Each product's icon (the catalog's `iconUrl`), or its initial when it has none.
 * @csspart price - Each product's starting price.
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
          ${icon
            ? html`<img part="icon" src=${icon} alt="" width="32" height="32" />`
            : html`<span class="icon" part="icon" aria-hidden="true">${[...p.name.trim()][0]?.toLocaleUpperCase(this.t.locale)}</span>`}
          <h3 id="p-${index}"><bdi>${p.name}</bdi></h3>
        </div>
        <p class="muted grow"><bdi>${p.description ?? ''}</bdi></p>
        <p class="price" part="price">${m.fromPrice(this.t.money(fromPrice(p)))}</p>
        <div class="badges">
          ${inCart ? html`<span class="badge accent" part="badge">${m.inCart}</span>` : nothing}
          ${trial && !inCart && p.trial ? html`<span class="badge" part="badge">${this.t.count(m.trialBadge, p.trial.days)}</span>` : nothing}
        </div>
        ${owned
          ? // Where the button would be, so that prices line up with the cards beside it.
            html`<div class="owned push"><span class="badge" part="badge">${m.subscribed}</span></div>`
          : html`<button
              type="button"
              class="push ${inCart ? '' : 'primary'}"
              part="choose"
              @click=${() => this.send({ type: 'SELECT', productId: p.id })}
            >
              ${inCart ? m.edit : m.choose}<span class="visually-hidden"> <bdi>${p.name}</bdi></span>
            </button>`}
      </article>
    </li>`;
  }
}
