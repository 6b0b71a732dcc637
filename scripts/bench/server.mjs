// A tiny static server for the benchmark and Lighthouse pages: mounts (URL prefix → directory or
// page function), no caching (every load is a cold load: no HTTP cache, so no V8 code cache),
// optional gzip as a production server would send.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {Record<string, string | ((url: URL) => string | undefined)>} mounts
 *   prefix → a directory to serve files from, or a function returning an HTML page (undefined: 404).
 * @param {{ gzip?: boolean, cache?: string, index?: string, delay?: (url: URL) => number }} [options]
 *   delay: milliseconds to wait before answering a request (a slow network for chosen files).
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serve(mounts, { gzip = false, cache = 'no-store', index = 'index.html', delay } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const wait = delay?.(url) ?? 0;
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      const prefix = prefixes.find((p) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : `${p}/`));
      if (prefix === undefined) return send(res, 404, 'text/plain', 'not found');
      const target = mounts[prefix];
      let body;
      let type;
      if (typeof target === 'function') {
        body = target(url);
        type = TYPES['.html'];
        if (body === undefined) return send(res, 404, 'text/plain', 'not found');
      } else {
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)).replace(/^\/+/, '');
        const root = resolve(target);
        let file = normalize(join(root, rel));
        if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'forbidden');
        const info = await stat(file).catch(() => undefined);
        if (info?.isDirectory()) file = join(file, index);
        body = await readFile(file).catch(() => undefined);
        if (body === undefined) return send(res, 404, 'text/plain', 'not found');
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
      const headers = { 'Content-Type': type, 'Cache-Control': cache };
      // Service workers (the demo's MSW worker) may control the whole origin.
      if (url.pathname.endsWith('mockServiceWorker.js')) headers['Service-Worker-Allowed'] = '/';
      if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && /text|json|svg/.test(type)) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = Buffer.byteLength(body);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      send(res, 500, 'text/plain', String(e?.stack ?? e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function send(res, status, type, text) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(text);
}
