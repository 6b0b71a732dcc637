import { expect } from '@open-wc/testing';
import { COLOR_TOKENS } from '../src/styles/tokens.js';
import { axeSuite } from './a11y-axe.js';

// axe on every step, gate and error state in the light theme, with its best practices (the dark theme and
// right to left are a11y-axe-dark and a11y-axe-rtl, so the three run side by side); and the colour tokens' contrast.
axeSuite({ name: 'light', theme: 'light', locale: 'en', bestPractice: true });

describe('colour tokens: contrast in both themes (1.4.3 text, 1.4.11 non-text)', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  type Token = Exclude<keyof typeof COLOR_TOKENS, 'shadow'>;
  // [foreground, background, minimum, what]
  const PAIRS: [Token, Token, number, string][] = [
    ['color-text', 'color-surface', 4.5, 'body text'],
    ['color-text', 'color-raised', 4.5, 'badge text'],
    ['color-muted', 'color-surface', 4.5, 'secondary text'],
    ['color-muted', 'color-raised', 4.5, 'secondary text on raised areas'],
    ['color-accent', 'color-surface', 4.5, 'link text'],
    ['color-on-accent', 'color-accent', 4.5, 'primary button text, accent badges'],
    ['color-danger', 'color-surface', 4.5, 'error text'],
    ['color-success', 'color-surface', 4.5, 'confirmation text'],
    ['color-border-strong', 'color-surface', 3, 'text field borders'],
    ['color-focus', 'color-surface', 3, 'focus ring'],
    ['color-accent', 'color-surface', 3, 'selected card border, radio buttons, progress dots'],
    ['color-danger', 'color-surface', 3, 'invalid field border'],
  ];
  for (const [theme, index] of [['light', 0], ['dark', 1]] as const) {
    it(`${theme}: every pair meets its minimum`, () => {
      const low = PAIRS.map(([fg, bg, min, what]) => ({ what, fg, bg, min, r: ratio(COLOR_TOKENS[fg][index], COLOR_TOKENS[bg][index]) }))
        .filter(({ r, min }) => r < min)
        .map(({ what, fg, bg, min, r }) => `${what}: ${fg} on ${bg} is ${r.toFixed(2)}:1, needs ${min}:1`);
      expect(low.join('\n')).to.equal('');
    });
  }
});
