// Prints what the widget weighs (gzip), after `npm run build`; with --budget, exits 1 when a figure
// passes its ceiling.
//
// The script tag (issue 14): a loader of a few KB that imports ES chunks from dist/chunks/. What
// counts is what a page fetches: the critical path (the loader and every chunk the first step needs,
// before it is interactive) and a whole purchase (that, and the later steps' chunks the widget
// prefetches, by the time the confirmation shows; not the gates, a language or Floating UI, which
// come only when a gate shows, a language is asked for or a plan's details open). The chunk graph is
// read off the files (scripts/chunk-graph.mjs); each chunk is listed with what it holds.
//
// One limit per figure: the ceiling CI enforces, today's size rounded up, so it can only shrink.
// Lower a ceiling whenever a change makes room; never raise one without saying why. History: the
// one-file bundle went 52 → 54 KB (issue 11), → 56 (issue 12), → 67 (issue 13). Issue 14 split it;
// its targets (36 KB critical path, 60 KB whole purchase) are printed beside the figures and are
// not met: docs/performance.md says why and what would meet them. The ESM build's own code is counted
// file by file, each gzipped on its own, as its lazy steps are now files of their own: 39.7 → 47.7 KB
// by that count alone (a bundler re-chunks them as it likes).
import { readFileSync, readdirSync } from 'node:fs';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { dynamicImports, entryOf, nameOf, staticClosure } from './chunk-graph.mjs';
import { build, transform } from 'esbuild';
import { minifyTemplates, shipsTemplates } from './minify-templates.mjs';

const CEILING = { loader: 2 * 1024, critical: 55 * 1024, purchase: 66 * 1024, esmFirst: 34.5 * 1024, esm: 48 * 1024 };
const TARGET = { critical: 36 * 1024, purchase: 60 * 1024 };
const gz = (text) => gzipSync(text, { level: 9 }).length;
const br = (text) => brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// The script tag and its chunks.
const CHUNKS = 'dist/chunks';
const LOCALES = new Set(readdirSync('src/i18n/locales').map((f) => f.replace(/\.ts$/, '')));
const sizeOf = (file) => gz(readFileSync(join(CHUNKS, file)));
const loader = gz(readFileSync('dist/checkout-wizard.iife.js'));
const entry = entryOf(CHUNKS);
const first = staticClosure(CHUNKS, entry);
/** What a later chunk is for: fetched in a purchase, or only when something else asks for it. */
const ONLY_WHEN = { 'cw-gate': 'a gate shows', 'floating-ui.dom': 'plan details open' };
const later = [];
for (let queue = dynamicImports(CHUNKS, first); queue.length; ) {
  const file = queue.shift();
  if (later.includes(file) || first.includes(file)) continue;
  later.push(file);
  queue.push(...staticClosure(CHUNKS, file).slice(1), ...dynamicImports(CHUNKS, [file]));
}
const purchaseChunks = later.filter((f) => !LOCALES.has(nameOf(f)) && !ONLY_WHEN[nameOf(f)]);
const critical = loader + first.reduce((sum, f) => sum + sizeOf(f), 0);
const purchase = critical + purchaseChunks.reduce((sum, f) => sum + sizeOf(f), 0);
const criticalBr = br(readFileSync('dist/checkout-wizard.iife.js')) + first.reduce((sum, f) => sum + br(readFileSync(join(CHUNKS, f))), 0);

// The ESM build for bundlers: our own code only (dependencies stay imports), minified as a consumer's bundler would.
const OTHER_ENTRIES = ['mock.js', 'vat.js', 'react.js', 'stripe.js'];
const esmSize = async (file) => gz((await transform(readFileSync(`dist/${file}`, 'utf8'), { minify: true, format: 'esm' })).code);
const esmFirstFiles = staticClosure('dist', 'define.js');
const esmFiles = readdirSync('dist').filter((f) => f.endsWith('.js') && !f.includes('iife') && !OTHER_ENTRIES.includes(f));
let esmFirst = 0;
for (const f of esmFirstFiles) esmFirst += await esmSize(f);
let esm = 0;
for (const f of esmFiles) esm += await esmSize(f);

// Each input's share of the minified script-tag bundle, grouped by package.
const { metafile } = await build({
  entryPoints: ['src/embed.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  metafile: true,
  define: { __CW_VERSION__: '"size"' },
  conditions: ['module', 'production'],
  // Every later step is counted (esbuild inlines dynamic imports here); the locales, each a chunk a page may never fetch, are not.
  plugins: [
    { name: 'no-locales', setup: (b) => b.onResolve({ filter: /^\.\/locales\// }, ({ path }) => ({ path, external: true })) },
    // As in every build: templates minified.
    {
      name: 'minify-templates',
      setup: (b) =>
        b.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
          const code = readFileSync(path, 'utf8');
          return { contents: shipsTemplates(path, code) ? ((await minifyTemplates(code, path))?.code ?? code) : code, loader: 'ts' };
        }),
    },
  ],
});
const shares = {};
for (const [file, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
  const parts = file.split('node_modules/');
  const name = parts.length > 1 ? parts.at(-1).split('/').slice(0, parts.at(-1).startsWith('@') ? 2 : 1).join('/') : file.split('/').slice(0, 2).join('/');
  shares[name] = (shares[name] ?? 0) + bytesInOutput;
}
const total = Object.values(shares).reduce((a, b) => a + b, 0);

// The floor: lit, xstate and @floating-ui/dom alone, with every export the widget uses.
const floor = await build({
  stdin: {
    contents: `import { LitElement, html, css, nothing } from 'lit';
      import { setup, createActor, assign, fromPromise, emit, cancel, enqueueActions, and, not } from 'xstate';
      import { computePosition, autoUpdate, flip, shift, offset, size } from '@floating-ui/dom';
      globalThis.floor = [LitElement, html, css, nothing, setup, createActor, assign, fromPromise, emit, cancel, enqueueActions, and, not, computePosition, autoUpdate, flip, shift, offset, size];`,
    resolveDir: resolve('.'),
  },
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  conditions: ['module', 'production'],
}).then((r) => gz(r.outputFiles[0].contents));

const localeSizes = later.filter((f) => LOCALES.has(nameOf(f))).map(sizeOf);
const figures = { loader, critical, purchase, esmFirst, esm };
const status = (key) => `ceiling ${kb(CEILING[key])}${figures[key] > CEILING[key] ? ', over it' : ''}`;
const target = (key) => `; issue 14's target ${kb(TARGET[key])}: ${figures[key] <= TARGET[key] ? 'met' : `not met, ${kb(figures[key] - TARGET[key])} over`}`;
console.log(`script tag         dist/checkout-wizard.iife.js (the loader)  ${kb(loader)} gzip  (${status('loader')})`);
console.log(`critical path      the loader + ${first.length} chunks before the first step  ${kb(critical)} gzip, ${kb(criticalBr)} brotli  (${status('critical')}${target('critical')})`);
console.log(`whole purchase     + ${purchaseChunks.length} later chunks by the confirmation  ${kb(purchase)} gzip  (${status('purchase')}${target('purchase')})`);
console.log(`  of which          lit + xstate + @floating-ui/dom alone ${kb(floor)} gzip (the floor)`);
console.log('chunks (dist/chunks/):');
for (const f of first) console.log(`  ${nameOf(f).padEnd(20)} ${kb(sizeOf(f)).padStart(8)}  first step`);
for (const f of later.filter((f) => !LOCALES.has(nameOf(f)))) {
  console.log(`  ${nameOf(f).padEnd(20)} ${kb(sizeOf(f)).padStart(8)}  ${ONLY_WHEN[nameOf(f)] ? `only when ${ONLY_WHEN[nameOf(f)]}` : 'later steps, prefetched'}`);
}
console.log(`  locales              ${localeSizes.length} chunks, ${kb(Math.min(...localeSizes))} to ${kb(Math.max(...localeSizes))} each, one when its language is asked for`);
console.log(`ESM own code       first step: ${esmFirstFiles.join(', ')}  ${kb(esmFirst)} gzip minified  (${status('esmFirst')})`);
console.log(`                   everything: ${esmFiles.length} files  ${kb(esm)} gzip minified  (${status('esm')})`);
console.log('share of the minified script-tag code, every chunk together, by package (gzip shares are estimates):');
for (const [name, bytes] of Object.entries(shares).sort((a, b) => b[1] - a[1])) {
  const share = bytes / total;
  console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)} min  ${(share * 100).toFixed(1).padStart(5)} %  ≈${kb(share * purchase).padStart(8)} gzip`);
}
const over = Object.keys(CEILING).filter((key) => figures[key] > CEILING[key]);
if (process.argv.includes('--budget') && over.length) {
  console.error(`over its ceiling: ${over.join(', ')}`);
  process.exit(1);
}
