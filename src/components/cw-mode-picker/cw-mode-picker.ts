import { html, nothing } from 'lit';
import { StepElement } from '../step-element.js';
import { findProduct, isChosen } from '../../machine/rules.js';
import { trialEnd } from './trial-end.js';
import { isolate } from '../../i18n/localizer.js';

/**
 * @tagname cw-mode-picker
 * @summary The `mode` step: buy the product, or start its free trial (saying when the trial would end, and that nothing is charged unless the buyer buys before then).
 *
 * @csspart heading - The step heading.
 * @csspart option - Each of the two choices.
 * @csspart choose - The button of each choice.
 * @csspart back - The back button.
 * @csspart badge - The "Selected" badge of the current choice.
 */
export class CwModePicker extends StepElement {
  protected override renderStep() {
    const m = this.t.m;
    const product = findProduct(this.ctx.catalog, this.ctx.draft.productId);
    if (!product) return nothing;
    // Buy is a default until the user chooses: nothing shows as selected before that.
    const current = isChosen(this.ctx.draft, 'mode') ? this.ctx.draft.mode : undefined;
    return html`
      ${this.heading(m.modeHeading(isolate(product.name)))}
      <ul class="cards" role="list">
        <li>
          <div class="card" part="option" ?data-selected=${current === 'buy'}>
            <h3>${m.buy}</h3>
            ${current === 'buy' ? html`<span class="badge" part="badge">${m.selected}</span>` : nothing}
            <p class="muted">${m.buyHint}</p>
            <button type="button" class="push ${current === 'trial' ? '' : 'primary'}" part="choose" @click=${() => this.send({ type: 'MODE', mode: 'buy' })}>${m.buy}</button>
          </div>
        </li>
        ${product.trial
          ? html`<li>
              <div class="card" part="option" ?data-selected=${current === 'trial'}>
                <h3>${this.t.count(m.tryFree, product.trial.days)}</h3>
                ${current === 'trial' ? html`<span class="badge" part="badge">${m.selected}</span>` : nothing}
                <p class="muted">${m.tryHint} ${m.trialNoCharge(this.t.date(trialEnd(product.trial.days, this.ctx.account?.timeZone)))}</p>
                <button type="button" class="push ${current === 'trial' ? 'primary' : ''}" part="choose" @click=${() => this.send({ type: 'MODE', mode: 'trial' })}>
                  ${this.t.count(m.tryFree, product.trial.days)}
                </button>
              </div>
            </li>`
          : nothing}
      </ul>
      <div class="actions">${this.backButton()}</div>
    `;
  }
}
