// The script tag's first chunk: the loader (src/loader.ts, the classic script hosts include)
// imports it from beside its own URL. Importing it registers the elements the first step needs
// (define.js, guarded: a copy registered first keeps its own); it hands the loader the classes that
// `window.CheckoutWizard` names once loaded. Every later step is a chunk it imports in turn
// (components/lazy.ts).
import './define.js';

export { defineCheckoutWizard as define } from './define.js';
export { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
export { HttpBillingAdapter } from './adapter/http-adapter.js';
