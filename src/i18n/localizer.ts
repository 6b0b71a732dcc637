import type { Money } from '../contract/types.js';
import { en, type Messages } from './en.js';
import { it } from './it.js';

const CATALOG: Record<string, Messages> = { en, it };

/** A host's own wording for any message, e.g. "seats" for "licenses"; nested groups may be given in part. */
export type StringOverrides = {
  [K in keyof Messages]?: Messages[K] extends string | ((...args: never[]) => string) ? Messages[K] : Partial<Messages[K]>;
};

/**
 * Lays a host's overrides over a locale's messages. An override of the wrong
 * kind (text where a function is expected, say) is ignored, so a typo in the
 * host's configuration never breaks the widget.
 */
function withOverrides(base: Messages, overrides: StringOverrides): Messages {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const original = (base as Record<string, unknown>)[key];
    if (value === undefined || typeof value !== typeof original) continue;
    out[key] = typeof value === 'object' && value ? withOverrides(original as Messages, value as StringOverrides) : value;
  }
  return out as Messages;
}
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * One widget's language: its messages and Intl formatters. Each widget makes
 * its own, so two widgets in two locales on one page never share state.
 */
export class Localizer {
  readonly locale: string;
  readonly m: Messages;
  readonly dir: 'ltr' | 'rtl';
  readonly #money = new Map<string, Intl.NumberFormat>();
  readonly #date: Intl.DateTimeFormat;
  readonly #percent: Intl.NumberFormat;

  constructor(requested = 'en', overrides: StringOverrides = {}) {
    this.locale = Localizer.resolve(requested);
    this.m = withOverrides(CATALOG[this.locale.split('-')[0]!] ?? CATALOG[this.locale] ?? en, overrides);
    this.dir = RTL.has(this.locale.split('-')[0]!) ? 'rtl' : 'ltr';
    this.#date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 });
  }

  /** The best supported tag for a BCP 47 request: `it-CH` → `it`, unknown → `en`. */
  static resolve(requested: string): string {
    let tag: string;
    try {
      tag = Intl.getCanonicalLocales(requested)[0] ?? 'en';
    } catch {
      return 'en';
    }
    if (CATALOG[tag]) return tag;
    const base = tag.split('-')[0]!;
    return CATALOG[base] ? base : 'en';
  }

  /** Formats integer minor units in their ISO currency, e.g. 1234 EUR → "€12.34". */
  money(value: Money): string {
    let format = this.#money.get(value.currency);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, { style: 'currency', currency: value.currency });
      this.#money.set(value.currency, format);
    }
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(value.amount / 10 ** digits);
  }

  /** Formats a calendar date (YYYY-MM-DD) without shifting it by time zone. */
  date(iso: string): string {
    const when = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(when.getTime()) ? iso : this.#date.format(when);
  }

  /** A card expiry (YYYY-MM) as the locale writes month and year. */
  monthYear(value: string): string {
    const when = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
    return Number.isNaN(when.getTime()) ? value : new Intl.DateTimeFormat(this.locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(when);
  }

  dateRange(start: string, end: string): string {
    const a = new Date(`${start}T00:00:00Z`);
    const b = new Date(`${end}T00:00:00Z`);
    if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
    return this.#date.formatRange(a, b);
  }

  /** 2200 basis points → "22%". */
  percent(basisPoints: number): string {
    return this.#percent.format(basisPoints / 10000);
  }
}
