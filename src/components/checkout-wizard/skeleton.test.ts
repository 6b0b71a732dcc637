import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { MockBackend } from '../../mock/backend.js';
import { createState } from '../../mock/fixtures.js';
import { StepClock } from '../../mock/clock.js';
import { deepActive, inStep, mount, settled, stepEl, useBackend, visitEveryStep, waitForStep, walk } from '../../../test/helpers.js';
import type { CheckoutWizard } from './checkout-wizard.js';

// The finished look of the wizard's states: the skeleton before the first step, the busy primary button,
// the frame's height animated between steps, the narrow layout of every step's actions, fieldsets,
// payment-method rows, and focus rings on headings for keyboard users only.

const frameOf = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
const heightOf = (node: Element) => node.getBoundingClientRect().height;
const reduce = (on: boolean) => emulateMedia({ reducedMotion: on ? 'reduce' : 'no-preference' });

/** Runs the backend's latency timers until the wizard shows a step. */
async function release(el: CheckoutWizard, clock: StepClock) {
  await waitUntil(() => (clock.next(), el.step !== 'loading' && !el.busy), 'the first step never came', { timeout: 5000, interval: 4 });
  await settled(el);
}

/** Ends the frame's height animation, if one runs, as if its 180 ms had passed. */
function finishAnimations(el: CheckoutWizard) {
  for (const animation of frameOf(el).getAnimations()) animation.finish();
}

describe('the wizard\'s states', () => {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  before(() => reduce(false));
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport(viewport);
  });

  describe('before the first step: a skeleton', () => {
    afterEach(() => reduce(false));

    async function mountHeld(width?: number) {
      sessionStorage.clear();
      const clock = new StepClock();
      await useBackend(new MockBackend({ scenario: 'empty-cart', latencyMs: 1000, clock }));
      const el = await fixture<CheckoutWizard>(html`<checkout-wizard api-base="/api/billing/v1" style=${width ? `width:${width}px` : ''}></checkout-wizard>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.skeleton'), 'no skeleton');
      return { el, clock };
    }

    it('is busy for assistive technology, which hears "Loading…" and not the skeleton', async () => {
      const { el, clock } = await mountHeld();
      const busy = el.shadowRoot!.querySelector('[part=loading]')!;
      expect(busy.getAttribute('aria-busy')).to.equal('true');
      expect(busy.querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      expect(busy.textContent!.trim(), 'no text of its own').to.equal('');
      expect(el.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('Loading…');
      // Three card bones at least: the product list's shape.
      expect([...busy.querySelectorAll('.sk-card')].filter((c) => c.getBoundingClientRect().height > 0).length).to.be.at.least(3);
      await release(el, clock);
      expect(!!el.shadowRoot!.querySelector('[part=loading]'), 'gone with the first step').to.equal(false);
    });

    for (const width of [undefined, 375]) {
      it(`holds about the product list's height${width ? `, ${width}px wide` : ''}: the frame grows by less than 30% when the products come`, async () => {
        const { el, clock } = await mountHeld(width);
        const before = heightOf(frameOf(el));
        await release(el, clock);
        await nextFrame();
        finishAnimations(el);
        const after = heightOf(frameOf(el));
        expect(before, 'skeleton taller than a line').to.be.greaterThan(300);
        expect(Math.abs(after - before) / after, `skeleton ${before}px, first step ${after}px`).to.be.below(0.3);
      });
    }

    it('laid out as the step will be: the summary\'s card beside the cards when the widget is wide, none when narrow', async () => {
      for (const [width, beside] of [[1000, true], [600, false]] as const) {
        const { el, clock } = await mountHeld(width);
        const aside = el.shadowRoot!.querySelector('.sk-aside')!;
        const cards = el.shadowRoot!.querySelector('.sk-cards')!.getBoundingClientRect();
        expect(aside.getBoundingClientRect().height > 0, `${width}px: a summary card`).to.equal(beside);
        const left = aside.getBoundingClientRect().left;
        if (beside) expect(left, 'beside the cards').to.be.at.least(cards.right);
        await release(el, clock);
        await nextFrame();
        finishAnimations(el);
        const summary = el.shadowRoot!.querySelector('cw-summary')!.getBoundingClientRect();
        if (beside) expect(summary.left, `${width}px: the summary where its bone was`).to.be.closeTo(left, 2);
      }
    });

    it('shimmers, in the tokens\' colours; not at all with reduced motion', async () => {
      const { el, clock } = await mountHeld();
      const bone = el.shadowRoot!.querySelector('.bone')!;
      const style = getComputedStyle(bone);
      expect(style.animationName).to.equal('cw-shimmer');
      expect(style.backgroundColor, 'a colour from the tokens').to.not.equal('rgba(0, 0, 0, 0)');
      await reduce(true);
      await nextFrame();
      expect(getComputedStyle(bone).animationName).to.equal('none');
      expect(getComputedStyle(bone).backgroundImage).to.equal('none');
      await release(el, clock);
    });

    it('after a gate\'s "Try again", has the gate\'s shape', async () => {
      const clock = new StepClock();
      const backend = new MockBackend({ scenario: 'backend-down', clock });
      const { el } = await mount('backend-down', { backend });
      expect(el.step).to.equal('unavailable');
      backend.latencyMs = 1000;
      await pressPartHeld(el, 'retry');
      expect(!!el.shadowRoot!.querySelector('.skeleton .sk-cards'), 'no product cards').to.equal(false);
      expect(!!el.shadowRoot!.querySelector('.skeleton .bone.heading'), 'a heading bone').to.equal(true);
      await release(el, clock);
    });
  });

  /** Presses a control that starts a request the backend holds; resolves once the wizard has drawn the press. */
  async function pressPartHeld(el: CheckoutWizard, part: string) {
    inStep(el, `[part~="${part}"]`)!.click();
    await el.updateComplete;
    await stepEl(el)?.updateComplete;
  }

  describe('a busy primary button', () => {
    afterEach(() => reduce(false));

    async function atTermHeld() {
      const clock = new StepClock();
      const backend = new MockBackend({ scenario: 'empty-cart', clock });
      const { el } = await mount('empty-cart', { backend });
      await walk(el, 'term');
      backend.latencyMs = 1000;
      const button = inStep<HTMLButtonElement>(el, '[part=commit]')!;
      const before = button.getBoundingClientRect();
      await pressPartHeld(el, 'commit');
      return { el, clock, button, before };
    }

    it('shows a spinner beside its label, keeps its size, and stays focusable', async () => {
      const { el, clock, button, before } = await atTermHeld();
      expect(el.busy).to.equal(true);
      expect(inStep(el, '[part=commit]') === button, 'the same button').to.equal(true);
      const spinner = button.querySelector<HTMLElement>('.spinner')!;
      expect(!!spinner, 'a spinner').to.equal(true);
      expect(spinner.getAttribute('aria-hidden')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.disabled).to.equal(false);
      const after = button.getBoundingClientRect();
      expect([after.width, after.height, after.left, after.top], 'no layout shift').to.deep.equal([before.width, before.height, before.left, before.top]);
      const s = spinner.getBoundingClientRect();
      const label = button.querySelector('.label')!.getBoundingClientRect();
      expect(s.width, 'a small spinner').to.be.within(8, 24);
      expect(s.left >= after.left && s.right <= after.right && s.top >= after.top && s.bottom <= after.bottom, 'inside the button').to.equal(true);
      expect(s.left >= label.right - 0.5, 'beside the label, at its end').to.equal(true);
      expect(getComputedStyle(spinner).borderTopColor, 'in the label\'s colour').to.equal(getComputedStyle(button).color);
      expect(getComputedStyle(spinner).animationName).to.equal('cw-spin');
      button.focus();
      expect(deepActive() === button, 'focusable while busy').to.equal(true);
      await release(el, clock);
      expect(!!inStep(el, '.spinner'), 'gone when the request is done').to.equal(false);
    });

    it('with reduced motion, the spinner stands still', async () => {
      await reduce(true);
      const { el, clock, button } = await atTermHeld();
      expect(getComputedStyle(button.querySelector('.spinner')!).animationName).to.equal('none');
      await release(el, clock);
    });
  });

  describe('the frame between steps', () => {
    afterEach(() => reduce(false));

    it('animates its height for at most 200 ms, leaves no height behind, and focus still goes to the heading', async () => {
      const { el } = await mount();
      const frame = frameOf(el);
      const before = heightOf(frame);
      inStep<HTMLButtonElement>(el, 'button[part=choose]')!.click();
      await waitForStep(el, 'mode');
      await nextFrame();
      const [animation, ...more] = frame.getAnimations();
      expect(!!animation, 'an animation on the frame').to.equal(true);
      expect(more.length).to.equal(0);
      const timing = animation!.effect!.getComputedTiming();
      expect(Number(timing.duration)).to.be.at.most(200);
      const keyframes = (animation!.effect as KeyframeEffect).getKeyframes();
      expect(parseFloat(String(keyframes[0]!.height))).to.be.closeTo(before, 1);
      await new Promise((r) => setTimeout(r, 0));
      expect(deepActive() === inStep(el, 'h2'), 'focus on the new heading').to.equal(true);
      animation!.finish();
      expect(frame.getAnimations().length).to.equal(0);
      expect(frame.style.height, 'no height set').to.equal('');
      expect(getComputedStyle(frame).clipPath).to.equal('none');
      // As tall as its content.
      const content = [...frame.children].reduce((bottom, child) => Math.max(bottom, child.getBoundingClientRect().bottom), 0);
      const padding = parseFloat(getComputedStyle(frame).paddingBottom) + parseFloat(getComputedStyle(frame).borderBottomWidth);
      expect(frame.getBoundingClientRect().bottom).to.be.closeTo(content + padding, 1);
    });

    it('ends at once on a key pressed inside, but not under a pointer, whose click lands where it was pressed', async () => {
      // Tall enough to scroll while the frame shrinks from the product list to the licenses.
      await setViewport({ width: 800, height: 400 });
      const { el } = await mount();
      inStep<HTMLButtonElement>(el, 'button[part=choose]')!.click();
      await waitForStep(el, 'mode');
      await nextFrame();
      const frame = frameOf(el);
      const [animation] = frame.getAnimations();
      expect(!!animation, 'an animation on the frame').to.equal(true);
      animation!.pause();
      const buy = inStep<HTMLButtonElement>(el, 'button[part=choose]')!;
      buy.scrollIntoView({ block: 'end' });
      const box = buy.getBoundingClientRect();
      const at: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
      await sendMouse({ type: 'move', position: at });
      await sendMouse({ type: 'down' });
      expect(frame.getAnimations().length, 'still animating after the press').to.equal(1);
      await sendMouse({ type: 'up' });
      await resetMouse();
      await waitUntil(() => el.step !== 'mode', 'the click did not choose');
      await setViewport(viewport);
    });

    it('ends at once on a key pressed inside: Tab never focuses what is still cut off', async () => {
      const { el } = await mount();
      inStep<HTMLButtonElement>(el, 'button[part=choose]')!.click();
      await waitForStep(el, 'mode');
      await nextFrame();
      const frame = frameOf(el);
      frame.getAnimations()[0]!.pause();
      await sendKeys({ press: 'Tab' });
      expect(frame.getAnimations().length).to.equal(0);
    });

    it('does not move at all with reduced motion', async () => {
      await reduce(true);
      const { el } = await mount();
      inStep<HTMLButtonElement>(el, 'button[part=choose]')!.click();
      await waitForStep(el, 'mode');
      await nextFrame();
      await nextFrame();
      expect(frameOf(el).getAnimations().length).to.equal(0);
    });
  });

  describe('a narrow widget (480px or less, whatever the viewport)', () => {
    /** Every step's actions: each control full width, stacked in document order, the primary one last. */
    function stacked(el: CheckoutWizard, label: string): string[] {
      const root = stepEl(el).shadowRoot!;
      const out: string[] = [];
      for (const actions of root.querySelectorAll<HTMLElement>('.actions')) {
        const box = actions.getBoundingClientRect();
        if (!box.width) continue;
        const buttons = [...actions.querySelectorAll<HTMLElement>('button')].filter((b) => b.getBoundingClientRect().width > 0);
        let bottom = -Infinity;
        for (const button of buttons) {
          const r = button.getBoundingClientRect();
          if (Math.abs(r.width - box.width) > 1) out.push(`${label}: "${button.textContent!.trim()}" is ${Math.round(r.width)}px of ${Math.round(box.width)}px`);
          if (r.top < bottom - 0.5) out.push(`${label}: "${button.textContent!.trim()}" is not below the one before it`);
          bottom = r.bottom;
        }
        const primary = buttons.findIndex((b) => b.classList.contains('primary'));
        if (primary >= 0 && primary !== buttons.length - 1) out.push(`${label}: the primary action is not last`);
      }
      return out;
    }

    it('on every step, the actions stack full width, Back above, the primary action at the bottom', async () => {
      await setViewport({ width: 1280, height: 800 });
      const found: string[] = [];
      let checked = 0;
      await visitEveryStep(
        (el, label) => {
          checked += stepEl(el).shadowRoot!.querySelectorAll('.actions').length;
          found.push(...stacked(el, label));
        },
        {},
        (el) => (el.style.width = '375px'),
      );
      expect(checked, 'actions rows seen').to.be.at.least(10);
      expect(found.join('\n')).to.equal('');
    });

    it('a wide widget keeps them on one row, Back at the start and the primary action at the end', async () => {
      await setViewport({ width: 1280, height: 800 });
      const { el } = await mount();
      el.style.width = '700px';
      await walk(el, 'term');
      const back = inStep(el, '[part=back]')!.getBoundingClientRect();
      const commit = inStep(el, '[part=commit]')!.getBoundingClientRect();
      expect(Math.abs(back.top - commit.top)).to.be.below(1);
      expect(commit.left).to.be.greaterThan(back.right);
      expect(commit.width).to.be.below(400);
    });

    it('payment methods are rows of their own: the radio at the start, text never under it nor in the next row', async () => {
      await setViewport({ width: 320, height: 800 });
      const seed = createState('cart-with-items');
      seed.account.paymentMethods.push(
        { id: 'pm-mc', type: 'card', label: 'Mastercard •••• 4444', expires: '2029-08', isDefault: false },
        { id: 'pm-sepa', type: 'sepa_debit', label: 'SEPA Direct Debit •••• 3000', expires: null, isDefault: false },
      );
      const { el } = await mount('cart-with-items', { backend: new MockBackend({ seed }) });
      await walk(el, 'pay');
      const rows = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLElement>('label.method')].map((row) => ({
        row: row.getBoundingClientRect(),
        radio: row.querySelector('input')!.getBoundingClientRect(),
        text: [...row.querySelectorAll(':scope > span')].map((s) => s.getBoundingClientRect()),
      }));
      expect(rows.length).to.equal(3);
      rows.forEach(({ row, radio, text }, i) => {
        for (const t of text) {
          expect(t.left, `row ${i}: text beside the radio`).to.be.at.least(radio.right);
          expect(t.top >= row.top - 0.5 && t.bottom <= row.bottom + 0.5, `row ${i}: text inside its row`).to.equal(true);
        }
        if (i > 0) expect(row.top, `row ${i} below row ${i - 1}`).to.be.at.least(rows[i - 1]!.row.bottom - 0.5);
        expect(radio.width).to.be.at.least(24);
      });
    });
  });

  describe('fieldsets', () => {
    it('are card-like groups from the tokens, the legend inside as their label', async () => {
      const { el } = await mount('cart-with-items');
      await walk(el, 'pay');
      const fieldset = inStep(el, 'fieldset')!;
      const legend = fieldset.querySelector('legend')!;
      const style = getComputedStyle(fieldset);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopLeftRadius).to.equal('8px');
      expect(legend.getBoundingClientRect().top, 'the legend sits inside, not on the border').to.be.greaterThan(fieldset.getBoundingClientRect().top + 8);
      expect(getComputedStyle(legend).fontWeight).to.equal('600');
    });
  });

  describe('the step heading\'s focus ring', () => {
    afterEach(() => resetMouse());

    /** Clicks at the middle of an element as a mouse does. */
    async function click(node: Element) {
      const r = node.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    }

    it('is not drawn after a click, and is after a key press', async () => {
      await setViewport({ width: 1000, height: 900 });
      const { el } = await mount();
      await reduce(true);
      await click(inStep(el, 'button[part=choose]')!);
      await waitForStep(el, 'mode');
      await new Promise((r) => setTimeout(r, 0));
      let heading = inStep(el, 'h2')!;
      expect(deepActive() === heading, 'focus on the heading').to.equal(true);
      expect(heading.matches(':focus-visible'), 'no ring after a click').to.equal(false);
      expect(getComputedStyle(heading).outlineStyle).to.equal('none');

      inStep(el, '[part=back]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitForStep(el, 'select');
      await new Promise((r) => setTimeout(r, 0));
      heading = inStep(el, 'h2')!;
      expect(deepActive() === heading, 'focus on the heading').to.equal(true);
      expect(heading.matches(':focus-visible'), 'a ring after a key press').to.equal(true);
      expect(getComputedStyle(heading).outlineStyle).to.equal('solid');
      await reduce(false);
    });
  });
});
