import type { Locale } from './locales.js';

/**
 * Messages a locale rightly writes as English does (a loanword that is the
 * usual term there), by dotted key. The locale test fails on any other
 * message identical to English, so an untranslated string cannot slip in.
 */
export const SAME_AS_ENGLISH: Partial<Record<Locale, string[]>> = {
  // "Subtotal", "Tier" and "Product" are the usual words there too;
  // "VAT" is how Malaysia and the Philippines name the tax.
  es: ['stepNames.tier', 'subtotal'],
  'es-419': ['stepNames.tier', 'subtotal'],
  pt: ['subtotal'],
  'pt-BR': ['subtotal'],
  nl: ['stepNames.select', 'colProduct'],
  da: ['subtotal'],
  pl: ['stepNames.tier', 'tax'],
  ro: ['stepNames.tier', 'subtotal'],
  id: ['subtotal'],
  ms: ['tax'],
  fil: ['stepNames.cart', 'subtotal', 'tax'],
};
