import { css } from 'lit';

export const styles = css`
  .field {
    display: flex;
    gap: 0.4em;
    align-items: stretch;
    margin-top: 0.25em;
  }
  .field input {
    width: 7em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .field button {
    font-size: 1.2em;
    padding: 0;
    width: 44px;
  }
  .hint {
    margin: 0.25em 0 0;
  }
  .price {
    margin-top: var(--_space);
  }
  .price p {
    margin: 0;
  }
  .estimate {
    font-weight: 600;
  }
  .end .why {
    margin: 0;
  }
`;
