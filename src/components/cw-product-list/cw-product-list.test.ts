import { expect, fixture, html } from '@open-wc/testing';
import { driveTo } from '../../mock/drive.js';
import { MockBackend, type ScenarioName } from '../../mock/backend.js';
import { createState } from '../../mock/fixtures.js';
import { parts, recordSends, rest, stepNow } from '../../../test/step-fixture.js';
import '../../define.js';
import type { CwProductList } from './cw-product-list.js';

async function list(scenario: ScenarioName = 'empty-cart') {
  const { actor } = await driveTo('select', { scenario });
  const el = await fixture<CwProductList>(html`<cw-product-list .actor=${actor}></cw-product-list>`);
  const sent = recordSends(actor);
  /** Each product card as the user reads it: its name, its lines of text, its badges and its button. */
  const card = (name: string) => {
    const article = parts(el, 'product').find((a) => a.querySelector('h3')!.textContent === name);
    if (!article) throw new Error(`no card for ${name}`);
    return {
      text: article.textContent!.replace(/\s+/g, ' '),
      badges: [...article.querySelectorAll('[part~=badge]')].map((b) => b.textContent!.trim()),
      button: article.querySelector<HTMLButtonElement>('[part~=choose]'),
    };
  };
  return { el, actor, sent, card };
}

describe('cw-product-list', () => {
  it("lists the catalog with each product's lowest monthly price in the account's currency", async () => {
    const { el, card } = await list();
    expect(parts(el, 'product').map((a) => a.querySelector('h3')!.textContent)).to.deep.equal([
      'Remote Support',
      'Meetings',
      'Phone System',
      'Webinars',
      'Help Desk',
    ]);
    expect(card('Remote Support').text).to.include('From €29.00 per license / month');
    expect(card('Meetings').text).to.include('From €12.00 per license / month');
    const us = await list('usd-account');
    expect(us.card('Remote Support').text).to.include('From $32.00 per license / month');
  });

  it('marks what the account owns (no button), the trials it may still start, and what is in the cart', async () => {
    const { card } = await list('cart-with-items');
    // The Italian account subscribes to Help Desk and has used the Webinars trial; Meetings is in its cart.
    expect(card('Help Desk').badges).to.deep.equal(['Already in your plan']);
    expect(card('Help Desk').button).to.equal(null);
    expect(card('Remote Support').badges).to.deep.equal(['14-day free trial']);
    expect(card('Webinars').badges).to.deep.equal([]);
    expect(card('Meetings').badges).to.deep.equal(['In your cart']);
    expect(card('Meetings').button!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Edit Meetings');
    expect(card('Remote Support').button!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Choose Remote Support');
  });

  it("shows each product's icon, or its initial when it has none, and lines up prices and buttons across a row", async () => {
    const seed = createState('empty-cart');
    const icon = new URL('/test/assets/icon.svg', location.href).href;
    seed.catalogs.EUR!.products.find((p) => p.id === 'meetings')!.iconUrl = icon;
    const { actor } = await driveTo('select', { backend: new MockBackend({ seed }) });
    // Three cards a row: Remote Support, Meetings and Phone System, then Webinars and Help Desk.
    const el = await fixture<CwProductList>(html`<cw-product-list .actor=${actor} style="display:block;width:800px"></cw-product-list>`);
    const cards = parts(el, 'product');
    const iconOf = (name: string) => cards.find((a) => a.querySelector('h3')!.textContent === name)!.querySelector('[part~=icon]')!;
    expect(iconOf('Meetings').getAttribute('src')).to.equal(icon);
    expect(iconOf('Meetings').getAttribute('alt'), 'decorative: the name says it').to.equal('');
    expect(iconOf('Phone System').textContent).to.equal('P');
    expect(iconOf('Phone System').getAttribute('aria-hidden')).to.equal('true');
    // Their descriptions differ in length; their prices do not move, nor their buttons.
    const top = (a: Element, selector: string) => Math.round(a.querySelector(selector)!.getBoundingClientRect().top);
    // Help Desk, which the account owns, has its badge where the button would be: its price lines up too.
    for (const [a, b] of [[cards[0]!, cards[1]!], [cards[1]!, cards[2]!], [cards[3]!, cards[4]!]]) {
      expect(top(a, 'h3'), 'the same row').to.equal(top(b, 'h3'));
      expect(top(a, '[part~=price]')).to.equal(top(b, '[part~=price]'));
      if (b.querySelector('[part~=choose]')) expect(top(a, '[part~=choose]')).to.equal(top(b, '[part~=choose]'));
    }
  });

  it('Choose sends the product and the checkout goes on to it', async () => {
    const { el, actor, sent, card } = await list();
    card('Phone System').button!.click();
    expect(sent).to.deep.equal([{ type: 'SELECT', productId: 'phone-system' }]);
    // One plan and no trial: straight to the licenses.
    await rest(el, actor, 'seats');
    expect(actor.getSnapshot().context.draft.productId).to.equal('phone-system');
  });

  it('offers Back to cart only when the cart holds items', async () => {
    const empty = await list();
    expect(parts(empty.el, 'back')).to.have.length(0);
    const { el, actor, sent } = await list('cart-with-items');
    const back = parts(el, 'back');
    expect(back.map((b) => b.textContent!.trim())).to.deep.equal(['Back to cart']);
    back[0]!.click();
    expect(sent).to.deep.equal([{ type: 'BACK' }]);
    expect(stepNow(actor)).to.equal('cart');
  });
});
