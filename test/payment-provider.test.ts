import { expect } from '@open-wc/testing';
import { TestPaymentProvider } from '../src/mock/payment-provider.js';

// The mock's payment provider draws into the page, so it is tested here; the rest of src/mock runs in Node.

describe('TestPaymentProvider', () => {
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
    expect([...selects[0]!.options].map((o) => o.value)).to.deep.equal(['tok_visa', 'tok_mastercard', 'tok_chargeDeclined']);
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
});
