// Prints what the widget weighs: the script-tag bundle (gzip), the ESM build's own code
// (dependencies excluded), and what each dependency adds to the script-tag bundle.
// Run after `npm run build`. With --budget, exits 1 when a figure passes its ceiling.
//
// One limit per figure: the ceiling CI enforces, today's size rounded up, so the bundle can
// only shrink. Issue 6's 40 KB target for everything bundled is withdrawn (issue 14 measures
// what a page loads before the first step instead). Lower a ceiling whenever a change makes
// room; never raise one without saying why: 52 → 54 KB and 24 → 26 KB in issue 11, for the
// step table, the order child machine, the error table and contract-generated schemas;
// 54 → 56 KB and 26 → 28.5 KB in issue 12, for real payments (3-D Secure, look-ups by key,
// setups, declines, the recap with its renewal statement, allow-listed events, the URL policy);
// 56 → 67 KB and 28.5 → 40 KB in issue 13 (still open), for the order summary, the step indicator,
// skeletons, promotion codes, adjustments, Undo, the new confirmation and gates: the widget's own
// components went from 11 to 20.5 KB gzip. Issue 14's lazy steps are to bring the critical path down;
// the review table, the pay recap and the summary each draw quote lines and are the first to share.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build, transform } from 'esbuild';
import { minifyTemplates, shipsTemplates } from './minify-templates.mjs';

const CEILING = { iife: 67 * 1024, esm: 40 * 1024 };
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const iife = gz(readFileSync('dist/checkout-wizard.iife.js'));
const esmFiles = readdirSync('dist').filter((f) => f.endsWith('.js') && !f.includes('iife') && !['mock.js', 'vat.js', 'react.js', 'stripe.js'].includes(f));
// Minified as a consumer's bundler would; the dependencies stay imports, so only our code counts.
let esm = 0;
for (const f of esmFiles) esm += gz((await transform(readFileSync(`dist/${f}`, 'utf8'), { minify: true, format: 'esm' })).code);

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
  // As in the script-tag build: locales load by URL, not as bundled imports.
  plugins: [
    { name: 'load-url', setup: (b) => b.onResolve({ filter: /^\.\/load\.js$/ }, () => ({ path: resolve('src/i18n/load-url.ts') })) },
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

const locales = readdirSync('dist/locales').filter((f) => f.endsWith('.js') && !f.startsWith('overrides-')).map((f) => gz(readFileSync(`dist/locales/${f}`)));
const status = (size, key) => `ceiling ${kb(CEILING[key])}${size > CEILING[key] ? ', over it' : ''}`;
console.log(`script-tag bundle  dist/checkout-wizard.iife.js  ${kb(iife)} gzip  (${status(iife, 'iife')})`);
console.log(`  of which          lit + xstate + @floating-ui/dom alone ${kb(floor)} gzip (the floor); the widget's own code adds ${kb(iife - floor)}`);
console.log(`ESM own code       ${esmFiles.join(', ')}  ${kb(esm)} gzip minified  (${status(esm, 'esm')})`);
console.log(`locale modules     dist/locales/*.js  ${locales.length} files, ${kb(Math.min(...locales))} to ${kb(Math.max(...locales))} gzip each, loaded on demand`);
console.log('share of the minified script-tag bundle (gzip shares are estimates: the share of the whole):');
for (const [name, bytes] of Object.entries(shares).sort((a, b) => b[1] - a[1])) {
  const share = bytes / total;
  console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)} min  ${(share * 100).toFixed(1).padStart(5)} %  ≈${kb(share * iife).padStart(8)} gzip`);
}
const over = Object.keys(CEILING).filter((key) => ({ iife, esm })[key] > CEILING[key]);
if (process.argv.includes('--budget') && over.length) {
  console.error(`over its ceiling: ${over.join(', ')}`);
  process.exit(1);
}
