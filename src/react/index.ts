// React wrappers for the widget (`checkout-wizard/react`). Importing this registers the elements, as a React user expects.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CHECKOUT_EVENTS, type CheckoutEventDetails, type CheckoutEventName } from '../events.js';
// Registers every element (guarded) and hands back their classes: the one import this wrapper needs.
import { ELEMENTS } from '../define.js';

/** Each `on…` prop, naming its `cw-*` event, typed for its handler. */
type EventProps = { [K in CheckoutEventName as (typeof CHECKOUT_EVENTS)[K]['prop']]: EventName<CustomEvent<CheckoutEventDetails[K]>> };

const events = Object.fromEntries(Object.entries(CHECKOUT_EVENTS).map(([name, { prop }]) => [prop, name])) as EventProps;

/**
 * `<checkout-wizard>` as a React component: element properties (`adapter`, `paymentProvider`, `locale`, `retry`…) are
 * props, set as properties; `cw-*` events are `on…` props (`onStepChange`, `onOrderPlaced`…, see CHECKOUT_EVENTS); `ref` is the element.
 */
export const CheckoutWizard = createComponent({
  react: React,
  tagName: 'checkout-wizard',
  elementClass: ELEMENTS['checkout-wizard'],
  displayName: 'CheckoutWizard',
  events,
});

export type CheckoutWizardProps = React.ComponentProps<typeof CheckoutWizard>;
export type { CheckoutWizard as CheckoutWizardElement } from '../components/checkout-wizard/checkout-wizard.js';
export type { CheckoutEventDetails } from '../events.js';
