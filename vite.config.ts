import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates as minify, shipsTemplates } from './scripts/minify-templates.mjs';
import { entryOf, staticClosure } from './scripts/chunk-graph.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __CW_VERSION__: JSON.stringify(version) };

// Every build ships the widget's templates minified (see scripts/minify-templates.mjs).
const minifyTemplates: Plugin = {
  name: 'minify-templates',
  async transform(code, id) {
    return shipsTemplates(id, code) ? ((await minify(code, id)) ?? null) : null;
  },
};

/** Where the script tag's chunks are written. */
const CHUNKS = 'dist/chunks';

/**
 * How the script tag's code is cut: few chunks compress better than many (each file is gzipped on its
 * own), so what the first step needs is one chunk, the steps that choose a plan another, the checkout a
 * third; the gates, the plan-details popover, Floating UI and each locale stay chunks of their own.
 */
/** The later steps, grouped: one chunk each group. The other lazy elements (the gates, the popover) are chunks of their own. */
const STEP_CHUNKS = {
  choose: ['cw-mode-picker', 'cw-tier-picker', 'cw-seat-picker', 'cw-term-picker'],
  checkout: ['cw-cart', 'cw-review', 'cw-payment', 'cw-confirmation'],
};
const inFolders = (tags: string[]) => new RegExp(`/src/components/(${tags.join('|')})/`);
const LATER = [inFolders([...Object.values(STEP_CHUNKS).flat(), 'cw-gate', 'cw-popover']), /\/node_modules\/@floating-ui\//, /\/src\/i18n\/locales\//];
const CHUNK_GROUPS = [
  { name: 'first', test: (id: string) => !LATER.some((later) => later.test(id)), priority: 3 },
  ...Object.entries(STEP_CHUNKS).map(([name, tags], i, all) => ({ name, test: inFolders(tags), priority: all.length - i })),
];

/** The entry chunk and every chunk it imports statically (what the first step needs), the entry first. */
const firstChunks = () => staticClosure(CHUNKS, entryOf(CHUNKS)!);

/**
 * dist/chunks/integrity.json: each chunk's Subresource Integrity hash, by file name. A page that pins the
 * script tag with `integrity` pins its chunks with these, in an import map (README, "Pinning the chunks").
 */
const chunkIntegrity: Plugin = {
  name: 'chunk-integrity',
  generateBundle() {
    const hashes = Object.fromEntries(
      readdirSync(CHUNKS)
        .filter((file) => file.endsWith('.js'))
        .sort()
        .map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(`${CHUNKS}/${file}`)).digest('base64')}`]),
    );
    this.emitFile({ type: 'asset', fileName: 'chunks/integrity.json', source: `${JSON.stringify(hashes, null, 1)}\n` });
  },
};

// One config, four jobs: `vite` serves the demo; `vite build` writes the ES modules for bundlers
// (dependencies left as imports; later steps and locales as dynamic imports); `vite build --mode chunks`
// writes the script tag's ES chunks, everything bundled and split the same way, to dist/chunks/;
// `vite build --mode iife` then writes the script tag itself, the loader that imports them.
// @stripe/stripe-js stays an import too: a peer dependency of checkout-wizard/stripe, whose loader fetches Stripe.js from js.stripe.com.
const external = [/^react($|\/)/, /^lit($|\/)/, /^@lit\//, /^xstate($|\/)/, /^@floating-ui\//, /^valibot$/, /^msw($|\/)/, /^@stripe\/stripe-js($|\/)/];

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      define,
      server: { fs: { allow: ['..'] } },
    };
  }
  if (mode === 'chunks') {
    return {
      publicDir: false,
      define,
      plugins: [minifyTemplates],
      build: {
        outDir: CHUNKS,
        sourcemap: true,
        // Plain dynamic imports: the loader fetches the first step's chunks itself, and the widget prefetches the rest.
        modulePreload: false,
        rollupOptions: {
          input: { embed: 'src/embed.ts' },
          preserveEntrySignatures: 'exports-only',
          // Hashed names: a chunk's name changes with its content, so a CDN copy can be cached for good and pinned.
          output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', codeSplitting: { groups: CHUNK_GROUPS } },
        },
      },
    };
  }
  if (mode === 'iife') {
    return {
      publicDir: false,
      define: { ...define, __CW_FIRST__: JSON.stringify(firstChunks()) },
      plugins: [chunkIntegrity],
      build: {
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'CheckoutWizardBundle', fileName: () => 'checkout-wizard.iife.js' },
        rollupOptions: { output: { exports: 'default' } },
      },
    };
  }
  return {
    publicDir: false,
    define,
    plugins: [minifyTemplates],
    build: {
      sourcemap: true,
      lib: {
        entry: {
          'checkout-wizard': 'src/index.ts',
          define: 'src/define.ts',
          mock: 'src/mock/index.ts',
          vat: 'src/vat/index.ts',
          react: 'src/react/index.ts',
          stripe: 'src/stripe/index.ts',
        },
        formats: ['es'],
      },
      rollupOptions: { external, output: { chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/i18n/locales/') ? 'locales/[name].js' : '[name]-[hash].js') } },
    },
  };
});
