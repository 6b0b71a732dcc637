import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { states } from './support/states.js';
import { WIZARD_ACTIONS, WIZARD_ARGS, renderWizard, wizardArgTypes } from './support/wizard.js';

// Every state of the widget, one story each, for design review. Each opens where a user would be:
// a mock backend (behind MSW) seeded with that moment's account and cart, progress saved as a
// reload would find it, and, where only an action shows the state, a play function that does it
// (the Interactions panel lists each step; "Rerun" starts over on a fresh backend).
//
// English throughout (the play functions find buttons by their English names), plus one Arabic
// story of the pay step, drawn right to left. No Docs page: MSW answers a page from one set of
// handlers, so several states on one page would all see the last one's backend.
const meta = {
  title: 'Wizard/States',
  component: 'checkout-wizard',
  args: WIZARD_ARGS,
  argTypes: wizardArgTypes(),
  parameters: WIZARD_ACTIONS,
  render: renderWizard,
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Describes a story (shown on its Docs page and in the story's source). */
const about = (story: Partial<Story>, text: string): Story => ({
  ...story,
  parameters: { ...story.parameters, docs: { ...story.parameters?.docs, description: { story: text } } },
});

export const Loading: Story = {
  name: 'Loading (skeleton)',
  ...about(states.loading(), 'The first answers have not arrived (the backend takes a day to answer): a skeleton shaped like the product list, busy for assistive technology, shimmering unless the user prefers reduced motion.'),
};

export const GateSignedOut: Story = {
  name: 'Gate: signed out',
  ...about(states.signedOut(), 'The host session has ended (every call answers 401): "Sign in" fires the cancelable `cw-sign-in` event, or follows `sign-in-url`.'),
};

export const GateCorporate: Story = {
  name: 'Gate: corporate account',
  ...about(states.corporate(), 'A corporate account buys through its corporate billing portal: the gate links there.'),
};

export const GateForbidden: Story = {
  name: 'Gate: not the billing contact',
  ...about(states.forbidden(), 'A plain user of the account: only billing contacts can add products, so the gate names the billing contact to ask.'),
};

export const GateUnavailable: Story = {
  name: 'Gate: unavailable',
  ...about(states.unavailable(), 'The billing service is down (every call answers 503): Try again, and a try of its own after 30 seconds, which the gate counts down.'),
};

export const SeatsError: Story = {
  name: 'Licenses: out of range',
  ...about(states.seatsError(), '60 licenses of Remote Support Standard, which allows 1 to 50, and Next pressed: the field says why, and the button says what to fix.'),
};

export const CartEmptied: Story = {
  name: 'Cart: last item removed (Undo)',
  ...about(
    states.cartEmptied(),
    'The only item in the cart (Meetings) was removed: Undo is offered for 8 seconds, then the wizard goes back to the product list. Rerun the story (Interactions panel) to see it again.',
  ),
};

export const ReviewQuoteChanged: Story = {
  name: 'Review: quote changed',
  ...about(
    states.quoteChanged(),
    'The cart changed in another tab after the quote (10 licenses instead of 5): Place order is answered with `quote_changed` (409), and the review shows the new quote with a note and the old and new totals.',
  ),
};

export const ReviewPromoApplied: Story = {
  name: 'Review: promotion code applied',
  ...about(states.promoApplied(), 'WELCOME20 (20% off, forever) applied: a discount row in the quote, and the code with Remove.'),
};

export const ReviewPromoRefused: Story = {
  name: 'Review: promotion code refused',
  ...about(states.promoRefused(), 'SUMMER24 typed and applied: it has ended (422 `promotion_code_expired`), so the field says so and the quote is priced without it.'),
};

export const ReviewAdjustments: Story = {
  name: 'Review: renewing account (adjustments)',
  ...about(
    states.adjustments(),
    "An account that owns Help Desk (annual) and Meetings (monthly) adds Remote Support: the billing date moves to today, so the review credits each product's unused time and charges its new period.",
  ),
};

export const Pay: Story = {
  name: 'Pay',
  ...about(states.pay(), 'The payment step: the method on file, the VAT number field, the recap with its renewal, Place order.'),
};

export const PayArabic: Story = {
  name: 'Pay: العربية (right to left)',
  args: { locale: 'ar' },
  ...about(states.pay(), 'The payment step in Arabic, drawn right to left.'),
};

export const PayDeclined: Story = {
  name: 'Pay: declined',
  ...about(states.declined(), "The card on file is declined for insufficient funds (402): the bank's reason beside Place order, which waits until a method is chosen again."),
};

export const PayChallenge: Story = {
  name: 'Pay: 3-D Secure challenge',
  ...about(
    states.challenge(),
    "The bank asks for 3-D Secure on this card: the payment provider's challenge is open (here the test provider's, Complete or Fail; with Stripe, Stripe's own). It is the provider's page content, drawn over the widget, which waits for its answer.",
  ),
};

export const PayUnconfirmed: Story = {
  name: 'Pay: order not confirmed',
  ...about(
    states.unconfirmed(),
    'A gateway lost the answer to Place order (504) and the look-ups that followed failed (503) until the retries ran out (2 here, to be quick): the order may exist, so only Check again is offered. The charge did go through: Check again finds the order.',
  ),
};

export const Done: Story = {
  name: 'Done',
  ...about(states.done(), 'The order is complete: order number, total paid, new billing date, receipt, Assign licenses.'),
};

export const DoneProcessing: Story = {
  name: 'Done: payment processing',
  ...about(states.processing(), 'Paid by SEPA Direct Debit: the order starts when the debit clears, usually within a few working days.'),
};

export const DoneTrial: Story = {
  name: 'Done: free trial',
  ...about(states.trial(), 'A free trial of Remote Support Premium with 3 licenses has started: its end date and the welcome e-mail.'),
};
