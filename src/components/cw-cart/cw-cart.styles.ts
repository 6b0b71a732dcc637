import { css } from 'lit';

export const styles = css`
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_gap);
    padding: var(--_gap) 0;
    border-bottom: 1px solid var(--_border);
  }
  .buttons {
    display: flex;
    gap: 0.25em;
  }
  .price {
    font-variant-numeric: tabular-nums;
    margin-top: 0.25em;
  }
  .estimate {
    margin: var(--_gap) 0;
  }
  .removed {
    margin: var(--_gap) 0;
  }
`;
