import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = { title: 'Elements/Building blocks', tags: ['autodocs'] };
export default meta;

export const Popover: StoryObj = {
  render: () => html`<cw-popover label="Premium details">
    <button slot="trigger" type="button">Details</button>
    <p><strong>Premium</strong></p>
    <p>Unattended access, reporting and up to 100 licenses.</p>
  </cw-popover>`,
};

export const Progress: StoryObj = {
  render: () => html`<cw-progress
    label="Checkout progress"
    .steps=${['select', 'tier', 'seats', 'term', 'review', 'pay', 'done']}
    current="seats"
    .labels=${{ select: 'Product', tier: 'Plan', seats: 'Licenses', term: 'Billing', review: 'Review', pay: 'Payment', done: 'Done' }}
  ></cw-progress>`,
};
