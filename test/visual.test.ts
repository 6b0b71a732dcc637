import { expect, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { MockBackend } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { deepActive, inStep, mount, settled, stepEl, type, walk } from './helpers.js';

// Screenshot tests: the key states, pixel for pixel against the baselines in test/baselines/ (taken in this
// machine's Chromium, as CI's). A change that moves what a buyer sees fails here, with the baseline, the new
// picture and their diff written to the OS temp dir; `npm run test:baselines` takes them anew after a change
// that is meant. The backend's clock is fixed, so dates on screen do not change with the day.

interface Comparison {
  missing?: boolean;
  updated?: boolean;
  sameSize?: boolean;
  ratio?: number;
  saved?: string[];
}

const now = () => new Date('2025-03-10T09:00:00Z');

/** Each key state and how to reach it from the first step. */
const STATES: Record<string, (el: CheckoutWizard) => Promise<void>> = {
  select: async () => {},
  'seats-error': async (el) => {
    await walk(el, 'seats');
    await type(el, '#seats', '5000');
    inStep<HTMLButtonElement>(el, '[part=next]')!.click();
  },
  review: (el) => walk(el, 'review'),
  pay: (el) => walk(el, 'pay'),
  done: (el) => walk(el, 'done'),
};

const LOOKS = [
  { width: 1280, theme: 'light', locale: 'en' },
  { width: 375, theme: 'dark', locale: 'ar' },
] as const;

describe('screenshots of the key states', () => {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport(viewport);
  });

  for (const { width, theme, locale } of LOOKS) {
    for (const [state, reach] of Object.entries(STATES)) {
      const name = `${state}-${width}-${theme}-${locale}`;
      it(`${state} at ${width}px, ${theme}, ${locale}: as in its baseline`, async () => {
        await setViewport({ width, height: 800 });
        const { el } = await mount('empty-cart', { theme, locale, backend: new MockBackend({ scenario: 'empty-cart', now }) });
        await reach(el);
        await settled(el);
        // No caret, no focus ring: only what is drawn for everyone.
        (deepActive() as HTMLElement | null)?.blur();
        await stepEl(el).updateComplete;
        // The whole widget in view: the viewport grows to it (its width, so the layout, stays).
        await setViewport({ width, height: Math.ceil(el.getBoundingClientRect().bottom) + 16 });
        await nextFrame();
        await nextFrame();
        const box = el.getBoundingClientRect();
        await executeServerCommand('cw-screenshot', { name, clip: { x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height } });
        const result = await executeServerCommand<Comparison, { name: string; tolerance: number }>('cw-match-baseline', { name, tolerance: 8 });
        if (result.updated) return;
        expect(result.missing, `no baseline for ${name}: run npm run test:baselines`).to.not.equal(true);
        expect(result.sameSize, `${name}: the widget's size changed; see ${result.saved?.join(', ')}`).to.equal(true);
        expect(result.ratio, `${name}: pixels differ; see ${result.saved?.join(', ')}`).to.be.below(0.001);
      });
    }
  }
});
