// Test-runner plugins and middleware for the React wrapper's test (src/react/react.test.ts).
//
// React 19 ships CommonJS only, and its entry points pick their build at run time
// (`process.env.NODE_ENV === 'production' ? require(prod) : require(dev)`, with every export assigned inside an
// IIFE), so no static CJS-to-ESM transform (@rollup/plugin-commonjs included) can see their named exports:
// `import { act } from 'react'` fails in the browser. Instead, this plugin
//  - bundles react, react-dom and react-dom/client once with esbuild into one ES module (one copy of React, shared
//    by both; `process.env.NODE_ENV` replaced by "development", so the browser never meets `process`), served as
//    /__react__/bundle.js, and
//  - resolves each bare import of those packages to a small facade, /__react__/<specifier>.js, which re-exports
//    that package's default and named exports (the names read off the package's development build: requiring
//    React in the runner's Node process would trip over the runner's patched console).
// Only these specifiers are touched; the widget's own code and every other dependency are served as before.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const PREFIX = '/__react__/';
const BUNDLE = `${PREFIX}bundle.js`;
const SPECIFIERS = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'];
const identifier = /^[A-Za-z_$][\w$]*$/;

let bundle;
function reactBundle() {
  bundle ??= build({
    stdin: {
      contents: `module.exports = { ${SPECIFIERS.map((s) => `${JSON.stringify(s)}: require(${JSON.stringify(s)})`).join(', ')} };`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** The names a React entry point exports: `exports.<name> =` in the development build it requires. */
function exportNames(specifier) {
  const entry = require.resolve(specifier);
  const dev = /require\(['"](\.\/cjs\/[^'"]+\.development\.js)['"]\)/.exec(readFileSync(entry, 'utf8'))?.[1];
  if (!dev) return [];
  const source = readFileSync(resolve(dirname(entry), dev), 'utf8');
  const names = new Set([...source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]));
  return [...names].filter((n) => identifier.test(n) && n !== 'default');
}

function facade(specifier) {
  const names = exportNames(specifier);
  return [
    `import modules from '${BUNDLE}';`,
    `const m = modules[${JSON.stringify(specifier)}];`,
    'export default m;',
    names.length ? `export const { ${names.join(', ')} } = m;` : '',
  ].join('\n');
}

const reactEsm = {
  name: 'react-esm',
  resolveImport({ source }) {
    if (SPECIFIERS.includes(source)) return `${PREFIX}${source}.js`;
    return undefined;
  },
  async serve({ path }) {
    if (path === BUNDLE) return { body: await reactBundle(), type: 'js' };
    if (path.startsWith(PREFIX)) {
      const specifier = path.slice(PREFIX.length, -'.js'.length);
      if (SPECIFIERS.includes(specifier)) return { body: facade(specifier), type: 'js' };
    }
    return undefined;
  },
};

export const plugins = [reactEsm];
export const middleware = [];
