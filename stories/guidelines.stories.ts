/// <reference types="mdx" />
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import Guidelines from './guidelines.mdx';
import { API_BASE, WIZARD_ACTIONS, mockScenario } from './support/wizard.js';

// The usage guidelines for designers and integrators: guidelines.mdx, shown as this file's Docs
// page. .storybook/main.ts indexes `*.stories.ts` only, so the MDX page comes in through a CSF file
// (`docs.page`) rather than as an MDX entry of its own; it has no component, so the smoke test
// expects no manifest tables on it. Its one story is the placement it recommends, which the page
// shows in a canvas.
const meta = {
  title: 'Wizard/Usage guidelines',
  tags: ['autodocs'],
  parameters: {
    ...WIZARD_ACTIONS,
    docs: { page: Guidelines },
    layout: 'fullscreen',
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/**
 * The widget on the billing page of an admin console: below the page's heading, in the content
 * column, with a width and its height reserved (`display: block; max-width: 64rem; min-height: 32rem`).
 */
export const AdminConsole: Story = {
  name: 'Placement: admin console',
  ...mockScenario('empty-cart'),
  render: (_args, { loaded }: StoryContext) => html`<style>
      .cw-console {
        display: grid;
        grid-template-columns: 12rem minmax(0, 1fr);
        min-height: 40rem;
        font-family: system-ui, sans-serif;
        color: #1b1f24;
        background: #f4f6f9;
      }
      .cw-console nav {
        padding: 1.5rem 1rem;
        background: #1b1f24;
      }
      .cw-console nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .cw-console nav a {
        display: block;
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        color: #e6e9ee;
      }
      .cw-console nav a[aria-current='page'] {
        background: #3a414c;
        color: #ffffff;
        font-weight: 600;
      }
      .cw-console main {
        padding: 1.5rem 2rem;
        min-width: 0;
      }
      .cw-console h1 {
        margin: 0 0 0.25rem;
        font-size: 1.5rem;
      }
      .cw-console main > p {
        margin: 0 0 1.5rem;
        color: #555d68;
      }
      .cw-console checkout-wizard {
        display: block;
        max-width: 64rem;
        min-height: 32rem;
      }
    </style>
    <div class="cw-console">
      <nav aria-label="Admin console">
        <ul>
          <li><a href="#users">Users</a></li>
          <li><a href="#devices">Devices</a></li>
          <li><a href="#billing" aria-current="page">Billing</a></li>
          <li><a href="#settings">Settings</a></li>
        </ul>
      </nav>
      <main>
        <h1>Billing</h1>
        <p>Rossi Consulting S.r.l. · Help Desk Starter, 10 licenses, billed annually</p>
        <checkout-wizard
          api-base=${API_BASE}
          storage-key=${loaded.storageKey}
          label="Add a subscription"
          .paymentProvider=${loaded.provider}
        ></checkout-wizard>
      </main>
    </div>`,
};
