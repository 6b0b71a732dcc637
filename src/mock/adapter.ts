import { HttpBillingAdapter } from '../adapter/http-adapter.js';
import { MockBackend } from './backend.js';

/** The HTTP adapter on the mock's in-process fetch: the same code path as production, without a service worker. */
export function createMockAdapter(backend: MockBackend = new MockBackend()): HttpBillingAdapter {
  return new HttpBillingAdapter(`https://mock.invalid${backend.basePath}`, { fetch: backend.fetch });
}
