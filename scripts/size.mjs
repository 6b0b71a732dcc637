// Prints what the widget weighs: the script-tag bundle (gzip), the ESM build's own code
// (dependencies excluded), and what each dependency adds to the script-tag bundle.
// Run after `npm run build`. With --budget, exits 1 when a figure passes its budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET = { iife: 40 * 1024, esm: 20 * 1024 };
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const iife = gz(readFileSync('dist/checkout-wizard.iife.js'));
const esmFiles = readdirSync('dist').filter((f) => f.endsWith('.js') && !f.includes('iife') && !['mock.js', 'vat.js', 'react.js'].includes(f));
const esm = esmFiles.reduce((sum, f) => sum + gz(readFileSync(`dist/${f}`)), 0);

// Each input's share of the minified script-tag bundle, grouped by package.
const { metafile } = await build({
  entryPoints: ['src/embed.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  metafile: true,
  define: { __CW_VERSION__: '"size"' },
  conditions: ['production'],
});
const shares = {};
for (const [file, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
  const parts = file.split('node_modules/');
  const name = parts.length > 1 ? parts.at(-1).split('/').slice(0, parts.at(-1).startsWith('@') ? 2 : 1).join('/') : file.split('/').slice(0, 2).join('/');
  shares[name] = (shares[name] ?? 0) + bytesInOutput;
}
const total = Object.values(shares).reduce((a, b) => a + b, 0);

console.log(`script-tag bundle  dist/checkout-wizard.iife.js  ${kb(iife)} gzip  (budget ${kb(BUDGET.iife)})`);
console.log(`ESM own code       ${esmFiles.join(', ')}  ${kb(esm)} gzip  (budget ${kb(BUDGET.esm)})`);
console.log('share of the minified script-tag bundle:');
for (const [name, bytes] of Object.entries(shares).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)} min  ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
}
if (process.argv.includes('--budget') && (iife > BUDGET.iife || esm > BUDGET.esm)) {
  console.error('over budget');
  process.exit(1);
}
