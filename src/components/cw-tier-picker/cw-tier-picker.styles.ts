import { css } from 'lit';

export const styles = css`
  /* A ring outside the border, as a selected card's: the content does not move by the extra pixel. */
  .card[data-recommended] {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
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
