import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createActor, fromPromise } from 'xstate';
import { checkoutMachine } from '../../machine/checkout.machine.js';
import { createMockAdapter } from '../../mock/adapter.js';
import type { Loaded } from '../../machine/types.js';
import { driveTo } from '../../mock/drive.js';
import { MockBackend, type ScenarioName } from '../../mock/backend.js';
import { createState } from '../../mock/fixtures.js';
import { UNAVAILABLE_RETRY_S, type CheckoutInput } from '../../machine/types.js';
import { part, parts, recordSends, rest, textOf } from '../../../test/step-fixture.js';
import type { StepId } from '../../machine/checkout.machine.js';
import '../../../test/define-all.js';
import type { CwGate } from './cw-gate.js';

async function gate(step: StepId, options: { scenario?: ScenarioName; backend?: MockBackend; input?: Omit<CheckoutInput, 'adapter'> }) {
  const { actor, backend } = await driveTo(step, options);
  const el = await fixture<CwGate>(html`<cw-gate .actor=${actor}></cw-gate>`);
  const sent = recordSends(actor);
  return { el, actor, backend, sent };
}

/** Clicks "Sign in" and reports what the host heard and whether the link would be followed (the test page stays either way). */
function signIn(el: CwGate, host: (e: CustomEvent) => void = () => {}) {
  const heard: CustomEvent[] = [];
  const listener = (e: Event) => {
    heard.push(e as CustomEvent);
    host(e as CustomEvent);
  };
  let followed: boolean | undefined;
  // Last in the click's path: reads whether the link would be followed, then stops it.
  const guard = (e: Event) => {
    followed = !e.defaultPrevented;
    e.preventDefault();
  };
  document.addEventListener('cw-sign-in', listener);
  window.addEventListener('click', guard);
  try {
    part(el, 'sign-in').click();
  } finally {
    document.removeEventListener('cw-sign-in', listener);
    window.removeEventListener('click', guard);
  }
  return { heard, followed };
}

type Contact = { name: string; email: string } | null | undefined;

/** A user who is not the billing contact, on an account that names one (1.3.0) or not, opening the checkout at `product`. */
async function forbidden(billingContact: Contact, product?: string) {
  const seed = createState('user');
  if (billingContact === undefined) delete seed.account.billingContact;
  else seed.account.billingContact = billingContact;
  return gate('forbidden', { backend: new MockBackend({ seed }), input: { product } });
}

/**
 * The same gate on a checkout that knows the catalog (today's machine drops it for a plain user, so the product
 * goes unnamed): its load answers with the catalog of a billing contact's account.
 */
async function forbiddenKnowing(billingContact: Contact, product: string) {
  const user = createState('user');
  user.account.billingContact = billingContact;
  const catalog = createState('empty-cart').catalogs[user.account.currency]!;
  const loaded: Loaded = { account: user.account, catalog, cart: { id: '', items: [] } };
  const machine = checkoutMachine.provide({ actors: { load: fromPromise(async () => loaded) } });
  const actor = createActor(machine, { input: { adapter: createMockAdapter(new MockBackend({ seed: user })), product } }).start();
  await waitUntil(() => actor.getSnapshot().value === 'forbidden', 'not at the forbidden gate');
  const el = await fixture<CwGate>(html`<cw-gate .actor=${actor}></cw-gate>`);
  return { el, catalog };
}

const GIULIA = { name: 'Giulia Rossi', email: 'giulia.rossi@example.it' };

describe('cw-gate', () => {
  it('signed out: asks to sign in again, and Try again loads the checkout again', async () => {
    // The session has ended for the first load only: the account's 401 decides the gate; by the retry it is back.
    const backend = new MockBackend({ scenario: 'empty-cart' });
    backend.inject({ op: 'getAccount', status: 401 });
    const { el, actor, sent } = await gate('signed-out', { backend });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Please sign in again');
    expect(textOf(el)).to.include('Your session has ended. Sign in again, then try again.');
    const actions = [...el.shadowRoot!.querySelectorAll('[part~=retry], [part~=sign-in]')];
    expect(actions.map((b) => [b.getAttribute('part'), b.textContent!.trim()])).to.deep.equal([
      ['sign-in', 'Sign in'],
      ['retry', 'Try again'],
    ]);
    expect(part(el, 'icon').getAttribute('aria-hidden')).to.equal('true');
    part(el, 'retry').click();
    expect(sent).to.deep.equal([{ type: 'RETRY' }]);
    await rest(el, actor, 'select');
    // Past the gates, the element draws nothing.
    expect(textOf(el)).to.equal('');
  });

  it('signed out with a sign-in-url: "Sign in" tells the host and goes there, unless the host cancels', async () => {
    const url = 'https://id.example.com/login?return=%2Fbilling';
    const { el, sent } = await gate('signed-out', { scenario: 'signed-out', input: { signInUrl: url } });
    const link = part<HTMLAnchorElement>(el, 'sign-in');
    // A link in this window: where it leads shows, and it is followed like any link.
    expect([link.localName, link.href, link.target]).to.deep.equal(['a', url, '']);
    const { heard, followed } = signIn(el);
    expect(heard.map((e) => [e.detail, e.cancelable, e.bubbles, e.composed])).to.deep.equal([[{ url }, true, true, true]]);
    expect(followed).to.equal(true);
    // A host that signs the user in itself cancels it: no navigation.
    const cancelled = signIn(el, (e) => e.preventDefault());
    expect([cancelled.heard.length, cancelled.followed]).to.deep.equal([1, false]);
    expect(sent).to.deep.equal([]);
  });

  it('signed out without a safe sign-in-url: "Sign in" is a button whose event, with a null url, is the host\'s cue', async () => {
    for (const input of [
      {},
      { signInUrl: 'javascript:alert(1)' },
      { signInUrl: 'http://id.example.com/login' },
      { signInUrl: '/login' },
      { signInUrl: 'https://id.example.com/login', allowedOrigins: ['https://billing.example.com'] },
    ]) {
      const { el } = await gate('signed-out', { scenario: 'signed-out', input });
      const button = part(el, 'sign-in');
      expect(button.localName, JSON.stringify(input)).to.equal('button');
      const { heard } = signIn(el);
      expect(heard.map((e) => e.detail), JSON.stringify(input)).to.deep.equal([{ url: null }]);
    }
    // An allowed origin lets it through.
    const { el } = await gate('signed-out', {
      scenario: 'signed-out',
      input: { signInUrl: 'https://id.example.com/login', allowedOrigins: ['https://id.example.com'] },
    });
    expect(part<HTMLAnchorElement>(el, 'sign-in').href).to.equal('https://id.example.com/login');
  });

  it('corporate account: links to its billing portal in a new tab and offers nothing to buy', async () => {
    const { el } = await gate('corporate', { scenario: 'corporate' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Your account is managed in the corporate billing portal');
    const link = part<HTMLAnchorElement>(el, 'portal');
    expect(link.href).to.equal('https://billing.example.com/corporate');
    expect(link.textContent!.trim()).to.equal('Open the corporate billing portal');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('not a billing contact: "Ask <billing contact>" writes them an e-mail asking for a product', async () => {
    const { el, backend } = await forbidden(GIULIA, 'remote-support');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Only billing contacts can add products');
    expect(textOf(el)).to.include(`Ask your billing contact (${GIULIA.email}) to add it for you.`);
    const ask = part<HTMLAnchorElement>(el, 'ask');
    // The contact's name is a server text: isolated, so it keeps its direction inside the label.
    expect(ask.textContent!.trim()).to.equal('Ask \u2068Giulia Rossi\u2069');
    expect(ask.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(ask.target).to.equal('');
    // The product is not known here (the machine keeps no catalog for a plain user): a generic subject.
    expect(ask.href.slice(0, ask.href.indexOf('&body='))).to.equal('mailto:giulia.rossi@example.it?subject=Please%20add%20a%20product%20to%20our%20subscription');
    const query = new URLSearchParams(ask.href.slice(ask.href.indexOf('?') + 1));
    expect([...query.keys()]).to.deep.equal(['subject', 'body']);
    expect(query.get('body')).to.equal(
      `Hi Giulia Rossi,\r\n\r\nCould you add a product to our subscription? Only billing contacts can add products.\r\n\r\nThank you,\r\n${backend.account.viewer.name}`,
    );
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('not a billing contact, on a checkout that knows the product asked for: the subject and body name it, encoded', async () => {
    const { el, catalog } = await forbiddenKnowing(GIULIA, 'remote-support');
    const name = catalog.products.find((p) => p.id === 'remote-support')!.name;
    const href = part<HTMLAnchorElement>(el, 'ask').href;
    expect(href.slice(0, href.indexOf('&body='))).to.equal(`mailto:giulia.rossi@example.it?subject=${encodeURIComponent(`Please add ${name} to our subscription`)}`);
    expect(new URLSearchParams(href.split('?')[1]).get('body')).to.include(`Could you add ${name} to our subscription?`);
  });

  it('an address that is not one address: its parts encoded, so it adds no recipient or header; no link when it is not an address', async () => {

    // Its parts are encoded: an address cannot add recipients or headers of its own.
    const odd = await forbidden({ name: 'Ops & Billing', email: 'billing+ops@example.it?cc=attacker@example.com' });
    const href = part<HTMLAnchorElement>(odd.el, 'ask').href;
    expect(href.split('?')[0]).to.equal('mailto:billing%2Bops%40example.it%3Fcc%3Dattacker@example.com');
    expect([...new URLSearchParams(href.split('?')[1]).keys()]).to.deep.equal(['subject', 'body']);

    for (const email of ['', 'giulia', 'giulia@', '@example.it', 'a@example.it, b@example.it']) {
      const bad = await forbidden({ name: 'Giulia Rossi', email });
      expect(parts(bad.el, 'ask'), email).to.have.length(0);
    }
  });

  it('not a billing contact, on an account that names none: the billing e-mail to ask, with no action', async () => {
    for (const contact of [undefined, null]) {
      const { el, backend } = await forbidden(contact);
      expect(textOf(el)).to.include(`Ask your billing contact (${backend.account.billingEmail}) to add it for you.`);
      expect(el.shadowRoot!.querySelectorAll('button, a')).to.have.length(0);
    }
  });

  it('billing service unavailable: says why and when it tries again by itself, and Try again asks again while it stays down', async () => {
    const { el, actor, backend, sent } = await gate('unavailable', { scenario: 'backend-down' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Checkout is not available right now');
    expect(textOf(el)).to.include('The billing service is busy. Try again in a moment.');
    expect(UNAVAILABLE_RETRY_S).to.equal(30);
    expect(textOf(el)).to.include('We will try again in 30 seconds.');
    const before = backend.requests.length;
    part(el, 'retry').click();
    expect(sent).to.deep.equal([{ type: 'RETRY' }]);
    await rest(el, actor, 'unavailable');
    expect(backend.requests.length).to.be.greaterThan(before);
    expect(parts(el, 'retry')).to.have.length(1);
  });

  it('a network failure on load shows the unavailable gate with the network message', async () => {
    const backend = new MockBackend({ scenario: 'empty-cart' });
    backend.inject({ op: 'getAccount', drop: 'before' });
    const { el } = await gate('unavailable', { backend });
    expect(textOf(el)).to.include('We could not reach the billing service. Check your connection and try again. We will try again in 30 seconds.');
  });
});
