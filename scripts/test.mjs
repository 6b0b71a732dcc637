#!/usr/bin/env node
// npm test: the static checks and the Node tests side by side (one core each), then the browser
// suite, which wants both cores to itself. Stops at the first failure; prints each step's wall
// time and the total, which the suite is meant to keep within 60 s on a 2-core machine.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const times = [];

/** Runs a command; with `buffer`, its output is held and printed whole when it ends, so parallel steps do not interleave. */
function run(name, command, { buffer = false } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      if (buffer) process.stdout.write(Buffer.concat(output));
      times.push(`${name} ${seconds(performance.now() - started)}`);
      resolve(code === 0);
    });
  });
}

const started = performance.now();
const ok =
  (
    await Promise.all([
      run('check', 'npm run check', { buffer: true }),
      // CI has built already (npm run build): the script-tag tests reuse dist/.
      run('script-tag build and Node tests', 'node scripts/fresh-iife.mjs && node scripts/test-node.mjs', { buffer: true }),
    ])
  ).every(Boolean) && (await run('browser tests', 'npx web-test-runner'));

console.log(`\nnpm test ${ok ? 'passed' : 'FAILED'}: ${times.join(', ')}; total ${seconds(performance.now() - started)}`);
process.exit(ok ? 0 : 1);
