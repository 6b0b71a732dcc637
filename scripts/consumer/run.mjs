// The package as a React user gets it: packs the current build (run `npm run build` first), installs the tarball
// into a fresh Vite + React + TypeScript app (./app: strict, skipLibCheck off), type-checks and builds that app,
// serves the build with `vite preview`, and places an order through checkout-wizard/react in Chromium.
//
// The app's tools are installed at the versions this repository has installed (so npm's cache usually has them);
// the package's own dependencies resolve from its package.json ranges, as they would for anyone.
// CONSUMER_KEEP=1 keeps the temporary app for a look afterwards.
/* global document, Node -- the functions handed to page.waitForFunction run in the browser */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { pack, root } from '../pack.mjs';

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
async function phase(name, work) {
  const t = performance.now();
  const result = await work();
  console.log(`✓ ${name} (${seconds(t)})`);
  return result;
}

const installed = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const pinned = (names) => Object.fromEntries(names.map((name) => [name, installed(name)]));

const tmp = mkdtempSync(join(tmpdir(), 'cw-consumer-'));
const app = join(tmp, 'app');
/** Runs one of the app's own tools; resolves when it exits cleanly. */
const run = (bin, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(join(app, 'node_modules/.bin', bin), args, { cwd: app, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(' ')} failed (${code})`))));
  });
let preview;
let browser;
let passed = false;
/** The page under test, so that a failure can say what the widget showed. */
let shown;

try {
  const tarball = await phase('npm pack', () => pack(tmp));
  cpSync(new URL('app', import.meta.url), app, { recursive: true });
  const manifest = {
    name: 'cw-consumer',
    private: true,
    type: 'module',
    // msw: checkout-wizard/mock imports it (its MSW handlers live in the same entry as the in-process adapter).
    dependencies: { 'checkout-wizard': `file:${tarball}`, ...pinned(['react', 'react-dom', 'msw']) },
    devDependencies: pinned(['vite', 'typescript', '@types/react', '@types/react-dom']),
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  await phase('npm install', () =>
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'inherit' }),
  );
  // Side by side: tsc is single-threaded and the slower of the two.
  const checks = await Promise.allSettled([
    phase('tsc (strict, skipLibCheck: false)', () => run('tsc', ['-p', '.'])),
    phase('vite build', () => run('vite', ['build', '--logLevel', 'warn'])),
  ]);
  const failure = checks.find((c) => c.status === 'rejected');
  if (failure) throw failure.reason;

  const url = await phase('vite preview', async () => {
    const port = await freePort();
    preview = spawn(join(app, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      cwd: app,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}/`;
    // Asks the server itself rather than reading its log, whose wording changes with the environment
    // (with CI=true it printed no address, and this waited for ever); 30 s at most.
    const exited = new Promise((_, reject) => preview.on('exit', (code) => reject(new Error(`vite preview exited (${code})`))));
    const answers = (async () => {
      for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 200))) {
        if (await fetch(url).then((r) => r.ok, () => false)) return;
      }
      throw new Error(`vite preview did not answer at ${url} within 30 s`);
    })();
    await Promise.race([answers, exited]);
    return url;
  });

  await phase('purchase in Chromium', async () => {
    browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_FLAGS, headless: true });
    const page = await browser.newPage();
    shown = page;
    page.setDefaultTimeout(10_000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()} ${m.location().url ?? ''}`));
    // The widget's text through its shadow roots, for the checks below and for a failure's message.
    await page.evaluateOnNewDocument(() => {
      globalThis.widgetText = () => {
        const deepText = (node) =>
          node.nodeType === Node.TEXT_NODE
            ? node.textContent
            : [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(deepText).join(' ');
        const widget = document.querySelector('checkout-wizard');
        return widget ? deepText(widget).replace(/\s+/g, ' ') : '';
      };
    });
    await page.goto(url);

    await click(page, 'Choose Phone System');
    await click(page, 'Next');
    await click(page, 'Complete transaction');
    await click(page, 'Continue to payment');
    await click(page, 'Place order');
    const confirmation = await page.waitForFunction(() => {
      const text = globalThis.widgetText();
      return /Thank you! Your order is complete/.test(text) && text;
    });
    console.log(`  confirmation: "${/Thank you![^.]*/.exec(await confirmation.jsonValue())?.[0]}"`);
    // The app lists each order its onOrderPlaced handler receives; React renders the list after the event.
    await page.waitForSelector('#orders li');
    const orders = await page.$$eval('#orders li', (items) => items.map((li) => li.textContent));
    if (orders.length !== 1 || !orders[0]) throw new Error(`onOrderPlaced: expected one order, the app listed ${JSON.stringify(orders)}`);
    console.log(`  onOrderPlaced: order ${orders[0]}`);
    if (problems.length) throw new Error(problems.join('\n'));
  });
  passed = true;
} catch (error) {
  const text = await shown?.evaluate(() => globalThis.widgetText()).catch(() => null);
  if (text) console.error(`The widget showed: ${text}`);
  throw error;
} finally {
  await browser?.close();
  preview?.kill();
  if (process.env.CONSUMER_KEEP) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  console.log(`\ntest:consumer ${passed ? 'passed' : 'FAILED'} in ${seconds(started)}`);
}

/** Clicks, as a user would, the enabled button in the widget whose text starts with `text`, once it shows. */
async function click(page, text) {
  const button = await page.waitForFunction(
    (text) => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches('button') && !el.disabled && el.textContent.trim().startsWith(text)) found.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      // As Playwright waits before it clicks: the button's centre must reach the button. While the frame grows to a
      // new step (180 ms, clipped), a click on a button still outside it would land on the page beneath.
      function hittable(el) {
        const box = el.getBoundingClientRect();
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        return !!hit && (hit === el || el.contains(hit));
      }
      // And, as Playwright's "stable": the same box two frames running. A frame that shrinks to a new step can
      // move the page (its scroll is clamped) under a click meant for what was there a frame before.
      function stable(el) {
        const box = JSON.stringify(el.getBoundingClientRect());
        const same = el.lastBox === box;
        el.lastBox = box;
        return same;
      }
      walk(document);
      const button = found[0];
      if (!button) return false;
      button.scrollIntoView({ block: 'nearest' });
      return stable(button) && hittable(button) && button;
    },
    { polling: 'raf' },
    text,
  );
  await button.click();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
