import { describe, it } from 'node:test';
import { expect } from 'chai';
import { checkoutMachine } from './checkout.machine.js';
import { createActor, waitFor } from 'xstate';
import { createMockAdapter } from '../mock/adapter.js';
import { MockBackend } from '../mock/backend.js';
import { walkTo } from '../mock/drive.js';
import { parseWhole } from './rules.js';
import { quoteVatId, seatsOf, vatPending, verdictCurrent } from './selectors.js';
import { GATES, GATE_TAG, SAVED_STEPS, STEPS, STEP_TABLE, isStepId, resumeAt, tagOf } from './steps.js';
import type { CheckoutContext } from './types.js';
import type { VatVerdict } from '../contract/types.js';

describe('the step table', () => {
  it('names a state of the machine for every step and gate, and every resume target', () => {
    const states = Object.keys(checkoutMachine.root.states);
    for (const id of [...STEPS, ...GATES]) expect(states, id).to.include(id);
    for (const id of SAVED_STEPS) expect(() => checkoutMachine.getStateNodeById(`checkout.${resumeAt(id)}`), id).to.not.throw();
    // The same lookup throws for a state that does not exist.
    expect(() => checkoutMachine.getStateNodeById('checkout.nowhere')).to.throw();
  });

  it('gives each step its own element and every gate the gate element', () => {
    const tags = STEP_TABLE.map((s) => tagOf(s.id));
    expect(new Set(tags).size).to.equal(STEPS.length);
    for (const tag of tags) expect(tag).to.match(/^cw-[a-z-]+$/);
    for (const gate of GATES) expect(tagOf(gate)).to.equal(GATE_TAG);
  });

  it('knows which names are steps: the machine\'s passing states are not', () => {
    for (const id of [...STEPS, ...GATES]) expect(isStepId(id), id).to.equal(true);
    for (const id of ['loading', 'routing', 'product', 'item', 'leaveItem', 'constructor']) expect(isStepId(id), id).to.equal(false);
  });

  it('saves every step but the confirmation', () => {
    expect(SAVED_STEPS).to.deep.equal(STEPS.filter((s) => s !== 'done'));
  });

  // The drivers plan on the machine itself (xstate/graph shortest paths): every step is reachable.
  for (const [step, scenario, mode] of [
    ...STEPS.map((s) => [s, s === 'cart' ? 'cart-with-items' : 'empty-cart', 'buy'] as const),
    ['done', 'empty-cart', 'trial'],
    ...(['signed-out', 'corporate', 'forbidden', 'unavailable'] as const).map(
      (g) => [g, ({ 'signed-out': 'signed-out', corporate: 'corporate', forbidden: 'user', unavailable: 'backend-down' } as const)[g], 'buy'] as const,
    ),
  ] as const) {
    it(`a driver reaches ${step} (${scenario}${mode === 'trial' ? ', trying' : ''})`, async () => {
      const backend = new MockBackend({ scenario });
      const actor = createActor(checkoutMachine, { input: { adapter: createMockAdapter(backend) } }).start();
      await walkTo(actor, step, (a) => waitFor(a, (s) => !s.hasTag('busy') && s.value !== 'loading'), mode);
      const { order, trial } = actor.getSnapshot().context;
      if (step === 'done') expect(mode === 'trial' ? trial : order).to.not.equal(undefined);
      actor.stop();
    });
  }
});

describe('selectors', () => {
  const base = { locale: 'en', vatText: '', draft: { seatsText: '', term: 'monthly' } } as unknown as CheckoutContext;
  const verdict = (vatId: string, status: VatVerdict['status']): VatVerdict => ({ vatId, status, name: null, address: null });

  it('reads whole numbers as the locale groups them', () => {
    expect(parseWhole('1,000', 'en')).to.equal(1000);
    expect(parseWhole('1.000', 'it')).to.equal(1000);
    expect(parseWhole('1.000.000', 'de')).to.equal(1000000);
    expect(parseWhole('1\u202f000', 'fr')).to.equal(1000);
    expect(parseWhole("1'000", 'de-CH')).to.equal(1000);
    expect(parseWhole('1 000', 'ja')).to.equal(1000);
    for (const [text, locale] of [['1.000', 'en'], ['1,000', 'it'], ['1,00', 'en'], ['10,00,000', 'en'], ['-5', 'en'], ['1e3', 'en'], ['', 'en']]) {
      expect(parseWhole(text!, locale), `${text} in ${locale}`).to.equal(undefined);
    }
  });

  it('the licenses field is parsed in the widget\'s locale', () => {
    const it_ = { ...base, locale: 'it', draft: { ...base.draft, seatsText: '2.500' } } as CheckoutContext;
    expect(seatsOf(it_)).to.deep.equal({ seats: 2500 });
    expect(seatsOf({ ...it_, locale: 'en' }).error).to.equal('not_integer');
  });

  it('a quote is priced with a VAT ID only when the registry found it valid', () => {
    expect(quoteVatId({ ...base, vatVerdict: verdict('DE136695976', 'valid') })).to.equal('DE136695976');
    expect(quoteVatId({ ...base, vatVerdict: verdict('DE999999995', 'unavailable') })).to.equal(null);
    expect(quoteVatId({ ...base, vatVerdict: verdict('DE136695977', 'invalid') })).to.equal(null);
    expect(quoteVatId(base)).to.equal(null);
  });

  it('a verdict counts only for the ID in the field now', () => {
    const checked = { ...base, vatText: 'DE136695976', vatVerdict: verdict('DE136695976', 'valid') };
    expect(verdictCurrent(checked)).to.equal(true);
    expect(vatPending(checked)).to.equal(false);
    const edited = { ...checked, vatText: 'DE13669597' };
    expect(verdictCurrent(edited)).to.equal(false);
    expect(vatPending(edited)).to.equal(true);
    expect(vatPending({ ...edited, vatText: '  ' })).to.equal(false);
  });
});
