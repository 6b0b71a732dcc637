import type { Messages } from './en.js';
import type { Locale } from './locales.js';

// The script-tag bundle cannot split itself, so it loads locale modules from `locales/`
// beside its own file, or from the script tag's `data-locales` URL when they are hosted
// elsewhere. Read while the script runs: `currentScript` is only set then.
// Read through Document.prototype's own getter: `document.currentScript` itself would be an `<img name="currentScript">`
// of the page (named elements win over document's properties), which could then name the URL.
const current: unknown = typeof document === 'undefined' ? null : Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document);
const script = current && current instanceof HTMLScriptElement ? current : null;
const from = script?.dataset.locales;
const src = script?.src;

/** The messages of a locale other than English, from `<base>/<locale>.js`. */
export async function loadMessages(locale: Exclude<Locale, 'en'>): Promise<Messages> {
  // Inside the promise: a base that is no URL (a blob: script) is a failed load, answered with English.
  const base = from ? new URL(from.replace(/\/?$/, '/'), document.baseURI) : new URL('locales/', src || document.baseURI);
  return ((await import(/* @vite-ignore */ new URL(`${locale}.js`, base).href)) as { default: Messages }).default;
}
