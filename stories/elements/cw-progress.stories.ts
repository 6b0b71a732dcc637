import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { controlsOnly } from '../support/manifest.js';

const STEPS = ['select', 'tier', 'seats', 'term', 'review', 'pay', 'done'];

// The progress indicator <checkout-wizard> draws above each step of the buyer's path. Alone, every done step
// is a button that fires cw-step-select (inside the wizard, only those the checkout can go back to now).
// Below 30em of its own width (more for a long path) it says "Step 3 of 7" instead of the list.
const meta = {
  title: 'Elements/cw-progress',
  component: 'cw-progress',
  tags: ['autodocs'],
  parameters: { actions: { handles: ['cw-step-select'] } },
  args: {
    label: 'Checkout progress',
    current: 'seats',
    steps: STEPS,
    labels: { select: 'Product', tier: 'Plan', seats: 'Licenses', term: 'Billing', review: 'Review', pay: 'Payment', done: 'Done' },
    width: '',
    dir: 'ltr',
  },
  argTypes: {
    ...controlsOnly('cw-progress', ['label', 'current', 'steps', 'labels']),
    current: { control: 'select', options: STEPS },
    steps: { control: 'object' },
    labels: { control: 'object' },
    width: { control: 'text', description: 'The width of the box around it (the layout follows its own width).' },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'], description: 'The writing direction it inherits.' },
    '--cw-color-accent': { control: 'color' },
  },
  render: (args) =>
    html`<div dir=${args.dir} style="inline-size: ${args.width || 'auto'}">
      <cw-progress
        label=${args.label}
        current=${args.current}
        .steps=${args.steps}
        .labels=${args.labels}
      ></cw-progress>
    </div>`,
} satisfies Meta;
export default meta;

export const Seats: StoryObj = {};
/** Five done steps: each is a way back. */
export const Payment: StoryObj = { args: { current: 'pay' } };
export const Done: StoryObj = { args: { current: 'done' } };
/** In a 320px box: "Step 3 of 7", the step's name and a bar. */
export const Narrow: StoryObj = { args: { width: '320px' } };
/** Right to left, as the wizard draws it in Arabic. */
export const RightToLeft: StoryObj = {
  args: {
    dir: 'rtl',
    current: 'review',
    labels: { select: 'المنتج', tier: 'الخطة', seats: 'التراخيص', term: 'الفوترة', review: 'المراجعة', pay: 'الدفع', done: 'تم' },
  },
};
