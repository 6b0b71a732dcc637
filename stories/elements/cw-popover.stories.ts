import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { controlsOnly, eventsOf } from '../support/manifest.js';

// The disclosure popover the tier step uses for each plan's details.
const meta = {
  title: 'Elements/cw-popover',
  component: 'cw-popover',
  tags: ['autodocs'],
  args: { label: 'Premium details', open: false },
  argTypes: {
    ...controlsOnly('cw-popover', ['label', 'open']),
    '--cw-popover-width': { control: 'text' },
  },
  parameters: { actions: { handles: eventsOf('cw-popover') } },
  render: (args) => html`<cw-popover label=${args.label} ?open=${args.open}>
    <button slot="trigger" type="button">Details</button>
    <p><strong>Premium</strong></p>
    <p>Unattended access, reporting and up to 100 licenses.</p>
  </cw-popover>`,
} satisfies Meta;
export default meta;

export const Closed: StoryObj = {};
export const Open: StoryObj = { args: { open: true } };
