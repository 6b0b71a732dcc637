import { defineConfig } from 'vite';

// One config, three jobs: `vite` serves the demo; `vite build` writes the ES modules
// (dependencies left as imports); `vite build --mode iife` writes the script-tag bundle.
const external = [/^lit($|\/)/, /^@lit\//, /^xstate($|\/)/, /^@floating-ui\//, /^valibot$/, /^msw($|\/)/];

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      server: { fs: { allow: ['..'] } },
    };
  }
  if (mode === 'iife') {
    return {
      publicDir: false,
      build: {
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'CheckoutWizardBundle', fileName: () => 'checkout-wizard.iife.js' },
      },
    };
  }
  return {
    publicDir: false,
    build: {
      sourcemap: true,
      lib: {
        entry: { 'checkout-wizard': 'src/index.ts', define: 'src/define.ts', mock: 'src/mock/index.ts', vat: 'src/vat/index.ts' },
        formats: ['es'],
      },
      rollupOptions: { external },
    },
  };
});
