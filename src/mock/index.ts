// The mock entry: everything stories, tests and the demo need. Never imported by the widget's bundle.
export { MockBackend, normalizeVatId } from './backend.js';
export type { Fault, MockBackendOptions, OperationId, RequestRecord, TestNetwork } from './backend.js';
export { PROMOTION_CODES, SCENARIOS, TEST_TOKENS, VAT_REGISTRY, createAccount, createCatalog, createState } from './fixtures.js';
export type { MockState, ScenarioName, TestCard, TestToken } from './fixtures.js';
export { createHandlers, startMockWorker } from './msw.js';
export type { MockWorkerOptions } from './msw.js';
export { createMockAdapter } from './adapter.js';
export { TestPaymentProvider, TEST_CARDS } from './payment-provider.js';
export type { TestPaymentProviderOptions } from './payment-provider.js';
