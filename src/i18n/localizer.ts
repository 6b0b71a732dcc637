import type { Money } from '../contract/types.js';
import { en, type Messages, type Plural } from './en.js';
import { RTL, resolveLocale, type Locale } from './locales.js';
import { loadMessages } from './load.js';
import { withOverrides, type StringOverrides } from './overrides.js';

export type { StringOverrides };

/**
 * Server text (a product's or a person's name) isolated for the bidi algorithm where it goes into a message:
 * English inside Arabic keeps its punctuation, and Arabic inside English cannot reorder the words around it.
 * In markup, `<bdi>` does the same.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * One widget's language: its messages and Intl formatters. Each widget makes
 * its own, so two widgets in two locales on one page never share state.
 */
export class Localizer {
  /** The locale whose messages are used, e.g. `pt-BR` for a request of `pt-BR`, `es-419` for `es-MX`. */
  readonly locale: Locale;
  readonly m: Messages;
  readonly dir: 'ltr' | 'rtl';
  /** The tag numbers and dates are formatted for: the request itself when it is the same language (`de-CH`). */
  readonly #format: string;
  /** Per currency: its formatter and how many minor units make one major. */
  readonly #money = new Map<string, [Intl.NumberFormat, number]>();
  // Made on first use: the first step formats no date or percentage, and each language change makes a new localizer.
  #date?: Intl.DateTimeFormat;
  #percent?: Intl.NumberFormat;
  #number?: Intl.NumberFormat;
  #plural?: Intl.PluralRules;

  /** A localizer on messages already loaded; `load()` fetches them. */
  constructor(requested = 'en', messages: Messages = en, overrides: StringOverrides = {}) {
    this.locale = messages === en ? 'en' : resolveLocale(requested);
    this.m = withOverrides(messages, overrides);
    const language = this.locale.split('-')[0]!;
    this.dir = RTL.has(language) ? 'rtl' : 'ltr';
    this.#format = Localizer.#sameLanguage(requested, language) ?? this.locale;
  }

  /** Latin digits everywhere: they match what the user types into the licenses field. */
  get #tag(): string {
    return `${this.#format}-u-nu-latn`;
  }

  get #dates(): Intl.DateTimeFormat {
    return (this.#date ??= new Intl.DateTimeFormat(this.#tag, { dateStyle: 'medium', timeZone: 'UTC' }));
  }

  static #sameLanguage(requested: string, language: string): string | undefined {
    try {
      const tag = Intl.getCanonicalLocales(requested)[0];
      return tag && new Intl.Locale(tag).language === language ? tag : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The localizer for a BCP 47 request, with its messages fetched (English needs
   * no fetch). When the locale's chunk cannot be loaded, English is used.
   */
  static async load(requested: string, overrides: StringOverrides = {}): Promise<Localizer> {
    const locale = resolveLocale(requested);
    if (locale === 'en') return new Localizer(requested, en, overrides);
    try {
      return new Localizer(requested, await loadMessages(locale), overrides);
    } catch (error) {
      console.warn(`checkout-wizard: the "${locale}" messages could not be loaded; using English.`, error);
      return new Localizer('en', en, overrides);
    }
  }

  /** The best supported locale for a BCP 47 request: `it-CH` → `it`, unknown → `en`. */
  static resolve(requested: string): Locale {
    return resolveLocale(requested);
  }

  /** A count in words: the plural form the language uses for `n`, with `#` as the formatted number. */
  count(message: Plural, n: number): string {
    this.#plural ??= new Intl.PluralRules(this.#format);
    return (message[this.#plural.select(n) as keyof Plural] ?? message.other).replace('#', this.number(n));
  }

  /** A number as the locale groups it: 12000 → "12.000" in Italian. */
  number(n: number): string {
    return (this.#number ??= new Intl.NumberFormat(this.#tag)).format(n);
  }

  /** Formats integer minor units in their ISO currency, e.g. 1234 EUR → "€12.34". */
  money(value: Money): string {
    let entry = this.#money.get(value.currency);
    if (!entry) {
      const format = new Intl.NumberFormat(this.#tag, { style: 'currency', currency: value.currency });
      entry = [format, format.resolvedOptions().maximumFractionDigits ?? 2];
      this.#money.set(value.currency, entry);
    }
    return entry[0].format(value.amount / 10 ** entry[1]);
  }

  /** An amount taken off (a discount), written as the negative it is; the amount itself is the quote's. */
  moneyOff(value: Money): string {
    return this.money({ ...value, amount: -value.amount });
  }


  /** Formats a calendar date (YYYY-MM-DD) without shifting it by time zone. */
  date(iso: string): string {
    const when = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(when.getTime()) ? iso : this.#dates.format(when);
  }

  /** A card expiry (YYYY-MM) as the locale writes month and year. */
  monthYear(value: string): string {
    const when = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
    return Number.isNaN(when.getTime()) ? value : new Intl.DateTimeFormat(this.#tag, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(when);
  }

  dateRange(start: string, end: string): string {
    const a = new Date(`${start}T00:00:00Z`);
    const b = new Date(`${end}T00:00:00Z`);
    if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
    return this.#dates.formatRange(a, b);
  }

  /** 2200 basis points → "22%". */
  percent(basisPoints: number): string {
    this.#percent ??= new Intl.NumberFormat(this.#tag, { style: 'percent', maximumFractionDigits: 2 });
    return this.#percent.format(basisPoints / 10000);
  }
}
