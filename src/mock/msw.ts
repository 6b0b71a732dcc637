import { http, type RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MockBackend } from './backend.js';

/** MSW handlers that answer every request under `base` from `backend`. */
export function createHandlers(backend: MockBackend, base = backend.basePath): RequestHandler[] {
  return [
    http.all(`${base}/*`, async ({ request }) => {
      try {
        return await backend.handle(request);
      } catch (e) {
        // An injected drop: MSW turns Response.error() into a fetch rejection, as a lost connection would.
        if (e instanceof TypeError) return Response.error();
        throw e;
      }
    }),
  ];
}

export interface MockWorkerOptions {
  base?: string;
  /** Where the page serves MSW's worker script. */
  serviceWorkerUrl?: string;
  quiet?: boolean;
}

/** Starts MSW's service worker on `backend`; requests outside the API go to the network. */
export async function startMockWorker(backend: MockBackend, options: MockWorkerOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(...createHandlers(backend, options.base));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return worker;
}
