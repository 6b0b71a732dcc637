// Points each built entry at its declarations, which tsc writes under dist/types.
import { writeFileSync } from 'node:fs';

const entries = { 'checkout-wizard': 'index', define: 'define', mock: 'mock/index', vat: 'vat/index', react: 'react/index' };
for (const [file, source] of Object.entries(entries)) {
  writeFileSync(new URL(`../dist/${file}.d.ts`, import.meta.url), `export * from './types/${source}.js';\n`);
}
