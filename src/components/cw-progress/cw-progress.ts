import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { actorContext, localizerContext } from '../../controllers/contexts.js';
import { SelectorController } from '../../controllers/selector-controller.js';
import { fire } from '../../events.js';
import { en } from '../../i18n/en.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { CheckoutActor, CheckoutSnapshot } from '../../machine/checkout.machine.js';
import { STEPS, type FlowStepId } from '../../machine/steps.js';
import { styles } from './cw-progress.styles.js';

const check = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 8.5l3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** The steps the checkout can go back to now, as one comparable string: the controller re-renders only when it changes. */
const selectable = (snapshot: CheckoutSnapshot) => STEPS.filter((step) => snapshot.can({ type: 'GO_TO', step })).join(' ');

/**
 * Done steps carry a check and read as "Product, completed". A done step the checkout can go back to is a
 * button ("Product, completed — go back") that fires `cw-step-select`: inside <checkout-wizard>, those the
 * machine accepts right now (none while an order is on its way, none on the confirmation); used alone,
 * every done step. The current step is marked `aria-current="step"`; neither it nor the steps after it do
 * anything.
 *
 * Wide, it draws every step: dots joined by a line, each name below its dot. Narrower than 30em of its own
 * width (480px at the default font size; a path of more than five steps wants 5.5em a step, so 38.5em for
 * seven), a container query swaps that for "Step 3 of 7", the current step's name and a bar, which assistive
 * technology reads as "Step 3 of 7: Licenses". Its words come from the wizard's localizer (English when used
 * alone, or when the locale lacks one); the step names from `labels`.
 *
 * @tagname cw-progress
 * @summary The progress indicator: the steps of this user's path, done ones checked (and a way back), the current one marked `aria-current="step"`; "Step 3 of 7" when narrow.
 *
 * @csspart list - The list of steps.
 * @csspart step - Each step.
 * @csspart current - The current step.
 * @csspart done - Each done step.
 * @csspart button - A done step's button, which goes back to it.
 * @csspart marker - Each step's dot (a check in done steps).
 * @csspart summary - The narrow layout's "Step 3 of 7" with the current step's name and its bar.
 *
 * @cssproperty --cw-color-accent - Colour of done and current steps.
 *
 * @fires cw-step-select - A done step was chosen, to go back to it; `detail: { step }`.
 */
export class CwProgress extends LitElement {
  static override styles = styles;
  static override properties = { steps: { attribute: false }, current: {}, labels: { attribute: false }, label: {} };

  /** Step ids in order. */
  declare steps: string[];
  /** The current step id. */
  declare current: string;
  /** Display names by step id. */
  declare labels: Record<string, string>;
  /** The list's accessible name. */
  declare label: string;

  #localizer?: Localizer;
  readonly #selectable = new SelectorController<CheckoutActor, string>(this, selectable);

  constructor() {
    super();
    this.steps = [];
    this.current = '';
    this.labels = {};
    this.label = '';
    new ContextConsumer(this, { context: actorContext, subscribe: true, callback: (actor) => (this.#selectable.actor = actor) });
    new ContextConsumer(this, {
      context: localizerContext,
      subscribe: true,
      callback: (localizer) => {
        this.#localizer = localizer;
        this.requestUpdate();
      },
    });
  }

  /** Whether choosing this done step goes anywhere. */
  #canSelect(step: string): boolean {
    return !this.#selectable.actor || this.#selectable.value.split(' ').includes(step);
  }

  #select(step: string): void {
    fire(this, 'cw-step-select', { step: step as FlowStepId }, false, false);
  }

  protected override render() {
    // A locale that does not have a message yet says it in English.
    const m = { ...en, ...this.#localizer?.m };
    const at = this.steps.indexOf(this.current);
    const name = (step: string) => this.labels[step] ?? step;
    const currentName = name(this.current);
    return html`<nav class="frame" aria-label=${this.label} data-steps=${this.steps.length > 9 ? 'many' : this.steps.length}>
      <ol part="list">
        ${this.steps.map((step, i) => {
          if (i === at) {
            // The last step is the confirmation: reached, it is done too, and drawn with its check.
            const last = i === this.steps.length - 1;
            return html`<li part=${last ? 'step current done' : 'step current'} aria-current="step" ?data-done=${last}>
              <span class="step"><span class="marker" part="marker">${last ? check : nothing}</span><span class="name">${name(step)}</span></span>
            </li>`;
          }
          if (i > at || at < 0) {
            return html`<li part="step"><span class="step"><span class="marker" part="marker"></span><span class="name">${name(step)}</span></span></li>`;
          }
          const inner = html`<span class="marker" part="marker">${check}</span><span class="name" aria-hidden="true">${name(step)}</span>`;
          return html`<li part="step done" data-done>
            ${this.#canSelect(step)
              ? html`<button type="button" class="step" part="button" @click=${() => this.#select(step)}>
                  ${inner}<span class="visually-hidden">${m.stepDoneGoBack(name(step))}</span>
                </button>`
              : html`<span class="step">${inner}<span class="visually-hidden">${m.stepDone(name(step))}</span></span>`}
          </li>`;
        })}
      </ol>
      ${at < 0
        ? nothing
        : html`<p class="summary" part="summary">
            <span class="text" aria-hidden="true"><span class="count">${m.stepOf(at + 1, this.steps.length)}</span><span class="name">${currentName}</span></span>
            <span class="visually-hidden">${m.stepOfNamed(at + 1, this.steps.length, currentName)}</span>
            <span class="bar" aria-hidden="true">${this.steps.map((_, i) => html`<span ?data-reached=${i <= at}></span>`)}</span>
          </p>`}
    </nav>`;
  }
}
