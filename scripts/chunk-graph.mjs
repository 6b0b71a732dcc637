// The import graph of a built folder of ES modules, read from the files themselves: which chunks a
// file pulls in before it runs (static imports, transitively), and which it may import later
// (dynamic imports). The loader's list of the first step's chunks (vite.config.ts), npm run size
// and the benchmark's report all read it here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

const STATIC = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
const DYNAMIC = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g;

/** A chunk's file name without its content hash: `first-CPQ3sAlM.js` → `first`. */
export const nameOf = (file) => file.replace(/-[\w-]{8}\.js$/, '');

/** The script tag's entry chunk in `dir` (src/embed.ts, built as `embed-<hash>.js`). */
export const entryOf = (dir) => readdirSync(dir).find((file) => nameOf(file) === 'embed');

/** The relative specifiers a module imports, resolved against its own path (both relative to `dir`). */
function imports(dir, file, pattern) {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(pattern)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[2])));
}

/** `file` and every module it imports statically, transitively: what must arrive before it runs. */
export function staticClosure(dir, file) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    imports(dir, f, STATIC).forEach(visit);
  };
  visit(file);
  return [...seen];
}

/** The modules a set of files may import dynamically (not already among them). */
export function dynamicImports(dir, files) {
  return [...new Set(files.flatMap((f) => imports(dir, f, DYNAMIC)))].filter((f) => !files.includes(f));
}
