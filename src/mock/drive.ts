import { createActor, waitFor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { checkoutMachine, type CheckoutActor, type CheckoutSnapshot } from '../machine/checkout.machine.js';
import { itemInput, stepOf } from '../machine/selectors.js';
import type { StepId } from '../machine/steps.js';
import type { CheckoutContext, CheckoutEvent, CheckoutInput, MachineEvent, Mode } from '../machine/types.js';
import type { Cart, Quote, Trial } from '../contract/types.js';
import type { PlaceOrderOutput } from '../machine/place-order.machine.js';
import { MockBackend, type ScenarioName } from './backend.js';
import { createMockAdapter } from './adapter.js';

// Test drivers derived from the machine: from where a live actor rests, XState's graph
// utilities find the shortest way to a step; the driver sends the first thing a user
// would do on it, lets the real backend answer, and plans again from where that led.

/**
 * What a user can do to go forward, given what is on screen; the machine ignores
 * what does not apply. Back and "Add another product" never shorten a way forward,
 * and leaving them out keeps the planned graph small.
 */
function userEvents({ context }: CheckoutSnapshot, mode: Mode): CheckoutEvent[] {
  const product = context.catalog?.products.find((p) => p.id === context.draft.productId);
  return [
    ...(context.catalog?.products ?? []).map((p) => ({ type: 'SELECT', productId: p.id }) as const),
    { type: 'MODE', mode },
    ...(product?.tiers ?? []).map((t) => ({ type: 'TIER', tierId: t.id }) as const),
    mode === 'trial' ? { type: 'START_TRIAL' } : { type: 'NEXT' },
    { type: 'COMMIT' },
    { type: 'CHECKOUT' },
    { type: 'CONTINUE' },
    { type: 'PLACE_ORDER' },
  ];
}

/**
 * Plausible answers to the requests a planned path makes (planning runs none):
 * enough for the machine to route on. The live run gets the backend's real ones.
 */
function plannedAnswer(src: string, context: CheckoutContext, input: Record<string, unknown>): unknown {
  const cart: Cart = context.cart ?? { id: 'planned', items: [] };
  switch (src) {
    case 'saveItem': {
      const item = { id: context.editing?.itemId ?? 'planned', ...itemInput(context) };
      return { ...cart, items: [...cart.items.filter((i) => i.id !== item.id), item] } satisfies Cart;
    }
    case 'loadCart':
      return cart;
    case 'removeItem':
      return { ...cart, items: cart.items.filter((i) => i.id !== input.itemId) } satisfies Cart;
    case 'quote':
      return { id: 'planned' } as Quote;
    case 'startTrial':
      return { productId: context.draft.productId } as Trial;
    case 'placeOrder':
      return { result: 'placed', order: { id: 'planned' } } as PlaceOrderOutput;
    default:
      return undefined; // a request no way forward needs (loading, VAT checks, adding a card)
  }
}

function answers(snapshot: CheckoutSnapshot): MachineEvent[] {
  return Object.entries(snapshot.children as Record<string, { src: unknown; getSnapshot(): { input?: unknown } } | undefined>).flatMap(
    ([id, child]) => {
      const output = child && plannedAnswer(String(child.src), snapshot.context, (child.getSnapshot().input ?? {}) as Record<string, unknown>);
      return output === undefined ? [] : [{ type: `xstate.done.actor.${id}`, output } as unknown as MachineEvent];
    },
  );
}

/** What tells two planned states apart for routing. */
const key = ({ value, context: c }: CheckoutSnapshot) =>
  JSON.stringify([value, c.draft, c.editing, c.cart?.items.map((i) => i.productId), !!c.quote, !!c.order, !!c.trial]);

const resting = (s: CheckoutSnapshot) => !s.hasTag('busy') && stepOf(s) !== 'loading';

/** The first thing a buyer (or, with `mode: 'trial'`, a trier) does on the shortest way from `from` to `step`. */
export function nextMove(from: CheckoutSnapshot, step: StepId, mode: Mode = 'buy'): CheckoutEvent | undefined {
  const [path] = getShortestPaths(checkoutMachine, {
    fromState: from,
    events: (s) => [...userEvents(s, mode), ...answers(s)],
    serializeState: key,
    toState: (s) => stepOf(s) === step && resting(s),
    limit: 20000,
  });
  return path?.steps.find((s) => !s.event.type.startsWith('xstate.'))?.event as CheckoutEvent | undefined;
}

/**
 * Walks a started actor, as a buyer would, until it shows `step`. `settle`
 * waits until the actor rests (real timers in the browser, a simulated clock in Node).
 */
export async function walkTo(
  actor: CheckoutActor,
  step: StepId,
  settle: (actor: CheckoutActor) => Promise<unknown>,
  mode: Mode = 'buy',
): Promise<void> {
  await settle(actor);
  for (let moves = 0; stepOf(actor.getSnapshot()) !== step && moves < 20; moves++) {
    const move = nextMove(actor.getSnapshot(), step, mode);
    if (!move) break;
    actor.send(move);
    await settle(actor);
  }
  const at = stepOf(actor.getSnapshot());
  if (at !== step) throw new Error(`could not drive the checkout to ${step}; it stopped at ${at}`);
}

/**
 * Starts a checkout actor on a fresh mock backend and walks it to `step`, as a
 * buyer (or a trier) would, for stories and tests of one step alone.
 */
export async function driveTo(
  step: StepId,
  options: { scenario?: ScenarioName; backend?: MockBackend; input?: Omit<CheckoutInput, 'adapter'>; mode?: Mode } = {},
): Promise<{ actor: CheckoutActor; backend: MockBackend }> {
  const backend = options.backend ?? new MockBackend({ scenario: options.scenario ?? 'empty-cart' });
  const actor = createActor(checkoutMachine, { input: { ...options.input, adapter: createMockAdapter(backend) } }).start();
  await walkTo(actor, step, (a) => waitFor(a, resting, { timeout: 5000 }), options.mode);
  return { actor, backend };
}
