// Test-runner plugin for screenshot tests: the browser asks, Node takes and compares the pictures.
//
// From a test (import { executeServerCommand } from '@web/test-runner-commands'):
//   await executeServerCommand('cw-screenshot', { name: 'clean', clip: { x, y, width, height } })
//     → { name, width, height }      keeps the PNG in memory under `name` (per test session); clip in CSS px of the page
//   await executeServerCommand('cw-screenshot', { clip, base64: true })
//     → { width, height, base64 }    returns it instead
//   await executeServerCommand('cw-compare-screenshots', { a: 'clean', b: 'hostile', tolerance: 0 })
//     → { width, height, sameSize, differing, ratio, saved? }
//       `differing` counts pixels whose channels differ by more than `tolerance` (0–255); when any differ, both
//       pictures and a diff (differences in red) are written to the OS temp dir and `saved` lists their paths.
//   await executeServerCommand('cw-forget-screenshots')  → true
//   await executeServerCommand('cw-match-baseline', { name: 'pay-1280-light-en', tolerance: 8 })
//     → the comparison above, of the screenshot kept under `name` against test/baselines/<name>.png, or
//       { missing: true } when there is none. CW_UPDATE_BASELINES=1 (npm run test:baselines) writes the
//       baseline instead and answers { updated: true }.
import { PNG } from 'pngjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** sessionId → name → PNG */
const shots = new Map();

function store(sessionId) {
  if (!shots.has(sessionId)) shots.set(sessionId, new Map());
  return shots.get(sessionId);
}

/** The Puppeteer page of a test session: what the commands here and in network.mjs drive. */
export function page(session, what = 'screenshots') {
  if (session.browser.type !== 'puppeteer') throw new Error(`${what} need a puppeteer browser (Chrome launcher), not ${session.browser.type}`);
  return session.browser.getPage(session.id);
}

function validClip(clip) {
  if (!clip || typeof clip !== 'object') throw new Error('cw-screenshot needs a clip { x, y, width, height } in CSS px');
  for (const key of ['x', 'y', 'width', 'height']) {
    if (typeof clip[key] !== 'number' || !Number.isFinite(clip[key])) throw new Error(`clip.${key} must be a number`);
  }
  if (clip.width <= 0 || clip.height <= 0) throw new Error('clip must have a positive width and height');
  return { x: clip.x, y: clip.y, width: clip.width, height: clip.height };
}

async function screenshot(session, payload = {}) {
  const base64 = await page(session).screenshot({
    clip: validClip(payload.clip),
    encoding: 'base64',
    type: 'png',
    // The clip must lie in the viewport: growing the viewport to capture beyond it would re-lay out the page.
    captureBeyondViewport: false,
  });
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  if (payload.base64) return { width: png.width, height: png.height, base64 };
  const name = String(payload.name ?? 'default');
  store(session.id).set(name, png);
  return { name, width: png.width, height: png.height };
}

function compare(session, payload = {}) {
  const named = store(session.id);
  const a = named.get(payload.a);
  const b = named.get(payload.b);
  if (!a || !b) throw new Error(`no screenshot named ${!a ? payload.a : payload.b}; take it with cw-screenshot first`);
  const tolerance = Number(payload.tolerance ?? 0);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const sameSize = a.width === b.width && a.height === b.height;
  const diff = new PNG({ width, height });
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const inA = x < a.width && y < a.height;
      const inB = x < b.width && y < b.height;
      const ia = (y * a.width + x) * 4;
      const ib = (y * b.width + x) * 4;
      let same = inA && inB;
      for (let c = 0; same && c < 4; c++) same = Math.abs(a.data[ia + c] - b.data[ib + c]) <= tolerance;
      if (!same) differing++;
      // The diff: the first picture faded, differences in red.
      const grey = inA ? (a.data[ia] + a.data[ia + 1] + a.data[ia + 2]) / 3 : 0;
      diff.data[o] = same ? 200 + grey / 5 : 255;
      diff.data[o + 1] = same ? 200 + grey / 5 : 0;
      diff.data[o + 2] = same ? 200 + grey / 5 : 0;
      diff.data[o + 3] = 255;
    }
  }
  const result = { width, height, sameSize, differing, ratio: differing / (width * height) };
  if (differing > 0) {
    const dir = join(tmpdir(), 'cw-screenshots');
    mkdirSync(dir, { recursive: true });
    const stamp = `${Date.now()}-${payload.a}-vs-${payload.b}`.replace(/[^\w.-]+/g, '_');
    const saved = [
      [`${stamp}-a.png`, a],
      [`${stamp}-b.png`, b],
      [`${stamp}-diff.png`, diff],
    ].map(([file, png]) => {
      const path = join(dir, file);
      writeFileSync(path, PNG.sync.write(png));
      return path;
    });
    result.saved = saved;
  }
  return result;
}

const BASELINES = new URL('../../test/baselines/', import.meta.url);

/** The screenshot kept under `name` against its committed baseline (the same Chromium and fonts as CI's). */
function matchBaseline(session, payload = {}) {
  const name = String(payload.name ?? '');
  if (!/^[\w.-]+$/.test(name)) throw new Error(`a baseline needs a plain name, not "${name}"`);
  const shot = store(session.id).get(name);
  if (!shot) throw new Error(`no screenshot named ${name}; take it with cw-screenshot first`);
  const file = new URL(`${name}.png`, BASELINES);
  if (process.env.CW_UPDATE_BASELINES) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, PNG.sync.write(shot));
    return { updated: true };
  }
  if (!existsSync(file)) return { missing: true };
  store(session.id).set(`${name}.baseline`, PNG.sync.read(readFileSync(file)));
  return compare(session, { a: `${name}.baseline`, b: name, tolerance: payload.tolerance });
}

export const plugins = [
  {
    name: 'cw-screenshot',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'cw-screenshot':
          return screenshot(session, payload);
        case 'cw-compare-screenshots':
          return compare(session, payload);
        case 'cw-match-baseline':
          return matchBaseline(session, payload);
        case 'cw-forget-screenshots':
          shots.delete(session.id);
          return true;
        default:
          return undefined; // Not ours: the next plugin may know it.
      }
    },
  },
];

export const middleware = [];
