import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { controlsOnly } from '../support/manifest.js';

const STEPS = ['select', 'tier', 'seats', 'term', 'review', 'pay', 'done'];

// The progress indicator <checkout-wizard> draws above each step of the buyer's path.
const meta = {
  title: 'Elements/cw-progress',
  component: 'cw-progress',
  tags: ['autodocs'],
  args: {
    label: 'Checkout progress',
    current: 'seats',
    steps: STEPS,
    labels: { select: 'Product', tier: 'Plan', seats: 'Licenses', term: 'Billing', review: 'Review', pay: 'Payment', done: 'Done' },
  },
  argTypes: {
    ...controlsOnly('cw-progress', ['label', 'current', 'steps', 'labels']),
    current: { control: 'select', options: STEPS },
    steps: { control: 'object' },
    labels: { control: 'object' },
    '--cw-color-accent': { control: 'color' },
  },
  render: (args) => html`<cw-progress label=${args.label} current=${args.current} .steps=${args.steps} .labels=${args.labels}></cw-progress>`,
} satisfies Meta;
export default meta;

export const Seats: StoryObj = {};
export const Done: StoryObj = { args: { current: 'done' } };
