// Packs the built package the way `npm publish` would, into a given folder, and returns the tarball's path.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function pack(destination) {
  if (!existsSync(join(root, 'dist/checkout-wizard.js')) || !existsSync(join(root, 'dist/types/index.d.ts'))) {
    console.error('No complete build in dist/: run `npm run build` first.');
    process.exit(1);
  }
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  console.log(`packed ${filename}: ${entryCount} files, ${(size / 1024).toFixed(0)} kB`);
  return join(destination, filename);
}
