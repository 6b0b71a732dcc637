import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { findProduct, isChosen } from '../../machine/rules.js';
import type { Tier } from '../../contract/types.js';
import { isolate } from '../../i18n/localizer.js';
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
      <p class="muted"><bdi>${product.name}</bdi></p>
      <ul class="cards" role="list">
        ${product.tiers.map((tier, i) => this.#card(tier, i))}
      </ul>
      <div class="actions">${this.backButton()}</div>
    `;
  }

  #card(tier: Tier, index: number) {
    const m = this.t.m;
    // Once a plan is chosen (coming back, or editing an order), only it is highlighted; before, the recommended one.
    const picked = isChosen(this.ctx.draft, 'tier');
    const chosen = picked && this.ctx.draft.tierId === tier.id;
    const highlight = picked ? chosen : !!tier.recommended;
    return html`<li>
      <article class="card" part="tier" ?data-selected=${chosen} ?data-recommended=${!picked && tier.recommended} aria-labelledby="t-${index}">
        <h3 id="t-${index}"><bdi>${tier.name}</bdi></h3>
        <div class="badges">
          ${tier.recommended ? html`<span class="badge accent" part="badge">${m.recommended}</span>` : nothing}
          ${chosen ? html`<span class="badge" part="badge">${m.selected}</span>` : nothing}
        </div>
        <p class="price">${m.perSeatMonth(this.t.money(tier.prices.monthly))}</p>
        <ul class="plain features grow">
          ${tier.features?.slice(0, 3).map((f) => html`<li><bdi>${f}</bdi></li>`)}
        </ul>
        <cw-popover label=${m.detailsOf(isolate(tier.name))} exportparts="panel: popover">
          <button slot="trigger" type="button" class="link" part="details">${m.details}<span class="visually-hidden"> <bdi>${tier.name}</bdi></span></button>
          <p><strong><bdi>${tier.name}</bdi></strong></p>
          ${tier.description ? html`<p><bdi>${tier.description}</bdi></p>` : nothing}
          <p>${m.seatRange(tier.seats.min, tier.seats.max)}</p>
          ${tier.features?.length ? html`<ul class="plain">${tier.features.map((f) => html`<li><bdi>${f}</bdi></li>`)}</ul>` : nothing}
        </cw-popover>
        <button
          type="button"
          class="push ${highlight ? 'primary' : ''}"
          part="choose"
          @click=${() => this.send({ type: 'TIER', tierId: tier.id })}
        >
          ${m.chooseTier(isolate(tier.name))}
        </button>
      </article>
    </li>`;
  }
}
