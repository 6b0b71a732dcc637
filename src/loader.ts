// The script-tag entry, dist/checkout-wizard.iife.js: a classic script of a few kilobytes. It puts
// `window.CheckoutWizard` in place at once (mount() works before anything else arrives: it sets
// properties on an element the definition upgrades later), then imports the widget's ES chunks from
// `chunks/` beside its own URL, or from the script tag's `data-chunks` URL when they are hosted
// elsewhere: the first step's chunks all at once (their names are written in at build time, so no
// chunk waits for another to be parsed), every later step's when the widget prefetches it.
//
// "Already loaded" is never read from window.CheckoutWizard: a page's markup can put an element
// there (`<div id="CheckoutWizard">`, `<form name="CheckoutWizard">`, `<img name=…>`: DOM
// clobbering). It is read from a symbol-keyed property of window, which no markup can make. A second
// copy of the script (the same or another version) loads nothing and hands back the first copy's
// API; another version warns once. A copy of the npm build registered first keeps its elements
// (define.ts), and the API then names that copy's class.
import { mount } from './mount.js';
import { VERSION } from './version.js';
import type * as Entry from './embed.js';

export type { MountOptions, MountHandle, CheckoutEventHandler } from './mount.js';

/** The chunks the first step needs, named by the build (vite.config.ts): the entry first. */
declare const __CW_FIRST__: readonly string[];

/** What the script tag puts on `window.CheckoutWizard`. */
export interface CheckoutWizardGlobal {
  /** The version of the copy that installed this API (the first one loaded). */
  readonly version: string;
  /** Puts a widget on the page; usable at once, before the chunks arrive. */
  readonly mount: typeof mount;
  /** Resolves with this API once the first step's chunks are in and the elements are defined; rejects when they cannot be fetched. */
  readonly ready: Promise<CheckoutWizardGlobal>;
  /** The registered `<checkout-wizard>` class, once `ready`. */
  readonly CheckoutWizard?: typeof Entry.CheckoutWizard;
  /** The HTTP adapter, once `ready`. */
  readonly HttpBillingAdapter?: typeof Entry.HttpBillingAdapter;
  /** Registers the elements (a second call defines nothing twice), once `ready`. */
  readonly define?: typeof Entry.define;
}

declare global {
  interface Window {
    CheckoutWizard?: CheckoutWizardGlobal;
  }
}

const API = Symbol.for('checkout-wizard.api');
const WARNED = Symbol.for('checkout-wizard.warned');
type Marked = Window & { [API]?: CheckoutWizardGlobal & { [WARNED]?: string[] } };

/** The script tag running now, read through Document.prototype's own getter: `document.currentScript` could be a page's `<img name="currentScript">`. */
function currentScript(): HTMLScriptElement | null {
  const current: unknown = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document);
  return current instanceof HTMLScriptElement ? current : null;
}

/** Where the chunks are: the script's `data-chunks` URL, or `chunks/` beside the script (as text: resolved when imported). */
function chunkBase(): string {
  const script = currentScript();
  const from = script?.dataset.chunks;
  try {
    return from ? from.replace(/\/?$/, '/') : new URL('chunks/', script?.src || document.baseURI).href;
  } catch {
    return 'about:invalid'; // A script with no URL chunks could sit beside (a blob:): `ready` rejects.
  }
}

/**
 * Sets `window.CheckoutWizard`, also over an element of the page that holds that name: a named
 * element is found on the window's prototype chain, so an own property shadows it.
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
    // A page script made it a read-only, unconfigurable property: the API stays on the bundle's global.
  }
}

function install(): CheckoutWizardGlobal {
  const marked = window as Marked;
  const first = marked[API];
  if (first) {
    const warned = (first[WARNED] ??= []);
    if (first.version !== VERSION && !warned.includes(VERSION)) {
      warned.push(VERSION);
      console.warn(`checkout-wizard: version ${first.version} is already loaded; the copy of version ${VERSION} loaded later is not used.`);
    }
    return first;
  }
  const api: { -readonly [K in keyof CheckoutWizardGlobal]: CheckoutWizardGlobal[K] } = { version: VERSION, mount, ready: undefined! };
  const base = chunkBase(); // Read now: `currentScript` is only set while the script runs.
  api.ready = (async () => {
    // A data-chunks value that is no URL rejects here, as a chunk that cannot be fetched does.
    const [entry] = await Promise.all(__CW_FIRST__.map((file) => import(/* @vite-ignore */ new URL(file, new URL(base, document.baseURI)).href) as Promise<unknown>));
    const { CheckoutWizard, HttpBillingAdapter, define } = entry as typeof Entry;
    api.CheckoutWizard = (customElements.get('checkout-wizard') as typeof CheckoutWizard | undefined) ?? CheckoutWizard;
    api.HttpBillingAdapter = HttpBillingAdapter;
    api.define = define;
    return api;
  })();
  // A page that never awaits `ready` still hears why nothing appeared.
  api.ready.catch((e: unknown) => console.error('checkout-wizard: its files could not be loaded.', e));
  Object.defineProperty(marked, API, { value: api });
  publish(api);
  return api;
}

export default install();
