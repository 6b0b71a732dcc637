import { css } from 'lit';

/**
 * The figures of a quote or an estimate, wherever they are drawn (the order summary, the payment recap): lines with
 * their amounts at the inline end in tabular figures, then the totals, the total row set apart. Logical properties
 * only, so `dir` mirrors them.
 */
export const figureStyles = css`
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: var(--_gap);
    align-items: baseline;
    padding-block: calc(var(--_gap) * 0.75);
  }
  .line + .line {
    border-block-start: 1px solid var(--_border);
  }
  .line .name {
    font-weight: 600;
    grid-column: 1;
  }
  .line .amount {
    grid-column: 2;
    grid-row: 1;
  }
  .line .detail {
    grid-column: 1 / -1;
    font-size: 0.875em;
  }
  .amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .totals {
    margin: calc(var(--_gap) * 0.25) 0 0;
    padding-block-start: calc(var(--_gap) * 0.75);
    border-block-start: 1px solid var(--_border);
    display: grid;
    gap: 0.3em;
  }
  .row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_gap);
  }
  dt,
  dd {
    margin: 0;
  }
  dt {
    min-width: 0;
  }
  .discount .code {
    font-weight: 600;
    letter-spacing: 0.02em;
  }
  .row.total {
    font-weight: 700;
  }
  .row + .row.total {
    margin-block-start: calc(var(--_gap) / 2);
    padding-block-start: calc(var(--_gap) * 0.75);
    border-block-start: 1px solid var(--_border);
  }
  .row.total dd {
    font-size: 1.25em;
  }
  .fine,
  .renewal,
  .updating {
    font-size: 0.875em;
    margin: calc(var(--_gap) * 0.75) 0 0;
  }
  .updating {
    margin: 0 0 calc(var(--_gap) / 2);
  }
`;
