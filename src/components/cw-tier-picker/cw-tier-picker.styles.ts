import { css } from 'lit';

export const styles = css`
  .card[data-recommended] {
    border-width: 2px;
    border-color: var(--_accent);
  }
  .price {
    font-weight: 600;
    margin: 0;
  }
  .features {
    color: var(--_muted);
  }
`;
