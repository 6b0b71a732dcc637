import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../test/define-all.js';
import type { CwPopover } from './cw-popover.js';

describe('cw-popover', () => {
  async function make() {
    const el = await fixture<CwPopover>(html`<cw-popover label="Plan details">
      <button slot="trigger" type="button">Details</button>
      <p>Up to 100 licenses.</p>
    </cw-popover>`);
    const trigger = el.querySelector('button')!;
    const panel = el.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    return { el, trigger, panel };
  }

  it('opens from its trigger, placed next to it, and says so on the trigger', async () => {
    const { el, trigger, panel } = await make();
    expect(panel.hidden).to.equal(true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.click();
    await oneEvent(el, 'cw-popover-toggle');
    // Floating UI is a chunk of its own: the panel is seen only once placed.
    await waitUntil(() => panel.style.translate !== '', 'placed');
    expect(getComputedStyle(panel).visibility).to.equal('visible');
    expect(panel.hidden).to.equal(false);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const t = trigger.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(Math.abs(p.top - t.bottom)).to.be.lessThan(20);
  });

  it('tells listeners around it when it opens and when it closes', async () => {
    const { el, trigger } = await make();
    const seen: boolean[] = [];
    // On the parent: the event bubbles; `detail.open` is typed through the DOM's event map.
    el.parentElement!.addEventListener('cw-popover-toggle', (e) => seen.push(e.detail.open satisfies boolean));
    trigger.click();
    await el.updateComplete;
    el.hide();
    await el.updateComplete;
    expect(seen).to.deep.equal([true, false]);
  });

  it('Escape closes it and gives focus back to the trigger', async () => {
    const { el, trigger } = await make();
    trigger.click();
    await el.updateComplete;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(document.activeElement === trigger, 'focus back on the trigger').to.equal(true);
  });

  it('a click outside closes it', async () => {
    const { el, trigger } = await make();
    trigger.click();
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('focus moving on past it closes it, so it never covers the focused control', async () => {
    const { el, trigger } = await make();
    const after = document.createElement('button');
    after.textContent = 'Next control';
    el.after(after);
    trigger.focus();
    trigger.click();
    await el.updateComplete;
    expect(el.open).to.equal(true);
    after.focus();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    after.remove();
  });

  it('stops following its anchor once removed while open', async () => {
    const { el, trigger, panel } = await make();
    trigger.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    el.remove();
    const before = panel.style.translate;
    window.dispatchEvent(new Event('resize'));
    document.body.style.paddingTop = '50px';
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 50));
    document.body.style.paddingTop = '';
    expect(panel.style.translate).to.equal(before);
  });
});
