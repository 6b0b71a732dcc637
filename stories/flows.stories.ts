import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import type { MockBackend } from '../src/mock/index.js';
import { deepQuery } from './support/shadow.js';
import {
  WIZARD_ACTIONS,
  WIZARD_ARGS,
  clickButton,
  getWizard,
  mockScenario,
  renderWizard,
  stepElement,
  stepText,
  waitForStep,
  wizardArgTypes,
} from './support/wizard.js';

// Whole flows, clicked through as a billing contact would (the Interactions panel shows each step).
// Each run starts on a fresh mock backend behind MSW, so "Rerun" works. The buttons are found by
// their text, in English: switch the locale and the play function fails, as it should.
const meta = {
  title: 'Wizard/Flows',
  component: 'checkout-wizard',
  args: WIZARD_ARGS,
  argTypes: wizardArgTypes(),
  parameters: WIZARD_ACTIONS,
  render: renderWizard,
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Empty cart: Remote Support → Buy → plan → licenses → annual → Complete transaction → review → pay → done. */
export const Buy: Story = {
  name: 'Buy (empty cart)',
  ...mockScenario('empty-cart', { latencyMs: 60 }),
  play: async ({ canvasElement, loaded, step }) => {
    const backend = loaded.backend as MockBackend;
    const wizard = await getWizard(canvasElement);
    const placed: HTMLElementEventMap['cw-order-placed'][] = [];
    wizard.addEventListener('cw-order-placed', (e) => placed.push(e));

    await step('Choose Remote Support and buy it', async () => {
      await waitForStep(wizard, 'select');
      await clickButton(wizard, 'Choose Remote Support');
      await waitForStep(wizard, 'mode');
      await clickButton(wizard, 'Buy');
    });
    await step('Plan, licenses and annual billing', async () => {
      await waitForStep(wizard, 'tier');
      await clickButton(wizard, /^Choose /);
      await waitForStep(wizard, 'seats');
      await clickButton(wizard, 'Next');
      await waitForStep(wizard, 'term');
      await userEvent.click(deepQuery(stepElement(wizard), 'input[value=annual]')!);
      await expect(stepText(wizard)).toMatch(/Save \d+%/);
      await clickButton(wizard, 'Complete transaction');
    });
    await step('Review the quote', async () => {
      await waitForStep(wizard, 'review');
      await expect(stepText(wizard)).toContain('Total due today');
      await expect(stepText(wizard)).toContain('The new billing period starts today.');
      await clickButton(wizard, 'Continue to payment');
    });
    await step('Place the order', async () => {
      await waitForStep(wizard, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForStep(wizard, 'done');
    });

    await expect(backend.orders).toHaveLength(1);
    await expect(placed.map((e) => e.detail.id)).toEqual([backend.orders[0]!.id]);
    await expect(stepText(wizard)).toContain(backend.orders[0]!.id);
  },
};

/** One item already in the cart: Phone System → Add to cart → cart → Complete transaction → review → place order. */
export const Cart: Story = {
  name: 'Cart (items already in it)',
  ...mockScenario('cart-with-items', { latencyMs: 60 }),
  play: async ({ canvasElement, loaded, step }) => {
    const backend = loaded.backend as MockBackend;
    const wizard = await getWizard(canvasElement);

    await step('Choose Phone System: one plan, so straight to licenses', async () => {
      await waitForStep(wizard, 'select');
      await expect(stepText(wizard)).toContain('In your cart');
      await clickButton(wizard, 'Choose Phone System');
      await waitForStep(wizard, 'seats');
      await clickButton(wizard, 'Next');
    });
    await step('Add to cart, then check out the cart', async () => {
      await waitForStep(wizard, 'term');
      await clickButton(wizard, 'Add to cart');
      await waitForStep(wizard, 'cart');
      await expect(stepElement(wizard).shadowRoot!.querySelectorAll('.items li')).toHaveLength(2);
      await clickButton(wizard, 'Complete transaction');
    });
    await step('Review both lines and place the order', async () => {
      await waitForStep(wizard, 'review');
      await expect(stepElement(wizard).shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(2);
      await clickButton(wizard, 'Continue to payment');
      await waitForStep(wizard, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForStep(wizard, 'done');
    });

    await expect(backend.orders).toHaveLength(1);
    await expect(backend.orders[0]!.lines).toHaveLength(2);
    await expect(backend.cart.items).toHaveLength(0);
  },
};

/** A free trial: Remote Support → Try free → plan → licenses → Start trial → done, no order. */
export const Trial: Story = {
  name: 'Free trial',
  ...mockScenario('empty-cart', { latencyMs: 60 }),
  play: async ({ canvasElement, loaded, step }) => {
    const backend = loaded.backend as MockBackend;
    const wizard = await getWizard(canvasElement);
    const started: HTMLElementEventMap['cw-trial-started'][] = [];
    wizard.addEventListener('cw-trial-started', (e) => started.push(e));

    await step('Choose Remote Support and try it free', async () => {
      await waitForStep(wizard, 'select');
      await clickButton(wizard, 'Choose Remote Support');
      await waitForStep(wizard, 'mode');
      await clickButton(wizard, /^Try free for \d+ days/);
    });
    await step('Plan and licenses, then start the trial', async () => {
      await waitForStep(wizard, 'tier');
      await clickButton(wizard, /^Choose /);
      await waitForStep(wizard, 'seats');
      await expect(stepText(wizard)).toContain('Free during the trial.');
      await clickButton(wizard, 'Start trial');
      await waitForStep(wizard, 'done');
    });

    await expect(stepText(wizard)).toContain('Your free trial has started');
    await expect(started).toHaveLength(1);
    await expect(stepText(wizard)).toContain(backend.trials[0]!.welcomeEmail);
    await expect(started[0]!.detail.trial.id).toBe(backend.trials[0]!.id);
    await expect(backend.orders).toHaveLength(0);
    await expect(backend.account.trialsUsed).toContain('remote-support');
  },
};
