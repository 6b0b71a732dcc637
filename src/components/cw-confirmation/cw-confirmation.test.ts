import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { MockBackend } from '../../mock/backend.js';
import { createState } from '../../mock/fixtures.js';
import { findProduct } from '../../machine/rules.js';
import type { CheckoutActor } from '../../machine/checkout.machine.js';
import { money, part, recordSends, rest, stepNow, textOf } from '../../../test/step-fixture.js';
import '../../define.js';
import type { CwConfirmation } from './cw-confirmation.js';

// A fixed clock: the billing and trial end dates on the page are then known.
const now = () => new Date('2025-03-10T09:00:00Z');

async function mount(actor: CheckoutActor) {
  const el = await fixture<CwConfirmation>(html`<cw-confirmation .actor=${actor}></cw-confirmation>`);
  const sent = recordSends(actor);
  const facts = () => [...part(el, 'summary').children].map((c) => c.textContent!.trim());
  return { el, actor, sent, facts };
}

/** The confirmation of an order paid with the method on file. */
async function ordered(backend = new MockBackend({ scenario: 'empty-cart', now })) {
  const { actor } = await driveTo('done', { backend });
  return { ...(await mount(actor)), backend };
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
  it('confirms the order: its number, the total paid, the new billing date and where the e-mail went', async () => {
    const { el, backend, facts } = await ordered();
    const [order] = backend.orders;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Thank you! Your order is complete');
    expect(textOf(el)).to.include('You can use your new products and licenses right away.');
    expect(facts()).to.deep.equal(['Order number', order!.id, 'Total paid', money(order!.total), 'New billing date', 'Mar 10, 2025']);
    expect(textOf(el)).to.include(`We sent a confirmation to ${order!.confirmationEmail}.`);
    expect(textOf(el)).to.not.include('Reverse charge');
  });

  it('confirms a trial: the product, its licenses, when it ends and where the welcome e-mail went', async () => {
    const { el, actor, backend, facts } = await trialStarted();
    const [trial] = backend.trials;
    const product = findProduct(actor.getSnapshot().context.catalog, trial!.productId)!;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Your free trial has started');
    // The trial lasts the product's days from the fixed clock's day.
    const ends = new Date(Date.UTC(2025, 2, 10 + product.trial!.days));
    const endsText = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(ends);
    expect(facts()).to.deep.equal([product.name, `${trial!.seats} user license${trial!.seats === 1 ? '' : 's'}`, 'Trial ends', endsText]);
    expect(textOf(el)).to.include(`We sent a welcome e-mail to ${trial!.welcomeEmail}.`);
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
