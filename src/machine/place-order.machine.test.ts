import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createActor, createMachine, sendTo, type ActorRefFrom } from 'xstate';
import { BillingError } from '../adapter/errors.js';
import type { BillingAdapter, PaymentProvider } from '../adapter/billing-adapter.js';
import type { NextAction, Order } from '../contract/types.js';
import { StepClock } from '../mock/clock.js';
import { placeOrderMachine, MAX_RETRY_AFTER_S, type PlaceOrderOutput } from './place-order.machine.js';
import type { OrderStateEvent } from './types.js';

// The order child machine alone, against a scripted adapter: each call takes the next answer of its kind
// (sending the attempt, looking it up by its key, confirming its order), and every call is recorded.

type Answer = Order | BillingError | 'hang';

const make = (status: Order['status'], more: Partial<Order> = {}): Order =>
  ({ id: 'ord_1', quoteId: 'q1', status, total: { amount: 100, currency: 'EUR' }, billingDate: '2026-12-07', confirmationEmail: 'a@b.c', lines: [], ...more }) as Order;
const completed = make('completed');
const challenge: NextAction = { type: 'authenticate', clientSecret: 'pi_1_secret' };
const needsAction = make('requires_action', { nextAction: challenge });
const authFailed = make('failed', { failure: { code: 'payment_declined', declineCode: 'authentication_failed', message: 'Authentication failed.' } });

interface Script {
  send?: Answer[];
  lookup?: Answer[];
  confirm?: Answer[];
}

function run(
  script: Script,
  options: { retries?: number; timeoutMs?: number; unknown?: boolean; provider?: PaymentProvider | null } = {},
) {
  const clock = new StepClock();
  const calls: string[] = [];
  const answer = (queue: Answer[] | undefined) => {
    const next = queue?.shift() ?? 'hang';
    if (next === 'hang') return new Promise<Order>(() => {});
    return next instanceof BillingError ? Promise.reject(next) : Promise.resolve(next);
  };
  const adapter = {
    placeOrder: (_body: unknown, key: string) => (calls.push(`send ${key}`), answer(script.send)),
    lookupOrder: (key: string) => (calls.push(`lookup ${key}`), answer(script.lookup)),
    confirmOrder: (id: string) => (calls.push(`confirm ${id}`), answer(script.confirm)),
  } as unknown as BillingAdapter;
  const actions: NextAction[] = [];
  const provider: PaymentProvider | undefined =
    options.provider === null
      ? undefined
      : (options.provider ?? { mount() {}, unmount() {}, handleNextAction: (a) => (actions.push(a), Promise.resolve()) });
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
        provider,
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
    for (let i = 0; i < 8; i++) await new Promise<void>((r) => setImmediate(r));
  };
  /** Runs every timer until the child ends or waits on the user. */
  const settle = async () => {
    await flush();
    while (!output && reports.at(-1)?.state !== 'unconfirmed' && clock.next()) await flush();
  };
  const states = () => reports.map((r) => r.state).filter((s, i, all) => s !== all[i - 1]);
  return { actor, clock, calls, actions, reports, settle, flush, output: () => output, states };
}

const fail = (code: string, status = 0, init: { retryAfter?: number; declineCode?: string; order?: Order; opaque?: boolean } = {}) =>
  new BillingError(code, code, { status, ...init });
const errorOf = (output: PlaceOrderOutput | undefined) => (output as { error: BillingError }).error;

describe('placing an order (the child machine)', () => {
  it('ends placed on the first answer, having reported placing', async () => {
    const r = run({ send: [completed] });
    await r.settle();
    expect(r.output()).to.deep.equal({ result: 'placed', order: completed });
    expect(r.states()).to.deep.equal(['placing']);
    expect(r.calls).to.deep.equal(['send k1']);
  });

  it('a processing payment (a bank debit) ends placed: the order is accepted and settles later', async () => {
    const processing = make('processing');
    const r = run({ send: [processing] });
    await r.settle();
    expect(r.output()).to.deep.equal({ result: 'placed', order: processing });
  });

  it('a rate limit is asked again with the same key once Retry-After has passed, never longer than a minute', async () => {
    const r = run({ send: [fail('rate_limited', 429, { retryAfter: 86400 }), completed] });
    await r.settle();
    expect(r.output()!.result).to.equal('placed');
    expect(r.calls).to.deep.equal(['send k1', 'send k1']);
    expect(r.clock.now()).to.equal(MAX_RETRY_AFTER_S * 1000);
  });

  for (const [what, error] of [
    ['a 503', fail('unavailable', 503)],
    ['a 500', fail('internal', 500)],
    ["a gateway's 504 page (not a problem document)", fail('unavailable', 504, { opaque: true })],
    ['an HTML 400 from a proxy', fail('bad_request', 400, { opaque: true })],
    ['a lost connection', fail('network')],
    ['an unreadable 201', fail('invalid_response')],
  ] as const) {
    it(`${what} leaves the outcome unknown: the attempt is looked up by its key, not sent blind`, async () => {
      const r = run({ send: [error], lookup: [completed] });
      await r.settle();
      expect(r.output()).to.deep.equal({ result: 'placed', order: completed });
      expect(r.calls).to.deep.equal(['send k1', 'lookup k1']);
      expect(r.states()).to.deep.equal(['placing', 'confirming']);
    });
  }

  it('a look-up that finds nothing means the request never arrived: the same key is sent again', async () => {
    const r = run({ send: [fail('unavailable', 503), completed], lookup: [fail('not_found', 404)] });
    await r.settle();
    expect(r.output()!.result).to.equal('placed');
    expect(r.calls).to.deep.equal(['send k1', 'lookup k1', 'send k1']);
  });

  it('a look-up while the first request still runs is asked again later', async () => {
    const r = run({ send: [fail('network')], lookup: [fail('idempotency_in_progress', 409), completed] });
    await r.settle();
    expect(r.output()!.result).to.equal('placed');
    expect(r.calls).to.deep.equal(['send k1', 'lookup k1', 'lookup k1']);
  });

  it('out of retries with the outcome unknown, it waits for Check again, which looks the same key up', async () => {
    const r = run({ send: ['hang'], lookup: ['hang', completed] }, { retries: 1, timeoutMs: 1000 });
    await r.settle();
    expect(r.states().at(-1)).to.equal('unconfirmed');
    expect(r.output()).to.equal(undefined);
    expect(r.calls).to.deep.equal(['send k1', 'lookup k1']);
    r.actor.send({ type: 'CHECK_AGAIN' });
    await r.settle();
    expect(r.calls.at(-1)).to.equal('lookup k1');
    expect(r.output()!.result).to.equal('placed');
  });

  it('a reload while unknown starts by looking the attempt up; a 503 out of tries ends unconfirmed, not failed', async () => {
    const r = run({ lookup: [fail('unavailable', 503), fail('unavailable', 503)] }, { retries: 1, unknown: true });
    await r.settle();
    expect(r.calls).to.deep.equal(['lookup k1', 'lookup k1']);
    expect(r.output()).to.equal(undefined);
    expect(r.states()).to.deep.equal(['confirming', 'unconfirmed']);
  });

  it('a decline ends failed with the bank’s reason; a changed quote ends in a re-quote', async () => {
    const declined = run({ send: [fail('payment_declined', 402, { declineCode: 'insufficient_funds' })] });
    await declined.settle();
    expect(errorOf(declined.output()).declineCode).to.equal('insufficient_funds');
    const changed = run({ send: [fail('quote_changed', 409)] });
    await changed.settle();
    expect(changed.output()).to.deep.equal({ result: 'requote', reason: 'quote_changed' });
  });

  describe('3-D Secure', () => {
    it('passed: the provider runs the challenge, then the order is confirmed', async () => {
      const r = run({ send: [needsAction], confirm: [completed] });
      await r.settle();
      expect(r.actions).to.deep.equal([challenge]);
      expect(r.calls).to.deep.equal(['send k1', 'confirm ord_1']);
      expect(r.states()).to.deep.equal(['placing', 'authenticating', 'confirming']);
      expect(r.output()).to.deep.equal({ result: 'placed', order: completed });
    });

    it('failed or abandoned (the provider rejects): the server is asked, and its failure is the outcome', async () => {
      const provider: PaymentProvider = { mount() {}, unmount() {}, handleNextAction: () => Promise.reject(new Error('closed')) };
      const r = run({ send: [needsAction], confirm: [authFailed] }, { provider });
      await r.settle();
      expect(r.calls).to.deep.equal(['send k1', 'confirm ord_1']);
      expect(r.output()!.result).to.equal('failed');
      expect(errorOf(r.output()).code).to.equal('payment_declined');
      expect(errorOf(r.output()).declineCode).to.equal('authentication_failed');
    });

    it('a second challenge after the first is run too', async () => {
      const r = run({ send: [needsAction], confirm: [needsAction, completed] });
      await r.settle();
      expect(r.actions).to.have.length(2);
      expect(r.output()!.result).to.equal('placed');
    });

    it('with no provider to run it, the server still settles the order', async () => {
      const r = run({ send: [needsAction], confirm: [authFailed] }, { provider: null });
      await r.settle();
      expect(r.output()!.result).to.equal('failed');
    });

    it('resumed after a reload: the order found by its key is challenged again', async () => {
      const r = run({ lookup: [needsAction], confirm: [completed] }, { unknown: true });
      await r.settle();
      expect(r.calls).to.deep.equal(['lookup k1', 'confirm ord_1']);
      expect(r.actions).to.have.length(1);
      expect(r.output()!.result).to.equal('placed');
    });

    it('back from a bank’s page: the redirect is confirmed, not followed again', async () => {
      const redirect = make('requires_action', { nextAction: { type: 'redirect', redirectUrl: 'https://bank.example/3ds', returnUrl: 'https://shop.example/' } });
      const r = run({ lookup: [redirect], confirm: [completed] }, { unknown: true });
      await r.settle();
      expect(r.actions).to.have.length(0);
      expect(r.calls).to.deep.equal(['lookup k1', 'confirm ord_1']);
      expect(r.output()!.result).to.equal('placed');
    });

    it('a confirmation that cannot get through ends unconfirmed, and Check again confirms again', async () => {
      const r = run({ send: [needsAction], confirm: [fail('unavailable', 503), fail('unavailable', 503), completed] }, { retries: 1 });
      await r.settle();
      expect(r.states().at(-1)).to.equal('unconfirmed');
      r.actor.send({ type: 'CHECK_AGAIN' });
      await r.settle();
      expect(r.calls).to.deep.equal(['send k1', 'confirm ord_1', 'confirm ord_1', 'confirm ord_1']);
      expect(r.output()!.result).to.equal('placed');
    });
  });

  describe('a quote is paid once', () => {
    it('quote_already_paid names the order that paid it: that order is the outcome', async () => {
      const r = run({ send: [fail('quote_already_paid', 409, { order: completed })] });
      await r.settle();
      expect(r.output()).to.deep.equal({ result: 'placed', order: completed });
    });

    it('order_in_progress names an order waiting for its challenge: it is followed', async () => {
      const r = run({ send: [fail('order_in_progress', 409, { order: needsAction })], confirm: [completed] });
      await r.settle();
      expect(r.actions).to.have.length(1);
      expect(r.output()!.result).to.equal('placed');
    });
  });
});
