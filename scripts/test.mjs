#!/usr/bin/env node
// npm test: the script-tag build when dist/ lacks a fresh one, then the static checks, the Node
// tests and the browser suite side by side: the browser suite spends much of its time waiting
// on page loads, and the other two fill the cores meanwhile. Their output is held and printed
// after the browser suite's, so it does not interleave. Prints each step's wall time and the
// total, which the suite is meant to keep within 60 s on a 2-core machine.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const times = [];

/** Runs a command; with `hold`, its output is kept and handed back instead of printed. */
function run(name, command, { hold = false } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      times.push(`${name} ${seconds(performance.now() - started)}`);
      resolve({ ok: code === 0, output: Buffer.concat(output) });
    });
  });
}

const started = performance.now();
// CI has built already (npm run build): the script-tag tests reuse dist/.
let ok = (await run('script-tag build', 'node scripts/fresh-iife.mjs')).ok;
if (ok) {
  const held = [run('check', 'npm run check', { hold: true }), run('Node tests', 'node scripts/test-node.mjs', { hold: true })];
  const browser = await run('browser tests', 'npx web-test-runner');
  const results = [browser, ...(await Promise.all(held))];
  for (const { output } of results.slice(1)) process.stdout.write(output);
  ok = results.every((r) => r.ok);
}
console.log(`\nnpm test ${ok ? 'passed' : 'FAILED'}: ${times.join(', ')}; total ${seconds(performance.now() - started)}`);
process.exit(ok ? 0 : 1);
