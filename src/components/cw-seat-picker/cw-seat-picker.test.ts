import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { findProduct, findTier } from '../../machine/rules.js';
import '../../define.js';
import type { CwSeatPicker } from './cw-seat-picker.js';

async function picker() {
  const { actor } = await driveTo('seats');
  const el = await fixture<CwSeatPicker>(html`<cw-seat-picker .actor=${actor}></cw-seat-picker>`);
  const { catalog, draft } = actor.getSnapshot().context;
  const range = findTier(findProduct(catalog, draft.productId), draft.tierId)!.seats;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#seats')!;
  const set = async (value: string) => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
  };
  const key = async (k: string) => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
    await el.updateComplete;
  };
  const error = () => el.shadowRoot!.querySelector('#seats-error')?.textContent?.trim() ?? '';
  return { el, actor, range, input, set, key, error, step: range.step ?? 1 };
}

describe('cw-seat-picker', () => {
  it('starts at the range minimum and steps with the arrow keys within the range', async () => {
    const { input, key, range, step } = await picker();
    expect(input.value).to.equal(String(range.min));
    await key('ArrowDown');
    expect(input.value).to.equal(String(range.min));
    await key('ArrowUp');
    expect(input.value).to.equal(String(range.min + step));
  });

  it('explains each kind of bad input at the field and keeps what was typed', async () => {
    const { set, error, input, range, step } = await picker();
    const cases: Array<[string, RegExp]> = [
      ['', /Enter the number/],
      ['0', /at least/],
      ['-2', /whole number/],
      ['3.5', /whole number/],
      ['abc', /whole number/],
      ['1e9', /whole number/],
      [String(range.max + step), /at most/],
    ];
    if (step > 1) cases.push([String(range.min + 1), /steps of/]);
    for (const [text, message] of cases) {
      await set(text);
      expect(error(), text).to.match(message);
      expect(input.value).to.equal(text);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.include('seats-error');
    }
  });

  it('the stepper buttons snap an off-step value to the range', async () => {
    const { el, set, input, range, step } = await picker();
    await set('999999');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Fewer licenses"]')!.click();
    await el.updateComplete;
    expect(Number(input.value)).to.equal(range.min + Math.floor((range.max - range.min) / step) * step);
  });

  it('is accessible', async () => {
    const { el } = await picker();
    await expect(el).to.be.accessible();
  });
});
