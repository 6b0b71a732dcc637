import { css } from 'lit';
import { baseline, themes, tokens } from '../../styles/tokens.js';
import { controls, visuallyHidden } from '../../styles/shared.js';
import { skeletonStyles } from './skeleton.js';

/*
 * Isolation from the host page. The page's own rules on <checkout-wizard>
 * always beat `:host` rules (the outer cascade context wins), so the widget
 * does not rely on its host box: `.base`, inside the shadow root where no page
 * selector reaches, resets every inherited property to a known baseline and
 * draws the frame. A page that turns the host inline (`* { all: unset }`)
 * gets a block inside an inline, which lays out the same. The page keeps
 * control of the element's box (display, width, margin), and custom
 * properties (`--cw-*`) pass through every reset.
 */
export const styles = [
  tokens,
  themes,
  visuallyHidden,
  // A step that could not be loaded is drawn as a step's alert, with its Try again.
  controls,
  css`
    :host {
      display: block;
      contain: layout;
    }
    /* The page's rules would win over a plain :host rule; hidden must hide. */
    :host([hidden]) {
      display: none !important;
    }
    .base {
      ${baseline}
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      min-width: 0;
      /* The height animation between steps: a border-box height, run to the frame's auto height. */
      box-sizing: border-box;
      interpolate-size: allow-keywords;
      /*
       * Steps lay out by the widget's own width (@container cw-frame, in shared.ts), not the viewport's:
       * a widget in a sidebar is narrow on a wide screen. The frame's width comes from the page, as a
       * block's does; a page that sizes it to its content (a float, a flex item without a width) must give it one.
       */
      container: cw-frame / inline-size;
    }
    /* The steps, and the order summary: beside them when the widget is wide (data-wide, set from its own width), above them as a bar when narrow. */
    .layout {
      display: grid;
      gap: var(--_space);
    }
    .layout[data-wide] {
      grid-template-columns: minmax(0, 1fr) minmax(240px, 32%);
      align-items: start;
    }
    .layout:not([data-wide]) cw-summary {
      order: -1;
    }
    .layout[data-wide] cw-summary {
      position: sticky;
      top: var(--_space);
    }
    .main {
      min-width: 0;
    }
    .width-probe {
      height: 0;
    }
    cw-summary[view='none'] {
      display: none;
    }
    .layout[data-wide]:not(:has(cw-summary)),
    .layout[data-wide]:has(cw-summary[view='none']) {
      grid-template-columns: minmax(0, 1fr);
    }
    .offline {
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_danger);
      border-radius: var(--_radius);
      padding: var(--_gap) var(--_space);
      margin-bottom: var(--_gap);
    }
  `,
  skeletonStyles,
];
