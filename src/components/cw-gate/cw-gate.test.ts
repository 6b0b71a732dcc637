import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { MockBackend, type ScenarioName } from '../../mock/backend.js';
import { part, parts, recordSends, rest, textOf } from '../../../test/step-fixture.js';
import type { StepId } from '../../machine/checkout.machine.js';
import '../../define.js';
import type { CwGate } from './cw-gate.js';

async function gate(step: StepId, options: { scenario?: ScenarioName; backend?: MockBackend }) {
  const { actor, backend } = await driveTo(step, options);
  const el = await fixture<CwGate>(html`<cw-gate .actor=${actor}></cw-gate>`);
  const sent = recordSends(actor);
  return { el, actor, backend, sent };
}

describe('cw-gate', () => {
  it('signed out: asks to sign in again, and Try again loads the checkout again', async () => {
    // The session has ended for the first load only: the account's 401 decides the gate; by the retry it is back.
    const backend = new MockBackend({ scenario: 'empty-cart' });
    backend.inject({ op: 'getAccount', status: 401 });
    const { el, actor, sent } = await gate('signed-out', { backend });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Please sign in again');
    expect(textOf(el)).to.include('Your session has ended. Sign in again, then try again.');
    part(el, 'retry').click();
    expect(sent).to.deep.equal([{ type: 'RETRY' }]);
    await rest(el, actor, 'select');
    // Past the gates, the element draws nothing.
    expect(textOf(el)).to.equal('');
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

  it('not a billing contact: names the billing contact to ask, with no action', async () => {
    const { el, backend } = await gate('forbidden', { scenario: 'user' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Only billing contacts can add products');
    expect(textOf(el)).to.include(`Ask your billing contact (${backend.account.billingEmail}) to add it for you.`);
    expect(el.shadowRoot!.querySelectorAll('button, a')).to.have.length(0);
  });

  it('billing service unavailable: says why, and Try again asks again while it stays down', async () => {
    const { el, actor, backend, sent } = await gate('unavailable', { scenario: 'backend-down' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Checkout is not available right now');
    expect(textOf(el)).to.include('The billing service is busy. Try again in a moment.');
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
    expect(textOf(el)).to.include('We could not reach the billing service. Check your connection and try again.');
  });
});
