// mount(): what the script tag's `CheckoutWizard.mount()` does. DOM only: it creates or finds a
// <checkout-wizard>, sets its properties and wires listeners, whether or not the element is defined
// yet. Properties set before the definition arrives are taken over by Lit when the element upgrades,
// so the loader (src/loader.ts) offers mount() at once while the widget's chunks are on their way.
import type { CheckoutWizard } from './components/checkout-wizard/checkout-wizard.js';
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
  // One parsed into a detached tree may not be upgraded yet; a no-op otherwise (and before the definition arrives).
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
