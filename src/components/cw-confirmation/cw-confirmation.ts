import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { safeUrl } from '../../contract/schemas.js';
import { findProduct } from '../../machine/rules.js';
import { fire } from '../../events.js';
import { styles } from './cw-confirmation.styles.js';

/**
 * @tagname cw-confirmation
 * @summary The `done` step: the order (or trial) confirmed, immediate access, the e-mail sent, and the way to assign the new licenses.
 *
 * @csspart heading - The step heading.
 * @csspart summary - The order facts.
 * @csspart assign - The "Assign licenses to users" link.
 * @csspart add-more - The "Add more products" button.
 *
 * @fires cw-assign-licenses - When "Assign licenses to users" is chosen; `detail: { url, productIds }`. Cancel it to route in the host app instead of following the link.
 */
export class CwConfirmation extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const { order, trial, account, purchased, catalog, quote } = this.ctx;
    const url = safeUrl(account?.assignLicensesUrl, this.ctx.allowedOrigins);
    const productIds = trial ? [trial.productId] : (purchased ?? []);
    // A bank debit: accepted, not settled; the products start when it clears.
    const processing = order?.status === 'processing';
    const facts = trial
      ? html`<dl part="summary">
          <dt>${findProduct(catalog, trial.productId)?.name ?? trial.productId}</dt>
          <dd>${this.t.count(m.licenses, trial.seats)}</dd>
          <dt>${m.trialEnds}</dt>
          <dd>${this.t.date(trial.endsAt)}</dd>
        </dl>
        <p>${m.welcomeSent(trial.welcomeEmail)}</p>`
      : order
        ? html`<dl part="summary">
            <dt>${m.orderNumber}</dt>
            <dd>${order.id}</dd>
            <dt>${processing ? m.colAmount : m.totalPaid}</dt>
            <dd>${this.t.money(order.total)}</dd>
            <dt>${m.newBillingDate}</dt>
            <dd>${this.t.date(order.billingDate)}</dd>
          </dl>
          ${quote?.tax.reverseCharge ? html`<p class="note">${m.reverseCharge}${quote.tax.vatId ? ` (${quote.tax.vatId})` : ''}</p>` : nothing}
          <p>${processing ? m.processingText(order.confirmationEmail) : m.emailSent(order.confirmationEmail)}</p>`
        : nothing;
    return html`
      ${this.heading(trial ? m.trialHeading : processing ? m.processingHeading : m.doneHeading)}
      ${processing ? nothing : html`<p class="ok">${m.access}</p>`}
      ${facts}
      <div class="next">
        <p>${m.assignHint}</p>
        ${url
          ? html`<a class="button primary" part="assign" href=${url} target="_blank" rel="noopener noreferrer" @click=${(e: Event) => this.#assign(e, url, productIds)}>
              ${m.assignLicenses}
            </a>`
          : html`<button type="button" class="primary" part="assign" @click=${(e: Event) => this.#assign(e, null, productIds)}>${m.assignLicenses}</button>`}
      </div>
      <div class="actions">
        <button type="button" part="add-more" @click=${() => this.send({ type: 'RESTART' })}>${m.addMore}</button>
      </div>
    `;
  }

  #assign(e: Event, url: string | null, productIds: string[]) {
    if (!fire(this, 'cw-assign-licenses', { url, productIds }, true)) e.preventDefault();
  }
}
