import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MockBackend, SCENARIOS, createHandlers, TestPaymentProvider, type ScenarioName } from '../src/mock/index.js';

/**
 * The whole wizard on the mock backend (MSW), one story per scenario.
 * Each story gets its own backend, so what one story buys another never sees.
 */
const meta: Meta = {
  title: 'Wizard/checkout-wizard',
  component: 'checkout-wizard',
  tags: ['autodocs'],
  args: { locale: 'en', product: '' },
  argTypes: {
    locale: { control: 'select', options: ['en', 'it'] },
    product: { control: 'text' },
  },
  render: ({ locale, product }) => html`<checkout-wizard
    api-base="/api/billing/v1"
    locale=${locale}
    product=${product}
    .paymentProvider=${new TestPaymentProvider()}
  ></checkout-wizard>`,
};
export default meta;

type Story = StoryObj;

const scenario = (name: ScenarioName): Story => ({
  name: SCENARIOS.find((s) => s.name === name)?.label ?? name,
  parameters: { msw: { handlers: createHandlers(new MockBackend({ scenario: name, latencyMs: 150 })) } },
});

export const EmptyCart = scenario('empty-cart');
export const CartWithItems = scenario('cart-with-items');
export const Corporate = scenario('corporate');
export const PlainUser = scenario('user');
export const SignedOut = scenario('signed-out');
export const BackendDown = scenario('backend-down');
export const UsdAccount = scenario('usd-account');
export const EuBusiness = scenario('eu-business');
export const Italian: Story = { ...scenario('empty-cart'), name: 'Italiano', args: { locale: 'it' } };
export const Preselected: Story = { ...scenario('empty-cart'), name: 'Product preselected', args: { product: 'remote-support' } };
