import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import type { Quote } from '../../contract/types.js';
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
 * @csspart back - The "Back to cart" button.
 * @csspart alert - The error when the quote failed.
 * @csspart retry - The retry button when the quote failed.
 */
export class CwReview extends StepElement {
  static override styles = [StepElement.styles, styles];

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
          ${this.backButton(m.backToCart)}
          <button type="button" class="primary" part="retry" @click=${() => this.send({ type: 'RETRY' })}>${m.retry}</button>
        </div>`;
    }
    if (!quote || this.busy) {
      return html`<p class="muted" aria-busy="true">${m.updatingTotal}</p>
        <div class="actions">${this.backButton(m.backToCart)}</div>`;
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
      ${this.#table(quote)}
      <p class="note">${m.billingDate(this.t.date(quote.billingDate))}</p>
      <div class="actions">
        ${this.backButton(m.backToCart)}
        <button type="button" class="primary" part="continue" @click=${() => this.send({ type: 'CONTINUE' })}>${m.continueToPayment}</button>
      </div>
    `;
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
                <span class="name">${line.productName}</span>
                <span class="muted">${line.tierName} · ${line.term === 'annual' ? m.annual : m.monthly}</span>
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
