// The vat entry is DOM-free: it loads and works in Node, as vendors' servers use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

const { outputFiles } = await build({ entryPoints: ['src/vat/index.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false });
const vat = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

test('normalizes and validates VAT IDs in Node', () => {
  assert.deepEqual(vat.checkVatId('de 136.695.976'), { vatId: 'DE136695976', country: 'DE', valid: true });
  assert.equal(vat.checkVatId('IT12345678901').reason, 'checksum');
  assert.equal(vat.normalizeVatId('gr-123456783'), 'EL123456783');
  assert.equal(typeof globalThis.document, 'undefined');
});
