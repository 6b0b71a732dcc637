import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFileSync } from 'node:fs';
import { findChrome, CHROME_FLAGS } from './scripts/find-chrome.mjs';
import { minifyTemplates, shipsTemplates } from './scripts/minify-templates.mjs';
import * as react from './scripts/wtr/react.mjs';
import * as screenshot from './scripts/wtr/screenshot.mjs';
import * as csp from './scripts/wtr/csp.mjs';
import * as network from './scripts/wtr/network.mjs';
import { NODE_TEST_DIRS } from './scripts/test-node.mjs';
import { timingReporter } from './scripts/wtr/timing.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const executablePath = findChrome();

export default {
  // What needs no browser runs under Node (npm run test:node).
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', ...NODE_TEST_DIRS.map((dir) => `!${dir}/**`)],
  nodeResolve: true,
  // Two files at once, each page in a browser context of its own (see browsers below).
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  // CW_TEST_TIMES=1: where the time goes, per file and per test.
  reporters: process.env.CW_TEST_TIMES ? [defaultReporter(), timingReporter()] : [defaultReporter()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json', define: { __CW_VERSION__: JSON.stringify(version) } }),
    // Tests run on the templates as the builds ship them.
    {
      name: 'minify-templates',
      async transform(context) {
        if (!shipsTemplates(context.path, context.body)) return;
        return (await minifyTemplates(context.body, context.path))?.code;
      },
    },
    ...react.plugins,
    ...screenshot.plugins,
    ...csp.plugins,
    ...network.plugins,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, args: CHROME_FLAGS },
      // Two pages of one context take turns being the visible tab, and the hidden one gets no animation frames,
      // which fixture() and Floating UI wait for. A context per page keeps each one visible.
      createPage: ({ browser }) => browser.createBrowserContext().then((context) => context.newPage()),
    }),
  ],
  // MSW's service worker must be served from the root scope.
  middleware: [
    function serveWorker(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/demo/public/mockServiceWorker.js';
      return next();
    },
    ...react.middleware,
    ...screenshot.middleware,
    ...csp.middleware,
  ],
};
