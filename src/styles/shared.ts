import { css } from 'lit';
import { tokens } from './tokens.js';

/** Hidden on screen, still read by assistive technology. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/**
 * A button, its focus ring (and a field's or a link's) and an alert with its action, as every step draws them;
 * the wizard draws its own alert (a step that could not be loaded) with them too. Before the steps' other rules,
 * which refine them (primary, link, disabled, busy).
 */
export const controls = css`
    button,
    .button {
      font: inherit;
      min-height: 44px;
      min-width: 44px;
      padding: 0.5em 1.1em;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
      text-decoration: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
    }
    button:focus-visible,
    .button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    a:focus-visible {
      outline: var(--_focus-width) solid var(--_focus);
      outline-offset: 2px;
    }
    .alert {
      border: 1px solid var(--_danger);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
      padding: var(--_gap) var(--_space);
      margin: 0 0 var(--_gap);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_gap);
    }
`;

/**
 * The pieces every step draws with: headings, buttons, cards, fields, messages.
 * `overflow-wrap` lets a long e-mail address or product name wrap rather than scroll sideways at 320px.
 */
export const shared = [
  tokens,
  visuallyHidden,
  controls,
  css`
    :host {
      display: block;
      overflow-wrap: break-word;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    h2 {
      font-size: 1.375em;
      line-height: 1.3;
      margin: 0 0 var(--_gap);
      outline: none;
    }
    h2:focus-visible {
      outline: var(--_focus-width) solid var(--_focus);
      outline-offset: 2px;
    }
    p {
      margin: 0 0 var(--_gap);
    }
    .muted {
      color: var(--_muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      justify-content: space-between;
      align-items: center;
      margin-top: var(--_space);
    }
    .actions .end {
      margin-inline-start: auto;
      display: flex;
      gap: var(--_gap);
      flex-wrap: wrap;
    }
    /*
     * A narrow widget (480 px or less: its frame's content box, with the default 16 px padding, is 446 px;
     * the frame is the container, whatever the viewport): every step's actions stack, full width, in their
     * order in the document, which is the order focus takes: Back (or the step's secondary action) first,
     * the step's primary action last, at the bottom, under the thumb. The same on every step.
     */
    @container cw-frame (max-width: 446px) {
      .actions,
      .actions .end {
        flex-direction: column;
        align-items: stretch;
      }
      .actions .end {
        margin-inline-start: 0;
      }
    }
    button.primary,
    .button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    button.link {
      border-color: transparent;
      background: transparent;
      color: var(--_accent);
      text-decoration: underline;
      padding-inline: 0.4em;
    }
    button[aria-disabled='true'],
    button:disabled,
    input:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    input:disabled {
      background: var(--_raised);
    }
    /*
     * A busy primary button (StepElement.primaryButton): a spinner beside the label, in the label's colour.
     * The label moves toward the start by half the spinner and its gap, and the spinner sits in the padding
     * at its end: the pair stays centred and the button keeps its size.
     */
    .label[data-busy] {
      position: relative;
      inset-inline-start: -0.7em;
    }
    .label > .spinner {
      position: absolute;
      top: 50%;
      inset-inline-start: calc(100% + 0.4em);
      width: 1em;
      height: 1em;
      margin-top: -0.5em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: none;
    }
    /* Busy is not unavailable: the label stays readable while the spinner turns. */
    button:has(> .label[data-busy]) {
      cursor: progress;
      opacity: 0.85;
    }
    /* A card-like group; the legend sits inside it as the group's label, not in a notch of the border. */
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: var(--_space);
      margin: 0 0 var(--_space);
      min-width: 0;
    }
    legend {
      float: inline-start;
      width: 100%;
      padding: 0;
      margin: 0 0 var(--_gap);
      font-weight: 600;
    }
    legend + * {
      clear: both;
    }
    /*
     * Rows of radio buttons in a group (the pay step's payment methods): the radio stays at the start of its
     * row, centred on the first line, and the rest (label, expiry, badge) wraps beside it, never under it; a
     * line parts each row from the next, so a row that wraps never runs into the one below at any width.
     */
    fieldset label.method {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.1em 0.6em;
      padding-block: 10px;
      padding-inline-start: calc(24px + 0.75em);
    }
    fieldset label.method > input {
      position: absolute;
      inset-inline-start: 0;
      top: calc(10px + 0.75em - 12px);
    }
    fieldset label.method + label.method {
      border-top: 1px solid var(--_border);
    }
    a {
      color: var(--_accent);
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
    }
    .card {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: var(--_space);
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      height: 100%;
    }
    /*
     * Cards whose parts line up across a row: the cards of a row are as tall as the tallest, the text that varies
     * (.grow) takes the room left, and a badge row keeps a badge's height even when empty, so what follows lines
     * up (price with price, button with button). Not a subgrid: that made the product list's first layout 35 ms
     * slower on the benchmark's load.
     */
    .card .grow {
      flex: 1 0 auto;
    }
    .card .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4em;
      min-height: 1.5em;
    }
    .card[data-selected] {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    .card h3 {
      margin: 0;
      font-size: 1.1em;
    }
    .card .push {
      margin-top: auto;
    }
    .badge {
      display: inline-block;
      font-size: 0.8em;
      padding: 0.1em 0.6em;
      border-radius: 999px;
      background: var(--_raised);
      color: var(--_text);
      border: 1px solid var(--_border);
      width: fit-content;
    }
    .badge.accent {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
    }
    label {
      font-weight: 600;
      display: block;
    }
    input[type='text'],
    select {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      min-height: 44px;
      padding: 0.4em 0.6em;
      /* A field is recognised by its border alone: the strong border keeps 3:1 against the surface. */
      border: 1px solid var(--_border-strong);
      border-radius: var(--_radius);
      max-width: 100%;
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .error {
      color: var(--_danger);
      font-weight: 600;
      margin: 0.25em 0 0;
    }
    /* A text field with its button (the VAT number, a promotion code): side by side, the button below when narrow. */
    .vat .row,
    .promo .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      width: 100%;
    }
    .vat input,
    .promo input {
      flex: 1 1 8em;
      min-width: 0;
    }
    .hint {
      margin: 0.25em 0;
      font-size: 0.875em;
    }
    .ok {
      color: var(--_success);
      margin: 0.25em 0 0;
    }
    /* A step's mark (an icon) beside its heading: the confirmation's and the gates'. */
    .hero {
      display: flex;
      align-items: center;
      gap: var(--_gap);
      margin: 0 0 var(--_gap);
    }
    .hero h2 {
      margin: 0;
      min-width: 0;
    }
    .note {
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      padding: var(--_gap) var(--_space);
      margin: 0 0 var(--_gap);
    }
    ul.plain {
      margin: 0;
      padding-inline-start: 1.2em;
    }
    @media (prefers-reduced-motion: no-preference) {
      button {
        transition: background-color 120ms, border-color 120ms;
      }
      /* With reduced motion, the ring stands still: its gap still says "in progress". */
      .label > .spinner {
        animation: cw-spin 0.8s linear infinite;
      }
    }
    @keyframes cw-spin {
      to {
        transform: rotate(360deg);
      }
    }
  `,
];
