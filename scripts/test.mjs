#!/usr/bin/env node
// npm test: the static checks, then the Node tests, then the browser suite, stopping at the first
// failure; prints each step's wall time and the total, which the suite is meant to keep within 60 s.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const STEPS = [
  ['check', 'npm run check'],
  // CI has built already (npm run build): the browser suite's script-tag tests reuse dist/.
  ['script-tag build', 'node scripts/fresh-iife.mjs'],
  ['Node tests', 'node scripts/test-node.mjs'],
  ['browser tests', 'npx web-test-runner'],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const times = [];
let failed;
for (const [name, command] of STEPS) {
  const t0 = performance.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
  times.push(`${name} ${seconds(performance.now() - t0)}`);
  if (status !== 0) {
    failed = name;
    break;
  }
}
console.log(`\nnpm test: ${times.join(', ')}; total ${seconds(performance.now() - started)}${failed ? ` (${failed} failed)` : ''}`);
process.exit(failed ? 1 : 0);
