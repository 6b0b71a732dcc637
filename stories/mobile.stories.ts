import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { states } from './support/states.js';
import { WIZARD_ACTIONS, WIZARD_ARGS, renderWizard, wizardArgTypes } from './support/wizard.js';

// Key states at a phone's width, 375 CSS px. The widget lays out by its own width, not the
// viewport's (container queries), so a 375 px wide box is what a phone shows, wherever the story
// is opened; in Storybook's UI the canvas is also set to a 375 × 667 viewport.

const PHONE_PX = 375;

/** The widget in a box as wide as a phone's screen, edge to edge (375 px, PHONE_PX: no binding inside a style element). */
const phoneWidth: Decorator = (story) =>
  html`<style>
      .cw-phone {
        width: 375px;
        max-width: 100%;
      }
    </style>
    <div class="cw-phone">${story()}</div>`;

const meta = {
  title: 'Wizard/Phone width (375 px)',
  component: 'checkout-wizard',
  args: WIZARD_ARGS,
  argTypes: wizardArgTypes(),
  decorators: [phoneWidth],
  parameters: {
    ...WIZARD_ACTIONS,
    layout: 'fullscreen',
    viewport: {
      options: { phone375: { name: `Phone (${PHONE_PX} × 667)`, styles: { width: `${PHONE_PX}px`, height: '667px' }, type: 'mobile' } },
    },
  },
  globals: { viewport: { value: 'phone375', isRotated: false } },
  render: renderWizard,
} satisfies Meta;
export default meta;

type Story = StoryObj;

export const Select: Story = { name: 'Choose a product', ...states.select() };
export const Pay: Story = { name: 'Pay', ...states.pay() };
export const Done: Story = { name: 'Done', ...states.done() };
