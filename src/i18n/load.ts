import type { Messages } from './en.js';
import type { Locale } from './locales.js';

type Loaders = Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>>;

// One chunk per locale, fetched the first time a widget asks for it. The module loader
// keeps what it fetched, so a second widget in the same language loads nothing.
// In the script tag's chunks too (vite build --mode chunks), each locale is a chunk of its own.
const LOADERS: Loaders = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  'es-419': () => import('./locales/es-419.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fil: () => import('./locales/fil.js'),
  fr: () => import('./locales/fr.js'),
  'fr-CA': () => import('./locales/fr-CA.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  ms: () => import('./locales/ms.js'),
  mt: () => import('./locales/mt.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
  th: () => import('./locales/th.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  vi: () => import('./locales/vi.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
  'zh-TW': () => import('./locales/zh-TW.js'),
};

/** The messages of a locale other than English. */
export const loadMessages = async (locale: Exclude<Locale, 'en'>): Promise<Messages> => (await LOADERS[locale]()).default;
