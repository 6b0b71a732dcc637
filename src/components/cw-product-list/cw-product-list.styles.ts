import { css } from 'lit';

export const styles = css`
  .card p {
    margin: 0;
  }
  .title {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  /* In em: the mark grows with the text (at 200% a 32px box would cut its letter). */
  .title img,
  .icon {
    flex: none;
    width: 2em;
    height: 2em;
    border-radius: 0.5em;
  }
  .icon {
    display: grid;
    place-items: center;
    font-weight: 700;
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .price {
    font-weight: 600;
  }
  .owned {
    min-height: 44px;
    display: flex;
    align-items: center;
  }
`;
