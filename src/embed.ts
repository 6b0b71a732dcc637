// The script-tag entry: registers the elements and exposes window.CheckoutWizard.
import { defineCheckoutWizard } from './define.js';
import { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
import { HttpBillingAdapter } from './adapter/http-adapter.js';

defineCheckoutWizard();

const api = { CheckoutWizard, HttpBillingAdapter, define: defineCheckoutWizard };
const global = window as unknown as { CheckoutWizard?: typeof api };
global.CheckoutWizard ??= api;

export { CheckoutWizard, HttpBillingAdapter, defineCheckoutWizard as define };
