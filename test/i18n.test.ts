import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { configureLocalization, msg } from '@lit/localize';
import { render } from 'lit';
import { MockBackend } from '../src/mock/index.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { clickText, inStep, mount, settled, stepEl, textOf, useBackend, waitForStep } from './helpers.js';

// Languages as a user and an embedding page see them: per widget, loaded on demand, right to left where the language is.

const section = (el: CheckoutWizard) => el.shadowRoot!.querySelector('section')!;
const heading = (el: CheckoutWizard) => inStep(el, 'h2')!.textContent!.trim();

describe('languages', () => {
  afterEach(() => sessionStorage.clear());

  it('two widgets in two languages sit on one page, each in its own', async () => {
    sessionStorage.clear();
    await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    const host = await fixture<HTMLElement>(html`<div>
      <checkout-wizard id="one" api-base="/api/billing/v1" locale="de"></checkout-wizard>
      <checkout-wizard id="two" api-base="/api/billing/v1" locale="ja"></checkout-wizard>
    </div>`);
    const [de, ja] = [...host.querySelectorAll('checkout-wizard')] as CheckoutWizard[];
    await waitForStep(de!, 'select');
    await waitForStep(ja!, 'select');
    expect(section(de!).lang).to.equal('de');
    expect(section(ja!).lang).to.equal('ja');
    expect(heading(de!)).to.not.equal(heading(ja!));
    expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(heading(ja!)), 'Japanese script').to.equal(true);
    expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(heading(de!))).to.equal(false);
    // Neither touched the page's own language.
    expect(document.documentElement.lang).to.not.equal('ja');
  });

  it('never draws a step in English while another language loads', async () => {
    sessionStorage.clear();
    await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    // Every frame the browser paints, from before the element connects until the first step shows.
    const drawn: string[] = [];
    let el: CheckoutWizard | undefined;
    let frame = 0;
    const sample = () => {
      const root = el?.shadowRoot;
      if (root) drawn.push((root.querySelector('section')?.textContent ?? '') + (stepEl(el!)?.shadowRoot?.textContent ?? ''));
      frame = requestAnimationFrame(sample);
    };
    sample();
    el = await fixture<CheckoutWizard>(html`<checkout-wizard api-base="/api/billing/v1" locale="fr"></checkout-wizard>`);
    await waitForStep(el, 'select');
    await settled(el);
    await new Promise((r) => requestAnimationFrame(r));
    cancelAnimationFrame(frame);
    expect(drawn.length, 'frames sampled').to.be.greaterThan(0);
    for (const text of drawn) {
      expect(text, 'an English frame').to.not.include('Choose a product');
      expect(text).to.not.include('Loading');
    }
    expect(heading(el)).to.not.equal('Choose a product');
    expect(section(el).lang).to.equal('fr');
  });

  it('leaves a host page that uses @lit/localize alone, and is left alone by it', async () => {
    sessionStorage.clear();
    await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    const { getLocale, setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: async () => ({ templates: { greeting: 'Hallo' } }),
    });
    const statuses: string[] = [];
    const onStatus = (e: Event) => statuses.push((e as CustomEvent<{ status: string }>).detail.status);
    window.addEventListener('lit-localize-status', onStatus);
    const host = await fixture<HTMLElement>(html`<div>
      <p id="page"></p>
      <checkout-wizard api-base="/api/billing/v1" locale="fr"></checkout-wizard>
    </div>`);
    const page = host.querySelector('p')!;
    const paint = () => render(msg('Hello', { id: 'greeting' }), page);
    paint();
    const el = host.querySelector('checkout-wizard') as CheckoutWizard;
    await waitForStep(el, 'select');
    const french = heading(el);
    expect(getLocale(), "the page's locale").to.equal('en');
    expect(statuses, 'the widget never talks to @lit/localize').to.deep.equal([]);
    await setLocale('de');
    paint();
    expect(page.textContent).to.equal('Hallo');
    await settled(el);
    expect(heading(el), 'the widget keeps its own language').to.equal(french);
    expect(section(el).lang).to.equal('fr');
    el.locale = 'it';
    await waitUntil(() => section(el).lang === 'it', 'Italian applied');
    expect(getLocale(), "the page's locale after the widget's change").to.equal('de');
    expect(statuses, "only the page's own change").to.deep.equal(['loading', 'ready']);
    window.removeEventListener('lit-localize-status', onStatus);
  });

  it('switches language mid-flow, keeping the step and what was entered', async () => {
    const { el } = await mount('empty-cart', { locale: 'en' });
    await clickText(el, /^Choose /);
    await settled(el);
    const step = el.step;
    el.locale = 'es-MX';
    await waitUntil(() => section(el).lang === 'es-419', 'Latin American Spanish applied');
    await settled(el);
    expect(el.step).to.equal(step);
    expect(textOf(el)).to.not.include('Back');
  });

  it('a host string override wins over the locale', async () => {
    sessionStorage.clear();
    await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    const el = await fixture<CheckoutWizard>(html`<checkout-wizard
      api-base="/api/billing/v1"
      locale="it"
      .strings=${{ selectHeading: 'Scegli un servizio' }}
    ></checkout-wizard>`);
    await waitForStep(el, 'select');
    expect(heading(el)).to.equal('Scegli un servizio');
    expect(textOf(el)).to.include('Scegli');
  });

  describe('right to left', () => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    before(() => setViewport({ width: 900, height: 900 }));
    after(() => setViewport(viewport));

    it('Arabic mirrors the layout: progress, heading and buttons start at the right', async () => {
      const { el } = await mount('empty-cart', { locale: 'ar' });
      expect(section(el).dir).to.equal('rtl');
      expect(getComputedStyle(section(el)).direction).to.equal('rtl');
      const box = section(el).getBoundingClientRect();
      // The progress list reads from the right: each step sits left of the one before it.
      const steps = [...el.shadowRoot!.querySelector('cw-progress')!.shadowRoot!.querySelectorAll('li')].map((li) => li.getBoundingClientRect());
      for (let i = 1; i < steps.length; i++) {
        if (steps[i]!.top === steps[i - 1]!.top) expect(steps[i]!.right, `step ${i}`).to.be.at.most(steps[i - 1]!.left + 1);
      }
      // The heading's text hugs the right edge, as the screenshot shows.
      const h2 = inStep(el, 'h2')!;
      const ink = await inkOf(h2);
      expect(ink, 'some heading text is drawn').to.not.equal(null);
      expect(box.right - ink!.right, 'gap at the right').to.be.below(box.width / 6);
      expect(box.right - ink!.right, 'the text is nearer the right edge than the left').to.be.below(ink!.left - box.left);
      // Nothing sticks out sideways.
      expect(stepEl(el).shadowRoot!.firstElementChild!.scrollWidth).to.be.at.most(Math.ceil(box.width) + 1);
    });

    it('the same check in English finds the heading at the left', async () => {
      const { el } = await mount('empty-cart', { locale: 'en' });
      const box = section(el).getBoundingClientRect();
      const ink = await inkOf(inStep(el, 'h2')!);
      expect(ink!.left - box.left).to.be.below(box.right - ink!.right);
    });
  });
});

/**
 * The horizontal extent of dark pixels (the text) inside an element, read
 * from a real screenshot of the page: what the user sees, not what the DOM says.
 */
async function inkOf(target: Element): Promise<{ left: number; right: number } | null> {
  const r = target.getBoundingClientRect();
  const clip = { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
  const shot = await executeServerCommand<{ base64: string; width: number; height: number }, unknown>('cw-screenshot', { clip, base64: true });
  const image = new Image();
  image.src = `data:image/png;base64,${shot.base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = shot.width;
  canvas.height = shot.height;
  const g = canvas.getContext('2d')!;
  g.drawImage(image, 0, 0);
  const { data } = g.getImageData(0, 0, shot.width, shot.height);
  const scale = shot.width / clip.width;
  let left = Infinity;
  let right = -Infinity;
  for (let y = 0; y < shot.height; y++) {
    for (let x = 0; x < shot.width; x++) {
      const i = (y * shot.width + x) * 4;
      if (data[i]! + data[i + 1]! + data[i + 2]! < 300) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return left === Infinity ? null : { left: clip.x + left / scale, right: clip.x + (right + 1) / scale };
}
