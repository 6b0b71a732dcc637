import { css } from 'lit';

// The gate's mark beside its heading (.hero, shared with the confirmation); its actions start where the text does.
export const styles = css`
  .icon {
    flex: none;
    box-sizing: content-box;
    width: 1.5em;
    height: 1.5em;
    padding: 0.5em;
    border-radius: 50%;
    background: var(--_raised);
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
    margin-top: var(--_space);
  }
  .envelope {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linejoin: round;
  }
`;
