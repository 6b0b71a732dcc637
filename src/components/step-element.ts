import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { SelectorController } from '../controllers/selector-controller.js';
import { actorContext, localizerContext } from '../controllers/contexts.js';
import type { CheckoutActor, CheckoutSnapshot } from '../machine/checkout.machine.js';
import type { CheckoutEvent } from '../machine/types.js';
import { Localizer } from '../i18n/localizer.js';
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

  protected backButton(label = this.t.m.back) {
    return html`<button type="button" part="back" @click=${() => this.send({ type: 'BACK' })}>${label}</button>`;
  }
}
