import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { findProduct } from '../../machine/rules.js';
import type { Tier } from '../../contract/types.js';
import { styles } from './cw-tier-picker.styles.js';

/**
 * @tagname cw-tier-picker
 * @summary The `tier` step: the product's plans, the recommended one highlighted, each with a details popover.
 *
 * @csspart heading - The step heading.
 * @csspart tier - Each plan card.
 * @csspart choose - The button that picks a plan.
 * @csspart back - The back button.
 * @csspart badge - The recommended and selected badges.
 * @csspart details - The button that opens a plan's details.
 * @csspart popover - The details panel (cw-popover's panel).
 */
export class CwTierPicker extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const product = findProduct(this.ctx.catalog, this.ctx.draft.productId);
    if (!product) return nothing;
    return html`
      ${this.heading(this.t.m.tierHeading)}
      <p class="muted">${product.name}</p>
      <ul class="cards" role="list">
        ${product.tiers.map((tier, i) => this.#card(tier, i))}
      </ul>
      <div class="actions">${this.backButton()}</div>
    `;
  }

  #card(tier: Tier, index: number) {
    const m = this.t.m;
    const chosen = this.ctx.draft.tierId === tier.id;
    return html`<li>
      <article class="card" part="tier" ?data-selected=${chosen} ?data-recommended=${tier.recommended} aria-labelledby="t-${index}">
        <h3 id="t-${index}">${tier.name}</h3>
        ${tier.recommended ? html`<span class="badge accent" part="badge">${m.recommended}</span>` : nothing}
        ${chosen ? html`<span class="badge" part="badge">${m.selected}</span>` : nothing}
        <p class="price">${m.perUserMonth(this.t.money(tier.prices.monthly))}</p>
        ${tier.features?.length
          ? html`<ul class="plain features">
              ${tier.features.slice(0, 3).map((f) => html`<li>${f}</li>`)}
            </ul>`
          : nothing}
        <cw-popover label=${m.detailsOf(tier.name)} exportparts="panel: popover">
          <button slot="trigger" type="button" class="link" part="details">${m.details}<span class="visually-hidden"> ${tier.name}</span></button>
          <p><strong>${tier.name}</strong></p>
          ${tier.description ? html`<p>${tier.description}</p>` : nothing}
          <p>${m.seatRange(tier.seats.min, tier.seats.max)}</p>
          ${tier.features?.length ? html`<ul class="plain">${tier.features.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
        </cw-popover>
        <button
          type="button"
          class="push ${tier.recommended || chosen ? 'primary' : ''}"
          part="choose"
          @click=${() => this.send({ type: 'TIER', tierId: tier.id })}
        >
          ${m.chooseTier(tier.name)}
        </button>
      </article>
    </li>`;
  }
}
