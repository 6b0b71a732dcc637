// Every public test vector of python-stdnum and jsvat (test/node/vat-vectors.json) through checkVatId:
// valid ones accepted, invalid ones rejected, except the disputed ones, which get the verdict we keep
// (docs/vat.md says why). A mismatch names the country, the number and where the vector comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { outputFiles } = await build({ entryPoints: ['src/vat/index.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false });
const vat = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
const { sources, disputed } = JSON.parse(readFileSync(new URL('./vat-vectors.json', import.meta.url), 'utf8'));

const OURS = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI', 'GB', 'CH', 'NO'];
const kept = new Map(disputed.map((d) => [`${d.country} ${d.vatId}`, d]));

/** country → [{ raw, valid (expected), from }] */
const byCountry = new Map();
for (const s of sources) {
  for (const [kind, lists] of Object.entries({ valid: s.valid, invalid: s.invalid })) {
    for (const [cc, list] of Object.entries(lists)) {
      for (const raw of list) {
        const verdict = kept.get(`${cc} ${raw}`)?.ours ?? kind === 'valid';
        if (!byCountry.has(cc)) byCountry.set(cc, []);
        byCountry.get(cc).push({ raw, valid: verdict, from: `${s.repo} ${s.path}` });
      }
    }
  }
}

test('the vectors cover every country we check', () => {
  const missing = OURS.filter((cc) => !byCountry.get(cc)?.some((v) => v.valid) || !byCountry.get(cc)?.some((v) => !v.valid));
  assert.deepEqual(missing, [], 'countries without both valid and invalid vectors');
});

test('every disputed vector is in the sources, with the other verdict there', () => {
  for (const d of disputed) {
    const says = sources.flatMap((s) => [s.valid[d.country]?.includes(d.vatId) && true, s.invalid[d.country]?.includes(d.vatId) && false]);
    assert.ok(says.includes(!d.ours), `${d.country} ${d.vatId}: no source says ${d.ours ? 'invalid' : 'valid'}`);
  }
});

for (const [cc, vectors] of [...byCountry].sort(([a], [b]) => a.localeCompare(b))) {
  test(`${cc}: ${vectors.filter((v) => v.valid).length} valid and ${vectors.filter((v) => !v.valid).length} invalid vectors`, () => {
    const wrong = [];
    for (const { raw, valid, from } of vectors) {
      const got = vat.checkVatId(raw, OURS.includes(cc) ? cc : undefined);
      if (got.valid !== valid) wrong.push(`${cc} ${JSON.stringify(raw)} → ${got.vatId}: ${valid ? 'rejected' : 'accepted'}${got.reason ? ` (${got.reason})` : ''}, expected ${valid ? 'valid' : 'invalid'} [${from}]`);
      else if (got.valid && got.country !== cc) wrong.push(`${cc} ${JSON.stringify(raw)} → ${got.vatId}: valid, but as ${got.country} [${from}]`);
    }
    assert.deepEqual(wrong, []);
  });
}
