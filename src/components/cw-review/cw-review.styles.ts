import { css } from 'lit';

export const styles = css`
  .scroll {
    overflow-x: auto;
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
  @media (max-width: 36em) {
    thead {
      display: none;
    }
    tbody tr {
      display: grid;
      grid-template-columns: 1fr auto;
      border-bottom: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      border: 0;
    }
    tbody th {
      grid-column: 1 / -1;
    }
  }
`;
