// Lints the package as npm would publish it: `npm pack` (from the current dist/), then publint and
// Are the Types Wrong? on the tarball. Fails on any publint warning or error and on any attw problem.
//
// attw runs with the esm-only profile: the package is "type": "module" with ES module builds only and no `require`
// condition, so the CommonJS views (node16 from CJS, and node10, which ignores `exports` altogether) are not ones
// it offers; TypeScript consumers resolve it with "bundler" or "node16"/"nodenext", and both are checked.
// Two exports are not modules and are left out: the script-tag bundle (a classic script for <script src>, which
// declares globals, not exports) and the OpenAPI contract (YAML, for code generators).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack, root } from './pack.mjs';

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'cw-package-'));
const bin = (name) => join(root, 'node_modules/.bin', name);
let failed = false;
const run = (name, args) => {
  console.log(`\n$ ${name} ${args.join(' ')}`);
  try {
    execFileSync(bin(name), args, { cwd: dir, stdio: 'inherit' });
  } catch {
    failed = true;
  }
};

try {
  const tarball = pack(dir);
  run('publint', ['run', tarball, '--strict']);
  run('attw', [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--exclude-entrypoints', './checkout-wizard.iife.js', './contract/billing-api.yaml']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\ncheck:package ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed ? 1 : 0;
