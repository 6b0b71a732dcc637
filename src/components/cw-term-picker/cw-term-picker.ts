import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { commitAction, seatsOf } from '../../machine/selectors.js';
import { annualSaving, estimate, findProduct, findTier } from '../../machine/rules.js';
import type { Term } from '../../contract/types.js';
import { styles } from './cw-term-picker.styles.js';

/**
 * The button says "Complete transaction" when the cart is empty, "Add to cart" when it already holds items,
 * and "Save changes" while editing an item from the cart or review.
 *
 * @tagname cw-term-picker
 * @summary The `term` step: monthly or annual billing, then the button that commits the item.
 *
 * @csspart heading - The step heading.
 * @csspart option - Each billing option.
 * @csspart commit - The commit button.
 * @csspart back - The back button.
 * @csspart badge - The annual saving badge.
 * @csspart total - Each option's total for the licenses chosen (an estimate before tax).
 * @csspart alert - A step-level error.
 * @csspart retry - The retry button of a failed save.
 */
export class CwTermPicker extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const { draft, catalog } = this.ctx;
    const product = findProduct(catalog, draft.productId);
    const tier = findTier(product, draft.tierId);
    if (!product || !tier) return nothing;
    const saving = annualSaving(tier);
    const seats = seatsOf(this.ctx).seats ?? 0;
    // Each term's total for the licenses chosen, an estimate before tax: the quote at review is what is paid.
    const total = (term: Term) => this.t.money(estimate(tier, term, seats));
    const option = (term: Term, title: string, price: string, extra: unknown) => html`
      <label class="option card" part="option" ?data-selected=${draft.term === term}>
        <input
          type="radio"
          name="term"
          value=${term}
          .checked=${draft.term === term}
          @change=${() => this.send({ type: 'TERM', term })}
        />
        <span class="text">
          <span class="title">${title}</span>
          <span class="total" part="total">${term === 'annual' ? m.termTotalYear(total(term)) : m.termTotalMonth(total(term))}</span>
          <span class="muted">${price}</span>
          ${extra}
        </span>
      </label>
    `;
    const action = commitAction(this.ctx);
    const label = action === 'save' ? m.saveChanges : action === 'add-to-cart' ? m.addToCart : m.completeTransaction;
    return html`
      ${this.heading(m.termHeading)}
      <p class="muted"><bdi>${product.name}</bdi> · <bdi>${tier.name}</bdi> · ${this.t.count(m.licenses, seats)}</p>
      ${this.alert(this.ctx.error, { type: 'RETRY' })}
      <fieldset>
        <legend class="visually-hidden">${m.termHeading}</legend>
        <div class="options">
          ${option('monthly', m.monthly, m.perSeatMonth(this.t.money(tier.prices.monthly)), nothing)}
          ${option(
            'annual',
            m.annual,
            m.perSeatYear(this.t.money(tier.prices.annual)),
            saving > 0 ? html`<span class="badge accent" part="badge">${m.save(this.t.percent(saving * 100))}</span>` : nothing,
          )}
        </div>
      </fieldset>
      <div class="actions">
        ${this.backButton()}
        ${this.primaryButton(label, { type: 'COMMIT' }, 'commit')}
      </div>
    `;
  }
}
