import { describe, it } from 'node:test';
import { expect } from 'chai';
import { annualSaving, parseSeats, stepSeats } from './rules.js';
import { pathOf } from './steps.js';
import { createAccount, createCatalog } from '../mock/fixtures.js';
import type { Tier } from '../contract/types.js';

const range = { min: 10, max: 1000, step: 5 };

describe('rules', () => {
  it('parseSeats accepts only whole numbers within the range and on its step', () => {
    expect(parseSeats(' 15 ', range)).to.deep.equal({ seats: 15 });
    expect(parseSeats('1 000', range)).to.deep.equal({ seats: 1000 });
    expect(parseSeats('', range).error).to.equal('required');
    for (const bad of ['-5', '2.5', '2,5', '1e9', 'ten', '+5', '0x10']) expect(parseSeats(bad, range).error, bad).to.equal('not_integer');
    expect(parseSeats('5', range).error).to.equal('min');
    expect(parseSeats('1005', range).error).to.equal('max');
    expect(parseSeats('12', range).error).to.equal('step');
  });

  it('stepSeats moves to the next valid count and stays within the range', () => {
    expect(stepSeats(10, 1, range)).to.equal(15);
    expect(stepSeats(12, 1, range)).to.equal(15);
    expect(stepSeats(12, -1, range)).to.equal(10);
    expect(stepSeats(10, -1, range)).to.equal(10);
    expect(stepSeats(1000, 1, range)).to.equal(1000);
    expect(stepSeats(5_000_000, -1, range)).to.equal(1000);
    expect(stepSeats(undefined, 1, range)).to.equal(10);
  });

  it('annualSaving compares the annual price with twelve months, never negative', () => {
    const tier = (monthly: number, annual: number) =>
      ({ prices: { monthly: { amount: monthly, currency: 'EUR' }, annual: { amount: annual, currency: 'EUR' } } }) as Tier;
    expect(annualSaving(tier(1000, 10000))).to.equal(17);
    expect(annualSaving(tier(1000, 12000))).to.equal(0);
    expect(annualSaving(tier(1000, 13000))).to.equal(0);
    expect(annualSaving(tier(0, 0))).to.equal(0);
  });

  it('pathOf lists only the steps this buyer will see', () => {
    const account = createAccount('acc-it');
    const catalog = createCatalog('EUR');
    const empty = { id: 'c', items: [] };
    const draft = (productId: string, mode: 'buy' | 'trial' = 'buy') => ({ productId, mode, seatsText: '1', term: 'monthly' as const });
    expect(pathOf({ account, catalog, cart: empty, draft: draft('phone-system') })).to.deep.equal(['select', 'seats', 'term', 'review', 'pay', 'done']);
    expect(pathOf({ account, catalog, cart: empty, draft: draft('remote-support', 'trial') })).to.deep.equal(['select', 'mode', 'tier', 'seats', 'done']);
    const cart = { id: 'c', items: [{ id: 'i', productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' as const }] };
    expect(pathOf({ account, catalog, cart, draft: draft('phone-system') })).to.include('cart');
    const own = { id: 'c', items: [{ ...cart.items[0]!, productId: 'phone-system' }] };
    expect(pathOf({ account, catalog, cart: own, draft: draft('phone-system') })).to.not.include('cart');
  });
});
