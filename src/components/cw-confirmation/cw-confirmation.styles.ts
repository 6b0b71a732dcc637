import { css } from 'lit';

// The recap is a card of its own: each line's name and amount on one row (the name wraps, the amount keeps its
// width), its licenses and term below; then the total, set apart. The names take at most half of the facts' width,
// so a long one wraps instead of pushing the values out at 320px.

export const styles = css`
  .icon {
    flex: none;
    width: 2.5em;
    height: 2.5em;
    color: var(--_success);
  }
  .icon .disc {
    fill: currentColor;
  }
  .icon .mark {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 2.4;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon .ring,
  .icon .hands {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-linecap: round;
  }
  .recap {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    padding: var(--_space);
    margin: var(--_space) 0 var(--_gap);
  }
  h3 {
    font-size: 1em;
    margin: 0 0 var(--_gap);
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: var(--_space);
    padding: var(--_gap) 0;
    border-top: 1px solid var(--_border);
  }
  .line .name {
    font-weight: 600;
  }
  .line .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .line .detail {
    grid-column: 1 / -1;
    color: var(--_muted);
  }
  dl {
    display: grid;
    grid-template-columns: fit-content(50%) minmax(0, 1fr);
    gap: 0.25em var(--_space);
    margin: 0;
    padding-top: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .total {
    color: var(--_text);
    font-weight: 700;
    font-size: 1.125em;
  }
  .billing-day {
    font-weight: 600;
  }
  .receipt .external {
    width: 1em;
    height: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /* The arrow points the way the text reads. */
  .receipt .external:dir(rtl) {
    transform: scaleX(-1);
  }
  .next {
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
    margin-top: var(--_gap);
  }
`;
