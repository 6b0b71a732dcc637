// The committed contract types must match the committed contract: regenerate and compare.
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const committed = readFileSync(new URL('../src/contract/billing-api.d.ts', import.meta.url), 'utf8');
const ast = await openapiTS(new URL('../contract/billing-api.yaml', import.meta.url));
const fresh = astToString(ast);
const strip = (s) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
if (strip(committed) !== strip(fresh)) {
  console.error('src/contract/billing-api.d.ts is out of date with contract/billing-api.yaml: run npm run gen:contract');
  process.exit(1);
}
console.log('contract types match contract/billing-api.yaml');
