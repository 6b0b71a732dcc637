import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createActor, createMachine, sendTo, type ActorRefFrom } from 'xstate';
import { BillingError } from '../adapter/errors.js';
import type { BillingAdapter } from '../adapter/billing-adapter.js';
import type { Order } from '../contract/types.js';
import { StepClock } from '../mock/clock.js';
import { placeOrderMachine, MAX_RETRY_AFTER_S, type PlaceOrderOutput } from './place-order.machine.js';
import type { OrderStateEvent } from './types.js';

// The order child machine alone, against a scripted adapter: each call to placeOrder takes the next answer.

type Answer = Order | BillingError | 'hang';

const order = { id: 'ord_1' } as Order;

function run(answers: Answer[], options: { retries?: number; timeoutMs?: number; unknown?: boolean } = {}) {
  const clock = new StepClock();
  const keys: string[] = [];
  const adapter = {
    placeOrder: (_body: unknown, key: string) => {
      keys.push(key);
      const answer = answers.shift() ?? 'hang';
      if (answer === 'hang') return new Promise<Order>(() => {});
      return answer instanceof BillingError ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as BillingAdapter;
  const reports: OrderStateEvent[] = [];
  let output: PlaceOrderOutput | undefined;
  // A parent that records what the child reports, as the checkout machine does.
  const parent = createMachine({
    types: {} as { events: OrderStateEvent | { type: 'CHECK_AGAIN' } },
    invoke: {
      id: 'order',
      src: placeOrderMachine,
      input: {
        adapter,
        locale: 'en',
        attempt: { key: 'k1', quoteId: 'q1', paymentMethodId: 'pm1' },
        retry: { retries: options.retries ?? 2, baseDelayMs: 100, maxDelayMs: 400 },
        timeoutMs: options.timeoutMs ?? 1000,
        unknown: options.unknown ?? false,
      },
      onDone: { actions: ({ event }) => (output = event.output as PlaceOrderOutput) },
    },
    on: {
      ORDER_STATE: { actions: ({ event }) => reports.push(event) },
      CHECK_AGAIN: { actions: sendTo('order', { type: 'CHECK_AGAIN' }) },
    },
  });
  const actor: ActorRefFrom<typeof parent> = createActor(parent, { clock }).start();
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  /** Runs every timer until the child ends or waits on the user. */
  const settle = async () => {
    await flush();
    while (!output && reports.at(-1)?.state !== 'unconfirmed' && clock.next()) await flush();
  };
  return { actor, clock, keys, reports, settle, flush, output: () => output, states: () => reports.map((r) => r.state) };
}

const fail = (code: string, status = 0, retryAfter?: number) => new BillingError(code, code, { status, retryAfter });

describe('placing an order (the child machine)', () => {
  it('ends placed on the first answer, having reported placing', async () => {
    const r = run([order]);
    await r.settle();
    expect(r.output()).to.deep.equal({ result: 'placed', order });
    expect(r.states()).to.deep.equal(['placing']);
    expect(r.keys).to.deep.equal(['k1']);
  });

  it('retries what may succeed with the same key, waiting longer each time within the cap', async () => {
    const r = run([fail('unavailable', 503), fail('internal', 500), order]);
    await r.flush();
    expect(r.keys).to.have.length(1);
    r.clock.increment(49); // the first wait is at least half the base delay
    await r.flush();
    expect(r.keys).to.have.length(1);
    await r.settle();
    expect(r.output()!.result).to.equal('placed');
    expect(r.keys).to.deep.equal(['k1', 'k1', 'k1']);
    expect(r.clock.now()).to.be.within(50 + 100, 100 + 200);
  });

  it('a lost answer makes the outcome unknown: it reports confirming, never failed', async () => {
    const r = run([fail('network'), fail('unavailable', 503), fail('unavailable', 503)], { retries: 2 });
    await r.settle();
    expect(r.output()).to.equal(undefined);
    expect(r.states()).to.deep.equal(['placing', 'confirming', 'confirming', 'confirming', 'confirming', 'unconfirmed']);
  });

  it('a request that takes too long counts as unknown; out of tries it waits for Check again, which keeps the key', async () => {
    const r = run(['hang', 'hang'], { retries: 1, timeoutMs: 1000 });
    await r.settle();
    expect(r.states().at(-1)).to.equal('unconfirmed');
    expect(r.keys).to.deep.equal(['k1', 'k1']);
    r.keys.length = 0;
    r.actor.send({ type: 'CHECK_AGAIN' });
    await r.flush();
    expect(r.keys).to.deep.equal(['k1']);
  });

  it('a reload while unknown stays unknown: even a 503 out of tries ends unconfirmed, not failed', async () => {
    const r = run([fail('unavailable', 503), fail('unavailable', 503)], { retries: 1, unknown: true });
    await r.settle();
    expect(r.output()).to.equal(undefined);
    expect(r.states()[0]).to.equal('confirming');
    expect(r.states().at(-1)).to.equal('unconfirmed');
  });

  it('a certain failure ends failed with its error; a changed quote ends in a re-quote', async () => {
    const declined = run([fail('payment_declined', 402)]);
    await declined.settle();
    expect(declined.output()).to.deep.include({ result: 'failed' });
    expect((declined.output() as { error: BillingError }).error.code).to.equal('payment_declined');
    const changed = run([fail('quote_changed', 409)]);
    await changed.settle();
    expect(changed.output()).to.deep.equal({ result: 'requote', reason: 'quote_changed' });
  });

  it(`waits out Retry-After, capped at ${MAX_RETRY_AFTER_S} s`, async () => {
    const r = run([fail('rate_limited', 429, 3), fail('unavailable', 503, 3600), order]);
    await r.settle();
    expect(r.output()!.result).to.equal('placed');
    expect(r.clock.now()).to.equal(3000 + MAX_RETRY_AFTER_S * 1000);
  });
});
