#!/usr/bin/env node
// Runs the tests that need no browser (machine, rules, HTTP adapter, mock backend, contract,
// localizer, VAT) under `node --test`, TypeScript loaded by tsx. Node 20's --test does not glob
// .ts files, so the files are found here; and rather than a process per file (each paying tsx's
// start-up), one `node --test` child imports them all. Arguments: test files to run instead of
// all, and flags for node --test (--test-name-pattern=…).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the Node tests live; the browser suite (web-test-runner.config.mjs) leaves these folders out. */
export const NODE_TEST_DIRS = ['src/machine', 'src/mock', 'src/adapter', 'src/contract', 'src/i18n', 'src/vat'];
const FILES_VAR = 'CW_NODE_TEST_FILES';

function find(dir, ending) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ending))
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** Every Node test file: the .test.ts files in NODE_TEST_DIRS and test/node's .test.mjs files. */
export const nodeTestFiles = () => [...NODE_TEST_DIRS.flatMap((d) => find(d, '.test.ts')), ...find('test/node', '.test.mjs')];

const self = fileURLToPath(import.meta.url);
if (process.env[FILES_VAR] && process.env.NODE_TEST_CONTEXT) {
  // Inside node --test: load every test file; node:test runs what they declare.
  for (const file of JSON.parse(process.env[FILES_VAR])) await import(pathToFileURL(join(root, file)).href);
} else if (process.argv[1] === self) {
  const args = process.argv.slice(2);
  const given = args.filter((a) => !a.startsWith('-'));
  const flags = args.filter((a) => a.startsWith('-'));
  const files = given.length ? given : nodeTestFiles();
  const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, self], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, [FILES_VAR]: JSON.stringify(files) },
  });
  process.exit(status ?? (signal ? 1 : 0));
}
