import { css } from 'lit';

// The names take at most half the width, so a long one wraps instead of pushing the values out at 320px.

export const styles = css`
  dl {
    display: grid;
    grid-template-columns: fit-content(50%) minmax(0, 1fr);
    gap: 0.25em var(--_space);
    margin: 0 0 var(--_gap);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .next {
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
    margin-top: var(--_gap);
  }
`;
