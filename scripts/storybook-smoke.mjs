#!/usr/bin/env node
// Smoke test of the built Storybook: serves storybook-static/ on a free localhost port, opens every
// story (and every docs page) of storybook-static/index.json in headless Chromium, waits until it has
// rendered, played and been checked by the a11y addon, and fails on anything that went wrong:
// a console error, an uncaught page error, a failed play function or a11y check, Storybook's error
// display, an empty canvas, or a docs page without the manifest's tables.
//
//   npm run build-storybook && node scripts/storybook-smoke.mjs [filter…]
//
// A filter keeps only the entries whose id contains it; --verbose also prints console warnings.
// SMOKE_CONCURRENCY sets how many pages run side by side (default 3), SMOKE_TIMEOUT_MS how long one
// entry may take (default 30000). Exit code 1 when anything failed.
// No dependencies beyond puppeteer-core, which @web/test-runner-chrome already brings.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const staticDir = join(root, 'storybook-static');
const concurrency = Math.max(1, Number(process.env.SMOKE_CONCURRENCY) || 3);
const entryTimeout = Number(process.env.SMOKE_TIMEOUT_MS) || 30_000;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const verbose = process.argv.includes('--verbose');

/**
 * Console errors and page errors that are not failures, each with why. Warnings and logs never fail
 * a story. What is tolerated elsewhere, and why:
 * - /favicon.ico: Chromium asks every page for it and the build has only favicon.svg; the server
 *   answers 204, so no 404 is logged.
 * - "Failed to load resource: … status of N" where the story's `parameters.smoke.expectedHttpErrors`
 *   lists N: scenarios that answer errors on purpose (signed out: 401, backend down: 503). Any other
 *   status, or the same status in another story, still fails.
 * - net::ERR_ABORTED request failures: requests cancelled by navigation or teardown.
 */
const BENIGN = [
  // None so far. Add entries as { pattern: /…/, why: '…' }, each one explained.
];

// ── puppeteer-core: a dependency of @web/test-runner-chrome, not of this package ────────────────
async function loadPuppeteer() {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    // Not hoisted to the top-level node_modules: resolve it from where @web/test-runner-chrome lives.
    const fromRunner = createRequire(createRequire(import.meta.url).resolve('@web/test-runner-chrome/package.json'));
    return (await import(pathToFileURL(fromRunner.resolve('puppeteer-core')).href)).default;
  }
}

// ── a static server for storybook-static/ ────────────────────────────────────────────────────────
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir) {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(dir, pathname));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    // Chromium asks every page for /favicon.ico; the build has only favicon.svg. No content, no 404 logged.
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ── what runs in each page before Storybook does ────────────────────────────────────────────────
// Storybook assigns its channel to globalThis.__STORYBOOK_ADDONS_CHANNEL__; a setter catches the
// assignment, so no event can be missed, and records what tells success from failure.
function recordChannel() {
  const record = (window.__smoke = { events: [], finished: null, docsRendered: false });
  const watched = [
    'storyFinished',
    'storyErrored',
    'storyThrewException',
    'storyMissing',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'docsRendered',
  ];
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const name of watched) {
        next.on(name, (payload) => {
          let copy;
          try {
            copy = JSON.parse(JSON.stringify(payload ?? null));
          } catch {
            copy = String(payload);
          }
          record.events.push({ name, payload: copy });
          if (name === 'storyFinished') record.finished = copy;
          if (name === 'docsRendered') record.docsRendered = true;
        });
      }
    },
  });
}

/** In the page: is the entry done? Storybook's channel first, the preview's render phase as a fallback. */
function isDone(kind, id) {
  const s = window.__smoke;
  if (document.body.classList.contains('sb-show-errordisplay')) return true;
  if (s?.events.some((e) => e.name === 'storyMissing' || e.name === 'storyErrored')) return true;
  if (kind === 'docs') return !!s?.docsRendered;
  if (s?.finished) return true;
  // Fallback, should the channel event be missed: the preview's own record of the render phase.
  const render = window.__STORYBOOK_PREVIEW__?.storyRenders?.find((r) => r.id === id);
  return ['finished', 'errored', 'aborted'].includes(render?.phase);
}

/** In the page: what the entry shows, after it is done. */
function inspect(kind, expectedCategories) {
  const s = window.__smoke ?? { events: [] };
  const errorShown = document.body.classList.contains('sb-show-errordisplay');
  const errorText = errorShown
    ? [document.querySelector('#error-message'), document.querySelector('#error-stack')]
        .map((e) => e?.textContent?.trim())
        .filter(Boolean)
        .join('\n')
        .slice(0, 800)
    : '';
  const out = { errorShown, errorText, events: s.events, finished: s.finished, phase: undefined, empty: false, missingCategories: [] };
  out.phase = window.__STORYBOOK_PREVIEW__?.storyRenders?.[0]?.phase;
  if (kind === 'story') {
    const canvas = document.querySelector('#storybook-root');
    const inner = canvas?.querySelector('#root-inner') ?? canvas;
    out.empty = !inner || inner.children.length === 0;
  } else {
    const docs = document.querySelector('#storybook-docs');
    out.empty = !docs || !docs.querySelector('.sbdocs-content, .sbdocs');
    // The argTypes table shows one section per manifest category the element has; each section's
    // header row holds a "Hide <category> items" (or "Show …") toggle.
    const sections = [...(docs?.querySelectorAll('.docblock-argstable tbody tr') ?? [])]
      .map((row) => /^(?:Hide|Show) (.+?) items/.exec((row.textContent ?? '').trim())?.[1]?.toLowerCase())
      .filter(Boolean);
    out.missingCategories = expectedCategories.filter((c) => !sections.includes(c));
  }
  return out;
}

// ── the docs sections each element's manifest entry should produce ──────────────────────────────
function manifestCategories() {
  const file = join(root, 'custom-elements.json');
  const byTag = new Map();
  if (!existsSync(file)) return byTag;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      const publicFields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy?.match(/private|protected/) && !m.name.startsWith('_') && !m.name.startsWith('#'));
      const attributes = (d.attributes ?? []).filter((a) => !a.name.startsWith('_'));
      const categories = [];
      if (attributes.length) categories.push('attributes');
      // Storybook keys rows by name: a property named like an attribute shows as the attribute only.
      if (publicFields.some((f) => !attributes.some((a) => a.name === f.name))) categories.push('properties');
      if (d.events?.length) categories.push('events');
      if (d.slots?.length) categories.push('slots');
      if (d.cssProperties?.length) categories.push('css custom properties');
      if (d.cssParts?.length) categories.push('css shadow parts');
      byTag.set(d.tagName, categories);
    }
  }
  return byTag;
}

// ── one entry ────────────────────────────────────────────────────────────────────────────────────
async function runEntry(browser, base, entry, categoriesByTag) {
  const problems = [];
  const page = await browser.newPage();
  const benign = (text) => BENIGN.some((b) => b.pattern.test(text));
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (verbose && msg.type() === 'warn') console.log(`       (${entry.id}) console.warn: ${msg.text().slice(0, 300)}`);
    if (msg.type() !== 'error' && msg.type() !== 'assert') return;
    const text = msg.text();
    if (!benign(text)) consoleErrors.push({ type: msg.type(), text, url: (msg.location()?.url ?? '').replace(base, '') });
  });
  page.on('pageerror', (err) => {
    const text = err?.stack || err?.message || String(err);
    if (!benign(text)) problems.push(`page error: ${text.split('\n').slice(0, 4).join(' | ').slice(0, 600)}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? '';
    // Requests a navigation or teardown cancels are not failures.
    if (failure === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url().replace(base, '')} ${failure}`);
  });
  await page.evaluateOnNewDocument(recordChannel);

  const kind = entry.type === 'docs' ? 'docs' : 'story';
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${kind}`;
  const started = Date.now();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: entryTimeout });
    try {
      await page.waitForFunction(isDone, { timeout: Math.max(1000, entryTimeout - (Date.now() - started)), polling: 50 }, kind, entry.id);
    } catch {
      const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.storyRenders?.[0]?.phase).catch(() => undefined);
      problems.push(`timed out after ${entryTimeout} ms${phase ? ` (render phase: ${phase})` : ''}`);
    }
    // Late errors (a timer after the play function, a rejected promise) still count.
    await new Promise((r) => setTimeout(r, 150));
    const expected = kind === 'docs' ? (categoriesByTag.get(entry.component) ?? []) : [];
    const seen = await page.evaluate(inspect, kind, expected);
    // A story may declare the HTTP error statuses its scenario answers on purpose (the browser logs
    // each such response as a console error): `parameters.smoke.expectedHttpErrors: [401]`.
    const smoke = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.storyRenders?.[0]?.story?.parameters?.smoke ?? null).catch(() => null);
    const expectedStatuses = new Set(smoke?.expectedHttpErrors ?? []);
    for (const c of consoleErrors) {
      const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(c.text)?.[1];
      if (status && expectedStatuses.has(Number(status))) continue;
      problems.push(`console.${c.type}: ${c.text.slice(0, 500)}${c.url ? ` (${c.url})` : ''}`);
    }
    if (seen.errorShown) problems.push(`error display: ${seen.errorText.replace(/\s+/g, ' ')}`);
    if (seen.empty) problems.push(kind === 'docs' ? 'docs page rendered nothing' : '#storybook-root is empty');
    if (seen.missingCategories.length) problems.push(`docs table lacks: ${seen.missingCategories.join(', ')} (component ${entry.component})`);
    for (const e of seen.events) {
      if (e.name === 'playFunctionThrewException') problems.push(`play function failed: ${e.payload?.message ?? JSON.stringify(e.payload)}`.slice(0, 800));
      if (e.name === 'storyThrewException') problems.push(`story threw: ${e.payload?.message ?? JSON.stringify(e.payload)}`.slice(0, 800));
      if (e.name === 'storyErrored') problems.push(`story errored: ${e.payload?.title ?? ''} ${e.payload?.description ?? ''}`.slice(0, 800));
      if (e.name === 'storyMissing') problems.push('story missing from the preview');
      if (e.name === 'unhandledErrorsWhilePlaying') problems.push(`unhandled errors while playing: ${(e.payload ?? []).map((x) => x?.message).join(' | ')}`.slice(0, 800));
    }
    if (kind === 'story' && seen.finished?.status === 'error') {
      for (const report of seen.finished.reporters ?? []) {
        if (report.status !== 'failed') continue;
        if (report.type === 'a11y') {
          const violations = report.result?.violations ?? [];
          problems.push(
            `a11y: ${violations.map((v) => `${v.id} (${v.nodes?.length ?? 0}: ${(v.nodes ?? []).slice(0, 2).map((n) => [].concat(n.target).flat().join(' > ')).join('; ')})`).join(', ') || 'failed'}`,
          );
        } else {
          problems.push(`${report.type ?? 'report'} failed`);
        }
      }
      if (!problems.length) problems.push('Storybook reported the story as failed');
    }
  } catch (err) {
    problems.push(`could not open: ${err?.message ?? err}`);
  } finally {
    await page.close().catch(() => {});
  }
  const checked = kind === 'docs' ? (entry.component ? ` [${entry.component}: ${(categoriesByTag.get(entry.component) ?? []).join(', ') || 'no tables expected'}]` : ' [no component]') : '';
  return { problems: [...new Set(problems)], ms: Date.now() - started, checked };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    console.error('storybook-static/index.json not found: run `npm run build-storybook` first.');
    return 1;
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const categoriesByTag = manifestCategories();
  const entries = Object.values(index.entries)
    .filter((e) => e.type === 'story' || e.type === 'docs')
    .filter((e) => !filters.length || filters.some((f) => e.id.includes(f)));
  if (!entries.length) {
    console.error('No stories matched.');
    return 1;
  }

  const puppeteer = await loadPuppeteer();
  const server = await serve(staticDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')),
  });

  // Docs pages: which element each binds to, from the meta of its CSF file, read once in a page.
  const componentOf = await componentsByTitle(browser, base, entries);
  for (const e of entries) if (e.type === 'docs') e.component = componentOf.get(e.title);

  let passed = 0;
  let failed = 0;
  const started = Date.now();
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const { problems, ms, checked } = await runEntry(browser, base, entry, categoriesByTag);
      const label = `${entry.type === 'docs' ? 'docs ' : 'story'} ${entry.id}${checked}`;
      const secs = `${(ms / 1000).toFixed(1)}s`;
      if (problems.length) {
        failed++;
        console.log(`FAIL ${label} (${secs})`);
        for (const p of problems) console.log(`       ${p}`);
      } else {
        passed++;
        console.log(`ok   ${label} (${secs})`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return failed ? 1 : 0;
}

/** Maps each docs title to its meta's `component`, as the preview's story store knows it. */
async function componentsByTitle(browser, base, entries) {
  const map = new Map();
  const docs = entries.filter((e) => e.type === 'docs');
  if (!docs.length) return map;
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(docs[0].id)}&viewMode=docs`, { waitUntil: 'load', timeout: entryTimeout });
    await page.waitForFunction(() => !!window.__STORYBOOK_PREVIEW__?.storyStoreValue, { timeout: entryTimeout });
    const found = await page.evaluate(async (ids) => {
      const store = window.__STORYBOOK_PREVIEW__.storyStoreValue;
      const out = {};
      for (const id of ids) {
        try {
          const csf = await store.loadCSFFileByStoryId(id);
          out[csf.meta.title] = csf.meta.component;
        } catch {
          // Not resolvable: the docs page is still opened, only without the table check.
        }
      }
      return out;
    }, docs.map((d) => d.id));
    for (const [title, component] of Object.entries(found)) if (typeof component === 'string') map.set(title, component);
  } catch {
    // Without the map the docs pages are still smoke-tested; only the table check is skipped.
  } finally {
    await page.close().catch(() => {});
  }
  return map;
}

const watchdog = setTimeout(() => {
  console.error('storybook-smoke: gave up after 5 minutes');
  process.exit(1);
}, 5 * 60_000);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
