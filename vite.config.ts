import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __CW_VERSION__: JSON.stringify(version) };

const secondCopyGuard = `var cw = window.CheckoutWizard, v = ${JSON.stringify(version)};
if (cw) {
  var warned = cw.warned || (cw.warned = {});
  if (cw.version !== v && !warned[v]) {
    warned[v] = 1;
    console.warn('checkout-wizard: version ' + cw.version + ' is already loaded; the copy of version ' + v + ' loaded later is not used.');
  }
  return cw;
}`;

// One config, three jobs: `vite` serves the demo; `vite build` writes the ES modules
// (dependencies left as imports); `vite build --mode iife` writes the script-tag bundle.
const external = [/^react($|\/)/, /^lit($|\/)/, /^@lit\//, /^xstate($|\/)/, /^@floating-ui\//, /^valibot$/, /^msw($|\/)/];

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      define,
      server: { fs: { allow: ['..'] } },
    };
  }
  if (mode === 'iife') {
    return {
      publicDir: false,
      define,
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
    build: {
      sourcemap: true,
      lib: {
        entry: { 'checkout-wizard': 'src/index.ts', define: 'src/define.ts', mock: 'src/mock/index.ts', vat: 'src/vat/index.ts', react: 'src/react/index.ts' },
        formats: ['es'],
      },
      rollupOptions: { external },
    },
  };
});
