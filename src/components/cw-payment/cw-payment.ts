import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { StepElement } from '../step-element.js';
import type { PaymentProvider } from '../../adapter/billing-adapter.js';
import type { CheckoutEvent } from '../../machine/types.js';
import { fieldError, orderState, stepError } from '../../machine/selectors.js';
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
 * @csspart alert - A step-level error, and the "order not confirmed" notice.
 * @csspart totals - The tax and total of the current quote.
 * @csspart place-order - The "Place order" button.
 * @csspart check-again - The button that checks an unconfirmed order again.
 * @csspart back - The back button.
 */
export class CwPayment extends StepElement {
  static override styles = [StepElement.styles, styles];
  static override properties = { ...StepElement.properties, provider: { attribute: false } };

  /** Turns the provider's fields into a token; without one, only methods on file can pay. */
  declare provider?: PaymentProvider;

  protected override renderStep() {
    const m = this.t.m;
    const { account, paymentMethodId, addingMethod, vatText, vatVerdict } = this.ctx;
    const state = this.snap.value;
    const vatError = !!fieldError(this.ctx, 'vatId');
    const methodError = fieldError(this.ctx, 'paymentMethodId');
    const methods = account?.paymentMethods ?? [];
    return html`
      ${this.heading(m.payHeading)}
      ${state.matches({ pay: 'idle' }) ? this.alert(stepError(this.ctx)) : nothing}
      <fieldset part="methods" aria-describedby=${methodError ? 'method-error' : nothing}>
        <legend>${m.paymentMethod}</legend>
        ${methods.map(
          (pm) => html`<label class="method" part="method">
            <input
              type="radio"
              name="method"
              .checked=${live(pm.id === paymentMethodId)}
              aria-describedby=${methodError ? 'method-error' : nothing}
              @change=${() => this.send({ type: 'PAYMENT_METHOD', id: pm.id })}
            />
            <span>${pm.label}</span>
            ${pm.expires ? html`<span class="muted">${m.expires(this.t.monthYear(pm.expires))}</span>` : nothing}
            ${pm.isDefault ? html`<span class="badge" part="badge">${m.defaultMethod}</span>` : nothing}
          </label>`,
        )}
        ${methodError
          ? html`<p id="method-error" class="error" part="error" role="alert">
              ${/* The provider's own words, when it could not make a token: they are the host's, not the backend's. */
              (methodError.code === 'payment_method_failed' && methodError.message) || this.errorText(methodError)}
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
          : this.provider
            ? html`<button type="button" class="link add" part="add-method" @click=${() => this.send({ type: 'ADD_METHOD' })}>${m.addMethod}</button>`
            : methods.length
              ? nothing
              : html`<p class="muted">${m.noProvider}</p>`}
      </fieldset>

      <div class="vat" part="vat">
        <label for="vat">${m.vatLabel}</label>
        <p id="vat-hint" class="muted hint">${m.vatHint}</p>
        <div class="row">
          <input
            id="vat"
            part="input"
            type="text"
            autocomplete="off"
            spellcheck="false"
            .value=${live(vatText)}
            aria-invalid=${vatError || vatVerdict?.status === 'invalid' ? 'true' : 'false'}
            aria-describedby="vat-hint vat-status"
            @input=${(e: Event) => this.send({ type: 'VAT', text: (e.target as HTMLInputElement).value })}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.submit({ type: 'APPLY_VAT' })}
          />
          <button type="button" part="apply-vat" @click=${() => this.submit({ type: 'APPLY_VAT' })}>${m.applyVat}</button>
        </div>
        <div id="vat-status">${this.#vatStatus(vatError)}</div>
      </div>
      ${this.#totals()}

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
    if (order === 'confirming') return html`<p class="note">${m.confirming}</p>`;
    const { quote } = this.ctx;
    return html`<div class="actions">
      ${this.backButton()}
      ${this.primaryButton(order === 'placing' ? m.placingOrder : quote ? m.placeOrder(this.t.money(quote.total)) : m.updatingTotal, { type: 'PLACE_ORDER' }, 'place-order')}
    </div>`;
  }

  /** The quote's tax and total, which a VAT number can change here. */
  #totals() {
    const { quote } = this.ctx;
    if (!quote) return nothing;
    const m = this.t.m;
    return html`<dl class="totals" part="totals">
      <dt>${m.tax(this.t.percent(quote.tax.rateBasisPoints))}</dt>
      <dd>${this.t.money(quote.tax.amount)}</dd>
      <dt>${m.totalDue}</dt>
      <dd>${this.t.money(quote.total)}</dd>
    </dl>
    ${quote.tax.reverseCharge ? html`<p class="note">${m.reverseCharge}${quote.tax.vatId ? ` (${quote.tax.vatId})` : ''}</p>` : nothing}`;
  }

  #vatStatus(vatError: boolean | undefined) {
    const m = this.t.m;
    const verdict = this.ctx.vatVerdict;
    if (vatError) {
      const reason = this.ctx.error?.fieldErrors.find((f) => f.field === 'vatId')?.code as keyof typeof m.vatErrors | undefined;
      return html`<p class="error" part="error" role="alert">${(reason && m.vatErrors[reason]) || m.errors.invalid_vat_id}</p>`;
    }
    if (!verdict || verdict.vatId !== this.ctx.vatText) return nothing;
    if (verdict.status === 'valid') return html`<p class="ok">${m.vatValid(verdict.name ?? '')}</p>`;
    if (verdict.status === 'invalid') return html`<p class="error" part="error" role="alert">${m.vatInvalid}</p>`;
    return html`<p class="muted">${m.vatUnavailable}</p>`;
  }

  readonly #save = async () => {
    if (!this.provider || this.busy) return;
    let event: CheckoutEvent;
    try {
      event = { type: 'METHOD_TOKEN', token: await this.provider.tokenize() };
    } catch (e) {
      event = { type: 'METHOD_FAILED', message: e instanceof Error ? e.message : String(e) };
    }
    this.submit(event);
  };

  /** A payment-method error points at the method (the provider's fields while adding one), else the VAT field if it is wrong. */
  protected override invalidField(): HTMLElement | null {
    const root = this.renderRoot;
    if (!root.querySelector('#method-error')) return super.invalidField();
    const slot = root.querySelector<HTMLSlotElement>('slot[name=payment]');
    const fields = slot?.assignedElements({ flatten: true }).map((e) => e.querySelector<HTMLElement>('input, select, textarea, iframe'));
    return fields?.find(Boolean) ?? root.querySelector<HTMLElement>('input[name=method]:checked') ?? root.querySelector<HTMLElement>('input[name=method], [part=add-method]');
  }
}
