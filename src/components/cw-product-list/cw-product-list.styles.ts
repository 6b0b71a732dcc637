import { css } from 'lit';

export const styles = css`
  .title {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  .title img {
    flex: none;
    border-radius: 6px;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badges:empty {
    display: none;
  }
`;
