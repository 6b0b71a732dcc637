import { css } from 'lit';

export const styles = css`
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .method {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em;
    min-height: 44px;
    font-weight: normal;
    cursor: pointer;
  }
  .method input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .provider {
    margin-top: var(--_gap);
    display: grid;
    /* The provider's fields fit the widget, however wide their content would like to be. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  ::slotted(*) {
    min-width: 0;
    max-width: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .recap {
    border-top: 1px solid var(--_border);
    margin-top: var(--_space);
    padding-top: var(--_gap);
  }
  .recap h3 {
    font-size: 1em;
    margin: 0;
  }
  /* Beside the order summary (a wide widget), the recap keeps what Place order pays and authorises: the total,
     the renewals and the authorisation; the lines and the rest of the figures are in the summary, in view. */
  :host([data-beside]) .recap .lines,
  :host([data-beside]) .recap .row:not(.total) {
    display: none;
  }
  :host([data-beside]) .recap h3 {
    display: none;
  }
  :host([data-beside]) .recap .totals,
  :host([data-beside]) .recap .row.total {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .authorise {
    font-size: 0.875em;
    margin: 0.25em 0 0;
  }
  .busy {
    display: flex;
    align-items: center;
    gap: 0.6em;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  fieldset:disabled {
    opacity: 0.7;
  }
  .declined {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: 0.6em 0.8em;
    margin: var(--_gap) 0;
  }
  /* Focus is put on it when a decline comes: a ring only if the user is on the keyboard. */
  .declined:focus {
    outline: none;
  }
  .declined:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;
