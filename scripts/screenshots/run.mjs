// npm run screenshots [-- state…] [--jobs=N]: every step and state of the widget, at 1280 and 375 px wide,
// light and dark, English and Arabic, as docs/screenshots/<state>-<width>-<theme>-<locale>.png (full page,
// device scale 1). Vite serves page.html here; page.ts drives a widget on the mock backend to each state (it
// names them) and this photographs it, in a few windows of one headless Chromium. Names given as arguments
// run those states only. Exits non-zero, naming them, when a state never became ready.
//
// page.ts is outside tsconfig.json's and ESLint's TypeScript files; to type-check it:
//   npx tsc --noEmit --strict --target ES2022 --module ESNext --moduleResolution Bundler --lib ES2022,DOM,DOM.Iterable \
//     --skipLibCheck --useDefineForClassFields false --types mocha scripts/screenshots/page.ts
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer, loadConfigFromFile } from 'vite';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const out = join(repo, 'docs/screenshots');
const WIDTHS = [1280, 375];
const THEMES = ['light', 'dark'];
const LOCALES = ['en', 'ar'];
const READY_MS = 30_000;
// The first load compiles every module on demand: slow on a busy machine.
const LOAD_MS = 180_000;

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('-'));
const jobsArg = args.find((a) => a.startsWith('--jobs='));
const jobs = Math.max(1, Number(jobsArg?.slice('--jobs='.length)) || 3);

const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// The app's defines (__CW_VERSION__) as vite.config.ts gives them to `vite`; its root (demo/) is not ours.
process.chdir(repo);
const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development' }, join(repo, 'vite.config.ts'), repo, 'silent');
const server = await createServer({
  root: repo,
  configFile: false,
  define: loaded?.config.define,
  logLevel: 'warn',
  clearScreen: false,
  // Apart from the demo's cache, and no pre-bundling: a dependency found mid-run would reload every page.
  cacheDir: join(tmpdir(), 'checkout-wizard-screenshots-vite'),
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false, watch: null },
});
await server.listen();
const address = server.httpServer?.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 5173}/scripts/screenshots/page.html`;

const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')),
  defaultViewport: { width: 1280, height: 800, deviceScaleFactor: 1 },
  protocolTimeout: 60_000,
});

/** A window on the page, once it can show states. */
async function openPage() {
  // A window of its own: a tab behind another is hidden, gets no animation frames, and its screenshot can hang.
  const page = await browser.newPage({ type: 'window' });
  // page.ts clicks through here: a real mouse click, as a buyer's, so the focus rings are those a mouse user sees.
  await page.exposeFunction('cwMouseClick', (x, y) => page.mouse.click(x, y));
  await page.goto(base, { timeout: LOAD_MS });
  await page.waitForFunction(() => typeof globalThis.show === 'function', { timeout: LOAD_MS });
  return page;
}

/** The page's outcome for one state ({ ready, height, modal } or { skipped } or { failed }), or a timeout after READY_MS. */
function show(page, shot) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready after ${seconds(READY_MS)}`)), READY_MS)));
  return Promise.race([page.evaluate((s) => globalThis.show(s), shot), timeout]).finally(() => clearTimeout(timer));
}

const failed = [];
let written = 0;
let skipped = 0;
try {
  // The states, as page.ts names them.
  const first = await openPage();
  const all = await first.evaluate(() => globalThis.states);
  const unknown = only.filter((s) => !all.includes(s));
  if (unknown.length) throw new Error(`no state ${unknown.join(', ')}: one of ${all.join(', ')}`);
  const states = only.length ? all.filter((s) => only.includes(s)) : all;

  mkdirSync(out, { recursive: true });
  const shots = states.flatMap((state) => WIDTHS.flatMap((width) => THEMES.flatMap((theme) => LOCALES.map((locale) => ({ state, width, theme, locale })))));

  // Each window takes the next shot: a new widget on a new backend in the same page, so modules load once per window.
  const queue = [...shots];
  async function worker(index) {
    let page = index === 0 ? first : await openPage();
    for (let shot = queue.shift(); shot; shot = queue.shift()) {
      const { state, width, theme, locale } = shot;
      const name = `${state}-${width}-${theme}-${locale}`;
      const file = join(out, `${name}.png`);
      const begun = performance.now();
      try {
        const height = width < 600 ? 812 : 800;
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        const result = await show(page, { state, theme, locale });
        if (result.failed) throw new Error(result.failed);
        if (result.skipped) {
          skipped++;
          console.log(`skipped  ${name}: ${result.skipped}`);
          continue;
        }
        // The whole page: the viewport grown to its height (Chromium's own full-page capture shifts a right-to-left
        // page sideways). With a modal dialog open, what the buyer sees: the viewport, the dialog in its middle.
        if (!result.modal && result.height > height) {
          await page.setViewport({ width, height: result.height, deviceScaleFactor: 1 });
          await page.evaluate(() => globalThis.painted());
        }
        await page.screenshot({ path: file });
        written++;
        console.log(`wrote    ${relative(repo, file)} (${seconds(performance.now() - begun)})`);
      } catch (e) {
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        failed.push({ name, state, why });
        console.error(`FAILED   ${name}: ${why}`);
        // A fresh window for the next one: this one may be stuck.
        await page.close().catch(() => {});
        page = await openPage();
      }
    }
    await page.close();
  }
  await Promise.all(Array.from({ length: Math.min(jobs, shots.length) }, (_, i) => worker(i)));
} catch (e) {
  failed.push({ name: 'setup', state: 'setup', why: e instanceof Error ? e.message : String(e) });
  console.error(`FAILED   ${e instanceof Error ? e.message : e}`);
} finally {
  await browser.close();
  await server.close();
}

console.log(`${written} screenshots in ${relative(repo, out)}/${skipped ? `, ${skipped} skipped` : ''}, ${seconds(performance.now() - started)}`);
if (failed.length) {
  const states = [...new Set(failed.map((f) => f.state))];
  console.error(`Never ready: ${states.join(', ')} (${failed.length} screenshot${failed.length === 1 ? '' : 's'})`);
  process.exit(1);
}
