import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { visuallyHidden } from '../../styles/shared.js';

/**
 * Two layouts, chosen by the element's own width (a container query on `.frame`, so a narrow sidebar gets
 * the compact one on a wide page): wide, a stepper, dots joined by a line with each name below its dot;
 * narrow (below 30em, 480px at the default size, more for a long path), "Step 3 of 7" and a bar of
 * segments. Sizes are in em, so `--cw-font-size` (and 200% text) scales them, and the switch with them.
 * Only logical properties: the wizard's `dir` mirrors everything. Colours are the tokens only.
 */
export const styles = [
  tokens,
  visuallyHidden,
  css`
    :host {
      display: block;
      margin-bottom: var(--_space);
      --_line: 2px;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .frame {
      container-type: inline-size;
    }

    /* The stepper. */
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      font-size: 0.8125em;
      line-height: 1.3;
      color: var(--_muted);
    }
    li {
      position: relative;
      display: flex;
      justify-content: center;
      min-width: 0;
      --_dot: 1.85em;
    }
    /* The line into each step from the one before it: from the previous dot's edge to this one's. */
    li + li::before {
      content: '';
      position: absolute;
      inset-block-start: calc(0.25em + var(--_dot) / 2 - var(--_line) / 2);
      inset-inline-start: calc(-50% + var(--_dot) / 2 + 0.4em);
      inset-inline-end: calc(50% + var(--_dot) / 2 + 0.4em);
      block-size: var(--_line);
      border-radius: var(--_line);
      background: var(--_border);
    }
    li[data-done]::before,
    li[aria-current]::before {
      background: var(--_accent);
    }
    .step {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.35em;
      min-width: 0;
      max-width: 100%;
      padding: 0.25em 0.15em 0.2em;
      text-align: center;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    button.step {
      font: inherit;
      line-height: inherit;
      color: inherit;
      background: none;
      border: 0;
      border-radius: calc(var(--_radius) / 2);
      margin: 0;
      cursor: pointer;
      /* At least 24 by 24 CSS px, whatever the font size (WCAG 2.5.8). */
      min-width: 24px;
      min-height: 24px;
    }
    button.step:focus-visible {
      outline: var(--_focus-width) solid var(--_focus);
      outline-offset: 1px;
    }
    button.step:hover .name {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .marker {
      flex: none;
      display: grid;
      place-items: center;
      inline-size: var(--_dot);
      block-size: var(--_dot);
      border-radius: 50%;
      border: var(--_line) solid var(--_border-strong);
      color: var(--_on-accent);
    }
    [data-done] .marker {
      background: var(--_accent);
      border-color: var(--_accent);
    }
    [aria-current]:not([data-done]) .marker {
      border-color: var(--_accent);
      /* A ring with a dot inside: here. */
      background: radial-gradient(circle, var(--_accent) 0 27%, transparent 29%);
    }
    .marker svg {
      inline-size: 68%;
      block-size: 68%;
    }
    li[data-done],
    li[aria-current] {
      color: var(--_text);
    }
    [aria-current] .name {
      font-weight: 700;
    }
    button.step:hover .marker {
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 25%, transparent);
    }

    /* The compact layout: "Step 3 of 7", the current step's name, a bar of segments. */
    .summary {
      display: none;
      margin: 0;
    }
    .count {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .summary .name {
      font-weight: 700;
    }
    .summary .text {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.5em;
    }
    .bar {
      display: flex;
      gap: 3px;
      margin-block-start: 0.5em;
    }
    .bar span {
      flex: 1;
      block-size: 4px;
      border-radius: 2px;
      background: var(--_border);
    }
    .bar span[data-reached] {
      background: var(--_accent);
    }

    /*
     * The stepper wants about 5.5em a step, so that a name breaks between words only: a longer path switches
     * to the compact layout at a greater width. Up to five steps, the switch is at 30em.
     */
    @container (max-width: 30em) {
      ol {
        display: none;
      }
      .summary {
        display: block;
      }
    }
    @container (max-width: 33em) {
      .frame[data-steps='6'] ol {
        display: none;
      }
      .frame[data-steps='6'] .summary {
        display: block;
      }
    }
    @container (max-width: 38.5em) {
      .frame[data-steps='7'] ol {
        display: none;
      }
      .frame[data-steps='7'] .summary {
        display: block;
      }
    }
    @container (max-width: 44em) {
      .frame[data-steps='8'] ol {
        display: none;
      }
      .frame[data-steps='8'] .summary {
        display: block;
      }
    }
    @container (max-width: 49.5em) {
      .frame[data-steps='9'] ol,
      .frame[data-steps='many'] ol {
        display: none;
      }
      .frame[data-steps='9'] .summary,
      .frame[data-steps='many'] .summary {
        display: block;
      }
    }
    @media (prefers-reduced-motion: no-preference) {
      .marker {
        transition: box-shadow 120ms;
      }
    }
    @media (forced-colors: active) {
      [data-done] .marker,
      [aria-current] .marker {
        border-color: CanvasText;
        color: CanvasText;
      }
      [aria-current]:not([data-done]) .marker {
        background: radial-gradient(circle, CanvasText 0 27%, transparent 29%);
        forced-color-adjust: none;
      }
      li[data-done]::before,
      li[aria-current]::before,
      .bar span[data-reached] {
        background: CanvasText;
        forced-color-adjust: none;
      }
    }
  `,
];
