import { css } from 'lit';

export const styles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .options {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .option {
    flex-direction: row;
    align-items: flex-start;
    cursor: pointer;
    font-weight: normal;
  }
  .option input {
    width: 24px;
    height: 24px;
    margin: 0.1em 0 0;
    accent-color: var(--_accent);
    flex: none;
  }
  .option:focus-within {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }
  .title {
    font-weight: 600;
  }
  .total {
    font-variant-numeric: tabular-nums;
  }
`;
