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
    gap: var(--_gap);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .vat input {
    flex: 1 1 12em;
  }
  .hint {
    margin: 0.25em 0;
    font-size: 0.875em;
  }
  .totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em var(--_space);
    margin: var(--_space) 0 var(--_gap);
    font-variant-numeric: tabular-nums;
  }
  .totals dd {
    margin: 0;
    text-align: end;
    font-weight: 600;
  }
`;
