import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { driveTo } from '../../src/mock/drive.js';
import { MockBackend } from '../../src/mock/index.js';
import { CwSummary } from '../../src/components/cw-summary/cw-summary.js';
import type { CheckoutActor } from '../../src/machine/checkout.machine.js';
import { controlsOnly } from '../support/manifest.js';
import { stepStory } from '../support/steps.js';

// define.ts registers it once the wizard places it; until then, here.
if (!customElements.get('cw-summary')) customElements.define('cw-summary', CwSummary);

// The order summary <checkout-wizard> draws beside the steps (or as a bar above them), on an actor
// walked to a step on a fresh mock backend: an estimate before review, the quote from review on.
const meta = {
  title: 'Elements/cw-summary',
  component: 'cw-summary',
  tags: ['autodocs'],
  args: { layout: 'column' },
  argTypes: {
    ...controlsOnly('cw-summary', ['layout']),
    layout: { control: 'inline-radio', options: ['column', 'bar'] },
  },
  render: (args, { loaded }: StoryContext) =>
    html`<div style=${styleMap({ maxInlineSize: '360px' })}><cw-summary .actor=${loaded.actor as CheckoutActor} layout=${args.layout as string}></cw-summary></div>`,
} satisfies Meta;
export default meta;

/** Nothing chosen yet. */
export const Empty: StoryObj = stepStory('select');
/** The item being chosen, at list price: labelled as an estimate. */
export const Estimate: StoryObj = stepStory('seats');
/** A cart item and the item being chosen. */
export const EstimateWithCart: StoryObj = {
  loaders: [
    async () => {
      const { actor } = await driveTo('select', { scenario: 'cart-with-items' });
      const product = actor.getSnapshot().context.catalog!.products.find((p) => p.id === 'remote-support')!;
      actor.send({ type: 'SELECT', productId: product.id });
      if (actor.getSnapshot().matches('mode')) actor.send({ type: 'MODE', mode: 'buy' });
      if (actor.getSnapshot().matches('tier')) actor.send({ type: 'TIER', tierId: product.tiers[0]!.id });
      return { actor };
    },
  ],
};
/** A free trial: its days, nothing to pay. */
export const Trial: StoryObj = {
  loaders: [
    async () => {
      const { actor } = await driveTo('mode');
      actor.send({ type: 'MODE', mode: 'trial' });
      if (actor.getSnapshot().matches('tier')) actor.send({ type: 'TIER', tierId: actor.getSnapshot().context.draft.tierId! });
      return { actor };
    },
  ],
};
/** The server's quote at review. */
export const Quote: StoryObj = stepStory('review', 'cart-with-items');
/** The quote with a promotion code and the billing date moved for products the account has. */
export const QuoteWithDiscount: StoryObj = {
  loaders: [
    async () => {
      const { actor } = await driveTo('review', { backend: new MockBackend({ scenario: 'renewing-account' }) });
      actor.send({ type: 'PROMO', text: 'WELCOME20' });
      actor.send({ type: 'APPLY_PROMO' });
      await new Promise<void>((resolve) => {
        const sub = actor.subscribe((s) => s.matches({ review: 'ready' }) && (sub.unsubscribe(), resolve()));
      });
      return { actor };
    },
  ],
};
/** The collapsible bar a narrow widget puts above the steps. */
export const Bar: StoryObj = { ...stepStory('review'), args: { layout: 'bar' } };
