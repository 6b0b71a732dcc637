import { css } from 'lit';

// The gate's mark and heading side by side, as the confirmation's; its actions start where the text does.
export const styles = css`
  .hero {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    margin: 0 0 var(--_gap);
  }
  .hero h2 {
    margin: 0;
    min-width: 0;
  }
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
