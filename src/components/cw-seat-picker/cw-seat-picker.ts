import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { StepElement } from '../step-element.js';
import { commitAction, fieldError, seatsOf, stepError } from '../../machine/selectors.js';
import { estimate, findProduct, findTier, seatRange, stepSeats, type SeatsError } from '../../machine/rules.js';
import type { SeatRange } from '../../contract/types.js';
import { trialEnd } from '../cw-mode-picker/trial-end.js';
import { styles } from './cw-seat-picker.styles.js';

/**
 * Arrow Up and Down step by the plan's step; the field keeps whatever is typed and explains what is wrong with it.
 *
 * @tagname cw-seat-picker
 * @summary The `seats` step: how many user licenses, typed or stepped, within the plan's range; for a free trial,
 * how long it lasts and that nothing is charged unless the buyer buys before it ends.
 *
 * @csspart heading - The step heading.
 * @csspart input - The licenses field.
 * @csspart stepper - The fewer and more buttons.
 * @csspart next - The button that goes on (Next, or Start trial).
 * @csspart back - The back button.
 * @csspart error - Each message saying what is wrong with the number.
 * @csspart alert - A step-level error.
 * @csspart retry - The retry button of a failed trial start.
 */
export class CwSeatPicker extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const { draft, catalog, seatsTouched } = this.ctx;
    const product = findProduct(catalog, draft.productId);
    const tier = findTier(product, draft.tierId);
    const range = seatRange(product, tier, draft.mode);
    if (!product || !tier || !range) return nothing;
    const parsed = seatsOf(this.ctx);
    const showError = !!parsed.error;
    const rejected = fieldError(this.ctx, 'seats');
    const trial = draft.mode === 'trial';
    const step = range.step ?? 1;
    return html`
      ${this.heading(m.seatsHeading)}
      <p class="muted"><bdi>${product.name}</bdi> · <bdi>${tier.name}</bdi></p>
      ${this.alert(stepError(this.ctx), trial ? { type: 'START_TRIAL' } : undefined)}
      <label for="seats">${m.seatsLabel}</label>
      <div class="field">
        <button type="button" part="stepper" aria-label=${m.fewer} @click=${() => this.#step(-1, parsed.seats, range)}>−</button>
        <input
          id="seats"
          part="input"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          .value=${live(draft.seatsText)}
          aria-invalid=${showError || rejected ? 'true' : 'false'}
          aria-describedby="seats-hint ${showError || rejected ? 'seats-error' : ''}"
          @input=${(e: Event) => this.send({ type: 'SEATS', text: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => this.#onKey(e, parsed.seats, range)}
        />
        <button type="button" part="stepper" aria-label=${m.more} @click=${() => this.#step(1, parsed.seats, range)}>+</button>
      </div>
      <p id="seats-hint" class="muted hint">${m.seatsHint(range.min, range.max, step)}</p>
      ${showError
        ? html`<p id="seats-error" class="error" part="error">${this.#message(parsed.error!, range, parsed.seats)}</p>`
        : rejected
          ? html`<p id="seats-error" class="error" part="error">${m.errors.seats_out_of_range}</p>`
          : nothing}
      <div class="price" aria-live="polite">
        ${trial
          ? html`<p class="estimate">${m.trialSeats}</p>
              ${product.trial
                ? html`<p>
                    ${this.t.count(m.trialLasts, product.trial.days)}
                    ${m.trialNoCharge(this.t.date(trialEnd(product.trial.days, this.ctx.account?.timeZone)))}
                  </p>`
                : nothing}`
          : html`<p>${m.perSeatMonth(this.t.money(tier.prices.monthly))}</p>
              ${parsed.error
                ? nothing
                : html`<p class="estimate">
                    ${m.estimate(this.t.money(estimate(tier, 'monthly', parsed.seats!)))}
                  </p>`}`}
      </div>
      <div class="actions">
        ${this.backButton()}
        <div class="end">
          ${/* One red message, at the field; beside the button only a pointer to it. */ seatsTouched && parsed.error ? html`<p class="muted why" id="why">${m.cannotContinue}</p>` : nothing}
          <button
            type="button"
            class="primary"
            part="next"
            aria-disabled=${this.busy ? 'true' : 'false'}
            aria-describedby=${seatsTouched && parsed.error ? 'why' : nothing}
            @click=${this.#next}
          >
            ${commitAction(this.ctx) === 'start-trial' ? m.startTrial : m.next}
          </button>
        </div>
      </div>
    `;
  }

  #message(error: SeatsError, range: SeatRange, seats: number | undefined): string {
    const e = this.t.m.seatsErrors;
    const step = range.step ?? 1;
    switch (error) {
      case 'min':
        return this.t.count(e.min, range.min);
      case 'max':
        return this.t.count(e.max, range.max);
      case 'step': {
        const below = stepSeats(seats! + 1, -1, range);
        return e.step(step, below, stepSeats(below, 1, range));
      }
      default:
        return e[error];
    }
  }

  #step(direction: 1 | -1, seats: number | undefined, range: SeatRange) {
    this.send({ type: 'SEATS', text: String(stepSeats(seats, direction, range)) });
  }

  #onKey(e: KeyboardEvent, seats: number | undefined, range: SeatRange) {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      this.#step(e.key === 'ArrowUp' ? 1 : -1, seats, range);
    } else if (e.key === 'Enter') {
      this.#next();
    }
  }

  readonly #next = () => this.submit({ type: this.ctx.draft.mode === 'trial' ? 'START_TRIAL' : 'NEXT' });
}
