import { html, nothing, svg } from 'lit';
import { StepElement } from '../step-element.js';
import { safeUrl } from '../../contract/schemas.js';
import { findProduct, findTier } from '../../machine/rules.js';
import type { Order, OrderLine, QuoteLine, Term, Trial } from '../../contract/types.js';
import { fire } from '../../events.js';
import { line, productAndPlan } from '../quote-figures.js';
import { styles } from './cw-confirmation.styles.js';

/** A line of the recap: what the order (or, for an older server, its quote) says was bought. */
type Line = Pick<OrderLine | QuoteLine, 'productName' | 'tierName' | 'seats' | 'term' | 'amount'>;

// Decorative: the heading says the same in words.
const CHECK = svg`<circle cx="12" cy="12" r="12" class="disc" /><path d="M6.8 12.4l3.4 3.4 7-7.2" class="mark" />`;
const CLOCK = svg`<circle cx="12" cy="12" r="10.5" class="ring" /><path d="M12 6.5V12l3.6 2.2" class="hands" />`;
const EXTERNAL = svg`<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />`;

/**
 * @tagname cw-confirmation
 * @summary The `done` step: the order (or trial) confirmed with a recap of what was bought, the total paid, the new
 * billing day, the e-mail sent and the receipt; then the way to assign the new licenses.
 *
 * @csspart icon - The success mark beside the heading (a clock while a bank debit is processing).
 * @csspart heading - The step heading.
 * @csspart recap - The recap of what was bought (or the trial started), its total and order number.
 * @csspart summary - The order facts: total paid and order number; for a trial, when it ends.
 * @csspart line - Each line of the recap: product · plan, licenses and billing, and its amount.
 * @csspart amount - Each line's amount.
 * @csspart receipt - The "View receipt" link, when the order has a receipt.
 * @csspart assign - The "Assign licenses to users" link.
 * @csspart add-more - The "Add more products" button.
 *
 * @fires cw-assign-licenses - When "Assign licenses to users" is chosen; `detail: { url, productIds }`. Cancel it to route in the host app instead of following the link.
 */
export class CwConfirmation extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const { order, trial, account, purchased } = this.ctx;
    const url = safeUrl(account?.assignLicensesUrl, this.ctx.allowedOrigins);
    const productIds = trial ? [trial.productId] : (purchased ?? []);
    // A bank debit: accepted, not settled; the products start when it clears.
    const processing = !trial && order?.status === 'processing';
    return html`
      <div class="hero">
        <svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${processing ? CLOCK : CHECK}</svg>
        ${this.heading(trial ? m.trialHeading : processing ? m.processingHeading : m.doneHeading)}
      </div>
      ${processing ? nothing : html`<p class="ok">${m.access}</p>`}
      ${trial ? this.#trial(trial) : order ? this.#order(order, processing) : nothing}
      ${/* Licenses can be assigned once the products start: not while the payment clears. */ processing
        ? nothing
        : html`<div class="next">
            <p>${m.assignHint}</p>
            ${url
              ? html`<a class="button primary" part="assign" href=${url} target="_blank" rel="noopener noreferrer" @click=${(e: Event) => this.#assign(e, url, productIds)}>
                  ${m.assignLicenses}${this.#newTab()}
                </a>`
              : html`<button type="button" class="primary" part="assign" @click=${(e: Event) => this.#assign(e, null, productIds)}>${m.assignLicenses}</button>`}
          </div>`}
      <div class="actions">
        <button type="button" class=${processing ? 'primary' : ''} part="add-more" @click=${() => this.send({ type: 'RESTART' })}>${m.addMore}</button>
      </div>
    `;
  }

  #order(order: Order, processing: boolean) {
    const m = this.t.m;
    const { quote } = this.ctx;
    const lines = this.#lines(order);
    // Tax is shown only when the rows then add up to the total: the order's own quote, with nothing else in between.
    const paid = quote?.id === order.quoteId ? quote : undefined;
    const tax = paid && !paid.discounts?.length && !paid.adjustments?.length && paid.tax.amount.amount > 0 ? paid.tax : undefined;
    const terms = new Set(lines.map((l) => l.term));
    const billingDay = processing || !terms.size ? undefined : this.#billingDay(order.billingDate, terms);
    const receipt = safeUrl(order.receiptUrl, this.ctx.allowedOrigins);
    return html`
      <div class="recap" part="recap" role="group" aria-labelledby="recap-heading">
        <h3 id="recap-heading">${m.orderSummary}</h3>
        ${this.#lineList(lines)}
        <dl part="summary">
          ${tax ? html`<dt>${m.tax(this.t.percent(tax.rateBasisPoints))}</dt><dd>${this.t.money(tax.amount)}</dd>` : nothing}
          <dt class="total">${processing ? m.colAmount : m.totalPaid}</dt>
          <dd class="total">${this.t.money(order.total)}</dd>
          <dt>${m.orderNumber}</dt>
          <dd><bdi>${order.id}</bdi></dd>
          ${billingDay ? nothing : html`<dt>${m.newBillingDate}</dt><dd>${this.t.date(order.billingDate)}</dd>`}
        </dl>
      </div>
      ${paid?.tax.reverseCharge ? html`<p class="note">${m.reverseCharge}${paid.tax.vatId ? ` (${paid.tax.vatId})` : ''}</p>` : nothing}
      ${billingDay ? html`<p class="billing-day">${billingDay}</p>` : nothing}
      <p>${processing ? m.processingText(order.confirmationEmail) : m.emailSent(order.confirmationEmail)}</p>
      ${receipt
        ? html`<p class="receipt">
            <a class="button" part="receipt" href=${receipt} target="_blank" rel="noopener noreferrer">
              ${m.viewReceipt}<svg class="external" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${EXTERNAL}</svg>${this.#newTab()}
            </a>
          </p>`
        : nothing}
    `;
  }

  #trial(trial: Trial) {
    const m = this.t.m;
    const product = findProduct(this.ctx.catalog, trial.productId);
    const tier = findTier(product, trial.tierId);
    return html`
      <div class="recap" part="recap" role="group" aria-labelledby="recap-heading">
        <h3 id="recap-heading">${m.trialSummary}</h3>
        <ul class="lines" role="list">
          ${line(this.t, productAndPlan(product?.name ?? trial.productId, tier?.name), this.t.count(m.licenses, trial.seats), undefined)}
        </ul>
        <dl part="summary">
          <dt>${m.trialEnds}</dt>
          <dd>${this.t.date(trial.endsAt)}</dd>
        </dl>
      </div>
      <p class="billing-day">${m.trialNoCharge(this.t.date(trial.endsAt))}</p>
      <p>${m.welcomeSent(trial.welcomeEmail)}</p>
    `;
  }

  /** What was bought: the order's lines; from an older server that sent none, the purchased items as the quote had them. */
  #lines(order: Order): Line[] {
    if (order.lines.length) return order.lines;
    const { quote, purchased } = this.ctx;
    if (!quote || quote.id !== order.quoteId) return [];
    return quote.lines.filter((l) => !l.productId || !purchased || purchased.includes(l.productId));
  }

  #lineList(lines: Line[]) {
    const m = this.t.m;
    if (!lines.length) return nothing;
    return html`<ul class="lines" role="list">
      ${lines.map((l) =>
        line(this.t, productAndPlan(l.productName, l.tierName), `${this.t.count(m.licenses, l.seats)} · ${l.term === 'annual' ? m.billedAnnually : m.billedMonthly}`, l.amount),
      )}
    </ul>`;
  }

  /**
   * "Your billing date is now the 2nd of each month" (or of December each year): the new billing date
   * as a day that recurs, by the terms bought.
   */
  #billingDay(iso: string, terms: Set<Term>): string | undefined {
    const when = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(when.getTime())) return undefined;
    const format = new Intl.DateTimeFormat(`${this.t.locale}-u-nu-latn`, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    const month = format.formatToParts(when).find((p) => p.type === 'month')?.value ?? '';
    const kind = terms.has('annual') ? (terms.has('monthly') ? 'mixed' : 'annual') : 'monthly';
    return this.t.m.billingDay[kind](this.t.number(when.getUTCDate()), month, format.format(when));
  }

  #newTab() {
    // The space is in the text, where no template minifier can take it out: the name is "View receipt (opens …)".
    return html`<span class="visually-hidden">${` ${this.t.m.opensInNewTab}`}</span>`;
  }

  #assign(e: Event, url: string | null, productIds: string[]) {
    if (!fire(this, 'cw-assign-licenses', { url, productIds }, true)) e.preventDefault();
  }
}
