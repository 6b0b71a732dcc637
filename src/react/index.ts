// React wrappers for the widget (`checkout-wizard/react`). Importing this registers the elements, as a React user expects.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { CheckoutEventDetails } from '../events.js';
// Registers every element (guarded) and hands back their classes: the one import this wrapper needs.
import { ELEMENTS } from '../define.js';

/** The `cw-*` event named K, typed for its React handler prop. */
type CwEvent<K extends keyof CheckoutEventDetails> = EventName<CustomEvent<CheckoutEventDetails[K]>>;

/**
 * `<checkout-wizard>` as a React component: element properties (`adapter`, `paymentProvider`, `locale`, `retry`…) are
 * props, set as properties; `cw-*` events are the `on…` props below; `ref` is the element.
 */
export const CheckoutWizard = createComponent({
  react: React,
  tagName: 'checkout-wizard',
  elementClass: ELEMENTS['checkout-wizard'],
  displayName: 'CheckoutWizard',
  events: {
    onStepChange: 'cw-step-change' as CwEvent<'cw-step-change'>,
    onCartChange: 'cw-cart-change' as CwEvent<'cw-cart-change'>,
    onOrderPlaced: 'cw-order-placed' as CwEvent<'cw-order-placed'>,
    onTrialStarted: 'cw-trial-started' as CwEvent<'cw-trial-started'>,
    onAssignLicenses: 'cw-assign-licenses' as CwEvent<'cw-assign-licenses'>,
    onError: 'cw-error' as CwEvent<'cw-error'>,
  },
});

export type CheckoutWizardProps = React.ComponentProps<typeof CheckoutWizard>;
export type { CheckoutWizard as CheckoutWizardElement } from '../components/checkout-wizard/checkout-wizard.js';
export type { CheckoutEventDetails } from '../events.js';
