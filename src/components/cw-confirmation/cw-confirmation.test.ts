import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { MockBackend, type MockBackendOptions } from '../../mock/backend.js';
import { createState } from '../../mock/fixtures.js';
import { findProduct, findTier } from '../../machine/rules.js';
import type { CheckoutActor } from '../../machine/checkout.machine.js';
import type { CheckoutInput } from '../../machine/types.js';
import type { Order, Quote, Term } from '../../contract/types.js';
import { VERSION } from '../../machine/persist.js';
import { money, part, parts, recordSends, rest, stepNow, textOf } from '../../../test/step-fixture.js';
import '../../../test/define-all.js';
import type { CwConfirmation } from './cw-confirmation.js';

// A fixed clock: the billing and trial end dates on the page are then known.
const now = () => new Date('2025-03-10T09:00:00Z');

/** What a test changes in the backend's answers, as a server of another version might send them. */
interface Shapes {
  order?: (order: Order) => void;
  quote?: (quote: Quote) => void;
}

/** A backend whose placed orders and quotes the test shapes (a receipt URL, no lines, a discount). */
class ShapedBackend extends MockBackend {
  constructor(
    options: MockBackendOptions,
    readonly shapes: Shapes,
  ) {
    super(options);
  }

  override async handle(request: Request): Promise<Response> {
    const response = await super.handle(request);
    const path = new URL(request.url).pathname;
    const shape = path.endsWith('/orders') ? this.shapes.order : path.endsWith('/quotes') ? this.shapes.quote : undefined;
    if (request.method !== 'POST' || !response.ok || !shape) return response;
    const body = await response.json();
    shape(body);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  }
}

/** A billing contact with nothing yet: no quote of theirs has adjustments for products they already have. */
const fresh = () => {
  const seed = createState('empty-cart');
  seed.account.subscriptions = [];
  return seed;
};

/** An order with this receipt URL (undefined: none sent). */
const withReceipt = (receiptUrl: string | null | undefined): Shapes => ({
  order: (order) => {
    if (receiptUrl === undefined) delete order.receiptUrl;
    else order.receiptUrl = receiptUrl;
  },
});

async function mount(actor: CheckoutActor) {
  const el = await fixture<CwConfirmation>(html`<cw-confirmation .actor=${actor}></cw-confirmation>`);
  const sent = recordSends(actor);
  const facts = () => [...part(el, 'summary').children].map((c) => c.textContent!.trim());
  const lines = () => [...el.shadowRoot!.querySelectorAll('[part~=recap] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
  const sentence = () => el.shadowRoot!.querySelector('.billing-day')?.textContent?.trim() ?? null;
  return { el, actor, sent, facts, lines, sentence };
}

/** The confirmation of an order paid with the method on file. */
async function ordered(backend: MockBackend = new MockBackend({ seed: fresh(), now }), input?: Omit<CheckoutInput, 'adapter'>) {
  const { actor } = await driveTo('done', { backend, input });
  return { ...(await mount(actor)), backend };
}

/** A billing contact whose cart holds these items (product, tier, term), ordered on `day` from the cart (progress saved there). */
async function orderedItems(items: [productId: string, tierId: string, term: Term][], day = '2025-03-10', shapes: Shapes = {}) {
  const seed = fresh();
  seed.cart.items = items.map(([productId, tierId, term], i) => ({ id: `ci-${i}`, productId, tierId, seats: 5, term }));
  const restore = { v: VERSION, account: seed.account.id, step: 'cart', draft: { seatsText: '', term: 'monthly' } } as const;
  return ordered(new ShapedBackend({ seed, now: () => new Date(`${day}T09:00:00Z`) }, shapes), { restore });
}

/** The confirmation of a free trial: the trial chosen at the mode step, then started from the licenses. */
async function trialStarted() {
  const backend = new MockBackend({ scenario: 'empty-cart', now });
  const { actor } = await driveTo('mode', { backend });
  actor.send({ type: 'MODE', mode: 'trial' });
  if (stepNow(actor) === 'tier') actor.send({ type: 'TIER', tierId: actor.getSnapshot().context.draft.tierId! });
  actor.send({ type: 'START_TRIAL' });
  const mounted = await mount(actor);
  await rest(mounted.el, actor, 'done');
  return { ...mounted, backend };
}

/** Clicks "Assign licenses" and reports what the host heard and whether the link would still be followed. */
async function assign(el: CwConfirmation, host: (e: CustomEvent) => void = () => {}) {
  const heard: CustomEvent[] = [];
  const listener = (e: Event) => {
    heard.push(e as CustomEvent);
    host(e as CustomEvent);
  };
  let followed: boolean | undefined;
  // Last in the click's path: reads whether the link would be followed, then stops it so the test page stays.
  const guard = (e: Event) => {
    followed = !e.defaultPrevented;
    e.preventDefault();
  };
  document.addEventListener('cw-assign-licenses', listener);
  window.addEventListener('click', guard);
  try {
    part(el, 'assign').click();
  } finally {
    document.removeEventListener('cw-assign-licenses', listener);
    window.removeEventListener('click', guard);
  }
  return { heard, followed };
}

describe('cw-confirmation', () => {
  it('confirms the order: a success mark, what was bought, the tax and total paid, its number, the billing day and where the e-mail went', async () => {
    const { el, backend, facts, lines, sentence } = await ordered();
    const [order] = backend.orders;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Thank you! Your order is complete');
    const icon = part(el, 'icon');
    expect([icon.localName, icon.getAttribute('aria-hidden')]).to.deep.equal(['svg', 'true']);
    expect(textOf(el)).to.include('You can use your new products and licenses right away.');
    expect(part(el, 'recap').querySelector('h3')!.textContent).to.equal('Order summary');
    expect(lines()).to.deep.equal(
      order!.lines.map((l) => `${l.productName} · ${l.tierName} ${money(l.amount)} ${l.seats} user license${l.seats === 1 ? '' : 's'} · Billed monthly`),
    );
    const tax = order!.total.amount - order!.lines.reduce((sum, l) => sum + l.amount.amount, 0);
    expect(facts()).to.deep.equal(['VAT 22%', money({ amount: tax, currency: 'EUR' }), 'Total paid', money(order!.total), 'Order number', order!.id]);
    expect(sentence()).to.equal('Your billing date is now the 10th of each month.');
    expect(textOf(el)).to.include(`We sent a confirmation to ${order!.confirmationEmail}.`);
    expect(textOf(el)).to.not.include('Reverse charge');
  });

  it('no tax row when the quote paid had a discount or adjustments: the rows would not add up to the total', async () => {
    const discount = { code: 'SPRING20', description: '20 % off, once', amountOff: { amount: 100, currency: 'EUR' }, duration: 'once' } as const;
    const { backend, facts } = await ordered(new ShapedBackend({ seed: fresh(), now }, { quote: (quote) => (quote.discounts = [discount]) }));
    const [order] = backend.orders;
    expect(facts()).to.deep.equal(['Total paid', money(order!.total), 'Order number', order!.id]);
  });

  it('keeps the product and plan names in their own direction (<bdi>)', async () => {
    const { el, backend } = await ordered();
    const [line] = backend.orders[0]!.lines;
    const names = [...part(el, 'recap').querySelectorAll('li bdi')].map((b) => b.textContent);
    expect(names).to.deep.equal([line!.productName, line!.tierName]);
  });

  it('the billing day: each month for monthly plans, a day of the year for annual ones, both when the order mixes them', async () => {
    const annual = await orderedItems([['meetings', 'mt-business', 'annual']], '2025-12-02');
    expect(annual.sentence()).to.equal('Your billing date is now the 2nd of December each year.');
    expect(annual.lines()[0]).to.include('Billed annually');

    const monthly = await orderedItems([['meetings', 'mt-business', 'monthly']], '2025-06-23');
    expect(monthly.sentence()).to.equal('Your billing date is now the 23rd of each month.');

    const mixed = await orderedItems(
      [
        ['meetings', 'mt-business', 'monthly'],
        ['phone-system', 'ps-standard', 'annual'],
      ],
      '2025-01-11',
    );
    expect(mixed.sentence()).to.equal(
      'Your billing date is now the 11th of each month for monthly plans, and the 11th of January each year for annual plans.',
    );
    expect(mixed.lines()).to.have.length(2);
  });

  it('an order sent without lines is recapped from the quote it paid', async () => {
    const { backend, lines, sentence } = await orderedItems([['meetings', 'mt-business', 'annual']], '2025-12-02', { order: (order) => (order.lines = []) });
    expect(backend.orders[0]!.lines).to.have.length(1);
    expect(lines()).to.deep.equal(['Meetings · Business €800.00 5 user licenses · Billed annually']);
    expect(sentence()).to.equal('Your billing date is now the 2nd of December each year.');
  });

  it('"View receipt" opens the order\'s receipt in a new tab; none without one, nor for a URL that is not safe', async () => {
    const receipt = 'https://billing.example.com/receipts/ORD-1.pdf';
    const shaped = (url: string | null | undefined) => new ShapedBackend({ seed: fresh(), now }, withReceipt(url));

    const { el } = await ordered(shaped(receipt));
    const link = part<HTMLAnchorElement>(el, 'receipt');
    expect([link.href, link.target, link.rel]).to.deep.equal([receipt, '_blank', 'noopener noreferrer']);
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('View receipt (opens in a new tab)');
    expect(link.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');

    for (const url of [undefined, null, '', 'javascript:alert(1)', 'http://billing.example.com/r.pdf', '/receipts/ORD-1.pdf', 'https://u:p@billing.example.com/r']) {
      const other = await ordered(shaped(url));
      expect(parts(other.el, 'receipt'), String(url)).to.have.length(0);
    }
    // The host's allowed origins hold for the receipt too.
    const elsewhere = await ordered(shaped(receipt), { allowedOrigins: ['https://admin.example.com'] });
    expect(parts(elsewhere.el, 'receipt')).to.have.length(0);
    const allowed = await ordered(shaped(receipt), { allowedOrigins: ['https://billing.example.com', 'https://admin.example.com'] });
    expect(part<HTMLAnchorElement>(allowed.el, 'receipt').href).to.equal(receipt);
  });

  it('a bank debit still processing: its own heading and text, a clock for the mark, the amount, no billing day yet', async () => {
    const seed = fresh();
    seed.account.paymentMethods = [{ id: 'pm-sepa', type: 'sepa_debit', label: 'SEPA Direct Debit •••• 3000', expires: null, isDefault: true }];
    seed.cards = { 'pm-sepa': 'tok_sepaDebit' };
    const { el, backend, facts, sentence } = await ordered(new MockBackend({ seed, now }));
    const [order] = backend.orders;
    expect(order!.status).to.equal('processing');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Thank you! Your payment is processing');
    expect(part(el, 'icon').querySelector('.ring')).to.not.equal(null);
    expect(textOf(el)).to.include(`We will e-mail ${order!.confirmationEmail} when it does.`);
    expect(textOf(el)).to.not.include('right away');
    expect(facts().slice(2)).to.deep.equal(['Amount', money(order!.total), 'Order number', order!.id, 'New billing date', 'Mar 10, 2025']);
    expect(sentence()).to.equal(null);
    // Nothing to assign until the products start; adding another product is the way on.
    expect(parts(el, 'assign')).to.have.length(0);
    expect(part(el, 'add-more').classList.contains('primary')).to.equal(true);
  });

  it('confirms a trial: the product and plan, its licenses, when it ends, that nothing is charged before then, and the welcome e-mail', async () => {
    const { el, actor, backend, facts, lines, sentence } = await trialStarted();
    const [trial] = backend.trials;
    const product = findProduct(actor.getSnapshot().context.catalog, trial!.productId)!;
    const tier = findTier(product, trial!.tierId)!;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Your free trial has started');
    expect(part(el, 'icon').querySelector('.disc')).to.not.equal(null);
    expect(part(el, 'recap').querySelector('h3')!.textContent).to.equal('Your trial');
    expect(lines()).to.deep.equal([`${product.name} · ${tier.name} ${trial!.seats} user license${trial!.seats === 1 ? '' : 's'}`]);
    // The trial lasts the product's days from the fixed clock's day.
    const ends = new Date(Date.UTC(2025, 2, 10 + product.trial!.days));
    const endsText = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(ends);
    expect(facts()).to.deep.equal(['Trial ends', endsText]);
    expect(sentence()).to.equal(`Nothing is charged unless you buy before ${endsText}.`);
    expect(textOf(el)).to.include(`We sent a welcome e-mail to ${trial!.welcomeEmail}.`);
    expect(parts(el, 'receipt')).to.have.length(0);
  });

  it('"Assign licenses to users" opens the admin page in a new tab and tells the host which products were bought', async () => {
    const { el, actor, backend } = await ordered();
    const { catalog } = actor.getSnapshot().context;
    const bought = backend.orders[0]!.lines.map((l) => catalog!.products.find((p) => p.name === l.productName)!.id);
    const link = part<HTMLAnchorElement>(el, 'assign');
    expect(link.href).to.equal(backend.account.assignLicensesUrl);
    expect([link.target, link.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    const { heard, followed } = await assign(el);
    expect(heard.map((e) => e.detail)).to.deep.equal([{ url: backend.account.assignLicensesUrl, productIds: bought }]);
    expect(heard[0]!.cancelable).to.equal(true);
    expect(followed).to.equal(true);
  });

  it('a host that cancels the event routes itself: the link is not followed; without a URL it is a button', async () => {
    const { el } = await ordered();
    expect((await assign(el, (e) => e.preventDefault())).followed).to.equal(false);

    const seed = createState('empty-cart');
    seed.account.assignLicensesUrl = null;
    const bare = await ordered(new MockBackend({ seed, now }));
    const button = part(bare.el, 'assign');
    expect(button.localName).to.equal('button');
    const { heard } = await assign(bare.el);
    expect(heard.map((e) => e.detail.url)).to.deep.equal([null]);
  });

  it('"Add another product" sends RESTART and the checkout starts over', async () => {
    const { el, actor, sent } = await ordered();
    part(el, 'add-more').click();
    expect(sent).to.deep.equal([{ type: 'RESTART' }]);
    await rest(el, actor, 'select');
  });
});
