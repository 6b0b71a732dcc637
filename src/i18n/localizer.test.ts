import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import { en, type Messages, type Plural } from './en.js';
import { LOCALES, resolveLocale, type Locale } from './locales.js';
import { loadMessages } from './load.js';
import { Localizer } from './localizer.js';
import { SAME_AS_ENGLISH } from './same-as-english.js';

type Tree = { [key: string]: string | Plural | ((...args: never[]) => string) | Tree };

const isPlural = (value: unknown): value is Plural => typeof value === 'object' && value !== null && 'other' in value;

/** Every message of a tree as [dotted key, value]. */
function* leaves(tree: Tree, prefix = ''): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && !isPlural(value)) yield* leaves(value as Tree, path);
    else yield [path, value];
  }
}

describe('locales', () => {
  const english = new Map(leaves(en as unknown as Tree));

  it('lists 41 locales (English and the 40 the widget promises)', () => {
    expect(LOCALES).to.have.length(41);
    expect(new Set(LOCALES).size).to.equal(41);
  });

  for (const locale of LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en')) {
    describe(locale, () => {
      let messages: Messages;
      let own: Map<string, unknown>;
      before(async () => {
        messages = await loadMessages(locale);
        own = new Map(leaves(messages as unknown as Tree));
      });

      it('has every key of English and no other', () => {
        expect([...own.keys()].sort()).to.deep.equal([...english.keys()].sort());
      });

      it('translates every message: nothing empty, nothing left in English', () => {
        const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
        const untranslated: string[] = [];
        for (const [key, value] of own) {
          const base = english.get(key);
          if (typeof value === 'string') {
            expect(value.trim(), key).to.not.equal('');
            if (value === base && !allowed.has(key)) untranslated.push(key);
          } else if (typeof value === 'function') {
            const args = Array.from({ length: (base as () => string).length }, (_, i) => (i === 0 ? 7 : 9)) as never[];
            const out = (value as (...a: never[]) => string)(...args);
            expect(out, key).to.be.a('string');
            if (out === (base as (...a: never[]) => string)(...args) && !allowed.has(key)) untranslated.push(key);
          }
        }
        expect(untranslated, `English left in ${locale}`).to.deep.equal([]);
      });

      it('keeps every argument of every message function in its text', () => {
        for (const [key, value] of own) {
          if (typeof value !== 'function') continue;
          const arity = (english.get(key) as () => string).length;
          // Strings that cannot occur in any translation, standing for numbers, names and prices.
          const args = Array.from({ length: arity }, (_, i) => `⟦${i}⟧`) as never[];
          const out = (value as (...a: never[]) => string)(...args);
          const expected = Array.from({ length: arity }, (_, i) => `⟦${i}⟧`).filter((a) => ((english.get(key) as (...x: never[]) => string)(...args)).includes(a));
          for (const arg of expected) expect(out, `${locale} ${key}`).to.include(arg);
        }
      });

      it('gives every plural category the language uses, each with the number', () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        for (const [key, value] of own) {
          if (!isPlural(value)) continue;
          for (const category of categories) {
            const text = value[category as keyof Plural];
            expect(text, `${locale} ${key}.${category}`).to.be.a('string');
            // Arabic and Hebrew say "one license" and "two licenses" in words.
            if (!((locale === 'ar' || locale === 'he') && (category === 'one' || category === 'two'))) {
              expect(text, `${locale} ${key}.${category}`).to.include('#');
            }
          }
        }
      });
    });
  }
});

describe('resolveLocale', () => {
  const cases: [string, Locale][] = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['pt', 'pt'],
    ['es-MX', 'es-419'],
    ['es-419', 'es-419'],
    ['es-ES', 'es'],
    ['es', 'es'],
    ['fr-CA', 'fr-CA'],
    ['fr-BE', 'fr'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['iw', 'he'],
    ['tl', 'fil'],
    ['de-CH', 'de'],
    ['DE-at', 'de'],
    ['xx', 'en'],
    ['', 'en'],
    ['not a tag!', 'en'],
  ];
  for (const [requested, expected] of cases) {
    it(`${JSON.stringify(requested)} → ${expected}`, () => {
      expect(resolveLocale(requested)).to.equal(expected);
    });
  }
});

describe('Localizer', () => {
  it('loads a locale and falls back from pt-BR to pt to English', async () => {
    expect((await Localizer.load('pt-BR')).locale).to.equal('pt-BR');
    expect((await Localizer.load('pt-AO')).locale).to.equal('pt');
    expect((await Localizer.load('ga')).m.back).to.equal(en.back);
  });

  it('sets the direction from the language', async () => {
    expect((await Localizer.load('ar')).dir).to.equal('rtl');
    expect((await Localizer.load('he-IL')).dir).to.equal('rtl');
    expect((await Localizer.load('de')).dir).to.equal('ltr');
  });

  it('chooses plural forms through Intl.PluralRules', async () => {
    const pl = await Localizer.load('pl');
    const forms = [1, 2, 5, 22].map((n) => pl.count(pl.m.licenses, n));
    expect(forms[0]).to.match(/^1\s/); // a space or, as Polish typography has it, a non-breaking one
    expect(forms[1]).to.not.equal(forms[2].replace('5', '2')); // 2 (few) and 5 (many) differ in Polish
    expect(forms[3]).to.equal(forms[1].replace('2', '22'));
    const en1 = new Localizer('en');
    expect(en1.count(en1.m.licenses, 1)).to.equal('1 user license');
    expect(en1.count(en1.m.licenses, 1200)).to.equal('1,200 user licenses');
  });

  it('formats money and dates for the requested region, with the language’s messages', async () => {
    const swiss = await Localizer.load('de-CH');
    expect(swiss.locale).to.equal('de');
    expect(swiss.money({ amount: 123456, currency: 'CHF' })).to.equal(new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' }).format(1234.56));
    const german = await Localizer.load('de');
    expect(german.money({ amount: 123456, currency: 'EUR' })).to.equal(new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(1234.56));
    expect(german.date('2026-03-01')).to.equal(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)));
    // A discount is the quote's positive amount, written as taken off.
    expect(german.moneyOff({ amount: 5000, currency: 'EUR' })).to.equal(new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(-50));
  });

  it('groups numbers as the locale does, in the review table too', async () => {
    expect((await Localizer.load('it')).number(12000)).to.equal('12.000');
    expect(new Localizer('en').number(1000)).to.equal('1,000');
    expect((await Localizer.load('de-CH')).number(1000)).to.equal(new Intl.NumberFormat('de-CH').format(1000));
  });

  it('writes Latin digits in Arabic too, as the user types them', async () => {
    const ar = await Localizer.load('ar');
    expect(ar.money({ amount: 1250, currency: 'EUR' })).to.match(/12[.,٫]50/);
    expect(ar.count(ar.m.licenses, 5)).to.include('5');
  });

  it('lays host overrides over a loaded locale, ignoring ones of the wrong kind', async () => {
    const it = await Localizer.load('it', { seatsLabel: 'Posti', licenses: { one: '# posto', other: '# posti' }, back: (() => 'x') as never });
    expect(it.m.seatsLabel).to.equal('Posti');
    expect(it.count(it.m.licenses, 3)).to.equal('3 posti');
    expect(it.m.back).to.equal('Indietro');
  });
});

