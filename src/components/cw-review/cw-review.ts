import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { StepElement } from '../step-element.js';
import type { Quote } from '../../contract/types.js';
import { fieldError, orderOf, quoteMatches } from '../../machine/selectors.js';
import { onPath } from '../../machine/steps.js';
import { isolate } from '../../i18n/localizer.js';
import { styles } from './cw-review.styles.js';

/**
 * Nothing here is computed by the widget: every figure is the quote's.
 *
 * @tagname cw-review
 * @summary The `review` step: the server's quote — each line's billing period from today, licenses, prices, tax and total due.
 *
 * @csspart heading - The step heading.
 * @csspart quote - The quote table.
 * @csspart total - The total due row.
 * @csspart edit - Each "Edit order" button.
 * @csspart continue - The "Continue to payment" button.
 * @csspart back - The back button: "Back to cart" when the path has a cart, else "Back".
 * @csspart alert - The error when the quote failed.
 * @csspart retry - The retry button when the quote failed.
 * @csspart discount - Each discount row (a promotion code).
 * @csspart adjustment - Each adjustment row: what moving the billing date does to a product the account already has.
 * @csspart promo - The promotion code group: "Add a promotion code", its field and Apply, or the code applied with Remove.
 * @csspart input - The promotion code field and the VAT number field.
 * @csspart apply-promo - The button that applies the promotion code.
 * @csspart remove-promo - The button that removes the applied promotion code.
 * @csspart error - The promotion code's or the VAT number's error message.
 * @csspart vat - The VAT number group (only where the billing country has VAT numbers): its label, hint, field, Apply and status.
 * @csspart apply-vat - The button that applies the VAT number.
 */
export class CwReview extends StepElement {
  static override styles = [StepElement.styles, styles];
  static override properties = { ...StepElement.properties, _promoOpen: { state: true } };

  /** "Add a promotion code" was chosen: the field shows (presentation only; the code itself is the machine's). */
  declare _promoOpen: boolean;

  constructor() {
    super();
    this._promoOpen = false;
  }

  protected override renderStep() {
    // One heading for every state of the step, so the focus put on it survives the quote arriving.
    return html`${this.heading(this.t.m.reviewHeading)} ${this.#body()}`;
  }

  #body() {
    const m = this.t.m;
    const { quote, requoted, error } = this.ctx;
    if (this.snap.value.matches({ review: 'failed' })) {
      return html`${this.alert(error)}
        <div class="actions">
          ${this.backButton(this.#backLabel())}
          <button type="button" class="primary" part="retry" @click=${() => this.send({ type: 'RETRY' })}>${m.retry}</button>
        </div>`;
    }
    // A new price for the same order (a VAT number or a promotion code applied) keeps the page and its fields as they
    // are, the figures marked as updating; a quote for another order is not shown at all.
    const repricing = !!quote && this.busy && quoteMatches(quote, orderOf(this.ctx, 'review'));
    if (!quote || (this.busy && !repricing)) {
      return html`<p class="muted" aria-busy="true">${m.updatingTotal}</p>
        <div class="actions">${this.backButton(this.#backLabel())}</div>`;
    }
    return html`
      ${requoted
        ? html`<div class="note">
            ${requoted.reason === 'quote_changed' ? m.quoteChanged : m.quoteExpired}
            ${requoted.previousTotal && requoted.previousTotal.amount !== quote.total.amount
              ? m.totalChanged(this.t.money(requoted.previousTotal), this.t.money(quote.total))
              : nothing}
          </div>`
        : nothing}
      <p>${m.reviewIntro}</p>
      <div class="priced" aria-busy=${repricing ? 'true' : 'false'}>${this.#table(quote)}</div>
      ${repricing ? html`<p class="muted updating">${m.updatingTotal}</p>` : nothing} ${this.#promo()} ${this.vatField()}
      <p class="note">${m.billingDate(this.t.date(quote.billingDate))}</p>
      <div class="actions">
        ${this.backButton(this.#backLabel())} ${this.primaryButton(m.continueToPayment, { type: 'CONTINUE' }, 'continue')}
      </div>
    `;
  }

  /** "Add a promotion code": the field opens on demand; an applied code shows with Remove; a refused one says why at the field. */
  #promo() {
    const m = this.t.m;
    const { promoCode, promoText } = this.ctx;
    const error = fieldError(this.ctx, 'promotionCode');
    if (promoCode && !error) {
      return html`<div class="promo" part="promo">
        <p class="ok">${m.promoApplied(promoCode)}</p>
        <button type="button" class="link" part="remove-promo" @click=${() => this.send({ type: 'REMOVE_PROMO' })}>${m.removePromo}</button>
      </div>`;
    }
    if (!this._promoOpen && !promoText && !error) {
      return html`<div class="promo" part="promo">
        <button type="button" class="link" aria-expanded="false" @click=${this.#openPromo}>${m.addPromo}</button>
      </div>`;
    }
    return html`<div class="promo" part="promo">
      <label for="promo">${m.promoLabel}</label>
      <div class="row">
        <input
          id="promo"
          part="input"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="64"
          .value=${live(promoText)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'promo-error' : nothing}
          @input=${(e: Event) => this.send({ type: 'PROMO', text: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.submit({ type: 'APPLY_PROMO' })}
        />
        <button type="button" part="apply-promo" @click=${() => this.submit({ type: 'APPLY_PROMO' })}>${m.applyPromo}</button>
      </div>
      ${error ? html`<p id="promo-error" class="error" part="error" role="alert">${this.errorText(error)}</p>` : nothing}
    </div>`;
  }

  readonly #openPromo = async () => {
    this._promoOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#promo')?.focus();
  };

  /** Back says where it goes: the cart when the path has one, else back to the item's billing choice. */
  #backLabel() {
    return onPath('cart', this.ctx) ? this.t.m.backToCart : this.t.m.back;
  }

  #table(quote: Quote) {
    const m = this.t.m;
    const t = this.t;
    // Explicit roles: the narrow layout below changes the table's display, which costs some browsers its table semantics.
    return html`<div class="scroll">
      <table part="quote" role="table">
        <caption class="visually-hidden">${m.reviewHeading}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${m.colProduct}</th>
            <th scope="col" role="columnheader">${m.colPeriod}</th>
            <th scope="col" role="columnheader" class="num">${m.colLicenses}</th>
            <th scope="col" role="columnheader" class="num">${m.colUnit}</th>
            <th scope="col" role="columnheader" class="num">${m.colAmount}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${quote.lines.map(
            (line) => html`<tr role="row">
              <th scope="row" role="rowheader">
                <span class="name"><bdi>${line.productName}</bdi></span>
                <span class="muted"><bdi>${line.tierName}</bdi> · ${line.term === 'annual' ? m.annual : m.monthly}</span>
                <button type="button" class="link" part="edit" aria-label=${m.editOrderOf(line.productName)} @click=${() => this.send({ type: 'EDIT', itemId: line.itemId })}>
                  ${m.editOrder}
                </button>
              </th>
              <td role="cell" data-label=${m.colPeriod}>${t.dateRange(line.periodStart, line.periodEnd)}</td>
              <td role="cell" data-label=${m.colLicenses} class="num">${t.number(line.seats)}</td>
              <td role="cell" data-label=${m.colUnit} class="num">${t.money(line.unitAmount)}</td>
              <td role="cell" data-label=${m.colAmount} class="num">${t.money(line.amount)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot role="rowgroup">
          <tr role="row">
            <th scope="row" role="rowheader" colspan="4">${m.subtotal}</th>
            <td role="cell" class="num">${t.money(quote.subtotal)}</td>
          </tr>
          ${(quote.discounts ?? []).map(
            (d) => html`<tr role="row" class="discount" part="discount">
              <th scope="row" role="rowheader" colspan="4"><span class="code">${d.code}</span> <bdi class="muted">${d.description}</bdi></th>
              <td role="cell" class="num">${t.moneyOff(d.amountOff)}</td>
            </tr>`,
          )}
          ${(quote.adjustments ?? []).map(
            (a) => html`<tr role="row" part="adjustment">
              <th scope="row" role="rowheader" colspan="4">
                ${a.kind === 'credit' ? m.adjustCredit(isolate(a.productName)) : m.adjustCharge(isolate(a.productName), t.dateRange(a.periodStart, a.periodEnd))}
              </th>
              <td role="cell" class="num">${t.money(a.amount)}</td>
            </tr>`,
          )}
          <tr role="row">
            <th scope="row" role="rowheader" colspan="4">
              ${m.tax(t.percent(quote.tax.rateBasisPoints))}
              ${quote.tax.reverseCharge ? html`<span class="muted reverse">${m.reverseCharge}${quote.tax.vatId ? ` (${quote.tax.vatId})` : ''}</span>` : nothing}
            </th>
            <td role="cell" class="num">${t.money(quote.tax.amount)}</td>
          </tr>
          <tr role="row" class="total" part="total">
            <th scope="row" role="rowheader" colspan="4">${m.totalDue}</th>
            <td role="cell" class="num">${t.money(quote.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>`;
  }
}
