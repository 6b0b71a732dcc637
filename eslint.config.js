// ESLint 9 flat config. `npm run lint` runs it with zero warnings allowed; `npm run check`, and so
// `npm test`, runs that.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const TS = ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'];
const NODE_SCRIPTS = ['scripts/**/*.mjs', 'test/**/*.mjs'];
const TESTS = ['**/*.test.ts', 'test/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      // Generated: from the contract (npm run gen:contract), by MSW, by the manifest analyzer.
      'src/contract/billing-api.ts',
      'src/contract/generated/',
      'demo/public/mockServiceWorker.js',
      'custom-elements.json',
      // `eslint .` would lint every .js/.mjs too: the root tool configs and the scripts injected
      // into pages (the benchmark's, the CSP fixture) stay out.
      '**/*.{js,cjs}',
      '*.mjs',
    ],
  },

  {
    files: [...TS, ...NODE_SCRIPTS],
    extends: [js.configs.recommended],
  },

  {
    files: TS,
    // Not type-checked: type-aware linting builds a second TypeScript program (about 23 s here
    // against 8 s), which npm test cannot afford beside tsc --noEmit; tsc already checks types.
    extends: [tseslint.configs.recommended, lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    languageOptions: { globals: globals.browser },
    settings: {
      // The step elements extend StepElement, not LitElement directly: they are custom elements too.
      wc: { elementBaseClasses: ['LitElement', 'StepElement'] },
    },
    rules: {
      // Augmenting the DOM's event maps takes an interface that only extends (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // tsc's noUnusedParameters accepts a leading underscore: a parameter a signature requires
      // (a Lit directive's render) but the body does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // LitElement implements every lifecycle callback, and noImplicitOverride makes tsc check that
      // each overridden one exists, so the guard this rule asks for could never be false.
      'wc/guard-super-call': 'off',
      // A variable a closure reads before its one assignment cannot be const (the closure would throw).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },

  {
    files: TESTS,
    rules: {
      // Chai's property assertions (`.to.exist`, `.to.be.true`) are expressions by design; chai's
      // proxy throws on a misspelt one, so the silent no-op this rule guards against cannot happen.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: NODE_SCRIPTS,
    languageOptions: { globals: globals.node },
  },
  {
    // These drive a browser through Puppeteer: the callbacks they pass to page.evaluate run in the
    // page, where the benchmark's lib.js has installed `bench`.
    files: ['scripts/bench/**/*.mjs', 'scripts/storybook-smoke.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, bench: 'readonly' } },
  },
);
