/**
 * VAT ID rules shared by the widget and the mock backend: normalization, the
 * format of each country's number and, where one is published, its check digit.
 * Pure functions only (no DOM, no dependencies), so this also runs in Node.
 *
 * Algorithms follow python-stdnum's `stdnum/<cc>/…` modules; where python-stdnum
 * and jsvat disagree, docs/vat.md says which rule is kept and why, and
 * test/node/vat-vectors.json holds both projects' public test vectors.
 * What needs a registry (is the number issued, to whom) is the backend's job.
 */

/** VAT prefixes of the 27 EU member states (Greece is `EL`). */
export const EU_COUNTRIES: ReadonlySet<string> = /* @__PURE__ */ new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/** The VAT prefix of a billing country (Greece writes EL). */
export const vatPrefixOf = (billingCountry: string): string => (billingCountry === 'GR' ? 'EL' : billingCountry);

/** Billing countries (ISO 3166) whose businesses have a VAT number the widget asks for: the EU, the UK (GB and XI numbers), Switzerland and Norway. */
export function hasVatNumber(billingCountry: string | undefined): boolean {
  // EL is a VAT prefix, not a country code: Greece bills as GR.
  if (!billingCountry || billingCountry === 'EL') return false;
  return EU_COUNTRIES.has(vatPrefixOf(billingCountry)) || ['GB', 'CH', 'NO'].includes(billingCountry);
}

export interface VatCheck {
  /** Normalized: country prefix and number, no separators. */
  vatId: string;
  /** The VAT prefix (`EL` for Greece, `XI` for Northern Ireland), or null when none is known. */
  country: string | null;
  valid: boolean;
  /** Why it is not valid: no known prefix, a wrong format for that country, or a wrong check digit. */
  reason?: 'country' | 'format' | 'checksum';
}

type Check = (n: string) => boolean;

const digits = (s: string) => [...s].map(Number);
/** Σ weight × digit over the first `w.length` digits. */
const wsum = (s: string, w: number[]) => w.reduce((acc, x, i) => acc + x * +s[i]!, 0);
/** Weights from..to in steps of one (either direction). */
const run = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => from + (from > to ? -i : i));
/** Luhn sum mod 10 (rightmost digit not doubled); 0 means the number is valid. */
const luhn = (s: string) =>
  digits(s).reverse().reduce((acc, d, i) => acc + (i % 2 ? (d > 4 ? 2 * d - 9 : 2 * d) : d), 0) % 10;
const last = (s: string) => +s.slice(-1);
/** The two-digit number at position i. */
const two = (s: string, i: number) => +s.slice(i, i + 2);
/** A real calendar day (personal numbers carry a birth date). */
const isDate = (y: number, m: number, d: number) => m > 0 && m < 13 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
/** ISO 7064 MOD 11,10 over all but the last digit, compared with the last digit. */
const mod11x10: Check = (n) => {
  let p = 10;
  for (const d of digits(n.slice(0, -1))) p = (2 * ((d + p) % 10 || 10)) % 11;
  return (11 - p) % 10 === last(n);
};
/**
 * Czech and Slovak birth number (RČ): yymmdd, month +50 for women, +20 when a day's numbers ran out (since 2004).
 * 9 digits until 1953 (and 18xx), 10 digits from 1954 (the century wrapping in 2054), whose first 9 mod 11 mod 10
 * is the last.
 */
const rc: Check = (n) => {
  const yy = two(n, 0);
  const y = n.length === 9 ? (yy < 54 ? 1900 : yy > 79 ? 1800 : NaN) : yy < 54 ? 2000 : 1900;
  return isDate(y + yy, two(n, 2) % 50 % 20, two(n, 4)) && (n.length === 9 || (+n.slice(0, 9) % 11) % 10 === last(n));
};
/** ISO 7064 MOD 97-10 (letters count as 10..35). */
const mod97 = (s: string) => [...s].reduce((r, c) => { const v = parseInt(c, 36); return (r * (v > 9 ? 100 : 10) + v) % 97; }, 0);

// DNI / NIE check letter; CIF check letters.
const DNI = 'TRWAGMYFPDXBNJZSQVHLCKE';
const dni = (body: string, letter: string) => DNI[+body % 23] === letter;
// French new-style key alphabet (no I, no O); Irish check letters.
const FR_KEY = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const IE_ABC = 'WABCDEFGHIJKLMNOPQRSTUV';

/** Format, check digit, and (IT only) a component checked after the check digit, so a typo still reads as a typo. */
type Rule = [RegExp, Check?, RegExp?];

const UK: Rule = [
  // Standard (9), branch trader (12: check on the first 9), government department and health
  // authority, short or in their EU form (GD8888/HA8888 + 3 digits + 2 check digits). 00… is the Isle of Man.
  /^(\d{9}|\d{12}|GD[0-4]\d\d|HA[5-9]\d\d|GD8888[0-4]\d{4}|HA8888[5-9]\d{4})$/,
  (n) => {
    if (n[0]! > '9') return n.length < 6 || +n.slice(6, 9) % 97 === +n.slice(9);
    // Σ ≡ 0 (mod 97); the "97−55" series issued since 2009, restarting at 100 0000 00, gives 42 (or 55).
    const c = wsum(n, [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
    return c === 0 || (+n.slice(0, 3) >= 100 && (c === 42 || c === 55));
  },
];

/** VAT prefix → [format of the number after the prefix, check digit rule, component]. */
const RULES: Record<string, Rule> = {
  AT: [/^U\d{8}$/, (n) => (16 - luhn(n.slice(1, 8))) % 10 === last(n)],
  // Enterprise numbers start with 0 or (new since the 0 range ran out) 1.
  BE: [/^(?!0{10})[01]\d{9}$/, (n) => (+n.slice(0, 8) + +n.slice(8)) % 97 === 0],
  BG: [
    /^\d{9,10}$/,
    (n) => {
      const body = n.slice(0, -1);
      if (n.length === 9) {
        const c = wsum(body, run(1, 8)) % 11;
        return (c === 10 ? wsum(body, run(3, 10)) % 11 : c) % 10 === last(n);
      }
      // Person (EGN: yymmdd, month +20 for the 1800s, +40 for the 2000s), foreigner (PNF) or other.
      const mm = two(n, 2);
      const [century, shift] = mm > 40 ? [2000, 40] : mm > 20 ? [1800, 20] : [1900, 0];
      return (
        (isDate(century + two(n, 0), mm - shift, two(n, 4)) &&
          (wsum(body, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === last(n)) ||
        wsum(n, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === last(n) ||
        (11 - (wsum(body, [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11 === last(n)
      );
    },
  ],
  CY: [
    /^(?!12)\d{8}[A-Z]$/,
    (n) => {
      const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
      const sum = digits(n.slice(0, 8)).reduce((acc, d, i) => acc + (i % 2 ? d : odd[d]!), 0);
      return String.fromCharCode(65 + (sum % 26)) === n[8];
    },
  ],
  CZ: [
    /^([0-8]\d{7}|\d{9,10})$/,
    (n) => {
      if (n.length === 8) return (((11 - (wsum(n, run(8, 2)) % 11)) % 11 || 1) % 10) === last(n);
      // Individuals without a birth number: 9 digits starting with 6.
      return n.length === 9 && n[0] === '6' ? (18 - ((10 - (wsum(n.slice(1), run(8, 2)) % 11)) % 11)) % 10 === last(n) : rc(n);
    },
  ],
  DE: [/^[1-9]\d{8}$/, mod11x10],
  DK: [/^[1-9]\d{7}$/, (n) => wsum(n, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0],
  EE: [/^\d{9}$/, (n) => wsum(n, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0],
  EL: [/^\d{9}$/, (n) => (wsum(n, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === last(n)],
  ES: [
    /^[A-Z0-9]\d{7}[A-Z0-9]$/,
    (n) => {
      const [head, body, tail] = [n[0]!, n.slice(1, 8), n[8]!];
      if (head <= '9') return dni(n.slice(0, 8), tail); // DNI
      const xyz = 'XYZ'.indexOf(head);
      if (xyz >= 0) return dni(xyz + body, tail); // NIE
      if ('KLM'.includes(head)) return dni(body, tail);
      if (!'ABCDEFGHJNPQRSUVW'.includes(head)) return false;
      const c = (10 - luhn(body + '0')) % 10; // CIF: a digit or a letter, depending on the entity
      return tail === String(c) || tail === 'JABCDEFGHI'[c];
    },
  ],
  FI: [/^\d{8}$/, (n) => wsum(n, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0],
  FR: [
    /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
    (n) => {
      const siren = n.slice(2);
      if (!siren.startsWith('000') && luhn(siren)) return false; // Monaco numbers are not SIREN
      if (/^\d\d/.test(n)) return +n.slice(0, 2) === +(siren + '12') % 97;
      const [a, b] = [FR_KEY.indexOf(n[0]!), FR_KEY.indexOf(n[1]!)];
      const c = a < 10 ? a * 24 + b - 10 : a * 34 + b - 100;
      return (+siren + 1 + Math.floor(c / 11)) % 11 === c % 11;
    },
  ],
  HR: [/^\d{11}$/, mod11x10],
  HU: [/^\d{8}$/, (n) => wsum(n, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0],
  IE: [
    /^(\d{7}|\d[A-Z+*]\d{5})[A-W]{1,2}$/,
    (n) => {
      // Old style (second character a letter, + or *): 0, digits 3–7, digit 1; a second letter after the
      // check letter is not part of the check (python-stdnum allows it).
      const newStyle = /^\d{7}/.test(n);
      const body = newStyle ? n.slice(0, 7) : '0' + n.slice(2, 7) + n[0];
      return IE_ABC[(wsum(body, run(8, 2)) + 9 * IE_ABC.indexOf((newStyle && n[8]) || 'W')) % 23] === n[7];
    },
  ],
  // Company number (not all zero), provincial office (001–100, 120, 121, 888, 999), Luhn digit.
  IT: [/^(?!0{7})\d{11}$/, (n) => !luhn(n), /^\d{7}(0(?!00)\d\d|100|12[01]|888|999)\d$/],
  LT: [
    /^(\d{7}1\d|\d{10}1\d)$/,
    (n) => {
      const body = n.slice(0, -1);
      const w = (shift: number) => wsum(body, [...body].map((_, i) => 1 + ((i + shift) % 9))) % 11;
      const c = w(0);
      return (c === 10 ? w(2) : c) % 10 === last(n);
    },
  ],
  LU: [/^\d{8}$/, (n) => +n.slice(0, 6) % 89 === +n.slice(6)],
  LV: [
    /^\d{11}$/,
    (n) =>
      n[0]! > '3'
        ? wsum(n, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 === 3 // legal entity
        : // Personal code: ddmmyy + century digit, or (since 2017) 32… without a birth date.
          (n.startsWith('32') || isDate(1800 + 100 * +n[6]! + two(n, 4), two(n, 2), two(n, 0))) &&
          ((1 + wsum(n, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11) % 10 === last(n),
  ],
  MT: [/^[1-9]\d{7}$/, (n) => wsum(n, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 === 0],
  // RSIN/BSN eleven-test, or (sole proprietors since 2020) MOD 97-10 over "NL" + number; B01 and up.
  NL: [/^(?!0{9})\d{9}B(?!00)\d\d$/, (n) => wsum(n, [...run(9, 2), -1]) % 11 === 0 || mod97('NL' + n) === 1],
  PL: [/^\d{10}$/, (n) => wsum(n, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === last(n)],
  PT: [/^[1-9]\d{8}$/, (n) => ((11 - (wsum(n, run(9, 2)) % 11)) % 11) % 10 === last(n)],
  RO: [
    // CUI/CIF (2–10 digits) or a person's CNP (13 digits).
    /^[1-9](\d{1,9}|\d{12})$/,
    (n) => {
      if (n.length < 13) return ((10 * wsum(n.slice(0, -1).padStart(9, '0'), [7, 5, 3, 2, 1, 7, 5, 3, 2])) % 11) % 10 === last(n);
      // CNP: sex and century, yymmdd, county, serial, check digit (10 counts as 1).
      const y = ('34'.includes(n[0]!) ? 1800 : '56'.includes(n[0]!) ? 2000 : 1900) + two(n, 1);
      const c = wsum(n, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
      return isDate(y, two(n, 3), two(n, 5)) && /^(0[1-9]|[1-3]\d|4[0-8]|5[12]|70|8[0-3])$/.test(n.slice(7, 9)) && (c === 10 ? 1 : c) === last(n);
    },
  ],
  SE: [/^\d{10}01$/, (n) => !luhn(n.slice(0, 10))],
  SI: [/^[1-9]\d{7}$/, (n) => { const r = wsum(n, run(8, 2)) % 11; return r > 0 && (11 - r) % 10 === last(n); }],
  // 10 digits: a birth number (RČ, as for CZ but 10 digits only), as python-stdnum accepts it and the registry may
  // too; else first digit not 0, third 2 3 4 7 8 or 9, the number mod 11 = 0.
  SK: [/^\d{10}$/, (n) => rc(n) || (/^[1-9]\d[2-47-9]/.test(n) && +n % 11 === 0)],
  XI: UK,
  GB: UK,
  // UID: CHE + 8 digits + check digit (a remainder of 10 is never issued); the VAT suffix is optional.
  CH: [/^E\d{9}(MWST|TVA|IVA|TPV)?$/, (n) => (11 - (wsum(n.slice(1), [5, 4, 3, 2, 7, 6, 5, 4]) % 11)) % 11 === +n[9]!],
  // Organisation number (9 digits, MOD 11) + MVA; a bare number is given the suffix by normalizeVatId.
  NO: [/^\d{9}MVA$/, (n) => wsum(n, [3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0],
};

/**
 * Fold fullwidth characters (NFKC), uppercase, drop spaces, dots, dashes (also en/em dashes, the
 * minus sign, non-breaking hyphens), slashes, commas and colons, and write Greece as `EL`.
 * When the value has no known country prefix and `defaultCountry` is given, that country
 * is put in front if the value starts with a digit or fits the country's own format
 * (`U12345678` for AT, `B64717838` for ES); a Swiss number of bare digits becomes `CHE…`.
 * Then the short forms people still write are made whole: Belgium's old 9 digits and `(0)`,
 * Greece's old 8 digits, Dutch numbers without their leading zeros, Norway's `MVA` suffix.
 */
export function normalizeVatId(raw: string, defaultCountry?: string): string {
  let id = raw.normalize('NFKC').toUpperCase().replace(/[\s.,/:\u2010-\u2015\u2212-]/g, '').replace(/^GR/, 'EL');
  const cc = defaultCountry?.toUpperCase().replace(/^GR$/, 'EL');
  if (cc && !RULES[id.slice(0, 2)] && (/^\d/.test(id) || RULES[cc]?.[0].test(id))) {
    id = (cc === 'CH' && /^\d/.test(id) ? 'CHE' : cc) + id;
  }
  return id
    .replace(/^BE(\(0\)|(?=\d{9}$))/, 'BE0')
    .replace(/^EL(?=\d{8}$)/, 'EL0')
    .replace(/^NL(\d{1,8})(?=B\d\d$)/, (_, d: string) => 'NL' + d.padStart(9, '0'))
    .replace(/^NO\d{9}$/, '$&MVA');
}

/** Normalizes a VAT ID and checks its country prefix, its format and (where one exists) its check digit. */
export function checkVatId(raw: string, defaultCountry?: string): VatCheck {
  const vatId = normalizeVatId(raw, defaultCountry);
  const country = vatId.slice(0, 2);
  const rule = RULES[country];
  if (!rule) return { vatId, country: null, valid: false, reason: 'country' };
  const [format, check, part] = rule;
  const n = vatId.slice(2);
  const reason = !format.test(n) ? 'format' : check && !check(n) ? 'checksum' : part && !part.test(n) ? 'format' : undefined;
  return reason ? { vatId, country, valid: false, reason } : { vatId, country, valid: true };
}
