import { css } from 'lit';

/**
 * Public design tokens (`--cw-*`) mapped to private ones (`--_*`), so a host
 * sets a token once and every element follows; defaults live here only.
 * Font size is in px, not rem, so a host's `html { font-size }` cannot shrink it.
 */
export const tokens = css`
  :host {
    --_accent: var(--cw-color-accent, #1f5fd6);
    --_on-accent: var(--cw-color-on-accent, #ffffff);
    --_text: var(--cw-color-text, #1b1f24);
    --_muted: var(--cw-color-muted, #555d68);
    --_surface: var(--cw-color-surface, #ffffff);
    --_raised: var(--cw-color-raised, #f4f6f9);
    --_border: var(--cw-color-border, #c9ced6);
    --_danger: var(--cw-color-danger, #b3261e);
    --_success: var(--cw-color-success, #1e7a3c);
    --_focus: var(--cw-color-focus, #1f5fd6);
    --_font: var(--cw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--cw-font-size, 16px);
    --_radius: var(--cw-radius, 8px);
    --_space: var(--cw-space, 16px);
    --_gap: calc(var(--_space) * var(--cw-density, 1) / 2);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    color: var(--_text);
    text-transform: none;
    letter-spacing: normal;
  }
`;
