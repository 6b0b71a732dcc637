import { createContext } from '@lit/context';
import type { CheckoutActor } from '../machine/checkout.machine.js';
import type { Localizer } from '../i18n/localizer.js';

/** The running checkout actor, provided by <checkout-wizard> to its steps. */
export const actorContext = createContext<CheckoutActor | undefined>(Symbol('cw-actor'));
/** The widget's own language and formatters. */
export const localizerContext = createContext<Localizer>(Symbol('cw-localizer'));
