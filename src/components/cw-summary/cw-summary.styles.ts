import { css } from 'lit';

/**
 * A card on the raised surface (column) or a disclosure bar (bar). Amounts end-aligned in tabular figures so
 * they line up; only logical properties, so the wizard's `dir` mirrors everything; colours from the tokens
 * only. The frame is a size container: below 260px of its own width, each amount goes on a row of its own under its words.
 */
export const styles = css`
  :host {
    display: block;
  }
  :host([view='none']),
  :host([view='empty'][layout='bar']) {
    display: none;
  }
  .frame {
    container-type: inline-size;
  }
  .card {
    background: var(--_raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_gap) / 2) var(--_gap);
    margin-block-end: calc(var(--_gap) / 2);
  }
  h3 {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .badge {
    margin: 0;
    font-weight: 600;
  }
  .panel > .badge {
    margin-block-end: calc(var(--_gap) / 2);
  }
  .empty {
    margin: 0;
  }

  /* The bar: a disclosure whose button carries the total. */
  .bar {
    background: var(--_raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    list-style: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    min-height: 44px;
    padding: 0.5em calc(var(--_space) * 0.75);
    cursor: pointer;
    border-radius: var(--_radius);
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  /* The chevron flows with the words, so a label that must wrap keeps it after its last word. */
  summary .label {
    min-width: 0;
    color: var(--_accent);
    font-weight: 600;
  }
  summary .figure {
    flex: none;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .chevron {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-start: 0.3em;
    vertical-align: -0.15em;
  }
  .bar[open] .chevron {
    transform: rotate(180deg);
  }
  .bar[open] summary {
    border-block-end: 1px solid var(--_border);
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .panel {
    padding: calc(var(--_gap) * 0.75) calc(var(--_space) * 0.75) calc(var(--_space) * 0.75);
  }

  /* Narrow: each amount on a row of its own under its words, at the end like the others; a tighter card. */
  @container (max-width: 259.98px) {
    .card {
      padding: calc(var(--_space) * 0.75);
    }
    .line {
      grid-template-columns: minmax(0, 1fr);
    }
    .line .detail {
      grid-row: 2;
    }
    .line .amount {
      grid-column: 1;
      grid-row: 3;
    }
    .row {
      flex-wrap: wrap;
    }
    .row dd {
      margin-inline-start: auto;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform 150ms;
    }
  }
  @media (forced-colors: active) {
    .card,
    .bar {
      border-color: CanvasText;
    }
  }
`;
