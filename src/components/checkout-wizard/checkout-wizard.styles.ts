import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { visuallyHidden } from '../../styles/shared.js';

export const styles = [
  tokens,
  visuallyHidden,
  css`
    :host {
      display: block;
      /* The host page's inherited text styles stop here. */
      text-align: start;
      white-space: normal;
      word-spacing: normal;
      font-style: normal;
      font-weight: normal;
      contain: layout;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      min-width: 0;
    }
    .offline {
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_danger);
      border-radius: var(--_radius);
      padding: var(--_gap) var(--_space);
      margin-bottom: var(--_gap);
    }
    .loading {
      color: var(--_muted);
      margin: 0;
    }
  `,
];
