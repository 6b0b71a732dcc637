import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visitEveryStep } from './helpers.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// Layout and pointer criteria on every step, gate and the main error states (helpers.ts visitEveryStep):
// reflow at 320 CSS px (1.4.10), text spacing (1.4.12), text-only enlargement (1.4.4),
// target size (2.5.8), and reduced motion (prefers-reduced-motion: reduce turns every transition off).

/** Every element in the widget's shadow roots (not the light DOM: the payment provider's own fields are the provider's). */
function shadowAll(el: Element, selector = '*'): HTMLElement[] {
  const out: HTMLElement[] = [];
  const visit = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      if (node.matches(selector)) out.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(el.shadowRoot!);
  return out;
}

/** Drawn as a 1px clip for assistive technology only (.visually-hidden, the narrow table's header row). */
function clippedAway(node: Element): boolean {
  for (let a: Element | null = node; a; a = a.parentElement ?? ((a.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) {
    if (getComputedStyle(a).clip !== 'auto') return true;
  }
  return false;
}

const rendered = (node: Element) => {
  const r = node.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && !clippedAway(node);
};

const name = (node: Element) =>
  `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().replace(/\s+/g, '.')}` : ''} "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;

/** Nothing scrolls sideways: not the page, not the widget, not any box inside it; nothing sticks out of the frame. */
function horizontalOverflow(el: CheckoutWizard): string[] {
  const out: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
  // An open popover floats over the page, past the frame if need be: it must stay inside the viewport.
  const panel = shadowAll(el, '[part=panel]').find((p) => rendered(p));
  if (panel) {
    const r = panel.getBoundingClientRect();
    if (r.left < 0 || r.right > doc.clientWidth) out.push(`the popover leaves the viewport: ${Math.round(r.left)}–${Math.round(r.right)} of ${doc.clientWidth}`);
    return out;
  }
  const frame = el.shadowRoot!.querySelector('[part=base]')!.getBoundingClientRect();
  for (const node of [el, ...shadowAll(el)]) {
    if (!rendered(node)) continue;
    if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) out.push(`${name(node)} scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
    const r = node.getBoundingClientRect();
    if (r.left < frame.left - 1 || r.right > frame.right + 1) out.push(`${name(node)} sticks out: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(frame.left)}–${Math.round(frame.right)}`);
  }
  return out;
}

/** Boxes that clip their content (overflow hidden or clip) and whose content no longer fits. */
function clippedText(el: CheckoutWizard): string[] {
  return shadowAll(el)
    .filter((node) => rendered(node))
    .filter((node) => {
      const s = getComputedStyle(node);
      return /hidden|clip/.test(s.overflowX + s.overflowY);
    })
    .filter((node) => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1)
    .map((node) => `${name(node)} clips its content`);
}

const TARGETS = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=radio], [role=checkbox], [tabindex]:not([tabindex="-1"])';

/**
 * WCAG 2.5.8: every target is at least 24 by 24 CSS px, or a 24px circle centred on it
 * touches no other target and no other undersized target's circle.
 */
function smallTargets(el: CheckoutWizard): string[] {
  const targets = shadowAll(el, TARGETS)
    .filter((t) => rendered(t))
    .map((t) => ({ t, r: t.getBoundingClientRect() }));
  const small = (r: DOMRect) => r.width < 24 - 0.01 || r.height < 24 - 0.01;
  const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const distanceToRect = (p: { x: number; y: number }, r: DOMRect) =>
    Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
  const out: string[] = [];
  for (const { t, r } of targets) {
    if (!small(r)) continue;
    const c = centre(r);
    const crowded = targets.some(({ t: o, r: q }) => {
      if (o === t || o.contains(t) || t.contains(o)) return false;
      if (distanceToRect(c, q) < 12) return true;
      if (small(q)) {
        const d = centre(q);
        return Math.hypot(c.x - d.x, c.y - d.y) < 24;
      }
      return false;
    });
    if (crowded) out.push(`${name(t)} is ${Math.round(r.width)}×${Math.round(r.height)} and too close to another target`);
  }
  return out;
}

/** WCAG 1.4.12's spacing, set with !important in every shadow root of the widget; returns its removal. */
function textSpacing(el: CheckoutWizard): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p, dd, li { margin-bottom: 2em !important; }
  `);
  const roots = [el.shadowRoot!, ...shadowAll(el).flatMap((n) => (n.shadowRoot ? [n.shadowRoot] : []))];
  const before = roots.map((r) => r.adoptedStyleSheets);
  roots.forEach((r) => (r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet]));
  return () => roots.forEach((r, i) => (r.adoptedStyleSheets = before[i]!));
}

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const expectNone = (found: string[], what: string) => expect(found.join('\n'), what).to.equal('');

describe('reflow, text spacing, target size, reduced motion', () => {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  after(() => setViewport(viewport));

  for (const { title, locale, width, hostWidth, fontSize } of [
    { title: 'a 320 CSS px viewport (400% zoom of 1280), English', locale: 'en', width: 320 },
    { title: 'a 320 CSS px viewport, right to left (ar)', locale: 'ar', width: 320 },
    { title: 'a 320 px wide widget in a wide page (a sidebar), Italian', locale: 'it', width: 1280, hostWidth: 320 },
    { title: 'text alone at 200% (--cw-font-size: 32px) in a 640 CSS px viewport', locale: 'en', width: 640, fontSize: '32px' },
  ]) {
    it(`${title}: no horizontal scrolling on any step; text spacing clips nothing; every target 24×24 or spaced`, async () => {
      await setViewport({ width, height: 800 });
      const setup = (el: CheckoutWizard) => {
        if (hostWidth) el.style.width = `${hostWidth}px`;
        if (fontSize) el.style.setProperty('--cw-font-size', fontSize);
      };
      let visits = 0;
      await visitEveryStep(
        async (el, label) => {
          visits++;
          const drawn = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
          expect([drawn.lang, drawn.dir], `${label}: language and direction`).to.deep.equal([locale, locale === 'ar' ? 'rtl' : 'ltr']);
          await frames();
          expectNone(horizontalOverflow(el), `${label}: horizontal overflow`);
          expectNone(smallTargets(el), `${label}: targets under 24×24 without spacing`);
          const undo = textSpacing(el);
          try {
            await frames();
            expectNone(horizontalOverflow(el), `${label}, with WCAG text spacing: horizontal overflow`);
            expectNone(clippedText(el), `${label}, with WCAG text spacing: clipped text`);
          } finally {
            undo();
          }
        },
        { locale },
        setup,
      );
      expect(visits, 'states visited').to.be.at.least(18);
    });
  }

  describe('prefers-reduced-motion', () => {
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));

    /** Transitions and animations still on, on elements and their ::before / ::after. */
    function moving(el: CheckoutWizard): string[] {
      const out: string[] = [];
      for (const node of shadowAll(el)) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(node, pseudo);
          const durations = `${s.transitionDuration},${s.animationDuration}`.split(',').map((d) => parseFloat(d) || 0);
          if (durations.some((d) => d > 0) && (s.transitionProperty !== 'none' || s.animationName !== 'none')) {
            out.push(`${name(node)}${pseudo ?? ''}: transition ${s.transitionProperty} ${s.transitionDuration}, animation ${s.animationName}`);
          }
        }
      }
      return out;
    }

    it('without the preference, buttons fade their colours (so the check below can see motion)', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      await visitEveryStep(async (el, label) => {
        if (label === 'select') expect(moving(el).length, 'elements with a transition').to.be.greaterThan(0);
      });
    });

    it('with reduce: no transition or animation on any step, gate or state', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'emulated').to.equal(true);
      await visitEveryStep(async (el, label) => {
        expectNone(moving(el), `${label}: motion`);
      });
    });
  });
});
