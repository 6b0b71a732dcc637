import { describe, it } from 'node:test';
import { expect } from 'chai';
import { checkVatId, EU_COUNTRIES, hasVatNumber, normalizeVatId, vatPrefixOf } from './index.js';

/*
 * Behaviour of the rule set. Every public test vector of python-stdnum and jsvat (3,000 and more)
 * runs in Node: test/node/vat-vectors.test.mjs with test/node/vat-vectors.json. Here: normalization,
 * the reason given, and the cases that fixture cannot show (reasons, normalized IDs).
 * Numbers below are from python-stdnum's tests/test_eu_vat.doctest and module docstrings.
 */

/** Valid but for the check digit (mangled numbers and docstring counter-examples). */
const BAD_CHECKSUM: Record<string, string[]> = {
  AT: ['ATU 143 43 102', 'ATU 15169209', 'ATU46080904', 'ATU61191628', 'ATU13585626'],
  BE: ['BE 0406.139.583', 'BE 0793 013 186', 'BE 456.973.432', 'BE697449982', 'BE431150351'],
  BG: ['BG 1037735942', 'BG 131 172 009', 'BG 147147471', 'BG 200940556', 'BG 175074751'],
  CY: ['CY 10246672F', 'CY-10009489 A', 'CY-10257074Y', 'CY00632893 F', 'CY-10259033Z'],
  CZ: ['CZ 25557481', 'CZ 48207726', 'CZ 640913926', 'CZ 8058018314', 'CZ 25123890'],
  DE: ['DE 125014855', 'DE 246 495 415', 'DE 813 91 38 75', 'DE - 266297673', 'DE 136695978'],
  DK: ['DK 11 96 56 58', 'DK 2565 2202', 'DK-27996592', 'DK10159817', 'DK 13585627'],
  EE: ['EE 100 941 558', 'EE 100525487', 'EE 101586639', 'EE101256754', 'EE 100594103'],
  EL: ['EL 094013834', 'EL 094068733', 'EL094501140', 'EL: 094269805', 'EL 123456781'],
  ES: ['ES 54362415K', 'ES K-2814015-F', 'ES-x-2322300w', 'Es-a48951310', 'ES B64717839', 'ES J99216583'],
  FI: ['FI 20774741'],
  FR: ['FR 04409414264', 'FR 21 326 565 603', 'FR K 7399859312', 'FR L 7399859412', 'FR 84 323 140 391'],
  HR: ['HR 33392005962'],
  HU: ['HU-12892313'],
  IE: ['IE 4731823H', 'IE 632 3421 C', 'IE 5339273F', 'IE8D79729I', 'IE 6433435E'],
  IT: ['IT 00743110158'],
  LT: ['LT 100001919018'],
  LU: ['LU 150 274 43'],
  LV: ['LV 40003189715', 'LV 90000528022', 'LV-42103048181', 'LV 40003521601', 'LV-10103241337', 'LV 328673-00677'],
  MT: ['MT 1167-9113'],
  NL: ['NL 123456789B90'],
  PL: ['PL 8567346216'],
  PT: ['PT 501 964 842'],
  RO: ['RO 185 472 91', 'RO 1630615123458'],
  SE: ['SE 123456789101'],
  SI: ['SI 50223055'],
  SK: ['SK 1078449164', 'SK 302 274 96 19', 'SK 2030 237 945', 'SK 2020457679', 'SK 202 274 96 18'],
  GB: ['GB 802311781', 'GB 001234567', 'GB HA888856700'],
  CH: ['CHE-100.155.213', 'CHE-107.787.578 IVA'],
  NO: ['NO 995 525 829 MVA'],
};

/** Wrong characters, wrong length or an impossible component for the country. */
const BAD_FORMAT = [
  'BE0000000000', 'CHE-10A.787.577', 'CHE-107.787.577 ZZZ', 'GB GD600', 'GB HA201', 'GB GD888860018', 'GB 9807806842',
  'AT1 142 43 102', 'ATU 1515B209', 'ATU 151592092', 'BE 02A2.239.951', 'BG 10X8735941', 'CY-102590Z3P',
  'CY-12259033P', 'CY-1225903322', 'CZ 95123891', 'DE 246X595 415', 'DE 011125440', 'ES B-583784312', 'FR000076090',
  'FR IO334175221', 'IE 4550C59S', 'IE 069385V8', 'IE 8?79739J', 'LT 100001354', 'LT 100001509922',
  'NL 001241643801', 'NL 009122746B00', 'NL B06753742B01', 'NL 82X569759b01', 'NL006866304B021', 'SE 55643359201',
  'SE 5567003255201', 'SK A078449064', 'SK 202274961', 'SK 20227496190',
];

describe('which billing countries are asked for a VAT number', () => {
  it('the EU (Greece as GR), the UK, Switzerland and Norway; not the US, nor an unknown country', () => {
    for (const c of ['IT', 'DE', 'GR', 'GB', 'CH', 'NO', 'SK']) expect(hasVatNumber(c), c).to.equal(true);
    for (const c of ['US', 'CA', 'EL', '', undefined]) expect(hasVatNumber(c), String(c)).to.equal(false);
    expect(vatPrefixOf('GR')).to.equal('EL');
    expect(vatPrefixOf('IT')).to.equal('IT');
  });
});

describe('VAT IDs', () => {
  describe('normalizeVatId', () => {
    it('uppercases and drops spaces, dots, dashes, slashes, commas and colons', () => {
      expect(normalizeVatId('de 136.695.976')).to.equal('DE136695976');
      expect(normalizeVatId(' DE-136 695/976, ')).to.equal('DE136695976');
      expect(normalizeVatId('nl.8225.69.759.b01')).to.equal('NL822569759B01');
      expect(normalizeVatId('ES-x-2482300w')).to.equal('ESX2482300W');
      expect(normalizeVatId('DE\u00a0136\t695\n976')).to.equal('DE136695976');
      expect(normalizeVatId('DK: 21599336')).to.equal('DK21599336');
    });

    it('folds what a word processor or a fullwidth keyboard writes: en/em dashes, minus, non-breaking hyphen, fullwidth digits', () => {
      expect(normalizeVatId('DE 136\u2013695\u2014976')).to.equal('DE136695976');
      expect(normalizeVatId('BE 0428\u2212759\u2010497')).to.equal('BE0428759497');
      expect(normalizeVatId('CHE\u2011107.787.577 IVA')).to.equal('CHE107787577IVA');
      expect(normalizeVatId('DE\uff11\uff13\uff16\uff0e695\uff0e976')).to.equal('DE136695976');
      expect(checkVatId('DE 136\u2013695\u2013976')).to.include({ valid: true });
    });

    it('makes the short forms whole: BE (0) and 9 digits, EL 8 digits, NL leading zeros, NO without MVA', () => {
      expect(normalizeVatId('BE (0)468.561.072')).to.equal('BE0468561072');
      expect(normalizeVatId('BE 444.503.092')).to.equal('BE0444503092');
      expect(normalizeVatId('EL 94051189')).to.equal('EL094051189');
      expect(normalizeVatId('94051189', 'GR')).to.equal('EL094051189');
      expect(normalizeVatId('NL4495445B01')).to.equal('NL004495445B01');
      expect(normalizeVatId('NO 988 077 917')).to.equal('NO988077917MVA');
      expect(normalizeVatId('988 077 917', 'NO')).to.equal('NO988077917MVA');
      // Anything else is left as typed, for the checks to judge.
      expect(normalizeVatId('BE 12345678')).to.equal('BE12345678');
      expect(normalizeVatId('NL12345678')).to.equal('NL12345678');
      expect(normalizeVatId('NO 12345678')).to.equal('NO12345678');
    });

    it('writes Greece as EL, also as a default country', () => {
      expect(normalizeVatId('GR 094012834')).to.equal('EL094012834');
      expect(normalizeVatId('gr094012834')).to.equal('EL094012834');
      expect(normalizeVatId('094012834', 'GR')).to.equal('EL094012834');
      expect(normalizeVatId('094012834', 'el')).to.equal('EL094012834');
    });

    it('puts the default country in front of a number without a prefix', () => {
      expect(normalizeVatId('136 695 976', 'DE')).to.equal('DE136695976');
      expect(normalizeVatId('136695976', 'de')).to.equal('DE136695976');
      // Numbers that start with a letter get it when they fit that country's format.
      expect(normalizeVatId('U13585627', 'AT')).to.equal('ATU13585627');
      expect(normalizeVatId('B-64717838', 'ES')).to.equal('ESB64717838');
      expect(normalizeVatId('K7399859412', 'FR')).to.equal('FRK7399859412');
      // A prefix already there wins; an unknown one is left alone.
      expect(normalizeVatId('DE136695976', 'FR')).to.equal('DE136695976');
      expect(normalizeVatId('US123', 'DE')).to.equal('US123');
      expect(normalizeVatId('136695976')).to.equal('136695976');
    });

    it("keeps Switzerland's CHE form and Norway's trailing MVA", () => {
      expect(normalizeVatId('CHE-123.456.788 MWST')).to.equal('CHE123456788MWST');
      expect(normalizeVatId('che 123 456 788 tva')).to.equal('CHE123456788TVA');
      expect(normalizeVatId('123.456.788', 'CH')).to.equal('CHE123456788');
      expect(normalizeVatId('E-123.456.788', 'CH')).to.equal('CHE123456788');
      expect(normalizeVatId('NO 123 456 785 MVA')).to.equal('NO123456785MVA');
      expect(normalizeVatId('123 456 785 MVA', 'NO')).to.equal('NO123456785MVA');
    });
  });

  describe('checkVatId', () => {
    for (const [country, ids] of Object.entries(BAD_CHECKSUM)) {
      it(`rejects ${country} numbers with a wrong check digit`, () => {
        for (const raw of ids) expect(checkVatId(raw), raw).to.include({ country, valid: false, reason: 'checksum' });
      });
    }

    it('rejects numbers of the wrong format or length for their country', () => {
      for (const raw of BAD_FORMAT) expect(checkVatId(raw), raw).to.include({ valid: false, reason: 'format' });
    });

    it('answers reason "country" when no known prefix can be found', () => {
      for (const raw of ['XX123', '12345678', 'US123456789', 'QQ 124567', '', 'G']) {
        expect(checkVatId(raw), raw).to.deep.include({ country: null, valid: false, reason: 'country' });
      }
      expect(checkVatId('136695976')).to.deep.equal({ vatId: '136695976', country: null, valid: false, reason: 'country' });
    });

    it('returns the normalized ID and its VAT prefix', () => {
      expect(checkVatId('de 136.695.976')).to.deep.equal({ vatId: 'DE136695976', country: 'DE', valid: true });
      expect(checkVatId('136695976', 'DE')).to.deep.equal({ vatId: 'DE136695976', country: 'DE', valid: true });
      expect(checkVatId('136695977', 'DE')).to.deep.equal({ vatId: 'DE136695977', country: 'DE', valid: false, reason: 'checksum' });
      expect(checkVatId('DE12345')).to.deep.equal({ vatId: 'DE12345', country: 'DE', valid: false, reason: 'format' });
      expect(checkVatId('GR094012834')).to.include({ vatId: 'EL094012834', country: 'EL', valid: true });
    });

    it('checks the check digit of EL, CH (UID) and NO (organisation number) too', () => {
      expect(checkVatId('EL 094012834')).to.include({ valid: true });
      expect(checkVatId('EL 094012835')).to.include({ reason: 'checksum' });
      expect(checkVatId('EL 0940128')).to.include({ reason: 'format' });
      expect(checkVatId('CHE-123.456.788 MWST')).to.include({ vatId: 'CHE123456788MWST', country: 'CH', valid: true });
      expect(checkVatId('CHE-116.046.681 TPV')).to.include({ valid: true });
      expect(checkVatId('CHE-100.155.212')).to.include({ valid: true }); // the UID alone
      expect(checkVatId('CHE-123.456.789')).to.include({ reason: 'checksum' });
      expect(checkVatId('CHE-123.456.788 VAT')).to.include({ reason: 'format' });
      expect(checkVatId('CH 123456788')).to.include({ reason: 'format' });
      expect(checkVatId('NO 123456785 MVA')).to.include({ vatId: 'NO123456785MVA', country: 'NO', valid: true });
      expect(checkVatId('NO 123456785')).to.include({ vatId: 'NO123456785MVA', valid: true });
      expect(checkVatId('NO 123456789 MVA')).to.include({ reason: 'checksum' });
    });

    it('checks the Italian office code after the check digit, so a typo still reads as one', () => {
      expect(checkVatId('IT 00743110157')).to.include({ valid: true }); // office 015
      expect(checkVatId('IT00144659992')).to.include({ valid: true }); // office 999
      expect(checkVatId('IT12345678903')).to.include({ reason: 'format' }); // office 890, right Luhn digit
      expect(checkVatId('IT12345678901')).to.include({ reason: 'checksum' }); // office 890, wrong Luhn digit
      expect(checkVatId('IT00000000000')).to.include({ reason: 'format' }); // no company number
    });

    it('checks the birth date inside personal numbers (BG, CZ, LV, RO)', () => {
      expect(checkVatId('CZ 7103192745')).to.include({ valid: true });
      expect(checkVatId('CZ 1103492745')).to.include({ valid: false }); // day 49
      expect(checkVatId('CZ 590312/123')).to.include({ valid: false }); // 9 digits after 1953
      expect(checkVatId('LV 161175-19997')).to.include({ valid: true });
      expect(checkVatId('LV 161375-19997')).to.include({ valid: false }); // month 13
      expect(checkVatId('LV 328673-00679')).to.include({ valid: true }); // no birth date since 2017
      expect(checkVatId('RO 1630615123457')).to.include({ valid: true });
      expect(checkVatId('RO 1632215123457')).to.include({ valid: false }); // month 22
      expect(checkVatId('RO 1630615993454')).to.include({ valid: false }); // county 99
      expect(checkVatId('BG 8032056031')).to.include({ valid: true }); // 1880-12-05
    });

    it('accepts a Slovak birth number (RČ) as python-stdnum does, and leaves the rest to the registry', () => {
      // None of these is a company number (first digit 0, or third digit 0, 1, 5 or 6): only the RČ rule accepts them.
      expect(checkVatId('SK 781123/4079')).to.include({ vatId: 'SK7811234079', country: 'SK', valid: true }); // man, 1978-11-23
      expect(checkVatId('SK 6259301290')).to.include({ valid: true }); // woman (month +50), 1962-09-30
      expect(checkVatId('SK 0525093118')).to.include({ valid: true }); // month +20 (since 2004), 2005-05-09
      expect(checkVatId('SK 0772150643')).to.include({ valid: true }); // woman, month +70, 2007-02-15
      expect(checkVatId('SK 8503141230')).to.include({ valid: true }); // remainder 10: check digit 0
      expect(checkVatId('SK 2402294565')).to.include({ valid: true }); // 2024-02-29, a leap day
      expect(checkVatId('7811234079', 'SK')).to.include({ vatId: 'SK7811234079', valid: true });
      // A wrong date or check digit, and no company number either: still rejected.
      for (const raw of ['SK 8513141230', 'SK 2302294566', 'SK 7804314078', 'SK 7811004070', 'SK 7811234078', 'SK 6259301283']) {
        expect(checkVatId(raw), raw).to.include({ valid: false, reason: 'checksum' }); // month 13, 29 Feb 2023, 31 Apr, day 0, check digits
      }
      // Company numbers whose digits are no date still count (python-stdnum's SK 202 274 96 19).
      expect(checkVatId('SK 2022749619')).to.include({ valid: true });
      expect(checkVatId('SK 2010 237 945')).to.include({ reason: 'checksum' }); // third digit 1, and 2020-10-23 with a wrong check
      expect(checkVatId('SK 012 274 96 19')).to.include({ reason: 'checksum' }); // first digit 0, and day 74
      // 9-digit birth numbers (before 1954) are Czech VAT numbers, but a Slovak IČ DPH has 10 digits.
      expect(checkVatId('CZ 530312123')).to.include({ valid: true });
      expect(checkVatId('SK 530312123')).to.include({ reason: 'format' });
    });

    it('accepts an old-style Irish number with a second letter, which the check leaves out (as python-stdnum does)', () => {
      expect(checkVatId('IE 8D79739I')).to.include({ valid: true });
      expect(checkVatId('IE 8D79739IA')).to.include({ valid: true });
      expect(checkVatId('IE 8D79739JA')).to.include({ reason: 'checksum' });
      expect(checkVatId('IE 8D79739IX')).to.include({ reason: 'format' }); // second letters run A–W
    });

    it('knows GB and XI government and health-authority numbers (no check digit)', () => {
      expect(checkVatId('GB GD001')).to.include({ valid: true });
      expect(checkVatId('XI HA500')).to.include({ valid: true });
      expect(checkVatId('GB GD500')).to.include({ reason: 'format' });
      expect(checkVatId('GB HA499')).to.include({ reason: 'format' });
      expect(checkVatId('GB 980780684123')).to.include({ valid: true }); // branch trader: check on the first nine
      expect(checkVatId('GB GD888810003')).to.include({ valid: true }); // EU form: GD8888 + number + mod 97
      expect(checkVatId('GB HA888856782')).to.include({ valid: true });
      expect(checkVatId('XI 432525179')).to.include({ country: 'XI', valid: true });
      // 01…–09…: python-stdnum accepts them, so do we; the registry lookup decides.
      expect(checkVatId('GB 010000090')).to.include({ valid: true });
      expect(checkVatId('XI 012345620')).to.include({ valid: true });
      expect(checkVatId('GB 010123456')).to.include({ reason: 'checksum' });
    });

    it('keeps the mock fixtures as intended', () => {
      for (const raw of ['IT12345670017', 'DE136695976', 'DE999999995', 'IT99999999990']) {
        expect(checkVatId(raw), raw).to.include({ valid: true });
      }
      for (const raw of ['IT12345678901', 'DE136695977']) expect(checkVatId(raw), raw).to.include({ reason: 'checksum' });
    });
  });

  it('EU_COUNTRIES holds the 27 member states, Greece as EL', () => {
    expect(EU_COUNTRIES.size).to.equal(27);
    for (const cc of ['AT', 'DE', 'EL', 'IT', 'SK']) expect(EU_COUNTRIES.has(cc), cc).to.equal(true);
    for (const cc of ['GR', 'GB', 'XI', 'CH', 'NO']) expect(EU_COUNTRIES.has(cc), cc).to.equal(false);
    for (const cc of EU_COUNTRIES) expect(checkVatId(`${cc}0`).country, cc).to.equal(cc);
  });
});
