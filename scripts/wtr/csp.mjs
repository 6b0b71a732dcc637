// Test-runner plugins and middleware for the csp tests (test/csp.test.ts).
//
// The CSP fixture pages under /test/csp/ are served by this middleware, byte for byte as they are on disk,
// with the policy as a real `Content-Security-Policy` HTTP header. They bypass the dev server's plugins on
// purpose: those would inject a web-socket <script> into every HTML page and run esbuild over every .js
// file, and the point of the test is that the page holds exactly our two scripts and nothing else. For the
// same reason the script tag is served as built (dist/checkout-wizard.iife.js, not re-transformed) when one
// of these pages asks for it, and so are its chunks (dist/chunks/, whoever asks: a chunk's imports carry
// the importing chunk as their Referer); every other request goes on as before.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The policy the widget is tested under: docs/security.md documents exactly this string. */
export const CSP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const FIXTURE_DIR = '/test/csp/';
const BUNDLE = '/dist/checkout-wizard.iife.js';
const CHUNKS = '/dist/chunks/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** True when the request comes from one of the fixture pages (same origin: the Referer is the full URL). */
function fromFixture(ctx) {
  const referer = ctx.get('Referer');
  if (!referer) return false;
  try {
    return new URL(referer).pathname.startsWith(FIXTURE_DIR);
  } catch {
    return false;
  }
}

async function serveCspFixture(ctx, next) {
  const path = ctx.path;
  const fixture = path.startsWith(FIXTURE_DIR) && !path.includes('..');
  const bundle = (path === BUNDLE && fromFixture(ctx)) || (path.startsWith(CHUNKS) && !path.includes('..'));
  const type = TYPES[path.slice(path.lastIndexOf('.'))];
  if (!(fixture || bundle) || !type || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
  let body;
  try {
    body = await readFile(root + path.slice(1));
  } catch {
    return next();
  }
  ctx.status = 200;
  ctx.type = type;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  // The policy rides on the documents; scripts are governed by the policy of the page that loads them.
  if (type.startsWith('text/html')) ctx.set('Content-Security-Policy', CSP_POLICY);
  ctx.body = body;
}

export const plugins = [];
export const middleware = [serveCspFixture];
