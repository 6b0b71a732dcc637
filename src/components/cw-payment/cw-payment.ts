import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { StepElement } from '../step-element.js';
import { fieldError, orderState, stepError } from '../../machine/selectors.js';
import { figureStyles, quoteFigures } from '../quote-figures.js';
import { styles } from './cw-payment.styles.js';

/**
 * @tagname cw-payment
 * @summary The `pay` step: a payment method (on file, or added through the payment provider's own fields),
 * an optional VAT number that re-prices the order, and "Place order" with the total on it.
 *
 * @slot payment - The payment provider's fields (for example Stripe Elements), mounted in light DOM.
 *
 * @csspart heading - The step heading.
 * @csspart methods - The list of payment methods.
 * @csspart vat - The VAT number field.
 * @csspart method - Each payment method (its label, with the radio button).
 * @csspart badge - The default method's badge.
 * @csspart add-method - The "Add payment method" button.
 * @csspart save-method - The button that saves a method entered in the provider's fields.
 * @csspart cancel - The button that cancels adding a method.
 * @csspart input - The VAT number field.
 * @csspart apply-vat - The button that applies the VAT number.
 * @csspart error - A payment-method or VAT error message.
 * @csspart declined - A decline, said beside Place order.
 * @csspart discount - Each discount in the recap.
 * @csspart adjustment - Each adjustment in the recap: what moving the billing date does to a product the account has.
 * @csspart alert - A step-level error, and the "order not confirmed" notice.
 * @csspart recap - What is paid for, above Place order: lines, tax, total, renewals and the authorisation.
 * @csspart totals - The tax and total of the current quote.
 * @csspart renewal - Each renewal statement ("Renews automatically on … at … a year until you cancel").
 * @csspart authorise - The authorisation to charge the method at each renewal.
 * @csspart order-status - "Confirm the payment in the window from your bank…" or "Checking your order…" while an order is under way.
 * @csspart place-order - The "Place order" button.
 * @csspart check-again - The button that checks an unconfirmed order again.
 * @csspart back - The back button.
 */
export class CwPayment extends StepElement {
  static override styles = [StepElement.styles, figureStyles, styles];
  protected override renderStep() {
    const m = this.t.m;
    const { account, paymentMethodId, addingMethod } = this.ctx;
    const state = this.snap.value;
    const methodError = fieldError(this.ctx, 'paymentMethodId');
    // A decline is said next to Place order, where the eye is; the method's own problems at the method.
    const fieldMessage = methodError && methodError.code !== 'payment_declined' ? methodError : undefined;
    const methods = account?.paymentMethods ?? [];
    // While an order is under way (or its outcome unknown), no other method, VAT ID or new quote may start another.
    const locked = !!orderState(this.snap.value);
    return html`
      ${this.heading(m.payHeading)}
      ${state.matches({ pay: 'idle' }) ? this.alert(stepError(this.ctx)) : nothing}
      <fieldset part="methods" ?disabled=${locked} aria-describedby=${methodError ? 'method-error' : nothing}>
        <legend>${m.paymentMethod}</legend>
        ${methods.map(
          (pm) => html`<label class="method" part="method">
            <input
              type="radio"
              name="method"
              .checked=${live(pm.id === paymentMethodId)}
              aria-describedby=${methodError ? 'method-error' : nothing}
              @click=${() => this.send({ type: 'PAYMENT_METHOD', id: pm.id })}
            />
            <span>${pm.label}</span>
            ${pm.expires ? html`<span class="muted">${m.expires(this.t.monthYear(pm.expires))}</span>` : nothing}
            ${pm.isDefault ? html`<span class="badge" part="badge">${m.defaultMethod}</span>` : nothing}
          </label>`,
        )}
        ${fieldMessage
          ? html`<p id="method-error" class="error" part="error" role="alert">
              ${/* The provider's own words, when it could not make a token: they are the host's, not the backend's. */
              (fieldMessage.code === 'payment_method_failed' && fieldMessage.message) || this.errorText(fieldMessage)}
            </p>`
          : nothing}
        ${addingMethod
          ? html`<div class="provider">
              <slot name="payment"></slot>
              <div class="row">
                <button type="button" class="primary" part="save-method" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#save}>${m.saveMethod}</button>
                <button type="button" part="cancel" @click=${() => this.send({ type: 'CANCEL_METHOD' })}>${m.cancel}</button>
              </div>
            </div>`
          : this.ctx.provider
            ? html`<button type="button" class="link add" part="add-method" @click=${() => this.send({ type: 'ADD_METHOD' })}>${m.addMethod}</button>`
            : methods.length
              ? nothing
              : html`<p class="muted">${m.noProvider}</p>`}
      </fieldset>

      ${this.vatField(locked)}
      ${this.#recap()}

      ${this.#actions()}
    `;
  }

  /** While an order's outcome is unknown, nothing here can pay again with a new key. */
  #actions() {
    const m = this.t.m;
    const order = orderState(this.snap.value);
    if (order === 'unconfirmed') {
      return html`<div class="alert" part="alert" role="alert">
          <p><strong>${m.unconfirmed}</strong></p>
          <p>${m.unconfirmedHint}</p>
        </div>
        <div class="actions">
          <button type="button" class="primary" part="check-again" @click=${() => this.send({ type: 'CHECK_AGAIN' })}>${m.checkAgain}</button>
        </div>`;
    }
    // Announced by the wizard's live region; a second live region here would say it twice.
    if (order === 'confirming' || order === 'authenticating') {
      return html`<p class="note busy" part="order-status"><span class="spinner" aria-hidden="true"></span>${order === 'confirming' ? m.confirming : m.authenticating}</p>`;
    }
    const { quote } = this.ctx;
    const declined = fieldError(this.ctx, 'paymentMethodId');
    return html`${declined?.code === 'payment_declined'
        ? html`<p id="method-error" class="error declined" part="error declined" role="alert" tabindex="-1">${this.errorText(declined)}</p>`
        : nothing}
      <div class="actions">
      ${this.backButton()}
      ${this.primaryButton(order === 'placing' ? m.placingOrder : quote ? m.placeOrder(this.t.money(quote.total)) : m.updatingTotal, { type: 'PLACE_ORDER' }, 'place-order')}
    </div>`;
  }

  /**
   * What is paid for, right above Place order: the lines, tax and total of the quote (a VAT number can change
   * them here), what each subscription renews at and when, and the authorisation for renewals.
   */
  #recap() {
    const { quote } = this.ctx;
    if (!quote) return nothing;
    const m = this.t.m;
    return html`<div class="recap" part="recap" role="group" aria-labelledby="recap-heading">
      <h3 id="recap-heading">${m.payingFor}</h3>
      ${quoteFigures(this.t, m, quote)}
      <p class="muted authorise" part="authorise">${m.authorise}</p>
    </div>`;
  }

  readonly #save = () => this.submit({ type: 'SAVE_METHOD' });

  /** A payment-method error points at the method (the provider's fields while adding one), else the VAT field if it is wrong. */
  protected override invalidField(): HTMLElement | null {
    const root = this.renderRoot;
    const message = root.querySelector<HTMLElement>('#method-error');
    if (!message) return super.invalidField();
    // A decline: focus on its message, beside Place order.
    if (message.classList.contains('declined')) return message;
    const slot = root.querySelector<HTMLSlotElement>('slot[name=payment]');
    const fields = slot?.assignedElements({ flatten: true }).map((e) => e.querySelector<HTMLElement>('input, select, textarea, iframe'));
    return fields?.find(Boolean) ?? root.querySelector<HTMLElement>('input[name=method]:checked') ?? root.querySelector<HTMLElement>('input[name=method], [part=add-method]');
  }
}
