import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { findProduct, findTier, isSubscribed } from '../../machine/rules.js';
import { rest, stepNow, textOf } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwSeatPicker } from './cw-seat-picker.js';

/**
 * The picker on a plan whose licenses come in steps of more than one, so every rule of the
 * field runs (a plan in steps of one cannot show the "steps of" message).
 */
async function picker() {
  const { actor } = await driveTo('select');
  const { catalog, account } = actor.getSnapshot().context;
  const stepped = catalog!.products
    .filter((p) => !isSubscribed(account, p.id))
    .flatMap((p) => p.tiers.filter((t) => (t.seats.step ?? 1) > 1).map((tier) => ({ productId: p.id, tier })))[0];
  if (!stepped) throw new Error('the fixtures have no buyable plan whose licenses come in steps of more than 1');
  actor.send({ type: 'SELECT', productId: stepped.productId });
  if (stepNow(actor) === 'mode') actor.send({ type: 'MODE', mode: 'buy' });
  if (stepNow(actor) === 'tier') actor.send({ type: 'TIER', tierId: stepped.tier.id });
  const el = await fixture<CwSeatPicker>(html`<cw-seat-picker .actor=${actor}></cw-seat-picker>`);
  await rest(el, actor, 'seats');
  const range = stepped.tier.seats;
  const step = range.step!;
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
  return { el, actor, range, input, set, key, error, step };
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
      [String(range.min + 1), new RegExp(`steps of ${step}: choose ${range.min} or ${range.min + step}`)],
    ];
    for (const [text, message] of cases) {
      await set(text);
      expect(error(), text).to.match(message);
      expect(input.value).to.equal(text);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.include('seats-error');
    }
  });

  it('the stepper buttons snap an off-step value to the neighbouring steps and to the range', async () => {
    const { el, set, input, range, step } = await picker();
    const press = async (label: 'Fewer licenses' | 'More licenses') => {
      el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click();
      await el.updateComplete;
    };
    await set(String(range.min + 1));
    await press('More licenses');
    expect(input.value).to.equal(String(range.min + step));
    await set(String(range.min + step + 1));
    await press('Fewer licenses');
    expect(input.value).to.equal(String(range.min + step));
    await set('999999');
    await press('Fewer licenses');
    expect(Number(input.value)).to.equal(range.min + Math.floor((range.max - range.min) / step) * step);
  });

  it('names the product and plan, each in its own direction (<bdi>)', async () => {
    const { el, actor } = await picker();
    const { catalog, draft } = actor.getSnapshot().context;
    const product = findProduct(catalog, draft.productId)!;
    const names = [...el.shadowRoot!.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(names).to.deep.equal([product.name, findTier(product, draft.tierId)!.name]);
  });

  it('a free trial: free, how long it lasts, and that nothing is charged unless the buyer buys before it ends', async () => {
    const { actor } = await driveTo('mode');
    actor.send({ type: 'MODE', mode: 'trial' });
    if (stepNow(actor) === 'tier') actor.send({ type: 'TIER', tierId: actor.getSnapshot().context.draft.tierId! });
    const el = await fixture<CwSeatPicker>(html`<cw-seat-picker .actor=${actor}></cw-seat-picker>`);
    await rest(el, actor, 'seats');
    const { catalog, draft, account } = actor.getSnapshot().context;
    const days = findProduct(catalog, draft.productId)!.trial!.days;
    // Today where the account is billed, plus the trial's days.
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: account!.timeZone }).format(new Date()).split('-').map(Number);
    const ends = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d! + days));
    expect(textOf(el)).to.include(`Free during the trial. The trial lasts ${days} days. Nothing is charged unless you buy before ${ends}.`);
    expect(textOf(el)).to.not.include('per license');
    expect(el.shadowRoot!.querySelector('[part~=next]')!.textContent!.trim()).to.equal('Start trial');
  });
});
