#!/usr/bin/env node
// Lighthouse on the demo page, production-like: the demo (demo/, the widget on the mock backend
// behind MSW's service worker) is built with Vite into a temporary folder and served statically,
// gzip on, by scripts/bench/server.mjs; Lighthouse 12.2.3 (the last that runs on Node 20) drives
// Debian's Chromium. Prints the median scores of performance, accessibility and best practices,
// and the median metrics, for mobile (Lighthouse's default: simulated slow 4G, 4x CPU slowdown)
// and desktop.
//
//   node scripts/bench/lighthouse.mjs [--runs 3] [--out dir] [--url-query '?latency=0'] [--json file]
//
// --out keeps every report (HTML and JSON); --url-query adds demo settings (scenario, latency,
// locale, theme) to the URL. Lighthouse comes from `npx lighthouse@12.2.3` (a devDependency
// "lighthouse": "12.2.3" is used when installed; otherwise npx fetches it once from the registry).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { serve } from './server.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
    'url-query': { type: 'string', default: '' },
    json: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs) || 3);
const work = mkdtempSync(join(tmpdir(), 'cw-lighthouse-'));
const outDir = args.out ? resolve(args.out) : join(work, 'reports');
mkdirSync(outDir, { recursive: true });
const chrome = findChrome();
const log = (...a) => console.error(...a);

// The demo as `vite build` would ship it: the 'serve' config of vite.config.ts (root demo/), built.
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const site = join(work, 'site');
log(`lighthouse: building the demo into ${site}`);
await build({
  configFile: false,
  root: join(repo, 'demo'),
  base: '/',
  logLevel: 'warn',
  define: { __CW_VERSION__: JSON.stringify(version) },
  build: { outDir: site, emptyOutDir: true, reportCompressedSize: false },
});

const server = await serve({ '/': site }, { gzip: true, cache: 'no-cache' });
const url = `${server.origin}/${args['url-query']}`;
const flags = CHROME_FLAGS.join(' ');

function lighthouse(preset, path) {
  const argv = [
    '-y',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    '--output=html',
    `--output-path=${path}`,
    `--chrome-flags=${flags}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((ok, fail) => {
    const child = spawn('npx', argv, { cwd: repo, env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`lighthouse exited with ${code}`))));
    child.on('error', fail);
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
};

const summary = { date: new Date().toISOString(), lighthouse: LIGHTHOUSE, url, runs, presets: {} };
try {
  for (const preset of ['mobile', 'desktop']) {
    const reports = [];
    for (let i = 1; i <= runs; i++) {
      log(`lighthouse: ${preset} run ${i}/${runs}`);
      const path = join(outDir, `${preset}-${i}`);
      await lighthouse(preset, path);
      reports.push(JSON.parse(readFileSync(`${path}.report.json`, 'utf8')));
    }
    const first = reports[0];
    const scores = {};
    for (const id of ['performance', 'accessibility', 'best-practices']) {
      const all = reports.map((r) => Math.round((r.categories[id]?.score ?? NaN) * 100));
      scores[id] = { median: median(all), all };
    }
    const metrics = {};
    for (const [id, name] of Object.entries(METRICS)) metrics[name] = median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
    // Audits that cost points outside performance (a11y and best practices are deterministic).
    const failing = [];
    for (const id of ['accessibility', 'best-practices']) {
      for (const ref of first.categories[id]?.auditRefs ?? []) {
        const audit = first.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${ref.id} (${audit.title})`);
      }
    }
    summary.presets[preset] = {
      scores,
      metrics,
      failing,
      lighthouseVersion: first.lighthouseVersion,
      userAgent: first.environment?.hostUserAgent,
      benchmarkIndex: first.environment?.benchmarkIndex,
      warnings: first.runWarnings,
    };
  }
} finally {
  await server.close();
  // The built site and, without --out, the reports (with --out they are elsewhere).
  rmSync(work, { recursive: true, force: true });
}

const ms = (v) => `${Math.round(v)} ms`;
console.log(`Lighthouse ${summary.presets.mobile?.lighthouseVersion} on the demo (${url}), median of ${runs} runs, ${summary.date.slice(0, 10)}`);
console.log(summary.presets.mobile?.userAgent ?? '');
console.log('');
console.log('| preset | performance | accessibility | best practices | FCP | LCP | TBT | CLS | SI |');
console.log('|:--|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const [preset, p] of Object.entries(summary.presets)) {
  const s = p.scores;
  const m = p.metrics;
  console.log(
    `| ${preset} | ${s.performance.median} (${s.performance.all.join(', ')}) | ${s.accessibility.median} | ${s['best-practices'].median} | ${ms(m.FCP)} | ${ms(m.LCP)} | ${ms(m.TBT)} | ${m.CLS.toFixed(3)} | ${ms(m.SI)} |`,
  );
}
for (const [preset, p] of Object.entries(summary.presets)) {
  if (p.failing.length) console.log(`\n${preset}, audits that cost points:\n  ${p.failing.join('\n  ')}`);
  if (p.warnings?.length) console.log(`\n${preset}, Lighthouse warnings:\n  ${p.warnings.join('\n  ')}`);
  console.log(`${preset}: benchmarkIndex ${p.benchmarkIndex}`);
}
if (args.out) console.log(`\nReports: ${outDir}`);
if (args.json) writeFileSync(args.json, `${JSON.stringify(summary, null, 2)}\n`);
