import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { safeUrl } from '../../contract/schemas.js';
import { stepOf } from '../../machine/selectors.js';

/**
 * @tagname cw-gate
 * @summary The gates: signed out, corporate account, not a billing contact, or the billing service unavailable — each says why and what to do.
 *
 * @csspart heading - The gate heading.
 * @csspart portal - The corporate billing portal link.
 * @csspart retry - The retry button.
 */
export class CwGate extends StepElement {
  protected override renderStep() {
    const m = this.t.m;
    const { account } = this.ctx;
    switch (stepOf(this.snap.value)) {
      case 'signed-out':
        return html`${this.heading(m.signedOutHeading)}
          <p>${m.signedOutText}</p>
          ${this.#retry()}`;
      case 'corporate': {
        const url = safeUrl(account?.corporatePortalUrl, this.ctx.allowedOrigins);
        return html`${this.heading(m.corporateHeading)}
          <p>${m.corporateText}</p>
          ${url ? html`<a class="button primary" part="portal" href=${url} target="_blank" rel="noopener noreferrer">${m.corporateLink}</a>` : nothing}`;
      }
      case 'forbidden':
        return html`${this.heading(m.forbiddenHeading)}
          <p>${m.forbiddenText(account?.billingEmail ?? '')}</p>`;
      case 'unavailable':
        return html`${this.heading(m.unavailableHeading)}
          <p>${this.ctx.error ? this.errorText(this.ctx.error) : m.unavailableText}</p>
          ${this.#retry()}`;
      default:
        return nothing;
    }
  }

  #retry() {
    return html`<div class="actions">
      <button type="button" class="primary" part="retry" @click=${() => this.send({ type: 'RETRY' })}>${this.t.m.retry}</button>
    </div>`;
  }
}
