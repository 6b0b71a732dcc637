import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Order } from '../src/contract/types.js';
import { MockBackend } from '../src/mock/backend.js';
import { TEST_TOKENS } from '../src/mock/fixtures.js';
import { TestPaymentProvider } from '../src/mock/payment-provider.js';

// The mock's payment provider draws into the page, so it is tested here; the rest of src/mock runs in Node.
// Setups and challenges run against a real MockBackend as the network; outcomes are read through the contract.

/** A call to the backend's HTTP contract, in-process. */
async function call(backend: MockBackend, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await backend.fetch(`https://mock.invalid${backend.basePath}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** A provider mounted on a page, on `backend`'s network, with `card` chosen. */
function mounted(backend: MockBackend, card: string) {
  const container = document.createElement('div');
  document.body.append(container);
  const provider = new TestPaymentProvider({ network: backend, token: card });
  provider.mount(container);
  return {
    provider,
    done() {
      provider.unmount();
      container.remove();
    },
  };
}

/** The open challenge dialog, once it shows. */
async function challenge(): Promise<HTMLDialogElement> {
  await waitUntil(() => document.querySelector('dialog[data-test-challenge]'), 'no challenge dialog');
  return document.querySelector<HTMLDialogElement>('dialog[data-test-challenge]')!;
}

async function answer(value: 'complete' | 'fail') {
  (await challenge()).querySelector<HTMLButtonElement>(`button[value=${value}]`)!.click();
}

/** Saves `card` through a setup; `act` plays the buyer's part in the challenge. Answers what attaching it answered. */
async function save(card: string, act?: () => Promise<void>) {
  const backend = new MockBackend();
  const { provider, done } = mounted(backend, card);
  const setup = (await call(backend, 'POST', '/payment-methods/setup', {})).json as { id: string; clientSecret: string };
  const confirming = provider.confirmSetup(setup.clientSecret).then(
    () => true,
    (e: Error) => e.message,
  );
  await act?.();
  const confirmed = await confirming;
  const attached = await call(backend, 'POST', '/payment-methods', { setupId: setup.id });
  done();
  return { confirmed, attached };
}

/** An order paid with `card` that waits for its challenge. */
async function challenged(card: string) {
  const backend = new MockBackend({ scenario: 'cart-with-items' });
  const method = (await call(backend, 'POST', '/payment-methods', { token: card })).json as { id: string };
  const quote = (await call(backend, 'POST', '/quotes', { vatId: null })).json as { id: string };
  const placed = await call(backend, 'POST', '/orders', { quoteId: quote.id, paymentMethodId: method.id }, { 'Idempotency-Key': 'k-1' });
  const order = placed.json as Order;
  expect(order.status).to.equal('requires_action');
  const confirm = async () => (await call(backend, 'POST', `/orders/${order.id}/confirm`)).json as Order;
  return { backend, order, confirm };
}

describe('TestPaymentProvider', () => {
  afterEach(() => {
    // A failed test may leave a challenge open.
    for (const dialog of document.querySelectorAll('dialog[data-test-challenge]')) dialog.remove();
  });

  it('mounts a labelled select of test cards and tokenizes the choice', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const a = new TestPaymentProvider();
    const b = new TestPaymentProvider();
    a.mount(container);
    b.mount(container);
    const selects = container.querySelectorAll('select');
    expect(selects).to.have.length(2);
    expect(selects[0]!.id).to.not.equal(selects[1]!.id);
    expect(selects[0]!.labels[0]!.textContent).to.equal('Test card');
    expect([...selects[0]!.options].map((o) => o.value)).to.deep.equal(Object.keys(TEST_TOKENS));
    selects[0]!.value = 'tok_chargeDeclined';
    expect(await a.tokenize()).to.equal('tok_chargeDeclined');
    expect(await b.tokenize()).to.equal('tok_visa');
    a.unmount();
    b.unmount();
    expect(container.childElementCount).to.equal(0);
    let rejected = false;
    await a.tokenize().catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    container.remove();
  });

  it('says what each test card does', () => {
    const container = document.createElement('div');
    const provider = new TestPaymentProvider();
    provider.mount(container);
    const labels = [...container.querySelectorAll('option')].map((o) => o.textContent);
    expect(labels).to.include.members([
      'Visa 4242 (works)',
      'Visa 0002 (declined: generic decline)',
      'Visa 9995 (declined: insufficient funds)',
      'Visa 3184 (3-D Secure on every payment)',
      'Visa 3155 (3-D Secure when saved)',
      'Visa 3063 (3-D Secure that always fails)',
      'SEPA Direct Debit 3000 (a bank debit that settles later)',
    ]);
    provider.unmount();
  });

  describe('confirmSetup', () => {
    it('confirms a card the bank does not challenge without showing anything', async () => {
      const { confirmed, attached } = await save('tok_mastercard', async () => {
        expect(document.querySelector('dialog[data-test-challenge]')).to.equal(null);
      });
      expect(confirmed).to.equal(true);
      expect(attached.status).to.equal(201);
      expect(attached.json).to.deep.include({ type: 'card', label: 'Mastercard •••• 4444' });
    });

    it('shows a labelled modal challenge with focus in it; Complete attaches the card', async () => {
      const { confirmed, attached } = await save('tok_threeDSecureSetup', async () => {
        const dialog = await challenge();
        expect(dialog.open).to.equal(true);
        expect(dialog.matches(':modal')).to.equal(true);
        expect(dialog.parentElement).to.equal(document.body);
        const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!)!;
        expect(heading.textContent).to.equal('Test 3-D Secure challenge');
        expect(dialog.textContent).to.include('Your bank asks you to confirm this payment. Test mode: nothing is charged.');
        expect(dialog.contains(document.activeElement)).to.equal(true);
        expect([...dialog.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Complete', 'Fail']);
        await answer('complete');
      });
      expect(confirmed).to.equal(true);
      expect(attached.status).to.equal(201);
      expect(attached.json).to.deep.include({ label: 'Visa •••• 3155' });
      expect(document.querySelector('dialog[data-test-challenge]'), 'removed once closed').to.equal(null);
    });

    it('resolves after a failed challenge; attaching is then declined', async () => {
      const { confirmed, attached } = await save('tok_threeDSecureRequired', () => answer('fail'));
      expect(confirmed).to.equal(true);
      expect(attached.status).to.equal(402);
      expect(attached.json).to.include({ code: 'payment_declined', declineCode: 'authentication_failed' });
    });

    it('fails tok_threeDSecureFail even when the buyer completes the challenge', async () => {
      const { attached } = await save('tok_threeDSecureFail', () => answer('complete'));
      expect(attached.json).to.include({ code: 'payment_declined', declineCode: 'authentication_failed' });
    });

    it('rejects when the buyer closes the challenge with Escape, leaving the setup incomplete', async () => {
      const { confirmed, attached } = await save('tok_threeDSecureRequired', async () => {
        await challenge();
        await sendKeys({ press: 'Escape' });
      });
      expect(confirmed).to.equal('Authentication was cancelled.');
      expect(attached.status).to.equal(422);
      expect((attached.json as { errors: unknown[] }).errors).to.deep.equal([
        { field: 'setupId', code: 'setup_incomplete', message: 'The payment provider has not confirmed this setup yet.' },
      ]);
      expect(document.querySelector('dialog[data-test-challenge]')).to.equal(null);
    });

    it('rejects without a network or for an unknown setup', async () => {
      const container = document.createElement('div');
      const lone = new TestPaymentProvider();
      lone.mount(container);
      const error = await lone.confirmSetup('seti_1_secret_x').catch((e: Error) => e);
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(/network/);
      const { provider, done } = mounted(new MockBackend(), 'tok_visa');
      expect(await provider.confirmSetup('seti_404_secret_x').catch((e: Error) => e.message)).to.match(/No setup/);
      done();
    });
  });

  describe('handleNextAction', () => {
    it('records a completed challenge: confirming completes the order', async () => {
      const { backend, order, confirm } = await challenged('tok_threeDSecureRequired');
      const provider = new TestPaymentProvider({ network: backend });
      const handled = provider.handleNextAction(order.nextAction!);
      await answer('complete');
      await handled;
      expect(await confirm()).to.include({ status: 'completed' });
      expect(backend.cart.items).to.deep.equal([]);
    });

    it('records a failed challenge: confirming fails the order', async () => {
      const { backend, order, confirm } = await challenged('tok_threeDSecureRequired');
      const handled = new TestPaymentProvider({ network: backend }).handleNextAction(order.nextAction!);
      await answer('fail');
      await handled;
      const confirmed = await confirm();
      expect(confirmed.status).to.equal('failed');
      expect(confirmed.failure).to.include({ code: 'payment_declined', declineCode: 'authentication_failed' });
    });

    it('resolves when the buyer closes the challenge with Escape, recording nothing: the order fails on confirming', async () => {
      const { backend, order, confirm } = await challenged('tok_threeDSecureRequired');
      const handled = new TestPaymentProvider({ network: backend }).handleNextAction(order.nextAction!);
      await challenge();
      await sendKeys({ press: 'Escape' });
      await handled;
      expect(document.querySelector('dialog[data-test-challenge]')).to.equal(null);
      expect((await call(backend, 'GET', `/orders/${order.id}`)).json).to.include({ status: 'requires_action' });
      expect((await confirm()).failure).to.include({ declineCode: 'authentication_failed' });
    });

    it('gives two challenges on one page their own ids', async () => {
      const first = await challenged('tok_threeDSecureRequired');
      const second = await challenged('tok_threeDSecureFail');
      const a = new TestPaymentProvider({ network: first.backend }).handleNextAction(first.order.nextAction!);
      const dialog = await challenge();
      // A modal over a modal is unusual but possible; ids must not collide.
      const b = new TestPaymentProvider({ network: second.backend }).handleNextAction(second.order.nextAction!);
      await waitUntil(() => document.querySelectorAll('dialog[data-test-challenge]').length === 2);
      const [one, two] = document.querySelectorAll('dialog[data-test-challenge]');
      expect(one!.getAttribute('aria-labelledby')).to.not.equal(two!.getAttribute('aria-labelledby'));
      two!.querySelector<HTMLButtonElement>('button[value=complete]')!.click();
      dialog.querySelector<HTMLButtonElement>('button[value=complete]')!.click();
      await Promise.all([a, b]);
      expect((await first.confirm()).status).to.equal('completed');
      // tok_threeDSecureFail fails whatever the buyer does.
      expect((await second.confirm()).status).to.equal('failed');
    });

    it('does nothing for a redirect', async () => {
      const backend = new MockBackend();
      await new TestPaymentProvider({ network: backend }).handleNextAction({ type: 'redirect', redirectUrl: 'https://bank.test/' });
      expect(document.querySelector('dialog[data-test-challenge]')).to.equal(null);
    });
  });
});
