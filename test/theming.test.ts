import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { clickText, inStep, mount, stepEl, waitForStep } from './helpers.js';
import { driveTo } from '../src/mock/drive.js';
import { COLOR_TOKENS } from '../src/styles/tokens.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// Themes (light, dark, auto), tokens through the shadow roots, and a hostile host page that must not change a pixel.

const HOSTILE = '*{all:unset} body{text-transform:uppercase;line-height:0} html{font-size:8px}';

const rgb = (hex: string) => {
  const n = hex.replace('#', '');
  return `rgb(${[0, 2, 4].map((i) => parseInt(n.slice(i, i + 2), 16)).join(', ')})`;
};
const light = (token: keyof typeof COLOR_TOKENS) => rgb(COLOR_TOKENS[token][0]);
const dark = (token: keyof typeof COLOR_TOKENS) => rgb(COLOR_TOKENS[token][1]);

const styleOf = (node: Element | null | undefined) => getComputedStyle(node!);
const frameOf = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;

/** Adds a stylesheet to the page's head; returns its removal. */
function pageStyle(text: string): () => void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  return () => style.remove();
}

/**
 * Colour-scheme preference, with motion reduced: buttons otherwise fade their colours over 120 ms,
 * and a test would read (or photograph) the colour in between.
 */
const prefer = (colorScheme?: 'light' | 'dark') => emulateMedia({ reducedMotion: 'reduce', ...(colorScheme ? { colorScheme } : {}) });

type Comparison = { sameSize: boolean; differing: number; ratio: number; width: number; height: number; saved?: string[] };

async function frames(n = 2) {
  for (let i = 0; i < n; i++) await nextFrame();
}

describe('theming', () => {
  before(() => prefer());
  after(() => emulateMedia({}));
  let cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const undo of cleanup.reverse()) await undo();
    cleanup = [];
  });

  describe('the theme attribute', () => {
    it('is light by default, and reflected', async () => {
      const { el } = await mount();
      expect(el.theme).to.equal('light');
      expect(el.getAttribute('theme')).to.equal('light');
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(light('color-surface'));
      expect(styleOf(frameOf(el)).colorScheme).to.equal('light');
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
    });

    it('dark: the frame and every step element inside inherit the dark values', async () => {
      const { el } = await mount();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(el.theme).to.equal('dark');
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(dark('color-surface'));
      expect(styleOf(frameOf(el)).color).to.equal(dark('color-text'));
      expect(styleOf(frameOf(el)).colorScheme).to.equal('dark');
      // The step element's own :host does not reset what the root set.
      expect(styleOf(inStep(el, 'h2')).color).to.equal(dark('color-text'));
      expect(styleOf(inStep(el, '.card')).backgroundColor).to.equal(dark('color-surface'));
      expect(styleOf(inStep(el, '.card')).borderTopColor).to.equal(dark('color-border'));
      expect(styleOf(inStep(el, 'button.primary')).backgroundColor).to.equal(dark('color-accent'));
      expect(styleOf(inStep(el, 'button.primary')).color).to.equal(dark('color-on-accent'));
      expect(styleOf(inStep(el, '.muted')).color).to.equal(dark('color-muted'));
      const progress = el.shadowRoot!.querySelector('cw-progress')!;
      expect(styleOf(progress.shadowRoot!.querySelector('[aria-current]')).color).to.equal(dark('color-text'));
    });

    it('dark reaches two shadow roots down: the details popover of a plan', async () => {
      const { el } = await mount('cart-with-items');
      el.setAttribute('theme', 'dark');
      await clickText(el, 'Choose Remote Support');
      await clickText(el, 'Buy');
      await waitForStep(el, 'tier');
      const popover = inStep(el, 'cw-popover')!;
      const panel = popover.shadowRoot!.querySelector('.panel');
      expect(styleOf(panel).backgroundColor).to.equal(dark('color-surface'));
      expect(styleOf(panel).color).to.equal(dark('color-text'));
    });

    it('auto follows prefers-color-scheme', async () => {
      cleanup.push(() => prefer());
      const { el } = await mount();
      el.setAttribute('theme', 'auto');
      await prefer('dark');
      await frames();
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(dark('color-surface'));
      expect(styleOf(inStep(el, 'h2')).color).to.equal(dark('color-text'));
      await prefer('light');
      await frames();
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(light('color-surface'));
      expect(styleOf(inStep(el, 'h2')).color).to.equal(light('color-text'));
      // light and unknown values ignore the preference.
      await prefer('dark');
      for (const theme of ['light', 'sepia']) {
        el.setAttribute('theme', theme);
        await frames();
        expect(styleOf(frameOf(el)).backgroundColor, theme).to.equal(light('color-surface'));
      }
    });
  });

  describe('tokens', () => {
    it('each colour token set on the element reaches the step elements, in both themes', async () => {
      const { el } = await mount();
      for (const theme of ['light', 'dark']) {
        el.setAttribute('theme', theme);
        for (const [i, token] of Object.keys(COLOR_TOKENS).entries()) {
          if (token === 'shadow') continue;
          el.style.setProperty(`--cw-${token}`, `rgb(${i}, 2, 3)`);
        }
        await frames(1);
        for (const [i, token] of Object.keys(COLOR_TOKENS).entries()) {
          if (token === 'shadow') continue;
          const name = token.replace(/^color-/, '');
          expect(styleOf(stepEl(el)).getPropertyValue(`--_${name}`).trim(), `${theme} --cw-${token}`).to.equal(`rgb(${i}, 2, 3)`);
        }
      }
      expect(styleOf(inStep(el, 'button.primary')).backgroundColor).to.equal('rgb(0, 2, 3)');
    });

    it('an accent set on an ancestor applies; one set on the element wins over it and over the dark theme', async () => {
      const { el } = await mount();
      el.parentElement!.style.setProperty('--cw-color-accent', '#aa0000');
      await frames(1);
      expect(styleOf(inStep(el, 'button.primary')).backgroundColor).to.equal('rgb(170, 0, 0)');
      el.setAttribute('theme', 'dark');
      el.style.setProperty('--cw-color-accent', '#00aa00');
      await frames(1);
      expect(styleOf(inStep(el, 'button.primary')).backgroundColor).to.equal('rgb(0, 170, 0)');
      // The rest of the dark theme stays.
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(dark('color-surface'));
    });

    it('size, spacing, density and font tokens', async () => {
      const { el } = await mount();
      el.style.cssText = '--cw-font-size: 20px; --cw-space: 10px; --cw-density: 2; --cw-radius: 3px; --cw-font-family: monospace; --cw-line-height: 2';
      await frames(1);
      expect(styleOf(inStep(el, 'h2')).fontSize).to.equal('27.5px'); // 1.375em
      expect(styleOf(frameOf(el)).paddingTop).to.equal('10px');
      expect(styleOf(inStep(el, '.cards')).rowGap).to.equal('10px'); // space × density / 2
      expect(styleOf(inStep(el, '.card')).borderTopLeftRadius).to.equal('3px');
      expect(styleOf(inStep(el, 'p')).fontFamily).to.equal('monospace');
      expect(styleOf(inStep(el, 'p')).lineHeight).to.equal('40px');
    });

    it('a step element used alone gets the light defaults, and follows tokens from its page', async () => {
      const { actor } = await driveTo('select');
      const wrapper = await fixture(html`<div><cw-product-list .actor=${actor}></cw-product-list></div>`);
      const step = wrapper.querySelector('cw-product-list')!;
      await (step as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const h2 = step.shadowRoot!.querySelector('h2');
      expect(styleOf(h2).color).to.equal(light('color-text'));
      expect(styleOf(step.shadowRoot!.querySelector('.card')).backgroundColor).to.equal(light('color-surface'));
      expect(styleOf(step.shadowRoot!.querySelector('button.primary')).backgroundColor).to.equal(light('color-accent'));
      (wrapper as HTMLElement).style.setProperty('--cw-color-accent', '#aa0000');
      await frames(1);
      expect(styleOf(step.shadowRoot!.querySelector('button.primary')).backgroundColor).to.equal('rgb(170, 0, 0)');
      actor.stop();
    });
  });

  describe('parts', () => {
    /** A probe no style of the widget sets: a page rule through ::part() shows up on exactly the parted nodes. */
    const probe = (parts: string[]) => pageStyle(parts.map((p) => `checkout-wizard::part(${p}) { scroll-margin-top: 7px }`).join('\n'));
    const probed = (node: Element | null | undefined, label: string) => expect(styleOf(node).scrollMarginTop, label).to.equal('7px');

    it('the page reaches the parts of the wizard, of its progress, of every step and of the popover', async () => {
      cleanup.push(probe(['base', 'progress', 'progress-list', 'progress-current', 'progress-step', 'status', 'step', 'heading', 'product', 'choose', 'badge', 'option', 'tier', 'details', 'popover', 'input', 'stepper', 'next', 'method', 'apply-vat', 'place-order', 'back', 'error']));
      const { el } = await mount();
      const progress = el.shadowRoot!.querySelector('cw-progress')!;
      probed(frameOf(el), 'base');
      probed(progress, 'progress');
      probed(progress.shadowRoot!.querySelector('ol'), 'progress-list');
      probed(progress.shadowRoot!.querySelector('[aria-current]'), 'progress-current');
      probed(el.shadowRoot!.querySelector('[role=status]'), 'status');
      probed(stepEl(el), 'step');
      probed(inStep(el, 'h2'), 'heading');
      probed(inStep(el, '.card'), 'product');
      probed(inStep(el, 'button.primary'), 'choose');
      probed(inStep(el, '.badge'), 'badge');
      await clickText(el, 'Choose Remote Support');
      await waitForStep(el, 'mode');
      probed(inStep(el, '.card'), 'option');
      probed(inStep(el, '.card button'), 'mode choose');
      await clickText(el, 'Buy');
      await waitForStep(el, 'tier');
      probed(inStep(el, '.card'), 'tier');
      probed(inStep(el, 'cw-popover button'), 'details');
      probed(inStep(el, 'cw-popover')!.shadowRoot!.querySelector('.panel'), 'popover');
      await clickText(el, /^Choose /);
      await waitForStep(el, 'seats');
      probed(inStep(el, '#seats'), 'input');
      probed(inStep(el, '.field button'), 'stepper');
      const input = inStep<HTMLInputElement>(el, '#seats')!;
      input.value = 'abc';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await stepEl(el).updateComplete;
      probed(inStep(el, '.error'), 'error');
      input.value = '5';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await clickText(el, 'Next');
      await clickText(el, 'Complete transaction');
      await clickText(el, 'Continue to payment');
      await waitForStep(el, 'pay');
      probed(inStep(el, '.method'), 'method');
      probed(inStep(el, '#vat'), 'vat input');
      probed(inStep(el, '.vat button'), 'apply-vat');
      probed(inStep(el, 'button.primary'), 'place-order');
      probed(inStep(el, '.actions button'), 'back');
    });
  });

  it('the popover panel takes its shadow from --cw-shadow, and the dark theme', async () => {
    const { el } = await mount('cart-with-items');
    await clickText(el, 'Choose Remote Support');
    await clickText(el, 'Buy');
    await waitForStep(el, 'tier');
    const panel = () => inStep(el, 'cw-popover')!.shadowRoot!.querySelector('.panel');
    expect(styleOf(panel()).boxShadow).to.equal('rgba(0, 0, 0, 0.18) 0px 6px 24px 0px');
    el.setAttribute('theme', 'dark');
    await frames(1);
    expect(styleOf(panel()).boxShadow).to.equal('rgba(0, 0, 0, 0.6) 0px 6px 24px 0px');
    el.style.setProperty('--cw-shadow', 'none');
    await frames(1);
    expect(styleOf(panel()).boxShadow).to.equal('none');
  });

  describe('the dark theme chosen by the user\'s preference stays accessible (axe, colour contrast included)', () => {
    async function expectAccessible(el: CheckoutWizard, label: string) {
      try {
        await expect(el).to.be.accessible();
      } catch (e) {
        throw new Error(`dark, ${label}: ${(e as Error).message}`);
      }
    }

    // Every step, gate and error state in the dark theme: test/a11y-axe.test.ts (its dark pass).
    it('the unavailable gate, with theme="auto" in a dark preference', async () => {
      cleanup.push(() => prefer());
      await prefer('dark');
      const { el } = await mount('backend-down');
      el.setAttribute('theme', 'auto');
      await frames();
      expect(styleOf(frameOf(el)).backgroundColor).to.equal(dark('color-surface'));
      await expectAccessible(el, 'unavailable gate');
    });
  });

  describe('a hostile host page', () => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    beforeEach(async () => {
      // Room for the whole widget: screenshots only capture what is in the viewport.
      await setViewport({ width: 1000, height: 1600 });
      cleanup.push(() => setViewport(viewport));
      cleanup.push(() => executeServerCommand('cw-forget-screenshots'));
    });

    /**
     * Pins the fixture's container (inline style: the hostile rules cannot override it), so the widget
     * gets the same box on both pages, and returns a screenshot of it.
     */
    function pin(el: CheckoutWizard) {
      el.parentElement!.setAttribute(
        'style',
        'display:block; position:fixed; top:0; left:0; z-index:2147483647; box-sizing:content-box; width:720px; margin:0; padding:12px; background:#ffffff',
      );
      return async (name: string) => {
        await frames();
        // The frame grows to a new step over 180 ms: the picture is of where it comes to rest.
        await Promise.all((el.shadowRoot!.querySelector('.base')?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
        const r = el.parentElement!.getBoundingClientRect();
        if (r.bottom > window.innerHeight) throw new Error(`the widget (${r.height}px) does not fit the viewport`);
        await executeServerCommand('cw-screenshot', { name, clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
      };
    }

    async function expectSameOnHostilePage(el: CheckoutWizard, label: string) {
      const shoot = pin(el);
      await shoot(`${label}-clean`);
      const remove = pageStyle(HOSTILE);
      cleanup.push(remove);
      // The hostile rules did apply to the page and to the element itself.
      expect(styleOf(document.body).textTransform).to.equal('uppercase');
      expect(styleOf(el).display).to.equal('inline');
      await shoot(`${label}-hostile`);
      remove();
      const result = await executeServerCommand<Comparison, { a: string; b: string }>(
        'cw-compare-screenshots',
        { a: `${label}-clean`, b: `${label}-hostile` },
      );
      const where = result.saved ? ` (pictures: ${result.saved.join(', ')})` : '';
      expect(result.sameSize, `${label}: same size${where}`).to.be.true;
      expect(result.ratio, `${label}: ${result.differing} of ${result.width}×${result.height} pixels differ${where}`).to.be.below(0.001);
    }

    it('the select step looks the same, light and dark', async () => {
      const { el } = await mount();
      await expectSameOnHostilePage(el, 'select-light');
      el.setAttribute('theme', 'dark');
      await expectSameOnHostilePage(el, 'select-dark');
    });

    it('the licenses step (a field, an error) and the pay step (radios, a field) look the same', async () => {
      const { el } = await mount();
      await clickText(el, 'Choose Phone System');
      await waitForStep(el, 'seats');
      const input = inStep<HTMLInputElement>(el, '#seats')!;
      input.value = '0';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await stepEl(el).updateComplete;
      input.blur();
      await expectSameOnHostilePage(el, 'seats');
      input.value = '5';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await clickText(el, 'Next');
      await clickText(el, 'Complete transaction');
      await clickText(el, 'Continue to payment');
      await waitForStep(el, 'pay');
      (document.activeElement as HTMLElement | null)?.blur();
      await expectSameOnHostilePage(el, 'pay');
    });

    it('tokens set on the element still apply, and text keeps its own case, size and line height', async () => {
      const { el } = await mount();
      el.style.setProperty('--cw-color-accent', '#aa0000');
      cleanup.push(pageStyle(HOSTILE));
      await frames();
      expect(styleOf(inStep(el, 'button.primary')).backgroundColor).to.equal('rgb(170, 0, 0)');
      const h2 = styleOf(inStep(el, 'h2'));
      expect(h2.textTransform).to.equal('none');
      expect(h2.fontSize).to.equal('22px');
      expect(styleOf(inStep(el, 'p')).lineHeight).to.equal('24px');
      expect(styleOf(frameOf(el)).display).to.equal('block');
    });

    it('hidden still hides it; the page still controls its box', async () => {
      const { el } = await mount();
      cleanup.push(pageStyle(HOSTILE));
      el.hidden = true;
      await frames(1);
      expect(el.getBoundingClientRect().height).to.equal(0);
      el.hidden = false;
      cleanup.push(pageStyle('checkout-wizard.gone { display: none }'));
      el.classList.add('gone');
      await frames(1);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  });
});
