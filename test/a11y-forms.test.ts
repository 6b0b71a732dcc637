import { expect, waitUntil } from '@open-wc/testing';
import { MockBackend, createState } from '../src/mock/index.js';
import { en } from '../src/i18n/en.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { chooseCard, deepActive, inStep, mount, pressPart, seen, settled, stepEl, type, visitEveryStep, waitForStep, walk, refuseSeats } from './helpers.js';
import { GATES } from '../src/machine/steps.js';

// Forms, errors and messages: focus on the first invalid field after a failed submit (3.3.1), errors tied
// to their fields inside the same shadow root (1.3.1, 3.3.1), input purposes (1.3.5), paste (3.3.8),
// what was entered is there again after Back and Edit order (3.3.7), status messages through the
// live region (4.1.3), and the progress indicator's aria-current="step" (1.3.1, 4.1.2).

const norm = seen;

/** The text an element's aria-describedby points at, each id looked up in the element's own shadow root. */
function description(field: Element | null): string {
  const root = field?.getRootNode() as ShadowRoot | undefined;
  return norm(
    (field?.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root?.getElementById(id)?.textContent ?? `(missing #${id})`)
      .join(' '),
  );
}

/** Compared as booleans: a failing comparison of DOM elements would be serialized whole. */
function expectFocusOn(selector: string, why: string) {
  return (el: CheckoutWizard) => {
    const target = inStep(el, selector);
    expect(!!target && deepActive() === target, `${why}: focus on ${selector}, not on ${deepActive()?.localName}#${deepActive()?.id}`).to.equal(true);
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The shortest purchase up to the payment step. */
const toPay = (el: CheckoutWizard) => walk(el, 'pay');

/** Every shadow root in the widget. */
function shadowRoots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    out.push(root);
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) visit(node.shadowRoot);
  };
  visit(el.shadowRoot!);
  return out;
}

describe('forms, errors and status messages', () => {
  describe('a failed submit moves focus to the first invalid field, its message tied to it', () => {
    it('licenses: Next with a wrong number', async () => {
      const { el } = await mount();
      await chooseCard(el, 'Phone System');
      await waitForStep(el, 'seats');
      await type(el, '#seats', '2.5');
      inStep<HTMLElement>(el, '[part=next]')!.focus();
      await pressPart(el, 'next');
      expect(el.step).to.equal('seats');
      expectFocusOn('#seats', 'Next')(el);
      const input = inStep(el, '#seats')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(description(input)).to.include(en.seatsErrors.not_integer);
      // The reason Next did not go on is tied to the button.
      expect(description(inStep(el, '[part=next]'))).to.include(en.cannotContinue);
    });

    it('licenses refused by the server at the next step: back at the field, not the heading', async () => {
      const { el, backend } = await mount();
      await chooseCard(el, 'Phone System');
      await type(el, '#seats', '7');
      await pressPart(el, 'next');
      await waitForStep(el, 'term');
      refuseSeats(backend);
      await pressPart(el, 'commit');
      await waitForStep(el, 'seats');
      await tick();
      expectFocusOn('#seats', 'refused')(el);
      expect(description(inStep(el, '#seats'))).to.include(en.errors.seats_out_of_range);
    });

    it('payment: Place order with a malformed VAT number, and Apply with one', async () => {
      const { el, backend } = await mount();
      await toPay(el);
      await type(el, '#vat', 'XX123');
      inStep<HTMLElement>(el, '[part=place-order]')!.focus();
      await pressPart(el, 'place-order');
      expect(el.step).to.equal('pay');
      expectFocusOn('#vat', 'Place order')(el);
      const vat = inStep(el, '#vat')!;
      expect(vat.getAttribute('aria-invalid')).to.equal('true');
      expect(description(vat)).to.include(en.vatErrors.country);
      expect(inStep(el, '#vat-status [role=alert]'), 'the message is announced').to.exist;
      expect(backend.orders).to.have.length(0);

      await type(el, '#vat', 'IT12345678901'); // a wrong check digit
      inStep<HTMLElement>(el, '[part=apply-vat]')!.focus();
      await pressPart(el, 'apply-vat');
      expectFocusOn('#vat', 'Apply')(el);
      expect(description(inStep(el, '#vat'))).to.include(en.vatErrors.checksum);
    });

    it('payment: a declined payment is said beside Place order, with focus, and tied to the chosen method', async () => {
      const { el, backend } = await mount();
      await toPay(el);
      backend.inject({ op: 'placeOrder', status: 402, code: 'payment_declined' });
      await pressPart(el, 'place-order');
      expect(el.step).to.equal('pay');
      expectFocusOn('#method-error', 'declined')(el);
      expect(description(inStep(el, 'input[name=method]:checked'))).to.include(en.declines.generic_decline);
      expect(inStep(el, '#method-error')!.getAttribute('role')).to.equal('alert');
    });

    it('payment: no method on file points at "Add payment method"', async () => {
      const seed = createState('empty-cart');
      seed.account.paymentMethods = [];
      const { el } = await mount('empty-cart', { backend: new MockBackend({ seed }) });
      await toPay(el);
      await pressPart(el, 'place-order');
      expectFocusOn('[part=add-method]', 'no method')(el);
      expect(description(inStep(el, '[part=methods]'))).to.include(en.errors.payment_method_required);
    });

    it('a verdict that arrives while the user is elsewhere does not pull focus back', async () => {
      const { el, backend } = await mount();
      await toPay(el);
      backend.inject({ op: 'validateVatId', delayMs: 50, json: { vatId: 'IT12345670017', status: 'invalid', name: null, address: null } });
      // A complete, well-formed number is applied by itself once typing pauses.
      await type(el, '#vat', 'IT12345670017');
      const back = inStep<HTMLElement>(el, '[part=back]')!;
      back.focus();
      await waitUntil(() => !!inStep(el, '#vat-status .error'), 'the verdict', { timeout: 3000 });
      await settled(el);
      expect(deepActive() === back, 'focus stays where the user put it').to.equal(true);
      expect(inStep(el, '#vat-status [role=alert]'), 'the verdict is announced instead').to.exist;
    });
  });

  it('every aria-describedby, aria-labelledby and label[for] resolves inside its own shadow root, on every step and state', async () => {
    let checked = 0;
    await visitEveryStep((el, label) => {
      const broken: string[] = [];
      for (const root of shadowRoots(el)) {
        for (const node of root.querySelectorAll('[aria-describedby], [aria-labelledby], label[for]')) {
          const ids = [node.getAttribute('aria-describedby'), node.getAttribute('aria-labelledby'), node.getAttribute('for')].join(' ').split(/\s+/).filter((id) => id && id !== 'null');
          for (const id of ids) {
            checked++;
            if (!root.getElementById(id)) broken.push(`${node.localName}#${node.id} → #${id} (${(root.host as Element).localName})`);
          }
        }
        // An invalid field says why, in words it points at.
        for (const field of root.querySelectorAll('[aria-invalid=true]')) {
          if (!/\S/.test(description(field))) broken.push(`${field.localName}#${field.id} is invalid without a description`);
        }
      }
      expect(broken.join('\n'), `${label}: references that do not resolve in their shadow root`).to.equal('');
    });
    expect(checked, 'references checked').to.be.at.least(20);
  });

  it('input purposes: each field has the autocomplete decided for it in docs/accessibility.md', async () => {
    // Neither field collects information about the user (WCAG 1.3.5's list): the licenses field is a quantity,
    // and a VAT number has no autocomplete token; the account's own VAT number is filled in by the widget.
    const DECIDED: Record<string, string> = { seats: 'off', vat: 'off' };
    const seen = new Set<string>();
    await visitEveryStep((el, label) => {
      for (const root of shadowRoots(el)) {
        for (const field of root.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
          if (field.type === 'radio' || field.type === 'checkbox') continue; // a choice, not a purpose
          seen.add(field.id);
          expect(field.id in DECIDED, `${label}: a field without a decided purpose: ${field.localName}#${field.id}`).to.equal(true);
          expect(field.getAttribute('autocomplete'), `${label}: #${field.id}`).to.equal(DECIDED[field.id]);
        }
      }
    });
    expect([...seen].sort()).to.deep.equal(['seats', 'vat']);
  });

  it('paste is never blocked, nor typing cut short, in the licenses and VAT fields', async () => {
    const { el } = await mount();
    await chooseCard(el, 'Phone System');
    const pasteInto = async (selector: string, text: string) => {
      const field = inStep<HTMLInputElement>(el, selector)!;
      expect(field.hasAttribute('onpaste') || field.hasAttribute('maxlength'), `${selector}: no paste handler attribute, no maxlength`).to.equal(false);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      field.focus();
      field.dispatchEvent(paste);
      expect(paste.defaultPrevented, `${selector}: paste not prevented`).to.equal(false);
      // What the browser does with an allowed paste: insert the text as input.
      field.select();
      document.execCommand('insertText', false, text);
      await stepEl(el).updateComplete;
      expect(inStep<HTMLInputElement>(el, selector)!.value, `${selector}: pasted value kept`).to.equal(text);
    };
    await pasteInto('#seats', '12');
    await pressPart(el, 'next');
    await pressPart(el, 'commit');
    await pressPart(el, 'continue');
    await waitForStep(el, 'pay');
    await pasteInto('#vat', 'IT 123 456 700 17');
  });

  describe('what was entered is there again after Back and Edit order (3.3.7)', () => {
    it('Back from billing to licenses, plan and buy-or-try: licenses, plan and choice kept', async () => {
      const { el } = await mount();
      await chooseCard(el, 'Remote Support');
      await pressPart(el, 'choose', 0);
      await chooseCard(el, 'Standard'); // not the recommended plan
      await type(el, '#seats', '7');
      await pressPart(el, 'next');
      await waitForStep(el, 'term');
      inStep<HTMLInputElement>(el, 'input[value=annual]')!.click();
      await stepEl(el).updateComplete;
      await pressPart(el, 'back');
      await waitForStep(el, 'seats');
      expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('7');
      await pressPart(el, 'next');
      expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked, 'annual kept').to.equal(true);
      await pressPart(el, 'back');
      await pressPart(el, 'back');
      await waitForStep(el, 'tier');
      expect(norm(inStep(el, '[part=tier][data-selected] h3')?.textContent)).to.equal('Standard');
      expect(norm(inStep(el, '[part=tier][data-selected] [part=badge]:not(.accent)')?.textContent), 'said in words, not only by the border').to.equal(en.selected);
      await pressPart(el, 'back');
      await waitForStep(el, 'mode');
      expect(norm(inStep(el, '[part=option][data-selected] [part=badge]')?.textContent), 'the chosen mode, in words').to.equal(en.selected);
      expect(norm(inStep(el, '[part=option][data-selected] h3')?.textContent)).to.equal(en.buy);
    });

    it('Edit order at review, and Edit in the cart: the item’s licenses and billing filled in', async () => {
      const { el } = await mount('cart-with-items');
      await pressPart(el, 'back'); // "Back to cart"
      await waitForStep(el, 'cart');
      await pressPart(el, 'edit', 0);
      await waitForStep(el, 'tier');
      await pressPart(el, 'choose', 1); // Business, the plan in the cart
      await waitForStep(el, 'seats');
      expect(inStep<HTMLInputElement>(el, '#seats')!.value, 'cart item licenses').to.equal('5');
      await pressPart(el, 'next');
      expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked, 'cart item billing').to.equal(true);
      await pressPart(el, 'commit');
      await waitForStep(el, 'cart');
      await pressPart(el, 'checkout');
      await waitForStep(el, 'review');
      await pressPart(el, 'edit', 0);
      await waitForStep(el, 'tier');
      expect(norm(inStep(el, '[part=tier][data-selected] h3')?.textContent)).to.equal('Business');
      await pressPart(el, 'choose', 1);
      expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('5');
      await pressPart(el, 'next');
      expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked).to.equal(true);
    });

    it('Back from payment and on again: the VAT number and the chosen method kept', async () => {
      const { el } = await mount();
      await toPay(el);
      await pressPart(el, 'add-method');
      await waitUntil(() => el.querySelector('[slot=payment] select'), 'provider fields');
      await pressPart(el, 'save-method');
      await waitUntil(() => stepEl(el).shadowRoot!.querySelectorAll('input[name=method]').length === 2, 'second method');
      const chosen = () => norm(inStep(el, 'input[name=method]:checked')?.closest('label')?.textContent);
      const before = chosen();
      expect(before).to.include('4242');
      inStep<HTMLInputElement>(el, 'input[name=method]:not(:checked)')!.click();
      await stepEl(el).updateComplete;
      const picked = chosen();
      await type(el, '#vat', 'IT 123');
      await pressPart(el, 'back');
      await waitForStep(el, 'review');
      // Review has the VAT field too: the number is there, and going on with it unapplied checks it first.
      expect(inStep<HTMLInputElement>(el, '#vat')!.value).to.equal('IT 123');
      await pressPart(el, 'continue');
      await settled(el);
      expect(el.step).to.equal('review');
      expect(inStep<HTMLInputElement>(el, '#vat')!.getAttribute('aria-invalid')).to.equal('true');
      expect(inStep<HTMLInputElement>(el, '#vat')!.value).to.equal('IT 123');
      await type(el, '#vat', '');
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      expect(chosen()).to.equal(picked);
    });
  });

  describe('status messages go through the live region, without moving focus (4.1.3)', () => {
    const status = (el: CheckoutWizard) => el.shadowRoot!.querySelector<HTMLElement>('[part=status]')!;

    it('the region is there from the start; "Updating total…", "VAT number verified", the order placed', async () => {
      const { el, backend } = await mount();
      const region = status(el);
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(norm(region.textContent), 'quiet at rest').to.equal('');
      await chooseCard(el, 'Phone System');
      expect(status(el) === region, 'the same region, never re-created').to.equal(true);
      await pressPart(el, 'next');
      backend.inject({ op: 'createQuote', delayMs: 300 });
      inStep<HTMLElement>(el, '[part=commit]')!.click();
      await waitUntil(() => norm(region.textContent) === en.updatingTotal, `"${en.updatingTotal}" (is "${norm(region.textContent)}")`, { timeout: 3000 });
      await waitForStep(el, 'review');
      await settled(el);
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      await type(el, '#vat', 'IT12345670017');
      const apply = inStep<HTMLElement>(el, '[part=apply-vat]')!;
      apply.focus();
      await pressPart(el, 'apply-vat');
      await waitUntil(() => norm(region.textContent).startsWith(en.vatValid('')), `"${en.vatValid('')}" (is "${norm(region.textContent)}")`);
      expect(deepActive() === inStep(el, '[part=apply-vat]'), 'focus stays on Apply').to.equal(true);
      expect(status(el) === region).to.equal(true);
      await pressPart(el, 'place-order');
      await waitForStep(el, 'done');
      expect(norm(region.textContent)).to.equal(en.doneHeading);
      expect(status(el) === region).to.equal(true);
    });

    it('"could not verify this VAT number right now", while focus stays in the field', async () => {
      const { el } = await mount();
      await chooseCard(el, 'Phone System');
      await pressPart(el, 'next');
      await pressPart(el, 'commit');
      await waitForStep(el, 'review');
      await settled(el);
      await pressPart(el, 'continue');
      await waitForStep(el, 'pay');
      await type(el, '#vat', 'IT99999999990');
      await waitUntil(() => norm(status(el).textContent) === en.vatUnavailable, `"${en.vatUnavailable}" (is "${norm(status(el).textContent)}")`, { timeout: 3000 });
      expect(deepActive() === inStep(el, '#vat'), 'focus stays in the field').to.equal(true);
      await type(el, '#vat', 'X');
      await waitUntil(() => norm(status(el).textContent) === '', 'quiet again once the text no longer matches the verdict');
    });

    it('a started trial', async () => {
      const { el } = await mount();
      await chooseCard(el, 'Meetings');
      await pressPart(el, 'choose', 1);
      await chooseCard(el, 'Business');
      await pressPart(el, 'next');
      await waitForStep(el, 'done');
      expect(norm(status(el).textContent)).to.equal(en.trialHeading);
    });
  });

  it('the progress indicator marks the current step, and only it, with aria-current="step"', async () => {
    const names = en.stepNames as Record<string, string>;
    let steps = 0;
    await visitEveryStep((el, label) => {
      const progress = el.shadowRoot!.querySelector('cw-progress');
      if ((GATES as readonly string[]).includes(el.step)) {
        expect(progress, `${label}: a gate has no progress`).to.equal(null);
        return;
      }
      steps++;
      const items = [...progress!.shadowRoot!.querySelectorAll('li')];
      const current = items.filter((li) => li.hasAttribute('aria-current'));
      expect(current.length, `${label}: one current step`).to.equal(1);
      expect(current[0]!.getAttribute('aria-current')).to.equal('step');
      expect(norm(current[0]!.textContent), label).to.equal(names[el.step]);
      expect(progress!.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal(en.progressLabel);
    });
    expect(steps).to.be.at.least(14);
  });
});
