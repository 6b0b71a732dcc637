#!/usr/bin/env node
// npm run bench: the widget's script-tag bundle against a baseline Lit element (and, for the load, against a
// plain-DOM page with no framework: plain.js), in headless
// Chromium, on the in-process mock backend (zero latency). Prints one table (median and p95
// over repeated runs, and the widget/baseline ratio), the leak checks, and the requests of a
// whole buy flow. Method and figures: docs/performance.md.
//
//   node scripts/bench/run.mjs [--quick] [--dist dir] [--only load,flow,memory,scale,network] [--json file]
//
// --dist: where checkout-wizard.iife.js (and chunks/) are; default dist/ (npm run build:iife).
// Exits with 1 when the leak or network checks find a problem (see problems() at the end).
//
// Files: pages.mjs (the pages), lib.js (the in-page harness), baseline.js (the baseline element), plain.js (the plain-DOM baseline),
// probe.js (timers, observers and listeners, for the memory pages), heap.mjs (GC, heap usage and
// snapshot diffs over CDP), server.mjs (the static server), lighthouse.mjs (npm run bench:lighthouse).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { serve } from './server.mjs';
import { benchPage } from './pages.mjs';
import { heapUsage, newSince, snapshotIds } from './heap.mjs';
import { nameOf } from '../chunk-graph.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../..');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    dist: { type: 'string', default: join(repo, 'dist') },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const QUICK = args.quick;
const SUITES = new Set((args.only ?? 'load,flow,memory,scale,network').split(',').map((s) => s.trim()));
const distDir = resolve(args.dist);

// Repetitions: [full, --quick].
const N = {
  loads: QUICK ? 7 : 21, // cold page loads per kind
  flows: QUICK ? 6 : 21, // buy flows per kind (the first is a warm-up, not counted)
  keys: 6, // keystrokes in the licenses field per flow
  cycles: QUICK ? 200 : 1000, // mount/remove cycles per kind
  blocks: QUICK ? 2 : 5, // the cycles are measured in blocks (median and p95 over blocks)
  popoverCycles: QUICK ? 60 : 200, // cycles that leave a Floating UI popover open
  scaleRuns: QUICK ? 2 : 5, // pages of 50
  scaleMemRuns: QUICK ? 1 : 3,
  scaleN: 50,
};

const log = (...a) => console.error(...a);

// --- Build the baseline and the mock with esbuild, as the widget's bundle is built: minified IIFE ---

const bundle = join(distDir, 'checkout-wizard.iife.js');
if (!existsSync(bundle)) {
  console.error(`No ${bundle}: run npm run build:iife first (npm run bench does).`);
  process.exit(1);
}
const newestSrc = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newestSrc(p) : e.name.endsWith('.test.ts') ? 0 : statSync(p).mtimeMs);
  }, 0);
if (newestSrc(join(repo, 'src')) > statSync(bundle).mtimeMs) log(`warning: ${bundle} is older than src/; run npm run build:iife`);

const buildDir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
const common = { bundle: true, minify: true, format: 'iife', target: 'es2022', logLevel: 'warning', absWorkingDir: repo };
await build({ ...common, entryPoints: [join(here, 'baseline.js')], outfile: join(buildDir, 'baseline.js'), conditions: ['production'] });
await build({ ...common, entryPoints: [join(here, 'plain.js')], outfile: join(buildDir, 'plain.js') });
// Only the backend (its fetch is the in-process HTTP contract); each page brings its own HTTP client.
await build({ ...common, entryPoints: [join(repo, 'src/mock/backend.ts')], outfile: join(buildDir, 'mock.js'), globalName: 'BenchMock' });

// Locale modules answer late, as over a slow network, so that loading one after the API calls
// (or the API calls after it) would show in the network suite; only that suite loads one.
const LOCALE_DELAY = 200;
/** A locale's chunk: dist/chunks/<tag>-<hash>.js. */
const LOCALES = new Set(readdirSync(join(repo, 'src/i18n/locales')).map((f) => f.replace(/\.ts$/, '')));
const isLocaleChunk = (path) => path.startsWith('/dist/chunks/') && LOCALES.has(nameOf(path.slice('/dist/chunks/'.length)));
const MOCK_LATENCY = 50;
const server = await serve(
  { '/dist': distDir, '/build': buildDir, '/bench': here, '/page': benchPage },
  { delay: (url) => (isLocaleChunk(url.pathname) ? LOCALE_DELAY : 0) },
);
const chrome = findChrome();
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: [...CHROME_FLAGS.filter((f) => !f.startsWith('--headless')), '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  defaultViewport: { width: 1280, height: 800 },
});
const chromeVersion = await browser.version();
const probeSource = readFileSync(join(here, 'probe.js'), 'utf8');

const results = { date: new Date().toISOString(), quick: QUICK, n: N, machine: machine(), rows: [], leaks: {}, network: undefined };

async function openPage(kind, suite, { query = '', probe = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (probe) await page.evaluateOnNewDocument(probeSource);
  await page.goto(`${server.origin}/page/${kind}?suite=${suite}${query}`, { waitUntil: 'load' });
  // The widget's classes come with its first chunks, after the script tag has run.
  if (kind === 'widget') await page.evaluate(() => window.CheckoutWizard.ready.then(() => undefined));
  const cdp = await page.createCDPSession();
  return {
    page,
    cdp,
    errors,
    async close() {
      await context.close();
      if (errors.length) throw new Error(`${kind} ${suite}: page errors:\n${errors.join('\n')}`);
    },
  };
}

const result = (page) => page.waitForFunction('window.__result', { timeout: 60_000, polling: 10 }).then(() => page.evaluate('window.__result'));

// --- Statistics ---

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
const stat = (xs) => (xs?.length ? { median: median(xs), p95: p95(xs), n: xs.length } : undefined);

function row(metric, unit, baseline, widget, note) {
  const b = stat(baseline);
  const w = stat(widget);
  results.rows.push({ metric, unit, baseline: b, widget: w, ratio: b && w && b.median > 0 ? w.median / b.median : undefined, note, samples: { baseline, widget } });
}

// --- Suites ---

async function suiteLoad() {
  const kinds = ['baseline', 'plain', 'widget'];
  const times = Object.fromEntries(kinds.map((k) => [k, []]));
  const parts = Object.fromEntries(kinds.map((k) => [k, { script: [], mount: [], toFirstCall: [], fromLastAnswer: [] }]));
  for (let i = 0; i < N.loads; i++) {
    // Each in turn, the order rotated per round: no kind always loads first.
    for (const kind of kinds.map((_, j) => kinds[(i + j) % kinds.length])) {
      const p = await openPage(kind, 'load');
      const r = await result(p.page);
      await p.close();
      if (r.error) throw new Error(`${kind} load: ${r.error}`);
      times[kind].push(r.total);
      parts[kind].script.push(r.script);
      parts[kind].mount.push(r.mount);
      parts[kind].toFirstCall.push(r.toFirstCall);
      parts[kind].fromLastAnswer.push(r.fromLastAnswer);
    }
  }
  // Issue 14's target: at most 1.5× a page with no framework that fetches the same three reads and lists the products.
  row('load against plain DOM (no framework)', 'ms', times.plain, times.widget, 'issue 14: at most 1.5×');
  row('  of which mount → interactive', 'ms', parts.plain.mount, parts.widget.mount);
  row('    mount → first request issued', 'ms', parts.plain.toFirstCall, parts.widget.toFirstCall);
  row('    last answer → interactive', 'ms', parts.plain.fromLastAnswer, parts.widget.fromLastAnswer);
  row('load: script start → first step interactive', 'ms', times.baseline, times.widget);
  row('  of which script (fetch, parse, run)', 'ms', parts.baseline.script, parts.widget.script);
  row('  of which mount → interactive', 'ms', parts.baseline.mount, parts.widget.mount);
  row('    mount → first request issued', 'ms', parts.baseline.toFirstCall, parts.widget.toFirstCall);
  row('    last answer → interactive', 'ms', parts.baseline.fromLastAnswer, parts.widget.fromLastAnswer);
}

const WIDGET_FLOW = ['select → mode', 'mode → tier', 'tier → seats', 'TYPE', 'seats → term', 'term → review', 'review → pay', 'pay → done'];
const BASELINE_FLOW = ['list → detail', 'TYPE', 'detail → quote', 'quote → done'];

async function flow(kind) {
  const p = await openPage(kind, 'flow');
  const { page } = p;
  const times = {};
  const add = (key, ms) => (times[key] ??= []).push(ms);
  const delays = [];
  for (let rep = 0; rep < N.flows; rep++) {
    await page.evaluate((k) => bench.fresh(k), kind);
    for (const action of kind === 'widget' ? WIDGET_FLOW : BASELINE_FLOW) {
      if (action === 'TYPE') {
        for (let k = 0; k < N.keys; k++) {
          await page.evaluate(() => bench.armTyping());
          await page.keyboard.press(k % 2 ? 'Backspace' : '2');
          const r = await page.evaluate(() => bench.result());
          if (rep) {
            add('TYPE', r.ms);
            add('TYPE frame', r.frame);
            add('INPUT', r.fromInput);
          }
          delays.push(r.delay);
        }
        continue;
      }
      const { x, y } = await page.evaluate((a) => bench.arm(a), action);
      await page.mouse.click(x, y);
      const r = await page.evaluate(() => bench.result());
      if (rep) {
        add(action, r.ms);
        add(`${action} frame`, r.frame);
      }
      delays.push(r.delay);
    }
  }
  await page.evaluate(() => bench.drop());
  await p.close();
  times.inputDelay = delays;
  return times;
}

async function suiteFlow() {
  const b = await flow('baseline');
  const w = await flow('widget');
  const note = 'against the baseline step (a click that swaps a view, no request)';
  for (const action of WIDGET_FLOW.filter((a) => a !== 'TYPE' && a !== 'term → review' && a !== 'pay → done')) {
    row(`step: ${action}`, 'ms', b['list → detail'], w[action], note);
  }
  row('step: pay → done (POST /orders)', 'ms', b['quote → done'], w['pay → done'], 'against the baseline\'s Place order: one POST /orders');
  const plainSteps = WIDGET_FLOW.filter((a) => a !== 'TYPE' && a !== 'term → review' && a !== 'pay → done');
  row('step: every click without a request', 'ms', b['list → detail'], plainSteps.flatMap((a) => w[a]), note);
  row('review: Complete transaction → quote shown', 'ms', b['detail → quote'], w['term → review'], 'both POST /cart/items then POST /quotes');
  row('typing: keystroke → line total updated', 'ms', b.TYPE, w.TYPE, 'from keydown');
  row('  of which input event → line total updated', 'ms', b.INPUT, w.INPUT, 'after the browser has edited the field');
  const frameNote = 'to the end of the next frame: what the user sees, quantized by the 60 Hz frame clock';
  row('next frame: every click without a request', 'ms', b['list → detail frame'], plainSteps.flatMap((a) => w[`${a} frame`]), frameNote);
  row('next frame: review (quote shown)', 'ms', b['detail → quote frame'], w['term → review frame'], frameNote);
  row('next frame: typing (line total)', 'ms', b['TYPE frame'], w['TYPE frame'], frameNote);
  results.inputDelay = { baseline: stat(b.inputDelay), widget: stat(w.inputDelay) };
}

const heap = heapUsage;

async function countInstances(cdp, expression) {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression });
  if (!proto.objectId) return undefined;
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  return length.value;
}

const INSTANCES = {
  widget: {
    'checkout-wizard': 'CheckoutWizard.CheckoutWizard.prototype',
    'step elements': "Object.getPrototypeOf(customElements.get('cw-product-list').prototype)",
    'cw-popover': "customElements.get('cw-popover').prototype",
    'XState actors': 'window.__actorProto',
    'HTTP adapters': 'CheckoutWizard.HttpBillingAdapter.prototype',
    'mock backends': 'BenchMock.MockBackend.prototype',
  },
  baseline: {
    'bench-baseline': "customElements.get('bench-baseline').prototype",
    'mock backends': 'BenchMock.MockBackend.prototype',
  },
};

async function leakState(p, kind) {
  const h = await heap(p.cdp);
  const live = {};
  for (const [name, expr] of Object.entries(INSTANCES[kind])) live[name] = await countInstances(p.cdp, expr);
  const probe = await p.page.evaluate(() => window.probe());
  return { ...h, live, probe };
}

async function memory(kind, variant, cycles, blocks) {
  const p = await openPage(kind, 'memory', { probe: true });
  const { page } = p;
  // Warm up: first renders create shared style sheets, templates, Intl formatters, compiled code.
  await page.evaluate((k, v) => bench.cycles(k, 20, v), kind, variant);
  if (kind === 'widget') {
    await page.evaluate(async () => {
      const h = bench.mountWidget(document.getElementById('root'), bench.newBackend());
      await h.ready();
      window.__actorProto = Object.getPrototypeOf(bench.stepEl(h.el).actor);
      h.destroy();
      await bench.nextTask();
    });
  }
  const before = await leakState(p, kind);
  const ids = await snapshotIds(p.cdp);
  const perCycle = [];
  const msPerCycle = [];
  let last = before.js + before.embedder;
  const size = Math.round(cycles / blocks);
  for (let b = 0; b < blocks; b++) {
    msPerCycle.push(await page.evaluate((k, n, v) => bench.cycles(k, n, v), kind, size, variant));
    const h = await heap(p.cdp);
    perCycle.push((h.js + h.embedder - last) / size);
    last = h.js + h.embedder;
  }
  const after = await leakState(p, kind);
  const added = await newSince(p.cdp, ids);
  const whileOpen = variant === 'popover' ? await page.evaluate(() => window.__openProbe) : undefined;
  await p.close();
  return { kind, variant, cycles: size * blocks, before, after, added, whileOpen, perCycle, msPerCycle, ratio: (after.js + after.embedder) / (before.js + before.embedder) };
}

async function suiteMemory() {
  const b = await memory('baseline', 'plain', N.cycles, N.blocks);
  const w = await memory('widget', 'plain', N.cycles, N.blocks);
  const pop = await memory('widget', 'popover', N.popoverCycles, 2);
  row(`memory: heap after/before ${b.cycles} mount+remove cycles`, 'x', [b.ratio], [w.ratio], 'JS + embedder heap after GC; 1.000 is no growth');
  row('memory: retained per cycle (by block)', 'B', b.perCycle, w.perCycle, 'heap growth per cycle, after GC');
  row('memory: time per cycle (mount, shown, remove)', 'ms', b.msPerCycle, w.msPerCycle);
  row(`memory: retained per cycle, popover open at removal (${pop.cycles})`, 'B', undefined, pop.perCycle, 'the tier step with a Floating UI popover open');
  results.leaks = { baseline: b, widget: w, popover: pop };
}

async function suiteScale() {
  const n = N.scaleN;
  const times = { baseline: [], widget: [] };
  for (let i = 0; i < N.scaleRuns; i++) {
    for (const kind of i % 2 ? ['widget', 'baseline'] : ['baseline', 'widget']) {
      const p = await openPage(kind, 'scale', { query: `&n=${n}` });
      const r = await result(p.page);
      await p.close();
      if (r.error) throw new Error(`${kind} scale: ${r.error}`);
      times[kind].push(r.ms);
    }
  }
  // Memory: on a page whose script has run, mount n, remove them, GC (the one-time costs: compiled
  // code, shared style sheets, templates); then mount n again (timed, and weighed) and remove them.
  const mem = { baseline: { js: [], nodes: [], retained: [], mountMs: [], firstMountMs: [] }, widget: { js: [], nodes: [], retained: [], mountMs: [], firstMountMs: [] } };
  const mountAll = (p, kind) => p.page.evaluate((k, count) => bench.scale(k, count, 'now'), kind, n);
  const removeAll = (p) =>
    p.page.evaluate(async () => {
      bench.unscale();
      await bench.nextTask();
    });
  for (let i = 0; i < N.scaleMemRuns; i++) {
    for (const kind of ['baseline', 'widget']) {
      const p = await openPage(kind, 'scale', { query: `&n=${n}&manual` });
      await p.page.evaluate(() => (window.__scaleBackend = bench.newBackend()));
      mem[kind].firstMountMs.push(await mountAll(p, kind));
      await removeAll(p);
      const h0 = await heap(p.cdp);
      const ids = i === 0 ? await snapshotIds(p.cdp) : undefined;
      mem[kind].mountMs.push(await mountAll(p, kind));
      const h1 = await heap(p.cdp);
      await removeAll(p);
      const h2 = await heap(p.cdp);
      if (ids) (results.scaleLeft ??= {})[kind] = await newSince(p.cdp, ids);
      await p.close();
      mem[kind].js.push((h1.js + h1.embedder - h0.js - h0.embedder) / n / 1024);
      mem[kind].nodes.push((h1.nodes - h0.nodes) / n);
      mem[kind].retained.push((h2.js + h2.embedder - h0.js - h0.embedder) / 1024);
    }
  }
  row(`scale: ${n} on one page, script start → all interactive`, 'ms', times.baseline, times.widget);
  row(`scale: ${n} mounted at once → all interactive, first time`, 'ms', mem.baseline.firstMountMs, mem.widget.firstMountMs, 'script already run');
  row(`scale: ${n} mounted at once → all interactive, again`, 'ms', mem.baseline.mountMs, mem.widget.mountMs, 'after the first set was removed');
  row('scale: heap per instance', 'KB', mem.baseline.js, mem.widget.js, 'JS + embedder heap after GC, one shared mock backend');
  row('scale: DOM nodes per instance', 'nodes', mem.baseline.nodes, mem.widget.nodes, 'shadow roots included');
  row(`scale: heap left after removing the second ${n}`, 'KB', mem.baseline.retained, mem.widget.retained, 'after GC; 0 is no leak');
}

async function suiteNetwork() {
  const run = async (options) => {
    const p = await openPage('widget', 'network');
    const requested = [];
    p.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const r = await p.page.evaluate((o) => bench.network(o), { latencyMs: MOCK_LATENCY, ...options });
    await p.close();
    return r;
  };
  // Page-level HTTP requests of a load page, by what asked for them.
  const page = await openPage('widget', 'load');
  const http = await page.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const { waterfall } = await result(page.page);
  await page.close();
  // The plain-DOM page's, beside it.
  const plainPage = await openPage('plain', 'load');
  const { waterfall: plainWaterfall } = await result(plainPage.page);
  await plainPage.close();

  const buy = await run({});
  const cart = await run({ scenario: 'cart-with-items' });
  const it = await run({ locale: 'it', startupOnly: true });
  const summarize = (r) => {
    const counts = {};
    for (const c of r.calls) counts[`${c.method} ${c.path}`] = (counts[`${c.method} ${c.path}`] ?? 0) + 1;
    const t0 = Math.min(...r.startup.map((c) => c.issued));
    const startup = r.startup.map((c) => ({ call: `${c.method} ${c.path}`, issued: c.issued - t0, answered: c.answered - t0 }));
    const parallel = r.startup.length > 0 && Math.max(...r.startup.map((c) => c.issued)) < Math.min(...r.startup.map((c) => c.answered ?? Infinity));
    return { total: r.calls.length, counts, startup, parallel, shownAfter: r.shown - t0, mountToFirstCall: t0 - r.start, orders: r.orders, mockLog: r.mockLog };
  };
  const first = Math.min(...it.startup.map((c) => c.issued));
  const locale = it.locale && {
    module: it.locale.name,
    requestedAt: it.locale.start - first,
    answeredAt: it.locale.end - first,
    apiIssuedBy: Math.max(...it.startup.map((c) => c.issued)) - first,
    apiAnsweredBy: Math.max(...it.startup.map((c) => c.answered)) - first,
    // Neither waits for the other: the module is asked for before any API answer, every API call before the module arrives.
    parallel: it.locale.start < Math.min(...it.startup.map((c) => c.answered)) && Math.max(...it.startup.map((c) => c.issued)) < it.locale.end,
  };
  results.network = { latencyMs: MOCK_LATENCY, localeDelayMs: LOCALE_DELAY, http, waterfall, plainWaterfall, buy: summarize(buy), cart: summarize(cart), it: summarize(it), locale };
}

// --- Run ---

const started = Date.now();
try {
  for (const [name, fn] of [
    ['load', suiteLoad],
    ['flow', suiteFlow],
    ['memory', suiteMemory],
    ['scale', suiteScale],
    ['network', suiteNetwork],
  ]) {
    if (!SUITES.has(name)) continue;
    const t = Date.now();
    log(`bench: ${name}…`);
    await fn();
    log(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(buildDir, { recursive: true, force: true });
}
results.seconds = (Date.now() - started) / 1000;
results.chrome = chromeVersion;
results.problems = problems();
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
print();
if (results.problems.length) {
  console.log(`\nProblems:\n  ${results.problems.join('\n  ')}`);
  process.exitCode = 1;
}

/** What the leak and network checks must never find; the timings are reported, not judged. */
function problems() {
  const found = [];
  for (const m of Object.values(results.leaks)) {
    const name = `${m.kind}${m.variant === 'popover' ? ' (popover open)' : ''}`;
    for (const [k, v] of Object.entries(m.after.live)) if ((v ?? 0) > (m.before.live[k] ?? 0)) found.push(`${name}: ${v - (m.before.live[k] ?? 0)} more ${k} alive after ${m.cycles} cycles`);
    for (const k of ['timeouts', 'intervals', 'frames']) if (m.after.probe[k] > m.before.probe[k]) found.push(`${name}: ${m.after.probe[k]} pending ${k} after the cycles`);
    if (Object.keys(m.after.probe.observers).length) found.push(`${name}: observers still observing: ${JSON.stringify(m.after.probe.observers)}`);
    if (m.after.probe.listenerTotal > m.before.probe.listenerTotal) found.push(`${name}: listeners left on window/document: ${JSON.stringify(m.after.probe.listeners)}`);
    if (m.after.listeners > m.before.listeners) found.push(`${name}: JS event listeners ${m.before.listeners} → ${m.after.listeners}`);
    if (m.after.nodes > m.before.nodes) found.push(`${name}: DOM nodes ${m.before.nodes} → ${m.after.nodes}`);
    // A leak of anything per cycle would be hundreds; the harness itself may hold one or two.
    if (m.added.kinds.js.count >= Math.min(50, m.cycles / 4)) found.push(`${name}: ${m.added.kinds.js.count} new JS objects survive the cycles: ${JSON.stringify(m.added.js)}`);
  }
  const net = results.network;
  if (net && !net.buy.parallel) found.push('start-up requests are not all issued before the first answer (a waterfall)');
  if (net?.locale && !net.locale.parallel) found.push('the locale module and the start-up requests wait for each other (a waterfall)');
  return found;
}

// --- Output ---

function fmt(v, unit) {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'x') return v.toFixed(3);
  if (unit === 'B') return `${Math.round(v)} B`;
  if (unit === 'KB') return `${v.toFixed(1)} KB`;
  if (unit === 'nodes') return `${Math.round(v)}`;
  return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

function print() {
  const out = [];
  out.push(`checkout-wizard benchmark${QUICK ? ' (--quick)' : ''}: ${results.machine.cpu}, ${results.machine.cores} cores, ${chromeVersion}, Node ${process.version}`);
  if (results.rows.length) out.push('');
  if (results.rows.length) out.push(
    table(
      ['metric', 'baseline median', 'baseline p95', 'widget median', 'widget p95', 'ratio', 'n'],
      results.rows.map((r) => [
        r.metric,
        fmt(r.baseline?.median, r.unit),
        fmt(r.baseline?.p95, r.unit),
        fmt(r.widget?.median, r.unit),
        fmt(r.widget?.p95, r.unit),
        r.ratio === undefined || r.unit === 'B' ? '—' : `${r.ratio.toFixed(2)}×`,
        `${r.baseline?.n ?? 0}/${r.widget?.n ?? 0}`,
      ]),
    ),
  );
  const { baseline, widget, popover } = results.leaks;
  if (widget) {
    out.push('');
    out.push('Leak check: after the cycles and a full GC, what is still alive or running');
    const describe = (m) => {
      const live = Object.entries(m.after.live)
        .map(([k, v]) => `${k} ${m.before.live[k] ?? '?'} → ${v ?? '?'}`)
        .join(', ');
      const pr = m.after.probe;
      const observersOf = (p) => Object.entries(p.observers).map(([k, v]) => `${k} ${v}`).join(', ') || 'none observing';
      const listenersOf = (p) => Object.entries(p.listeners).map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
      const observers = observersOf(pr);
      const listeners = listenersOf(pr);
      const open = m.whileOpen
        ? [`    (control: while a popover was open the probe saw observers: ${observersOf(m.whileOpen)}; window/document listeners: ${listenersOf(m.whileOpen)}; animation frames ${m.whileOpen.frames})`]
        : [];
      return [
        `  ${m.kind}${m.variant === 'popover' ? ' (popover open)' : ''}, ${m.cycles} cycles: heap ${(m.before.js / 1048576).toFixed(2)} → ${(m.after.js / 1048576).toFixed(2)} MB JS, ${(m.before.embedder / 1048576).toFixed(2)} → ${(m.after.embedder / 1048576).toFixed(2)} MB embedder; DOM nodes ${m.before.nodes} → ${m.after.nodes}; JS event listeners ${m.before.listeners} → ${m.after.listeners}`,
        `    objects of each class alive (before → after; a class's own subclass prototypes count too): ${live}`,
        `    pending: timeouts ${pr.timeouts}, intervals ${pr.intervals}, animation frames ${pr.frames}; observers: ${observers}; window/document listeners: ${listeners}`,
        ...open,
        `    heap growth per cycle, block by block (${m.cycles / m.perCycle.length} cycles each): ${m.perCycle.map((v) => `${Math.round(v)} B`).join(', ')}`,
        `    new in the heap since before the cycles: ${describeAdded(m.added)}`,
      ].join('\n');
    };
    for (const m of [baseline, widget, popover]) if (m) out.push(describe(m));
  }
  if (results.scaleLeft) {
    out.push('');
    out.push(`Scale: new in the heap after a second set of ${N.scaleN} was mounted and removed (first run)`);
    for (const [kind, added] of Object.entries(results.scaleLeft)) out.push(`  ${kind}: ${describeAdded(added)}`);
    out.push(`  (the shared mock backend logs every request it answers: one Object and one path string per request, ${N.scaleN} requests for the baseline, ${3 * N.scaleN} for the widget)`);
  }
  const net = results.network;
  if (net) {
    out.push('');
    out.push(`Requests of a whole buy flow (calls to the mock fetch, by method and path; mock latency ${net.latencyMs} ms)`);
    for (const [label, r] of [
      ['empty cart: select → mode → tier → seats (typing) → term → Complete transaction → review → pay → Place order', net.buy],
      ['one item already in the cart, same flow', net.cart],
    ]) {
      out.push(`  ${label}: ${r.total} requests, ${r.orders} order`);
      out.push(`    ${Object.entries(r.counts).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
    }
    const s = net.buy;
    out.push(
      `Start-up: ${s.startup.length} requests, ${s.parallel ? 'in parallel' : 'NOT in parallel'} (every one issued before the first answer): ` +
        s.startup.map((c) => `${c.call} issued +${c.issued.toFixed(2)} ms, answered +${c.answered.toFixed(2)} ms`).join('; ') +
        `; first step shown +${s.shownAfter.toFixed(2)} ms`,
    );
    if (net.locale) {
      out.push(
        `Locale it (module served ${net.localeDelayMs} ms late): ${net.locale.module} requested ${signed(net.locale.requestedAt)} ms from the first API call, answered ${signed(net.locale.answeredAt)} ms; ` +
          `API calls all issued by ${signed(net.locale.apiIssuedBy)} ms, answered by ${signed(net.locale.apiAnsweredBy)} ms: ${net.locale.parallel ? 'in parallel' : 'A WATERFALL'}; first step shown ${signed(net.it.shownAfter)} ms`,
      );
    }
    out.push(`HTTP requests of a widget load page: ${net.http.join(', ')}`);
    for (const [label, rows] of [['widget', net.waterfall], ['plain DOM', net.plainWaterfall]]) {
      out.push(`Waterfall to the first step, ${label} load page (one load; ms from the script's start; the mock answers at once here):`);
      out.push('  | request | start | end | bytes |');
      out.push('  |:--|--:|--:|--:|');
      for (const r of rows) out.push(`  | ${r.name} | ${r.start.toFixed(1)} | ${r.end === undefined ? '' : r.end.toFixed(1)} | ${r.bytes ?? ''} |`);
    }
  }
  if (results.inputDelay) {
    const d = results.inputDelay;
    out.push(`\nClicks and keystrokes are timed from their first listener; the browser's input delay before it (event timestamp → listener), not counted: baseline median ${fmt(d.baseline.median)} / p95 ${fmt(d.baseline.p95)}, widget median ${fmt(d.widget.median)} / p95 ${fmt(d.widget.p95)}`);
  }
  out.push(`\nRan in ${results.seconds.toFixed(0)} s.`);
  console.log(out.join('\n'));
}

function signed(v) {
  return v < 0 ? v.toFixed(2) : `+${v.toFixed(2)}`;
}

function describeAdded({ kinds, js, native }) {
  const k = (x) => `${x.count} (${(x.bytes / 1024).toFixed(1)} KB)`;
  const names = (list) => (list.length ? ` [${list.map((n) => `${n.name}×${n.count}`).join(', ')}]` : '');
  return `JS objects ${k(kinds.js)}${names(js)}, DOM/Blink objects ${k(kinds.native)}${names(native)}, strings ${k(kinds.strings)}, V8 code, ICs and maps ${k(kinds.v8)}`;
}

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model.trim(), cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}`, node: process.version };
}
