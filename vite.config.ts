import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates as minify, shipsTemplates } from './scripts/minify-templates.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __CW_VERSION__: JSON.stringify(version) };

// "Already loaded" is read from the custom element registry, which markup cannot forge: window.CheckoutWizard
// may be a page's <div id="CheckoutWizard"> (DOM clobbering), so it is never read here.
const secondCopyGuard = `var registered = window.customElements && customElements.get('checkout-wizard'),
  api = registered && registered[Symbol.for('checkout-wizard.api')];
if (api) {
  var v = ${JSON.stringify(version)},
    first = registered[Symbol.for('checkout-wizard.version')] || api.version,
    warned = registered[Symbol.for('checkout-wizard.warned')];
  if (first !== v && !(warned && warned.indexOf(v) >= 0)) {
    try { warned.push(v); } catch (e) {}
    console.warn('checkout-wizard: version ' + first + ' is already loaded; the copy of version ' + v + ' loaded later is not used.');
  }
  return api;
}`;

// Every build ships the widget's templates minified (see scripts/minify-templates.mjs).
const minifyTemplates: Plugin = {
  name: 'minify-templates',
  async transform(code, id) {
    return shipsTemplates(id, code) ? ((await minify(code, id)) ?? null) : null;
  },
};

// Each locale but English is its own module, loaded when a widget asks for it.
const locales = Object.fromEntries(
  readdirSync('src/i18n/locales').map((file) => [`locales/${file.replace(/\.ts$/, '')}`, `src/i18n/locales/${file}`]),
);

// One config, four jobs: `vite` serves the demo; `vite build` writes the ES modules
// (dependencies left as imports); `vite build --mode iife` writes the script-tag bundle;
// `vite build --mode locales` writes the locale modules it loads from dist/locales/.
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
  if (mode === 'locales') {
    return {
      publicDir: false,
      build: {
        emptyOutDir: false,
        lib: { entry: locales, formats: ['es'], fileName: (_, name) => `${name}.js` },
        // What regional locales share (the merge over their language) stays in locales/, so that folder alone is self-hostable.
        rollupOptions: { output: { chunkFileNames: 'locales/[name]-[hash].js' } },
      },
    };
  }
  if (mode === 'iife') {
    return {
      publicDir: false,
      define,
      plugins: [minifyTemplates],
      // The bundle cannot split itself: it imports locale modules by URL instead.
      resolve: { alias: [{ find: /^\.\/load\.js$/, replacement: fileURLToPath(new URL('src/i18n/load-url.ts', import.meta.url)) }] },
      build: {
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'CheckoutWizardBundle', fileName: () => 'checkout-wizard.iife.js' },
        // A later copy on the same page stops before Lit runs: a second 'lit-html' Trusted Types
        // policy would be a CSP violation. It warns once when its version differs.
        rollupOptions: { output: { intro: secondCopyGuard } },
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
