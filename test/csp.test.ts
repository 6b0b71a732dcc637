import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import { MockBackend } from '../src/mock/index.js';
import { inStep, seen, settled, stepEl, textOf, useBackend, waitForStep } from './helpers.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';

// The script-tag bundle under a strict Content-Security-Policy with Trusted Types, sent as a real HTTP
// header (scripts/wtr/csp.mjs), in a same-origin iframe: test/csp/fixture.html loads only
// /test/csp/fixture.js (the violation counter and the widget's configuration) and
// /dist/checkout-wizard.iife.js. The backend is the real mock: this page registers MSW's service
// worker, which controls the iframe too. The flow is driven with real mouse clicks and keystrokes.

/** The policy under test; docs/security.md documents exactly this string. */
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

interface Violation {
  effectiveDirective: string;
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
  sample: string;
  disposition: string;
  target: string | null;
  origin: string | undefined;
}

interface CspFixture {
  violations: Violation[];
  reports: { effectiveDirective: string; blockedURL: string; sourceFile: string; lineNumber: number; sample: string }[];
  policies: string[];
  steps: string[];
  errors: { code: string; message: string }[];
  flush(): { violations: number; reports: number };
  inlineStyle(): string;
  stringToInnerHTML(): string;
}

type FrameWindow = Window & typeof globalThis & { cspFixture: CspFixture; CheckoutWizard?: unknown; inlineScriptRan?: boolean };

const frames: HTMLIFrameElement[] = [];

async function openFrame(path: string): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.title = 'CSP fixture';
  // Big enough for the whole flow; the page itself is sized to fit it (see before()).
  frame.width = '960';
  frame.height = '900';
  frame.style.border = '0';
  frame.style.display = 'block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as FrameWindow;
}

function frameOf(win: Window): HTMLIFrameElement {
  return frames.find((f) => f.contentWindow === win)!;
}

/** A real mouse click in the middle of `target`, an element inside the iframe (shadow DOM included). */
async function click(target: Element) {
  const win = target.ownerDocument.defaultView!;
  // A frame still growing to its step (180 ms) clips what is below its edge: a mouse presses what it sees, so
  // wait for the finite animations of every tree around the target to end first.
  const growing: Animation[] = [];
  for (let root = target.getRootNode() as Document | ShadowRoot; ; root = (root as ShadowRoot).host.getRootNode() as Document | ShadowRoot) {
    growing.push(...root.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity));
    if (!(root instanceof win.ShadowRoot)) break;
  }
  await Promise.all(growing.map((a) => a.finished.catch(() => undefined)));
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  const frameBox = frameOf(win).getBoundingClientRect();
  const box = target.getBoundingClientRect();
  expect(box.width > 0 && box.height > 0, `${target.nodeName} "${target.textContent?.trim()}" is visible`).to.equal(true);
  await sendMouse({ type: 'click', position: [Math.round(frameBox.left + box.left + box.width / 2), Math.round(frameBox.top + box.top + box.height / 2)] });
}

/** Clicks (with the mouse) the button or link in the current step whose text starts with `text`. */
async function clickText(el: CheckoutWizard, text: string | RegExp) {
  const match = (s: string) => (typeof text === 'string' ? seen(s).startsWith(text) : text.test(seen(s)));
  const all = [...stepEl(el).shadowRoot!.querySelectorAll<HTMLElement>('button, a')];
  const target = all.find((b) => match(b.textContent ?? ''));
  if (!target) throw new Error(`no button "${text}" in ${el.step}; buttons: ${all.map((b) => b.textContent?.trim()).join(' | ')}`);
  await click(target);
  await new Promise((r) => setTimeout(r, 0));
  await settled(el);
}

/** Clicks into a field of the current step, selects what it holds and types `value` key by key. */
async function typeInto(el: CheckoutWizard, selector: string, value: string) {
  const input = inStep<HTMLInputElement>(el, selector)!;
  await click(input);
  input.select();
  await sendKeys({ type: value });
  await stepEl(el).updateComplete;
}

/** Where violations would be reported, spelled out for the failure message. */
const describeViolations = (list: Violation[]) =>
  list.map((v) => `${v.effectiveDirective} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.lineNumber}:${v.columnNumber} on ${v.origin} (in ${v.target}) "${v.sample}"`).join('\n');

describe('strict CSP and Trusted Types (script-tag bundle)', () => {
  before(async () => {
    await setViewport({ width: 1000, height: 960 });
  });

  afterEach(async () => {
    await resetMouse();
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('serves the fixture with the policy as an HTTP header, and the page holds only our two external scripts', async () => {
    const response = await fetch('/test/csp/fixture.html', { cache: 'no-store' });
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
    const source = await response.text();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    expect(doc.querySelector('meta[http-equiv]'), 'no <meta http-equiv> policy').to.equal(null);
    expect([...doc.scripts].map((s) => s.getAttribute('src'))).to.deep.equal(['/test/csp/fixture.js', '/dist/checkout-wizard.iife.js']);
    expect([...doc.scripts].every((s) => s.text.trim() === ''), 'no inline script').to.equal(true);
    expect(doc.querySelectorAll('style, [style], link[rel=stylesheet]')).to.have.length(0);
    expect(source).not.to.match(/\son[a-z]+\s*=/i);
    // The bundle as built, not re-transformed by the dev server.
    const bundle = await fetch('/dist/checkout-wizard.iife.js', { cache: 'no-store', referrer: '/test/csp/fixture.html' });
    expect((await bundle.text()).trimEnd()).to.match(/\/\/# sourceMappingURL=checkout-wizard\.iife\.js\.map$/);
  });

  it('the script and its chunks hold no string-to-code, one Trusted Types policy (Lit’s) and one HTML sink (Lit’s, through it)', async () => {
    // What the flow below cannot reach at run time, read off the built files: the script tag, and every
    // chunk it names or a chunk imports, statically or dynamically.
    const read = async (path: string) => (await fetch(path, { cache: 'no-store', referrer: '/test/csp/fixture.html' })).text();
    const loader = await read('/dist/checkout-wizard.iife.js');
    const files = new Map<string, string>([['/dist/checkout-wizard.iife.js', loader]]);
    const queue = [...loader.matchAll(/[`'"]([\w.-]+\.js)[`'"]/g)].map((m) => `/dist/chunks/${m[1]}`);
    for (let path = queue.shift(); path; path = queue.shift()) {
      if (files.has(path)) continue;
      const code = await read(path);
      files.set(path, code);
      for (const m of code.matchAll(/[`'"]\.\/([\w.-]+\.js)[`'"]/g)) queue.push(`/dist/chunks/${m[1]}`);
    }
    expect(files.size, 'the loader, its first chunks, the steps and the locales').to.be.greaterThan(40);
    const source = [...files.values()].join('\n');
    const count = (re: RegExp) => source.match(new RegExp(re.source, 'g'))?.length ?? 0;
    expect(count(/\beval\s*\(/), 'eval').to.equal(0);
    expect(count(/\bFunction\s*\(/), 'Function constructor').to.equal(0);
    expect(count(/\bset(?:Timeout|Interval)\s*\(\s*[`'"]/), 'timers with code strings').to.equal(0);
    expect(count(/outerHTML|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|javascript:/), 'other HTML sinks').to.equal(0);
    expect(count(/setAttribute\(\s*[`'"]style/), 'style attributes').to.equal(0);
    expect(source.match(/createPolicy\(\s*[`'"]([^`'"]+)/g)?.map((s) => s.replace(/^createPolicy\(\s*[`'"]/, ''))).to.deep.equal(['lit-html']);
    // Lit's template element, filled with the output of its `lit-html` policy.
    expect(count(/innerHTML/), 'innerHTML').to.equal(1);
    expect(source).to.match(/createElement\(\s*[`'"]template[`'"]\s*\)[^]{0,60}\.innerHTML\s*=/);
  });

  it('runs the whole buy flow with zero violations, on the mock backend through MSW', async () => {
    sessionStorage.clear();
    const backend = await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    const win = await openFrame('/test/csp/fixture.html');
    const fixture = win.cspFixture;
    expect(fixture, 'fixture.js ran').to.be.an('object');

    // The service worker that this page registered answers inside the iframe.
    expect(win.navigator.serviceWorker.controller, 'the iframe is controlled by MSW’s worker').not.to.equal(null);
    if (!win.CheckoutWizard) await new Promise((r) => setTimeout(r, 100)); // let the violations arrive for the message
    expect(win.CheckoutWizard, `the bundle ran; violations:\n${describeViolations(fixture.violations)}`).to.be.an('object');
    await win.CheckoutWizard!.ready;
    expect(win.customElements.get('checkout-wizard'), 'the chunks defined the element').to.be.a('function');
    const el = win.document.querySelector('checkout-wizard') as CheckoutWizard;
    await waitForStep(el, 'select');
    expect(backend.requests.map((r) => r.op)).to.include.members(['getAccount', 'getCatalog', 'getCart']);

    // select → mode
    await clickText(el, 'Choose Remote Support');
    await waitForStep(el, 'mode');
    await clickText(el, 'Buy');
    await waitForStep(el, 'tier');

    // The tier details popover: opened with the mouse, placed by Floating UI, closed with Escape.
    const popover = inStep(el, 'cw-popover') as HTMLElement & { open: boolean; updateComplete: Promise<unknown> };
    const trigger = popover.querySelector<HTMLButtonElement>('[slot=trigger]')!;
    await click(trigger);
    await waitUntil(() => popover.open, 'popover opens');
    const panel = popover.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    await waitUntil(() => panel.style.translate !== '', 'Floating UI positions the panel');
    expect(panel.hidden).to.equal(false);
    const t = trigger.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.width > 0 && p.height > 0, 'panel is laid out').to.equal(true);
    expect(p.top >= t.bottom || p.bottom <= t.top, 'panel sits beside its trigger, not on it').to.equal(true);
    expect(p.left >= 0 && p.right <= win.innerWidth, 'panel inside the viewport').to.equal(true);
    expect(popover.textContent, 'the panel shows the tier details').to.include('For small teams helping customers.');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover.open, 'Escape closes the popover');
    expect(panel.hidden).to.equal(true);

    await clickText(el, 'Choose Standard');
    await waitForStep(el, 'seats');

    // Licenses typed key by key.
    await typeInto(el, '#seats', '12');
    expect(inStep<HTMLInputElement>(el, '#seats')!.value).to.equal('12');
    expect(textOf(el)).to.match(/About .+ per month before tax/);
    await clickText(el, 'Next');
    await waitForStep(el, 'term');

    await click(inStep<HTMLInputElement>(el, 'input[value=annual]')!);
    await stepEl(el).updateComplete;
    expect(inStep<HTMLInputElement>(el, 'input[value=annual]')!.checked).to.equal(true);
    await clickText(el, 'Complete transaction');
    await waitForStep(el, 'review');
    expect(textOf(el)).to.include('Total due today');
    await clickText(el, 'Continue to payment');
    await waitForStep(el, 'pay');

    // A VAT number checked by the backend; the company name it returns is shown as text.
    await typeInto(el, '#vat', 'IT12345670017');
    await clickText(el, 'Apply');
    await waitUntil(() => textOf(el).includes('VAT number verified: Rossi Consulting S.r.l.'), 'VAT number verified');

    // A new payment method through the provider's fields, mounted in the light-DOM slot.
    await clickText(el, 'Add payment method');
    const select = await waitUntil(() => win.document.querySelector('#csp-card'), 'the provider mounted its fields').then(
      () => win.document.querySelector<HTMLSelectElement>('#csp-card')!,
    );
    select.value = 'tok_mastercard';
    select.dispatchEvent(new win.Event('change', { bubbles: true }));
    await clickText(el, 'Save payment method');
    await waitUntil(() => !win.document.querySelector('#csp-card'), 'the provider is unmounted after saving');
    await settled(el);

    await clickText(el, 'Place order');
    await waitForStep(el, 'done');
    expect(backend.orders).to.have.length(1);
    const done = textOf(el);
    expect(done).to.include(backend.orders[0]!.id);
    expect(inStep<HTMLAnchorElement>(el, 'a[part=assign]')!.href).to.match(/^https:\/\//);
    expect(fixture.steps).to.deep.equal(['select', 'mode', 'tier', 'seats', 'term', 'review', 'pay', 'done']);
    expect(fixture.errors).to.deep.equal([]);

    // Zero violations, by both witnesses; the one Trusted Types policy is Lit's.
    await new Promise((r) => setTimeout(r, 100));
    fixture.flush();
    expect(fixture.violations.length, describeViolations(fixture.violations)).to.equal(0);
    expect(fixture.reports).to.deep.equal([]);
    expect(fixture.policies).to.deep.equal(['lit-html']);

    // The counter can fail: a deliberate inline style, then a string into innerHTML, are both counted.
    expect(fixture.inlineStyle()).not.to.equal('rgb(255, 0, 0)');
    await waitUntil(() => fixture.violations.length === 1, 'the inline style attribute in a shadow root is counted');
    expect(fixture.violations[0]!.effectiveDirective).to.equal('style-src-attr');
    expect([fixture.violations[0]!.target, fixture.violations[0]!.origin], 'from inside the shadow root, through its host').to.deep.equal(['DIV', 'P']);
    expect(fixture.stringToInnerHTML()).to.equal('TypeError');
    await waitUntil(() => fixture.violations.length === 2, 'the Trusted Types violation is counted');
    expect(fixture.violations[1]!.effectiveDirective).to.equal('require-trusted-types-for');
    await waitUntil(() => fixture.flush().reports === 2, 'both are reported to the ReportingObserver too');
  });

  it('loads another language, a chunk of its own, under the same policy, with zero violations', async () => {
    sessionStorage.clear();
    await useBackend(new MockBackend({ scenario: 'empty-cart' }));
    const win = await openFrame('/test/csp/fixture.html');
    const el = win.document.querySelector('checkout-wizard') as CheckoutWizard;
    await waitForStep(el, 'select');
    el.setAttribute('locale', 'ar');
    await waitUntil(() => el.shadowRoot!.querySelector('section')?.lang === 'ar', 'the Arabic messages arrive');
    const loaded = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded.some((path) => /^\/dist\/chunks\/ar-[\w-]+\.js$/.test(path))).to.equal(true);
    expect(el.shadowRoot!.querySelector('section')!.dir).to.equal('rtl');
    await new Promise((r) => setTimeout(r, 100));
    win.cspFixture.flush();
    expect(win.cspFixture.violations.length, describeViolations(win.cspFixture.violations)).to.equal(0);
  });

  it('counts deliberate violations in a page under the same header: inline <style>, style attribute, inline <script>', async () => {
    const win = await openFrame('/test/csp/probe.html');
    const fixture = win.cspFixture;
    await waitUntil(() => fixture.violations.length >= 3, `violations counted: ${fixture.violations.length}`);
    const directives = fixture.violations.map((v) => v.effectiveDirective).sort();
    expect(directives).to.deep.equal(['script-src-elem', 'style-src-attr', 'style-src-elem']);
    expect(win.inlineScriptRan).to.equal(undefined);
    expect(win.getComputedStyle(win.document.querySelector('#styled')!).color).not.to.equal('rgb(255, 0, 0)');
    await waitUntil(() => fixture.flush().reports >= 3, 'the reports arrive too');
  });
});
