import { css } from 'lit';

/*
 * Below 36em of the table's own width (a container query, so a narrow sidebar on a wide page counts
 * too), the quote becomes one line per figure with its column name at the start: nothing wider than
 * 320 CSS px (WCAG 1.4.10). The header row stays in the accessibility tree, clipped; the names drawn
 * before each figure are hidden from it (alt text ""), so they are not read twice.
 */

export const styles = css`
  .scroll {
    overflow-x: auto;
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em 0.4em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    font-weight: normal;
  }
  thead th {
    font-weight: 600;
    color: var(--_muted);
    font-size: 0.875em;
  }
  tbody th .name {
    display: block;
    font-weight: 600;
  }
  tbody th .muted,
  .reverse {
    display: block;
    font-size: 0.875em;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tfoot th {
    text-align: end;
  }
  .total th,
  .total td {
    font-weight: 700;
    font-size: 1.1em;
    border-bottom: 0;
  }
  .link {
    min-height: 24px;
    padding: 0;
    margin-top: 0.25em;
  }
  @container (max-width: 36em) {
    table,
    tbody,
    tfoot,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      border-bottom: 1px solid var(--_border);
      padding: 0.25em 0;
    }
    th,
    td {
      border: 0;
      padding-block: 0.15em;
    }
    td,
    tfoot tr {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 var(--_gap);
    }
    td[data-label]::before {
      content: attr(data-label);
      content: attr(data-label) / '';
      color: var(--_muted);
      white-space: normal;
    }
    tfoot th {
      text-align: start;
    }
  }
  /* Figures being repriced stay in place, dimmed, until the new quote replaces them. */
  .priced[aria-busy='true'] {
    opacity: 0.6;
  }
  .updating {
    margin: 0.25em 0 0;
  }
  .vat {
    margin: var(--_gap) 0;
  }
  .promo {
    margin: var(--_gap) 0;
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .promo input {
    text-transform: uppercase;
  }
  .promo .ok {
    margin: 0;
  }
  .discount .code {
    font-weight: 600;
  }
`;
