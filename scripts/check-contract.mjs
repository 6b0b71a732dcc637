// The committed files generated from the contract must match the contract: regenerate and compare.
// Types: src/contract/billing-api.ts (openapi-typescript). Runtime schemas: src/contract/generated/ (openapi-ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createClient } from '@hey-api/openapi-ts';
import config from '../openapi-ts.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stale = [];

const types = join(root, 'src/contract/billing-api.ts');
const strip = (s) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
const fresh = astToString(await openapiTS(new URL('../contract/billing-api.yaml', import.meta.url)));
if (strip(readFileSync(types, 'utf8')) !== strip(fresh)) stale.push('src/contract/billing-api.ts');

const committedDir = join(root, config.output.path);
const freshDir = mkdtempSync(join(tmpdir(), 'contract-'));
try {
  process.chdir(root); // the config's paths are relative to the repository
  await createClient({ ...config, output: { ...config.output, path: freshDir }, logs: { level: 'silent' } });
  const names = new Set([...readdirSync(committedDir), ...readdirSync(freshDir)]);
  for (const name of names) {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    if (read(committedDir) !== read(freshDir)) stale.push(join(config.output.path, name).replace(/^\.\//, ''));
  }
} finally {
  rmSync(freshDir, { recursive: true, force: true });
}

if (stale.length) {
  console.error(`Out of date with contract/billing-api.yaml: ${stale.join(', ')}. Run npm run gen:contract.`);
  process.exit(1);
}
console.log('contract types and runtime schemas match contract/billing-api.yaml');
