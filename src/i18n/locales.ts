/** Every locale with its own messages; English is built in, the others load on demand. */
export const LOCALES = [
  'en', 'ar', 'bg', 'cs', 'da', 'de', 'el', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'he', 'hr', 'hu', 'id', 'it', 'ja',
  'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'uk', 'vi', 'zh-CN', 'zh-TW',
] as const;

export type Locale = (typeof LOCALES)[number];

const KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(LOCALES);

/** Languages written right to left. */
export const RTL: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

// Spanish in Spain and Africa stays `es`; any other region gets Latin American Spanish.
const SPAIN: ReadonlySet<string> = /* @__PURE__ */ new Set(['ES', 'GQ', 'EA', 'IC']);

/**
 * The best locale we have for a BCP 47 request: the tag and its shorter
 * prefixes (`pt-BR-x-foo` → `pt-BR`), then its regional family (`es-MX` →
 * `es-419`, `zh-HK` → `zh-TW`, `nn` → `nb`), then the language (`pt-PT` →
 * `pt`), then English.
 */
export function resolveLocale(requested: string): Locale {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(Intl.getCanonicalLocales(requested)[0] ?? 'en');
  } catch {
    return 'en';
  }
  for (const parts = locale.toString().split('-'); parts.length > 1; parts.pop()) {
    if (KNOWN.has(parts.join('-'))) return parts.join('-') as Locale;
  }
  const { language, script, region = '' } = locale;
  if (language === 'zh') return script === 'Hant' || ['TW', 'HK', 'MO'].includes(region) ? 'zh-TW' : 'zh-CN';
  if (language === 'es' && region && !SPAIN.has(region)) return 'es-419';
  if (language === 'no' || language === 'nn') return 'nb';
  if (language === 'tl') return 'fil';
  return KNOWN.has(language) ? (language as Locale) : 'en';
}
