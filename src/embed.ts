// The script-tag entry: registers the elements and exposes window.CheckoutWizard.
//
// Its top-level code (the define.js import and install() at the bottom) is the one
// place the script-tag bundle registers anything; mount() only creates, configures and
// wires elements. A second copy of the bundle, of the same or of another version,
// defines nothing and leaves window.CheckoutWizard to the first copy; define.js (or the
// bundle's first lines, see below) warns once when the versions differ.
//
// "Already loaded" is never read from window.CheckoutWizard: a page's markup can put an
// element there (`<div id="CheckoutWizard">`, `<form name="CheckoutWizard">`, `<img
// name=…>`, `<iframe name=…>`: DOM clobbering). It is read from the custom element
// registry, which only script can fill, and from marks on the registered class: the
// version (define.ts) and, set here, the API the first script-tag copy installed
// (Symbol.for('checkout-wizard.api')). The bundle's first lines (the Rollup `intro` in
// vite.config.ts) read the same marks to stop a later copy before Lit runs.
import { defineCheckoutWizard, registeredVersion } from './define.js';
import { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
import { HttpBillingAdapter } from './adapter/http-adapter.js';
import { VERSION } from './version.js';
import type { BillingAdapter, PaymentProvider } from './adapter/billing-adapter.js';
import type { RetryPolicy } from './machine/checkout.machine.js';
import { CHECKOUT_EVENTS, type CheckoutEventDetails, type CheckoutEventName } from './events.js';

/** Receives an event's `detail`, and the event itself (to `preventDefault()` a cancelable one such as `cw-assign-licenses`). */
export type CheckoutEventHandler<K extends CheckoutEventName> = (detail: CheckoutEventDetails[K], event: CustomEvent<CheckoutEventDetails[K]>) => void;

export interface MountOptions {
  /** Any billing backend; takes precedence over `apiBase`. */
  adapter?: BillingAdapter;
  /** Base URL of a backend that implements the contract, e.g. `/api/billing/v1`. */
  apiBase?: string;
  /** BCP 47 tag; unsupported languages fall back to English. */
  locale?: string;
  /** A product id to preselect. */
  product?: string;
  /** Set as the `theme` attribute. */
  theme?: 'light' | 'dark' | 'auto';
  /** The provider whose fields add a payment method. */
  paymentProvider?: PaymentProvider;
  /** Automatic retries of placing an order: `{ retries, baseDelayMs, maxDelayMs }`. */
  retry?: Partial<RetryPolicy>;
  /** Milliseconds a place-order request may take before its outcome is checked again. */
  orderTimeout?: number;
  /** Names this widget's saved progress; for a widget mount() creates, defaults to the target's `id`. */
  storageKey?: string;
  /** Origins the backend's URLs must come from (links, icons, a bank's page); empty: any https origin. */
  allowedOrigins?: string[];
  /** Listeners by event name; each gets the event's `detail` (and the event). */
  on?: { [K in CheckoutEventName]?: CheckoutEventHandler<K> };
}

export interface MountHandle {
  /** The widget: the one mount() created, or the target itself when it was a <checkout-wizard>. */
  readonly element: CheckoutWizard;
  /**
   * Removes every listener added through this handle and, if mount() created the
   * widget, the widget too (its saved progress stays, for the next mount). An element
   * that was the target stays on the page. A second call does nothing.
   */
  destroy(): void;
  /** Adds a listener; returns a function that removes it. After destroy() it adds nothing. */
  on<K extends CheckoutEventName>(name: K, handler: CheckoutEventHandler<K>): () => void;
}

function checkListener(name: string, handler: unknown): void {
  if (!Object.hasOwn(CHECKOUT_EVENTS, name)) {
    throw new TypeError(`checkout-wizard: unknown event "${name}"; the events are ${Object.keys(CHECKOUT_EVENTS).join(', ')}.`);
  }
  if (typeof handler !== 'function') throw new TypeError(`checkout-wizard: the listener for "${name}" is not a function.`);
}

function resolveTarget(target: Element | string): Element {
  if (typeof target === 'string') {
    const found = document.querySelector(target);
    if (!found) throw new Error(`checkout-wizard: no element matches "${target}" to mount into.`);
    return found;
  }
  // Checked by nodeType, not instanceof, so an element of another frame passes.
  if ((target as Node | null)?.nodeType !== Node.ELEMENT_NODE) {
    throw new TypeError('checkout-wizard: mount() needs an element or a selector.');
  }
  return target;
}

/**
 * Puts a checkout wizard on the page: creates a <checkout-wizard> inside `target`
 * (an element or a selector), or, when `target` is a <checkout-wizard>, configures that
 * one; applies `options` and wires the `on` listeners.
 */
export function mount(target: Element | string, options: MountOptions = {}): MountHandle {
  const host = resolveTarget(target);
  const listeners = Object.entries(options.on ?? {}).filter(([, handler]) => handler !== undefined);
  // Everything that can throw is checked before the page is touched.
  for (const [name, handler] of listeners) checkListener(name, handler);

  const existing = host.localName === 'checkout-wizard';
  const element = (existing ? host : host.ownerDocument.createElement('checkout-wizard')) as CheckoutWizard;
  // One parsed into a detached tree may not be upgraded yet; a no-op otherwise.
  if (existing) customElements.upgrade(element);

  const set = <K extends keyof CheckoutWizard>(key: K, value: CheckoutWizard[K] | undefined) => {
    if (value !== undefined) element[key] = value;
  };
  set('adapter', options.adapter);
  set('apiBase', options.apiBase);
  set('locale', options.locale);
  set('product', options.product);
  set('paymentProvider', options.paymentProvider);
  set('retry', options.retry);
  set('orderTimeout', options.orderTimeout);
  set('allowedOrigins', options.allowedOrigins);
  set('storageKey', options.storageKey ?? (existing ? undefined : host.id || undefined));
  if (options.theme !== undefined) element.setAttribute('theme', options.theme);

  const controller = new AbortController();
  let destroyed = false;
  const on = <K extends CheckoutEventName>(name: K, handler: CheckoutEventHandler<K>): (() => void) => {
    checkListener(name, handler);
    if (destroyed) return () => {};
    const listener = (event: Event) => handler((event as CustomEvent<CheckoutEventDetails[K]>).detail, event as CustomEvent<CheckoutEventDetails[K]>);
    element.addEventListener(name, listener, { signal: controller.signal });
    return () => element.removeEventListener(name, listener);
  };
  // Wired before the widget connects, so the first cw-step-change is heard.
  for (const [name, handler] of listeners) on(name as CheckoutEventName, handler as CheckoutEventHandler<CheckoutEventName>);
  if (!existing) host.append(element);

  return {
    element,
    on,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      controller.abort();
      if (!existing) element.remove();
    },
  };
}

/** What the script tag puts on `window.CheckoutWizard`. */
export interface CheckoutWizardGlobal {
  /** The version of the copy whose elements are registered (the first one loaded). */
  readonly version: string;
  readonly mount: typeof mount;
  readonly define: typeof defineCheckoutWizard;
  readonly CheckoutWizard: typeof CheckoutWizard;
  readonly HttpBillingAdapter: typeof HttpBillingAdapter;
}

declare global {
  interface Window {
    CheckoutWizard?: CheckoutWizardGlobal;
  }
}

/** Marks the registered `<checkout-wizard>` class with the API the script tag installed; read by later copies. */
const API_MARK = Symbol.for('checkout-wizard.api');
type WithApi = CustomElementConstructor & { [API_MARK]?: CheckoutWizardGlobal };

/**
 * Sets `window.CheckoutWizard`, also over an element of the page that holds that name: a named
 * element is found on the window's prototype chain, so an own property shadows it. Plain
 * assignment does that in Chromium; defining the property is the fallback should an engine
 * refuse the assignment.
 */
function publish(api: CheckoutWizardGlobal): void {
  try {
    window.CheckoutWizard = api;
  } catch {
    // Refused (strict mode): defined below instead.
  }
  if (window.CheckoutWizard === api) return;
  try {
    Object.defineProperty(window, 'CheckoutWizard', { value: api, writable: true, enumerable: true, configurable: true });
  } catch {
    // A page script made it a read-only, unconfigurable property: the API stays on the registered class and the bundle's global.
  }
}

/**
 * Installs the API once per page and returns the one in place. The first copy to get here owns
 * `window.CheckoutWizard`; a later one returns the first copy's API and leaves the global alone.
 * Should an npm copy have registered the element without an API, the API describes that copy's
 * element. Nothing here trusts what `window.CheckoutWizard` holds before it is set.
 */
function install(): CheckoutWizardGlobal {
  // define.js has registered the elements by now, or found another copy's and warned.
  const registered = customElements.get('checkout-wizard') as WithApi | undefined;
  const existing = registered?.[API_MARK];
  if (existing) return existing;
  const api: CheckoutWizardGlobal = {
    version: registeredVersion() ?? VERSION,
    mount,
    define: defineCheckoutWizard,
    CheckoutWizard: (registered as typeof CheckoutWizard | undefined) ?? CheckoutWizard,
    HttpBillingAdapter,
  };
  if (registered) {
    try {
      Object.defineProperty(registered, API_MARK, { value: api });
    } catch {
      // A frozen class of another library: the API is only on the window then.
    }
  }
  publish(api);
  return api;
}

install();

export { CheckoutWizard, HttpBillingAdapter, defineCheckoutWizard as define, VERSION as version };
