import { css } from 'lit';

export const styles = css`
  /* Name, badges, price, features, details, button: lined up across the cards of a row. */
  .cards {
    --_rows: 6;
  }
  .card[data-recommended] {
    border-width: 2px;
    border-color: var(--_accent);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .price {
    font-weight: 600;
    margin: 0;
  }
  .features {
    color: var(--_muted);
    margin: 0;
  }
`;
