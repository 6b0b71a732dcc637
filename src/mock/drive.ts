import { createActor, waitFor } from 'xstate';
import { checkoutMachine, type CheckoutActor } from '../machine/checkout.machine.js';
import { stepOf } from '../machine/selectors.js';
import { STEPS, type FlowStepId, type StepId } from '../machine/steps.js';
import type { CheckoutContext, CheckoutEvent, CheckoutInput } from '../machine/types.js';
import { MockBackend, type ScenarioName } from './backend.js';
import { createMockAdapter } from './adapter.js';

/**
 * What a buyer does at each step of the step table to go on toward a
 * purchase. Typed against the table: a new step fails to compile until the
 * drivers know how to pass it.
 */
export const FORWARD = {
  select: (c) => ({ type: 'SELECT', productId: richest(c) }),
  mode: () => ({ type: 'MODE', mode: 'buy' }),
  tier: (c) => ({ type: 'TIER', tierId: c.draft.tierId! }),
  seats: () => ({ type: 'NEXT' }),
  term: () => ({ type: 'COMMIT' }),
  cart: () => ({ type: 'CHECKOUT' }),
  review: () => ({ type: 'CONTINUE' }),
  pay: () => ({ type: 'PLACE_ORDER' }),
} satisfies Record<Exclude<FlowStepId, 'done'>, (c: CheckoutContext) => CheckoutEvent>;

/** The product with the most steps: a trial and several tiers, so no step is skipped. */
function richest({ catalog, account }: CheckoutContext): string {
  const products = catalog?.products.filter((p) => !account?.subscriptions.some((s) => s.productId === p.id)) ?? [];
  const score = (p: (typeof products)[number]) => (p.trial && !account?.trialsUsed.includes(p.id) ? 2 : 0) + (p.tiers.length > 1 ? 1 : 0);
  return [...products].sort((a, b) => score(b) - score(a))[0]!.id;
}

/**
 * Walks a started actor, as a buyer would, until it shows `step`. `settle`
 * waits until the actor rests (real timers in the browser, a simulated clock in Node).
 */
export async function walkTo(actor: CheckoutActor, step: StepId, settle: (actor: CheckoutActor) => Promise<unknown>): Promise<void> {
  await settle(actor);
  for (let moves = 0; stepOf(actor.getSnapshot()) !== step && moves < STEPS.length; moves++) {
    const at = stepOf(actor.getSnapshot());
    if (!(at in FORWARD)) break;
    actor.send(FORWARD[at as keyof typeof FORWARD](actor.getSnapshot().context));
    await settle(actor);
  }
  const at = stepOf(actor.getSnapshot());
  if (at !== step) throw new Error(`could not drive the checkout to ${step}; it stopped at ${at}`);
}

/**
 * Starts a checkout actor on a fresh mock backend and walks it to `step`,
 * for stories and tests of one step alone.
 */
export async function driveTo(
  step: StepId,
  options: { scenario?: ScenarioName; backend?: MockBackend; input?: Omit<CheckoutInput, 'adapter'> } = {},
): Promise<{ actor: CheckoutActor; backend: MockBackend }> {
  const backend = options.backend ?? new MockBackend({ scenario: options.scenario ?? 'empty-cart' });
  const actor = createActor(checkoutMachine, { input: { ...options.input, adapter: createMockAdapter(backend) } }).start();
  await walkTo(actor, step, (a) => waitFor(a, (s) => !s.hasTag('busy') && stepOf(s) !== 'loading', { timeout: 5000 }));
  return { actor, backend };
}
