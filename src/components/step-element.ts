import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import { SelectorController } from '../controllers/selector-controller.js';
import { actorContext, localizerContext } from '../controllers/contexts.js';
import type { CheckoutActor, CheckoutSnapshot } from '../machine/checkout.machine.js';
import type { CheckoutEvent } from '../machine/types.js';
import { Localizer, isolate } from '../i18n/localizer.js';
import { fieldError } from '../machine/selectors.js';
import { hasVatNumber, vatPrefixOf } from '../vat/index.js';
import type { BillingError } from '../adapter/errors.js';
import { messageKey, declineKey } from '../adapter/error-codes.js';
import { shared } from '../styles/shared.js';

const fallback = new Localizer('en');

/**
 * What every step shares: it finds the checkout actor and the localizer
 * (from <checkout-wizard> through context, or set as properties when used
 * alone), re-renders on each snapshot, and sends events. A step never calls
 * the billing adapter.
 */
export class StepElement extends LitElement {
  static override styles: CSSResultGroup = shared;
  static override properties = {
    actor: { attribute: false },
    localizer: { attribute: false },
  };

  /** The checkout actor; provided by <checkout-wizard>, or set directly in stories and tests. */
  declare actor?: CheckoutActor;
  /** The widget's localizer; English when none is provided. */
  declare localizer?: Localizer;

  protected readonly snap = new SelectorController<CheckoutActor, CheckoutSnapshot>(this, (s) => s);

  constructor() {
    super();
    new ContextConsumer(this, { context: actorContext, subscribe: true, callback: (a) => (this.actor = a) });
    new ContextConsumer(this, { context: localizerContext, subscribe: true, callback: (l) => (this.localizer = l) });
  }

  protected get t(): Localizer {
    return this.localizer ?? fallback;
  }

  protected get ctx() {
    return this.snap.value.context;
  }

  protected get busy(): boolean {
    return this.snap.value.hasTag('busy');
  }

  protected send(event: CheckoutEvent): void {
    this.actor?.send(event);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('actor')) this.snap.actor = this.actor;
  }

  /**
   * Moves focus to the step's heading, as every step change does; or, when the step opens on a
   * field the server refused (licenses out of range, say), to that field.
   */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const field = this.snap.value?.context.error?.fieldErrors.length ? this.invalidField() : null;
    (field ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  /** Set by a submit; once the step rests again, focus goes to the first invalid field, if there is one. */
  #submitted = false;

  /** Sends the step's submitting event; a submit that fails leaves focus on the first invalid field (WCAG 3.3.1). */
  protected submit(event: CheckoutEvent): void {
    if (this.busy) return;
    this.#submitted = true;
    this.send(event);
    this.requestUpdate();
  }

  /** The first field that needs the user's attention. */
  protected invalidField(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#submitted || this.busy) return;
    this.#submitted = false;
    this.invalidField()?.focus();
  }

  protected override render() {
    return this.actor && this.snap.value ? this.renderStep() : nothing;
  }

  protected renderStep(): unknown {
    return nothing;
  }

  protected heading(text: string) {
    return html`<h2 tabindex="-1" part="heading">${text}</h2>`;
  }

  /** A step-level failure with a message the user can act on. */
  protected alert(error: BillingError | undefined, retry?: CheckoutEvent) {
    if (!error) return nothing;
    return html`<div class="alert" role="alert" part="alert">
      <span>${this.errorText(error)}</span>
      ${retry ? html`<button type="button" class="retry" part="retry" @click=${() => !this.busy && this.send(retry)}>${this.t.m.retry}</button>` : nothing}
    </div>`;
  }

  /** A failure in the user's words: a decline says why, when the bank said. */
  protected errorText(error: BillingError): string {
    const m = this.t.m;
    return error.code === 'payment_declined' ? m.declines[declineKey(m.declines, error.declineCode)] : m.errors[messageKey(error)];
  }

  /**
   * The step's main action. While a request is in flight it stays focusable
   * (aria-disabled, not disabled, so focus is not lost) and ignores presses,
   * so five quick clicks send one event; a spinner turns beside its label
   * (a still ring with reduced motion). The label moves aside by half the
   * spinner's room, so the button keeps its size (shared.ts, `.spinner`).
   */
  protected primaryButton(label: unknown, event: CheckoutEvent, part: string) {
    const busy = this.busy;
    return html`<button
      type="button"
      class="primary"
      part=${part}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => this.submit(event)}
    >
      <span class="label" ?data-busy=${busy}>${label}${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}</span>
    </button>`;
  }

  /**
   * The VAT number field, at review and at payment (the seed asks for it with the payment method; at review the total
   * reviewed can be the total paid): typed, applied by itself after a pause or with Apply, and what the registry said,
   * with why VAT is still charged on a verified number. Only where the billing country has VAT numbers. `locked`
   * while an order is under way.
   */
  protected vatField(locked = false) {
    const { account, vatText, vatVerdict } = this.ctx;
    if (!hasVatNumber(account?.billingCountry)) return nothing;
    const m = this.t.m;
    const rejected = fieldError(this.ctx, 'vatId');
    return html`<div class="vat" part="vat">
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
          ?disabled=${locked}
          aria-invalid=${rejected || vatVerdict?.status === 'invalid' ? 'true' : 'false'}
          aria-describedby="vat-hint vat-status"
          @input=${(e: Event) => this.send({ type: 'VAT', text: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.submit({ type: 'APPLY_VAT' })}
        />
        <button type="button" part="apply-vat" ?disabled=${locked} @click=${() => this.submit({ type: 'APPLY_VAT' })}>${m.applyVat}</button>
      </div>
      <div id="vat-status">${this.#vatStatus(rejected)}</div>
    </div>`;
  }

  #vatStatus(rejected: BillingError | undefined) {
    const m = this.t.m;
    const verdict = this.ctx.vatVerdict;
    if (rejected) {
      const reason = rejected.fieldErrors.find((f) => f.field === 'vatId')?.code;
      // Own entries only: a server's code such as `constructor` is just unknown.
      const text = reason && Object.hasOwn(m.vatErrors, reason) ? m.vatErrors[reason as keyof typeof m.vatErrors] : m.errors.invalid_vat_id;
      return html`<p class="error" part="error" role="alert">${text}</p>`;
    }
    if (!verdict || verdict.vatId !== this.ctx.vatText) return nothing;
    if (verdict.status === 'valid') {
      const { quote, account } = this.ctx;
      // Verified, yet VAT is charged: say why, so the total is no surprise.
      const why =
        quote && !quote.tax.reverseCharge && quote.tax.rateBasisPoints > 0
          ? verdict.vatId.slice(0, 2) !== vatPrefixOf(account?.billingCountry ?? '')
            ? m.vatOtherCountry
            : m.vatCharged
          : undefined;
      return html`<p class="ok">${m.vatValid(verdict.name ? isolate(verdict.name) : '')}</p>${why ? html`<p class="muted">${why}</p>` : nothing}`;
    }
    if (verdict.status === 'invalid') return html`<p class="error" part="error" role="alert">${m.vatInvalid}</p>`;
    return html`<p class="muted">${m.vatUnavailable}</p>`;
  }

  protected backButton(label = this.t.m.back) {
    return html`<button type="button" part="back" @click=${() => this.send({ type: 'BACK' })}>${label}</button>`;
  }
}
