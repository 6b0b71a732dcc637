// Completes the declarations tsc writes under dist/types, then checks that they hold together:
//  - each built entry (dist/<entry>.d.ts) re-exports its module's declarations;
//  - hand-kept or generated .d.ts files in src (tsc reads them but never emits them) are copied over;
//  - every relative import in a shipped .d.ts names a file that exists, or the build fails: a missing one makes
//    consumers' tsc fail with skipLibCheck off, and silently turns the types into `any` with it on.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const types = join(dist, 'types');

const entries = { 'checkout-wizard': 'index', define: 'define', mock: 'mock/index', vat: 'vat/index', react: 'react/index', stripe: 'stripe/index' };
for (const [file, source] of Object.entries(entries)) {
  writeFileSync(join(dist, `${file}.d.ts`), `export * from './types/${source}.js';\n`);
}

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

for (const file of walk(src).filter((f) => f.endsWith('.d.ts'))) {
  // A .ts beside it wins in module resolution, and tsc has emitted its declarations already.
  if (existsSync(file.replace(/\.d\.ts$/, '.ts'))) continue;
  const target = join(types, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const missing = [];
for (const file of walk(dist).filter((f) => f.endsWith('.d.ts'))) {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifier)) {
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
    if (!existsSync(target)) missing.push(`${relative(root, file)}: '${spec}'`);
  }
}
if (missing.length) {
  console.error(`Declarations import files the package does not contain:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
