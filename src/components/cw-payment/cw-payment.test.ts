import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { createState } from '../../mock/fixtures.js';
import { TestPaymentProvider } from '../../mock/payment-provider.js';
import type { ScenarioName } from '../../mock/backend.js';
import { HeldBackend, money, part, parts, recordSends, rest, textOf } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwPayment } from './cw-payment.js';

/**
 * The pay step with the test provider's fields in its `payment` slot, mounted up front
 * (the wizard mounts them when a method is being added; the slot shows them only then).
 */
async function payment(options: { scenario?: ScenarioName; backend?: HeldBackend; provider?: false } = {}) {
  const backend = options.backend ?? new HeldBackend({ scenario: options.scenario ?? 'empty-cart' });
  const provider = options.provider === false ? undefined : new TestPaymentProvider({ network: backend });
  const { actor } = await driveTo('pay', { backend, input: { provider } });
  const el = await fixture<CwPayment>(html`<cw-payment .actor=${actor}><div slot="payment"></div></cw-payment>`);
  provider?.mount(el.querySelector('div')!);
  const sent = recordSends(actor);
  const vat = el.shadowRoot!.querySelector<HTMLInputElement>('#vat')!;
  const typeVat = async (text: string) => {
    vat.value = text;
    vat.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
  };
  const methods = () =>
    parts(el, 'method').map((m) => ({ text: m.textContent!.replace(/\s+/g, ' ').trim(), checked: m.querySelector('input')!.checked }));
  const totals = () => [...part(el, 'totals').querySelectorAll('dt, dd')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
  const quote = () => actor.getSnapshot().context.quote!;
  /** Adds a card through the provider's fields, as a buyer does: Add, pick the test card, Save (and pass its bank's challenge). */
  const addCard = async (token: string, challenge?: 'complete' | 'fail') => {
    part(el, 'add-method').click();
    await el.updateComplete;
    el.querySelector('select')!.value = token;
    part(el, 'save-method').click();
    await waitUntil(() => sent.some((e) => e.type === 'SAVE_METHOD'), 'the card was not saved');
    if (challenge) await answerChallenge(challenge);
    await rest(el, actor, 'pay');
  };
  return { el, actor, backend, provider, sent, vat, typeVat, methods, totals, quote, addCard };
}

/** The test bank's challenge (in the page, as Stripe's own), answered as the buyer would. */
async function answerChallenge(answer: 'complete' | 'fail') {
  const dialog = () => document.querySelector<HTMLDialogElement>('dialog[data-test-challenge]');
  await waitUntil(() => dialog()?.open, 'the challenge did not open');
  dialog()!.querySelector<HTMLButtonElement>(`button[value=${answer}]`)!.click();
}

const alertText = (el: CwPayment, selector: string) => el.shadowRoot!.querySelector(`${selector}[role=alert]`)?.textContent?.trim();

describe('cw-payment', () => {
  it("shows the method on file chosen, the quote's tax and total, and the total on Place order", async () => {
    const { el, methods, totals, quote } = await payment();
    expect(methods()).to.deep.equal([{ text: 'Visa •••• 4242 Expires 12/2030 Default', checked: true }]);
    expect(totals()).to.deep.equal(['Subtotal', money(quote().subtotal), 'VAT 22%', money(quote().tax.amount), 'Total due today', money(quote().total)]);
    expect(part(el, 'place-order').textContent!.trim()).to.equal(`Place order · ${money(quote().total)}`);
    expect(part(el, 'add-method').textContent!.trim()).to.equal('Add payment method');
  });

  it('while the order is placed the button says so, is aria-disabled and ignores presses; one order results', async () => {
    const { el, actor, backend, sent } = await payment();
    backend.hold();
    part(el, 'place-order').click();
    await el.updateComplete;
    const button = part(el, 'place-order');
    expect(button.textContent!.trim()).to.equal('Placing your order…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    button.click();
    expect(sent).to.deep.equal([{ type: 'PLACE_ORDER' }]);
    expect(backend.waiting).to.equal(1);
    backend.release();
    await rest(el, actor, 'done');
    expect(backend.orders).to.have.length(1);
  });

  it("adds a card through the provider's fields and chooses it", async () => {
    const { el, sent, methods, addCard } = await payment();
    await addCard('tok_mastercard');
    expect(sent).to.deep.equal([{ type: 'ADD_METHOD' }, { type: 'SAVE_METHOD' }]);
    expect(methods()).to.deep.equal([
      { text: 'Visa •••• 4242 Expires 12/2030 Default', checked: false },
      { text: 'Mastercard •••• 4444 Expires 08/2029', checked: true },
    ]);
    // The provider's fields are gone once the card is saved.
    expect(parts(el, 'save-method')).to.have.length(0);
  });

  it('a decline is said beside Place order, which gets focus; the card stays declined until chosen again', async () => {
    const { el, actor, backend, sent, methods, addCard } = await payment();
    await addCard('tok_chargeDeclined');
    part(el, 'place-order').click();
    await rest(el, actor, 'pay');
    expect(alertText(el, '#method-error')).to.equal('Your payment method was declined. Choose or add another one.');
    const message = el.shadowRoot!.querySelector('#method-error')!;
    expect(message.nextElementSibling!.matches('.actions'), 'right above Place order').to.equal(true);
    expect(part(el, 'methods').getAttribute('aria-describedby')).to.equal('method-error');
    expect(methods().find((m) => m.checked)!.text).to.include('Visa •••• 0002');
    expect(el.shadowRoot!.activeElement === message, 'focus on the decline').to.equal(true);
    // Place order again with the same card asks nothing until the card is chosen again.
    const posts = () => backend.requests.filter((r) => r.op === 'placeOrder').length;
    part(el, 'place-order').click();
    await rest(el, actor, 'pay');
    expect(posts()).to.equal(1);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=method]:checked')!.click();
    await el.updateComplete;
    expect(sent.filter((e) => e.type === 'PAYMENT_METHOD')).to.have.length(1);
    // Choosing another method clears the message.
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=method]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#method-error')).to.equal(null);
  });

  it('a VAT number with a wrong check digit is refused at the field without asking the server', async () => {
    const { el, backend, sent, vat, typeVat } = await payment();
    await typeVat('IT12345678901');
    part(el, 'apply-vat').click();
    await el.updateComplete;
    expect(sent.map((e) => e.type)).to.deep.equal(['VAT', 'APPLY_VAT']);
    expect(alertText(el, '#vat-status p')).to.equal('This VAT number has a typo: its check digit does not match.');
    expect(vat.getAttribute('aria-invalid')).to.equal('true');
    expect(vat.value).to.equal('IT12345678901');
    expect(backend.requests.filter((r) => r.op === 'validateVatId')).to.have.length(0);
  });

  it('a verified VAT number of another EU country re-prices the order without VAT, and says whose it is', async () => {
    const { el, actor, backend, typeVat, totals, quote } = await payment({ scenario: 'eu-business' });
    const subtotal = quote().subtotal;
    expect(quote().tax.amount.amount, 'German VAT before the number').to.be.greaterThan(0);
    await typeVat('DE136695976');
    backend.hold();
    part(el, 'apply-vat').click();
    await el.updateComplete;
    expect(part(el, 'place-order').getAttribute('aria-disabled')).to.equal('true');
    backend.release();
    await rest(el, actor, 'pay');
    expect(textOf(el)).to.include('VAT number verified: Müller Maschinenbau GmbH');
    expect(textOf(el)).to.include('Reverse charge: VAT to be accounted for by the recipient (DE136695976)');
    expect(totals()).to.deep.equal(['Subtotal', money(subtotal), 'VAT 0%', money({ ...subtotal, amount: 0 }), 'Total due today', money(subtotal)]);
    expect(part(el, 'place-order').textContent!.trim()).to.equal(`Place order · ${money(subtotal)}`);
  });

  it('with no method on file and no provider, says whom to ask, and Place order asks for a method', async () => {
    const seed = createState('empty-cart');
    seed.account.paymentMethods = [];
    const { el, actor, sent, methods } = await payment({ backend: new HeldBackend({ seed }), provider: false });
    expect(methods()).to.have.length(0);
    expect(textOf(el)).to.include('To add a payment method, contact your billing administrator.');
    expect(parts(el, 'add-method')).to.have.length(0);
    part(el, 'place-order').click();
    await rest(el, actor, 'pay');
    expect(sent).to.deep.equal([{ type: 'PLACE_ORDER' }]);
    expect(alertText(el, '#method-error')).to.equal('Choose a payment method.');
  });

  it('a provider that cannot confirm the card is heard in its own words, at the payment method', async () => {
    const { el, actor, provider } = await payment();
    part(el, 'add-method').click();
    await el.updateComplete;
    // The provider's fields are gone before Save: confirming rejects with its own message.
    provider!.unmount();
    part(el, 'save-method').click();
    await rest(el, actor, 'pay');
    expect(alertText(el, '#method-error')).to.equal('The payment form is not ready yet.');
  });

  it('a card the bank challenges when saved is saved once the buyer completes the challenge', async () => {
    const { methods, addCard } = await payment();
    await addCard('tok_threeDSecureSetup', 'complete');
    expect(methods().find((m) => m.checked)!.text).to.include('3155');
  });

  it('a payment the bank challenges says so while the challenge is open, and ends on the confirmation', async () => {
    const { el, actor, backend, addCard } = await payment();
    await addCard('tok_threeDSecureRequired', 'complete');
    part(el, 'place-order').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=order-status]'), 'no status while the bank challenges');
    expect(part(el, 'order-status').textContent!.trim()).to.equal('Confirm the payment in the window from your bank…');
    expect(parts(el, 'place-order'), 'no second way to pay while it is under way').to.have.length(0);
    expect((part(el, 'methods') as HTMLFieldSetElement).disabled).to.equal(true);
    await answerChallenge('complete');
    await rest(el, actor, 'done');
    expect(backend.orders).to.have.length(1);
  });

  it("a failed challenge returns to the payment method with the bank's reason", async () => {
    const { el, actor, addCard } = await payment();
    await addCard('tok_threeDSecureRequired', 'complete');
    part(el, 'place-order').click();
    await answerChallenge('fail');
    await rest(el, actor, 'pay');
    expect(alertText(el, '#method-error')).to.equal('Your bank could not confirm this payment. Try again, or choose another payment method.');
  });

  it('each decline says why: insufficient funds', async () => {
    const { el, actor, addCard } = await payment();
    await addCard('tok_insufficientFunds');
    part(el, 'place-order').click();
    await rest(el, actor, 'pay');
    expect(alertText(el, '#method-error')).to.equal('The card has insufficient funds. Choose or add another payment method.');
  });

  it('above Place order: the lines, the total, the renewal statement and the authorisation for renewals', async () => {
    const { el, quote } = await payment();
    const recap = part(el, 'recap').textContent!.replace(/\s+/g, ' ');
    const q = quote();
    for (const line of q.lines) expect(recap).to.include(`${line.productName} · ${line.tierName}`).and.include(money(line.amount));
    expect(q.renewals, 'the mock quotes renewals').to.have.length.greaterThan(0);
    const [renewal] = q.renewals!;
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${renewal!.date}T00:00:00Z`));
    expect(part(el, 'renewal').textContent!.trim()).to.equal(
      `Renews automatically on ${date} at ${money(renewal!.amount)} a ${renewal!.term === 'annual' ? 'year' : 'month'} until you cancel.`,
    );
    expect(part(el, 'authorise').textContent).to.include('authorise us to charge your payment method now and at each renewal');
  });
});
