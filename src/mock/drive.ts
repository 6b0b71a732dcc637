import { createActor, waitFor } from 'xstate';
import { checkoutMachine, stepOf, type CheckoutActor, type CheckoutEvent, type StepId } from '../machine/checkout.machine.js';
import { MockBackend, type ScenarioName } from './backend.js';
import { createMockAdapter } from './adapter.js';

/** The events that walk a buyer with an empty cart from `select` to each step. */
const ROUTE: Array<[StepId, (a: CheckoutActor) => CheckoutEvent]> = [
  ['select', (a) => ({ type: 'SELECT', productId: richest(a) })],
  ['mode', () => ({ type: 'MODE', mode: 'buy' })],
  ['tier', (a) => ({ type: 'TIER', tierId: a.getSnapshot().context.draft.tierId! })],
  ['seats', () => ({ type: 'NEXT' })],
  ['term', () => ({ type: 'COMMIT' })],
  ['cart', () => ({ type: 'CHECKOUT' })],
  ['review', () => ({ type: 'CONTINUE' })],
  ['pay', () => ({ type: 'PLACE_ORDER' })],
];

/** The product with the most steps: a trial and several tiers, so no step is skipped. */
function richest(actor: CheckoutActor): string {
  const { catalog, account } = actor.getSnapshot().context;
  const products = catalog?.products.filter((p) => !account?.subscriptions.some((s) => s.productId === p.id)) ?? [];
  const score = (p: (typeof products)[number]) => (p.trial && !account?.trialsUsed.includes(p.id) ? 2 : 0) + (p.tiers.length > 1 ? 1 : 0);
  return [...products].sort((a, b) => score(b) - score(a))[0]!.id;
}

/**
 * Starts a checkout actor on a fresh mock backend and walks it, as a buyer
 * would, until it shows `step` — for stories and tests of one step alone.
 */
export async function driveTo(
  step: StepId,
  options: { scenario?: ScenarioName; backend?: MockBackend } = {},
): Promise<{ actor: CheckoutActor; backend: MockBackend }> {
  const backend = options.backend ?? new MockBackend({ scenario: options.scenario ?? 'empty-cart' });
  const actor = createActor(checkoutMachine, { input: { adapter: createMockAdapter(backend) } }).start();
  const settled = () => waitFor(actor, (s) => !s.hasTag('busy') && stepOf(s) !== 'loading', { timeout: 5000 });
  await settled();
  for (let guard = 0; stepOf(actor.getSnapshot()) !== step && guard < ROUTE.length + 1; guard++) {
    const at = stepOf(actor.getSnapshot());
    const next = ROUTE.find(([s]) => s === at);
    if (!next) break;
    actor.send(next[1](actor));
    await settled();
  }
  if (stepOf(actor.getSnapshot()) !== step) throw new Error(`could not drive the checkout to ${step}; it stopped at ${stepOf(actor.getSnapshot())}`);
  return { actor, backend };
}
