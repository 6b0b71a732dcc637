import { LitElement, html, css, nothing } from 'lit';
import { tokens } from '../../styles/tokens.js';

/**
 * @tagname cw-progress
 * @summary The progress indicator: the steps of this user's path, the current one marked `aria-current="step"`.
 *
 * @csspart list - The list of steps.
 * @csspart step - Each step.
 * @csspart current - The current step.
 *
 * @cssproperty --cw-color-accent - Colour of done and current steps.
 */
export class CwProgress extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        margin-bottom: var(--_space);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.75em;
        font-size: 0.875em;
        color: var(--_muted);
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.35em;
      }
      li::before {
        content: '';
        width: 0.6em;
        height: 0.6em;
        border-radius: 50%;
        border: 2px solid currentColor;
      }
      li[data-done]::before {
        background: currentColor;
      }
      li[aria-current] {
        color: var(--_text);
        font-weight: 700;
      }
      li[aria-current]::before,
      li[data-done]::before {
        border-color: var(--_accent);
        background: var(--_accent);
      }
    `,
  ];
  static override properties = { steps: { attribute: false }, current: {}, labels: { attribute: false }, label: {} };

  /** Step ids in order. */
  declare steps: string[];
  /** The current step id. */
  declare current: string;
  /** Display names by step id. */
  declare labels: Record<string, string>;
  /** The list's accessible name. */
  declare label: string;

  constructor() {
    super();
    this.steps = [];
    this.current = '';
    this.labels = {};
    this.label = '';
  }

  protected override render() {
    const at = this.steps.indexOf(this.current);
    return html`<nav aria-label=${this.label}>
      <ol part="list">
        ${this.steps.map(
          (step, i) =>
            html`<li part="step ${i === at ? 'current' : ''}" aria-current=${i === at ? 'step' : nothing} ?data-done=${i < at}>
              ${this.labels[step] ?? step}
            </li>`,
        )}
      </ol>
    </nav>`;
  }
}
