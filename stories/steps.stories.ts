import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { driveTo } from '../src/mock/drive.js';
import { TestPaymentProvider, type ScenarioName } from '../src/mock/index.js';
import type { StepId } from '../src/machine/checkout.machine.js';

/**
 * Each step element alone, on a checkout actor walked to that step on a fresh
 * in-process mock backend (no service worker needed).
 */
const meta: Meta = {
  title: 'Wizard/Steps',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const step = (id: StepId, tag: string, scenario: ScenarioName = 'empty-cart'): Story => ({
  name: `${tag} (${id})`,
  loaders: [async () => driveTo(id, { scenario })],
  render: (_args, { loaded }) => {
    const provider = new TestPaymentProvider();
    switch (tag) {
      case 'cw-product-list':
        return html`<cw-product-list .actor=${loaded.actor}></cw-product-list>`;
      case 'cw-mode-picker':
        return html`<cw-mode-picker .actor=${loaded.actor}></cw-mode-picker>`;
      case 'cw-tier-picker':
        return html`<cw-tier-picker .actor=${loaded.actor}></cw-tier-picker>`;
      case 'cw-seat-picker':
        return html`<cw-seat-picker .actor=${loaded.actor}></cw-seat-picker>`;
      case 'cw-term-picker':
        return html`<cw-term-picker .actor=${loaded.actor}></cw-term-picker>`;
      case 'cw-cart':
        return html`<cw-cart .actor=${loaded.actor}></cw-cart>`;
      case 'cw-review':
        return html`<cw-review .actor=${loaded.actor}></cw-review>`;
      case 'cw-payment':
        return html`<cw-payment .actor=${loaded.actor} .provider=${provider}></cw-payment>`;
      case 'cw-confirmation':
        return html`<cw-confirmation .actor=${loaded.actor}></cw-confirmation>`;
      default:
        return html`<cw-gate .actor=${loaded.actor}></cw-gate>`;
    }
  },
});

export const Select = step('select', 'cw-product-list');
export const Mode = step('mode', 'cw-mode-picker');
export const Tier = step('tier', 'cw-tier-picker');
export const Seats = step('seats', 'cw-seat-picker');
export const Term = step('term', 'cw-term-picker');
export const Cart = step('cart', 'cw-cart', 'cart-with-items');
export const Review = step('review', 'cw-review');
export const Pay = step('pay', 'cw-payment');
export const Done = step('done', 'cw-confirmation');
export const GateCorporate = step('corporate', 'cw-gate', 'corporate');
export const GateForbidden = step('forbidden', 'cw-gate', 'user');
export const GateSignedOut = step('signed-out', 'cw-gate', 'signed-out');
export const GateUnavailable = step('unavailable', 'cw-gate', 'backend-down');
