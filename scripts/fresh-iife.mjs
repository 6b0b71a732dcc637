#!/usr/bin/env node
// Builds the script tag and its chunks (npm run build:iife) unless dist/ already
// holds them, newer than every file they are made from. CI builds once (npm run build) and the
// tests and benchmarks reuse that; locally an edit under src/ triggers a rebuild.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['src', 'vite.config.ts', 'package.json', 'scripts/minify-templates.mjs'];
const OUTPUTS = ['dist/checkout-wizard.iife.js', 'dist/chunks'];

/** Modification times of a file, or of every file under a folder; none when it does not exist. */
function mtimes(path) {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
}

const built = OUTPUTS.map(mtimes);
const oldestOutput = built.some((t) => t.length === 0) ? -Infinity : Math.min(...built.flat());
const newestInput = Math.max(...INPUTS.flatMap(mtimes));

if (oldestOutput > newestInput) {
  console.log('dist/ holds a script-tag build newer than its sources: not rebuilding.');
} else {
  execSync('npm run build:iife', { cwd: root, stdio: 'inherit' });
}
