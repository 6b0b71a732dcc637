import { css, unsafeCSS } from 'lit';
import type { PaymentTheme } from '../adapter/billing-adapter.js';

/**
 * Design tokens.
 *
 * A host themes the widget with public custom properties (`--cw-*`) set on
 * `<checkout-wizard>` or any ancestor. Every element maps them to private
 * ones (`--_*`) that its styles use:
 *
 *   --_accent = the host's --cw-color-accent
 *            ?? the theme's value (--_theme-accent, set by <checkout-wizard theme> only)
 *            ?? the light default
 *
 * Only the root defines the theme layer (`themes` below), on its host; child
 * elements never declare a `--_theme-*`, so they inherit the root's through
 * the shadow roots, and a child used alone (Storybook, tests) falls back to
 * the light defaults. Colour themes change only colours and shadows.
 *
 * Sizes are in px, not rem, so a host's `html { font-size }` cannot change them.
 */

/** Token name (without `--cw-`) → light default, dark default. Documented in docs/theming.md. */
export const COLOR_TOKENS = {
  'color-accent': ['#1f5fd6', '#7cacf8'],
  'color-on-accent': ['#ffffff', '#0b1320'],
  'color-text': ['#1b1f24', '#e6e9ee'],
  'color-muted': ['#555d68', '#a9b1bc'],
  'color-surface': ['#ffffff', '#181b20'],
  'color-raised': ['#f4f6f9', '#232830'],
  'color-border': ['#c9ced6', '#6b7380'],
  'color-border-strong': ['#7a828e', '#8b94a1'],
  'color-danger': ['#b3261e', '#ff8f87'],
  'color-success': ['#1e7a3c', '#6dd58c'],
  'color-focus': ['#1f5fd6', '#9cc2ff'],
  shadow: ['0 6px 24px rgb(0 0 0 / 0.18)', '0 6px 24px rgb(0 0 0 / 0.6)'],
} as const;

/** Token name (without `--cw-`) → default, the same in every theme. */
export const OTHER_TOKENS = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  'font-size': '16px',
  'line-height': '1.5',
  radius: '8px',
  space: '16px',
  density: '1',
  'focus-width': '2px',
} as const;

type ColorToken = keyof typeof COLOR_TOKENS;

/** The private name each element's styles use. */
const PRIVATE: Record<ColorToken, string> = {
  'color-accent': 'accent',
  'color-on-accent': 'on-accent',
  'color-text': 'text',
  'color-muted': 'muted',
  'color-surface': 'surface',
  'color-raised': 'raised',
  'color-border': 'border',
  'color-border-strong': 'border-strong',
  'color-danger': 'danger',
  'color-success': 'success',
  'color-focus': 'focus',
  shadow: 'shadow',
};

const colorNames = Object.keys(COLOR_TOKENS) as ColorToken[];

/** `--_accent: var(--cw-color-accent, var(--_theme-accent, #1f5fd6));` … */
const resolved = colorNames
  .map((name) => `--_${PRIVATE[name]}: var(--cw-${name}, var(--_theme-${PRIVATE[name]}, ${COLOR_TOKENS[name][0]}));`)
  .join('\n');

/** The dark theme's layer: `--_theme-accent: #7cacf8;` … */
const darkLayer = [...colorNames.map((name) => `--_theme-${PRIVATE[name]}: ${COLOR_TOKENS[name][1]};`), '--_theme-scheme: dark;'].join('\n');

/**
 * A known text baseline: nothing the host page sets on the widget or its
 * ancestors (text-transform, line-height, letter-spacing, font, colour…)
 * reaches in. `all` leaves custom properties, `direction` and `unicode-bidi`
 * alone, so tokens and the page's writing direction still come through.
 * Visibility is inherited on purpose: a page may hide the widget.
 */
export const baseline = unsafeCSS(`
  all: initial;
  display: block;
  visibility: inherit;
  color-scheme: var(--_scheme);
  font-family: var(--_font);
  font-size: var(--_size);
  line-height: var(--_line-height);
  color: var(--_text);
`);

/**
 * Every element's `:host`: resolves the private tokens (without resetting
 * the root's theme layer) and applies the text baseline.
 */
export const tokens = css`
  :host {
    ${unsafeCSS(resolved)}
    --_scheme: var(--_theme-scheme, light);
    --_font: var(--cw-font-family, ${unsafeCSS(OTHER_TOKENS['font-family'])});
    --_size: var(--cw-font-size, ${unsafeCSS(OTHER_TOKENS['font-size'])});
    --_line-height: var(--cw-line-height, ${unsafeCSS(OTHER_TOKENS['line-height'])});
    --_radius: var(--cw-radius, ${unsafeCSS(OTHER_TOKENS.radius)});
    --_space: var(--cw-space, ${unsafeCSS(OTHER_TOKENS.space)});
    --_gap: calc(var(--_space) * var(--cw-density, ${unsafeCSS(OTHER_TOKENS.density)}) / 2);
    --_focus-width: var(--cw-focus-width, ${unsafeCSS(OTHER_TOKENS['focus-width'])});
    ${baseline}
  }
`;

/**
 * The root's theme layer, for `<checkout-wizard theme="light | dark | auto">`:
 * light is the defaults above; dark sets `--_theme-*`, which the whole tree
 * inherits; auto follows `prefers-color-scheme`.
 */
export const themes = css`
  :host([theme='dark']) {
    ${unsafeCSS(darkLayer)}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(darkLayer)}
    }
  }
`;

/** The widget's resolved look, for a payment provider's own fields (their iframe cannot read our custom properties). */
export function readTheme(host: Element): PaymentTheme {
  const style = getComputedStyle(host);
  const get = (name: string) => style.getPropertyValue(`--_${name}`).trim();
  return {
    colorPrimary: get('accent'),
    colorText: get('text'),
    colorBackground: get('surface'),
    colorDanger: get('danger'),
    colorMuted: get('muted'),
    colorBorder: get('border-strong'),
    fontFamily: get('font'),
    fontSize: get('size'),
    borderRadius: get('radius'),
    dark: get('scheme') === 'dark',
  };
}
