import { expect, waitUntil } from '@open-wc/testing';
import { MockBackend } from '../src/mock/index.js';
import { CheckoutWizard as CheckoutWizardClass, HttpBillingAdapter, define } from '../src/embed.js';
import { mount } from '../src/mount.js';
import { VERSION as version } from '../src/version.js';
import type { CheckoutWizardGlobal } from '../src/loader.js';
import type { CheckoutWizard } from '../src/components/checkout-wizard/checkout-wizard.js';
import { VERSION as SAVED_VERSION } from '../src/machine/persist.js';
import { clickText, settled, textOf, useBackend, waitForStep } from './helpers.js';

// Embedding: the script tag (dist/checkout-wizard.iife.js and its chunks in dist/chunks/, built
// before the tests) on static pages in iframes, loaded once, twice and in two versions; and mount().
// MSW's service worker (scope '/') also controls the same-origin iframes, and answers their
// requests from the backend the test gives useBackend().

const BUNDLE = '/dist/checkout-wizard.iife.js';
const CHUNKS = '/dist/chunks/';
/** The paths a page fetched. */
const fetched = (win: Frame) => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
/** A hashed chunk's path, as a pattern: `chunk('fr')` matches /dist/chunks/fr-Ab12_x.js. */
const chunk = (name: string, dir = CHUNKS) => new RegExp(`^${dir}${name}-[\\w-]+\\.js$`);
type Frame = Window & typeof globalThis & { CheckoutWizard?: CheckoutWizardGlobal; CheckoutWizardBundle?: { CheckoutWizard: unknown } };

const frames: HTMLIFrameElement[] = [];

/** Opens a page of test/embed in an iframe and waits for its load event (every script has run). */
async function openPage(path: string): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as Frame;
}

/** Records what a page warns and throws from now on. */
function record(win: Frame) {
  const warnings: string[] = [];
  const errors: string[] = [];
  const warn = win.console.warn.bind(win.console);
  win.console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    // Only the library's own warnings (Lit's dev-mode notice on the npm build is not ours).
    if (text.startsWith('checkout-wizard:')) warnings.push(text);
    warn(...args);
  };
  win.addEventListener('error', (e) => errors.push(String(e.message)));
  return { warnings, errors };
}

/** Adds a classic script to the page, with its `data-` attributes, and waits until it has run. */
function loadScript(win: Frame, src: string, data: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    Object.assign(script.dataset, data);
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    win.document.head.append(script);
  });
}

/** The bundle's text with its version replaced, as a blob: URL of the page. */
async function bundleWithVersion(win: Frame, patched: string): Promise<string> {
  const text = await (await fetch(BUNDLE)).text();
  const literal = new RegExp(`([\`'"])${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  const count = text.match(literal)?.length ?? 0;
  expect(count, `version literal ${version} in the bundle`).to.be.greaterThan(0);
  return win.URL.createObjectURL(new win.Blob([text.replace(literal, `$1${patched}$1`)], { type: 'text/javascript' }));
}

/** The scripts the page itself loads, without the one the test server injects. */
const pageScripts = (win: Frame) =>
  [...win.document.querySelectorAll('script')].map((s) => (s.src ? new URL(s.src).pathname : 'inline')).filter((p) => !p.startsWith('/__web-dev-server'));
const wizardIn = (win: Frame) => win.document.querySelector('checkout-wizard') as unknown as CheckoutWizard;
/** Where a widget with this storage key saves its progress. */
const saved = (key: string) => `checkout-wizard:v${SAVED_VERSION}:${key}`;
/** Adds a <checkout-wizard> on the mock's API, in `locale`, to a page whose script tag has run. */
function addWizard(win: Frame, locale: string): CheckoutWizard {
  const el = win.document.createElement('checkout-wizard') as unknown as CheckoutWizard;
  el.setAttribute('api-base', '/api/billing/v1');
  el.setAttribute('locale', locale);
  win.document.body.append(el);
  return el;
}
const storedKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith('checkout-wizard:')).sort();

describe('embed', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    document.querySelectorAll('.embed-host').forEach((host) => host.remove());
    sessionStorage.clear();
  });

  describe('script tag', () => {
    it('a static page with only the script tag and the element reaches the first step, in its locale', async () => {
      const backend = await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/static.html');
      expect(win.navigator.serviceWorker.controller, 'the iframe is under MSW').to.not.equal(null);
      // Nothing on the page but the bundle and the element (the dev server adds its own socket script).
      expect(pageScripts(win)).to.deep.equal([BUNDLE]);
      expect(win.CheckoutWizard!.version).to.equal(version);
      await win.CheckoutWizard!.ready;
      expect(win.customElements.get('checkout-wizard')).to.equal(win.CheckoutWizard!.CheckoutWizard);

      const el = wizardIn(win);
      await waitForStep(el, 'select');
      expect(el.shadowRoot!.querySelector('section')!.lang).to.equal('it');
      expect(textOf(el)).to.include('Scegli');
      await clickText(el, 'Scegli Remote Support');
      await waitForStep(el, 'mode');
      expect(textOf(el)).to.include('Acquista');
      expect(backend.orders).to.have.length(0);
    });

    it('loads its chunks and a language from chunks/ beside the script, or from the script tag’s data-chunks URL', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      const { errors } = record(win);
      const failed: unknown[] = [];
      win.console.error = (...args: unknown[]) => failed.push(args);
      await loadScript(win, BUNDLE, { chunks: '/nowhere/chunks' });
      // The URL given does not answer: `ready` says so, and the page hears why nothing appeared.
      let reason: unknown;
      await win.CheckoutWizard!.ready.catch((e: unknown) => (reason = e));
      expect(String(reason)).to.match(/dynamically imported module/);
      // Asked for there (the timeline records a response a little after the import has failed on it).
      await waitUntil(() => fetched(win).some((p) => chunk('(embed|first)', '/nowhere/chunks/').test(p)), 'a first chunk asked for at the URL given');
      expect(win.customElements.get('checkout-wizard')).to.equal(undefined);
      expect(failed).to.have.length(1);

      const other = await openPage('/test/embed/blank.html');
      await loadScript(other, BUNDLE, { chunks: `${location.origin}${CHUNKS}` });
      const el = addWizard(other, 'fr');
      await waitForStep(el, 'select');
      expect(el.shadowRoot!.querySelector('section')!.lang).to.equal('fr');
      expect(fetched(other).some((p) => chunk('fr').test(p))).to.equal(true);
      expect(errors).to.deep.equal([]);
    });

    it('the hashes in chunks/integrity.json, as an import map, pin every chunk: a chunk that differs is refused', async () => {
      const hashes = (await (await fetch(`${CHUNKS}integrity.json`)).json()) as Record<string, string>;
      expect(Object.keys(hashes).some((file) => chunk('first').test(`${CHUNKS}${file}`)), 'the first step’s chunk is listed').to.equal(true);
      /** A page with only an import map of these hashes and the script tag. */
      const pinned = async (integrity: Record<string, string>) => {
        const frame = document.createElement('iframe');
        const map = { integrity: Object.fromEntries(Object.entries(integrity).map(([file, hash]) => [`${CHUNKS}${file}`, hash])) };
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        frame.srcdoc = `<script type="importmap">${JSON.stringify(map)}</script><script src="${BUNDLE}"></script>`;
        document.body.append(frame);
        frames.push(frame);
        await loaded;
        return frame.contentWindow as Frame;
      };
      const win = await pinned(hashes);
      expect(await win.CheckoutWizard!.ready).to.equal(win.CheckoutWizard);

      const first = Object.keys(hashes).find((file) => chunk('first').test(`${CHUNKS}${file}`))!;
      const tampered = await pinned({ ...hashes, [first]: `sha384-${'A'.repeat(64)}` });
      tampered.console.error = () => {};
      let reason: unknown;
      await tampered.CheckoutWizard!.ready.catch((e: unknown) => (reason = e));
      expect(reason, 'a chunk whose bytes do not match its hash is not run').to.be.an('error');
      expect(tampered.customElements.get('checkout-wizard')).to.equal(undefined);
    });

    it('an <img name="currentScript"> in the page cannot name where the chunks come from', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      const { errors } = record(win);
      // document's named elements win over its own properties: this <img> is what document.currentScript reads.
      const img = win.document.createElement('img');
      img.setAttribute('name', 'currentScript');
      img.dataset.chunks = '/elsewhere/chunks';
      win.document.body.append(img);
      await loadScript(win, BUNDLE);
      const wizard = addWizard(win, 'fr');
      await waitForStep(wizard, 'select');
      expect(fetched(win).filter((p) => p.startsWith('/elsewhere/'))).to.deep.equal([]);
      expect(fetched(win).some((p) => chunk('fr').test(p))).to.equal(true);
      expect(wizard.shadowRoot!.querySelector('section')!.lang).to.equal('fr');
      expect(errors).to.deep.equal([]);
    });

    it('a regional language loads with the language it builds on', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      const { errors } = record(win);
      await loadScript(win, BUNDLE);
      const el = addWizard(win, 'fr-CA');
      await waitForStep(el, 'select');
      expect(el.shadowRoot!.querySelector('section')!.lang).to.equal('fr-CA');
      // Québec's own word for a plan, and French's for everything fr-CA does not change.
      expect(textOf(el)).to.include('forfait');
      expect(textOf(el)).to.include('Choisir Remote Support');
      expect(fetched(win).some((p) => chunk('fr-CA').test(p))).to.equal(true);
      expect(fetched(win).some((p) => chunk('fr').test(p))).to.equal(true);
      expect(errors).to.deep.equal([]);
    });

    it('a static page whose backend is down shows the unavailable gate with Retry', async () => {
      await useBackend(new MockBackend({ scenario: 'backend-down' }));
      const win = await openPage('/test/embed/static.html');
      const el = wizardIn(win);
      await waitForStep(el, 'unavailable');
      const buttons = [...el.shadowRoot!.querySelector('[data-step]')!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(buttons).to.include('Riprova');
    });

    it('the same script twice: nothing thrown, one definition (the first copy), no warning, one working widget', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = (await openPage('/test/embed/twice.html')) as Frame & { __warnings: string[]; __errors: string[] };
      expect(win.__errors).to.deep.equal([]);
      // The same version twice changes nothing, so it is not worth a warning.
      expect(win.__warnings).to.deep.equal([]);
      expect(pageScripts(win)).to.deep.equal(['inline', BUNDLE, BUNDLE]);
      await win.CheckoutWizard!.ready;
      const registered = win.customElements.get('checkout-wizard');
      expect(registered === win.CheckoutWizard!.CheckoutWizard, 'window.CheckoutWizard is the first copy').to.equal(true);
      // The second copy loads nothing (a second Lit would create a second Trusted Types policy) and
      // hands back the first copy's API; each chunk was fetched once.
      expect((win.CheckoutWizardBundle as unknown) === win.CheckoutWizard, 'second copy hands back the first').to.equal(true);
      expect(win.CheckoutWizard!.version).to.equal(version);
      const el = wizardIn(win);
      expect(el instanceof registered!).to.equal(true);
      await waitForStep(el, 'select');
      expect(el.shadowRoot!.querySelectorAll('[data-step]').length).to.equal(1);
      const chunks = fetched(win).filter((p) => p.startsWith(CHUNKS));
      expect(chunks.length).to.be.greaterThan(0);
      expect(new Set(chunks).size, 'no chunk fetched twice').to.equal(chunks.length);
    });

    it('a later copy of another version: nothing thrown, the first stays, one warning names both', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      const { warnings, errors } = record(win);
      await loadScript(win, BUNDLE);
      await win.CheckoutWizard!.ready;
      const first = win.customElements.get('checkout-wizard');
      const global = win.CheckoutWizard;
      const later = await bundleWithVersion(win, '9.9.9-test');
      await loadScript(win, later);
      await loadScript(win, later); // and that one again: still one warning
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([`checkout-wizard: version ${version} is already loaded; the copy of version 9.9.9-test loaded later is not used.`]);
      expect(win.customElements.get('checkout-wizard') === first, 'first definition kept').to.equal(true);
      expect(win.CheckoutWizard === global, 'window.CheckoutWizard kept').to.equal(true);
      expect(win.CheckoutWizard!.version).to.equal(version);
      // The later copy ran nothing of its own: its export is the first copy's API.
      expect((win.CheckoutWizardBundle as unknown) === global, 'later copy hands back the first').to.equal(true);
      expect(warnings).to.have.length(1);

      // The first copy still works.
      const host = win.document.createElement('div');
      win.document.body.append(host);
      const { element } = win.CheckoutWizard!.mount(host, { apiBase: '/api/billing/v1', storageKey: 'frame' });
      expect(element instanceof first!).to.equal(true);
      await waitForStep(element, 'select');
    });

    it('another version loaded first wins: version and warning name it', async () => {
      const win = await openPage('/test/embed/blank.html');
      const { warnings, errors } = record(win);
      // Its chunks: this build's (the copy of another version would bring its own, by their hashed names).
      await loadScript(win, await bundleWithVersion(win, '0.0.1-old'), { chunks: CHUNKS });
      await win.CheckoutWizard!.ready;
      const first = win.customElements.get('checkout-wizard');
      await loadScript(win, BUNDLE);
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([`checkout-wizard: version 0.0.1-old is already loaded; the copy of version ${version} loaded later is not used.`]);
      expect(win.customElements.get('checkout-wizard') === first).to.equal(true);
      expect(win.CheckoutWizard!.version).to.equal('0.0.1-old');
      expect(win.CheckoutWizard!.CheckoutWizard === first).to.equal(true);
    });

    it('after the npm define entry, the script tag adds no definition and describes the registered one', async () => {
      const win = await openPage('/test/embed/blank.html');
      const { warnings, errors } = record(win);
      await (win as unknown as { eval(code: string): Promise<unknown> }).eval(`import('/src/define.ts')`);
      const first = win.customElements.get('checkout-wizard');
      expect(first).to.not.equal(undefined);
      expect(win.CheckoutWizard).to.equal(undefined);
      await loadScript(win, BUNDLE);
      await win.CheckoutWizard!.ready;
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
      expect(win.customElements.get('checkout-wizard') === first).to.equal(true);
      expect(win.CheckoutWizard!.CheckoutWizard === first, 'the global names the registered class').to.equal(true);
      expect(win.CheckoutWizard!.version).to.equal(version);
    });
  });

  describe('script tag on a page whose markup clobbers window.CheckoutWizard', () => {
    // A named element is a property of window (DOM clobbering): before the bundle runs,
    // window.CheckoutWizard is the page's element, and "already loaded" must not be read from it.
    type Recorded = Frame & { __before: string; __warnings: string[]; __errors: string[] };

    /** The API the bundle installed: a plain object with mount(), not one of the page's elements. */
    async function expectApi(win: Frame) {
      await win.CheckoutWizard!.ready;
      const api = win.CheckoutWizard as unknown;
      expect(api instanceof win.Node, 'window.CheckoutWizard is no node').to.equal(false);
      expect(api instanceof win.HTMLCollection, 'window.CheckoutWizard is no collection').to.equal(false);
      expect(api === win.window || api === win.document.querySelector('iframe')?.contentWindow, 'window.CheckoutWizard is no window').to.equal(false);
      expect(typeof win.CheckoutWizard!.mount).to.equal('function');
      expect(win.CheckoutWizard!.version).to.equal(version);
      expect(win.customElements.get('checkout-wizard') === win.CheckoutWizard!.CheckoutWizard, 'the global names the registered class').to.equal(true);
    }

    /** mount() into a new element of the page reaches the first step. */
    async function mountWorks(win: Frame, storageKey: string) {
      const host = win.document.createElement('div');
      win.document.body.append(host);
      const { element, destroy } = win.CheckoutWizard!.mount(host, { apiBase: '/api/billing/v1', storageKey });
      expect(element instanceof win.customElements.get('checkout-wizard')!).to.equal(true);
      await waitForStep(element, 'select');
      destroy();
    }

    it('<div id>, <form name>, <img name> and <a id> before the script tag: defined, API installed, the widget and mount() work', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = (await openPage('/test/embed/clobbered.html')) as Recorded;
      expect(win.__before, 'the markup did clobber the name').to.equal('[object HTMLCollection]');
      expect(win.__errors).to.deep.equal([]);
      expect(win.__warnings).to.deep.equal([]);
      await expectApi(win);
      expect((win.CheckoutWizardBundle as { version?: string }).version, 'the script ran to its end').to.equal(version);
      // The page's elements are untouched, and still found by their id and name.
      expect(win.document.getElementById('CheckoutWizard')!.localName).to.equal('div');
      expect(win.document.getElementsByName('CheckoutWizard').length).to.equal(2);
      await waitForStep(wizardIn(win), 'select');
      await mountWorks(win, 'clobbered');
    });

    it('the same script twice after that markup: nothing thrown, no warning, the second copy hands back the first', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = (await openPage('/test/embed/clobbered-twice.html')) as Recorded;
      expect(win.__before).to.equal('[object HTMLCollection]');
      expect(win.__errors).to.deep.equal([]);
      expect(win.__warnings).to.deep.equal([]);
      expect(pageScripts(win)).to.deep.equal(['inline', BUNDLE, BUNDLE]);
      await expectApi(win);
      expect((win.CheckoutWizardBundle as unknown) === win.CheckoutWizard, 'second copy hands back the first').to.equal(true);
      const el = wizardIn(win);
      await waitForStep(el, 'select');
      expect(el.shadowRoot!.querySelectorAll('[data-step]').length).to.equal(1);
      await mountWorks(win, 'clobbered-twice');
    });

    const clobbering: [string, string][] = [
      ['<div id>', '<div id="CheckoutWizard"></div>'],
      ['<a id>', '<a id="CheckoutWizard" href="#x">x</a>'],
      ['<form name>', '<form name="CheckoutWizard"></form>'],
      ['<img name>', '<img name="CheckoutWizard" alt="">'],
      ['<iframe name>', '<iframe name="CheckoutWizard" title="x"></iframe>'],
    ];
    for (const [what, markup] of clobbering) {
      it(`${what} alone: the script tag installs its API over it, and a second load changes nothing`, async () => {
        await useBackend(new MockBackend({ scenario: 'empty-cart' }));
        const win = await openPage('/test/embed/blank.html');
        const { warnings, errors } = record(win);
        const holder = win.document.createElement('div');
        holder.innerHTML = markup;
        win.document.body.append(holder);
        const before = win.CheckoutWizard as unknown;
        expect(before, `${what} clobbers the name`).to.not.equal(undefined);
        expect(before === holder.firstElementChild || before === (holder.firstElementChild as HTMLIFrameElement).contentWindow, 'the name is the element').to.equal(true);

        await loadScript(win, BUNDLE);
        await expectApi(win);
        const api = win.CheckoutWizard;
        const first = win.customElements.get('checkout-wizard');
        await mountWorks(win, `alone-${what}`);

        await loadScript(win, BUNDLE);
        expect(errors).to.deep.equal([]);
        expect(warnings).to.deep.equal([]);
        expect(win.CheckoutWizard === api, 'window.CheckoutWizard kept').to.equal(true);
        expect(win.customElements.get('checkout-wizard') === first, 'first definition kept').to.equal(true);
        expect((win.CheckoutWizardBundle as unknown) === api, 'the second copy hands back the first').to.equal(true);
        await mountWorks(win, `again-${what}`);
      });
    }

    it('a later copy of another version after clobbering markup: one warning, the first copy stays', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      const { warnings, errors } = record(win);
      const form = win.document.createElement('form');
      form.name = 'CheckoutWizard';
      win.document.body.append(form);
      await loadScript(win, BUNDLE);
      const api = win.CheckoutWizard;
      const later = await bundleWithVersion(win, '9.9.9-test');
      await loadScript(win, later);
      await loadScript(win, later);
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([`checkout-wizard: version ${version} is already loaded; the copy of version 9.9.9-test loaded later is not used.`]);
      expect(win.CheckoutWizard === api).to.equal(true);
      expect((win.CheckoutWizardBundle as unknown) === api, 'later copy hands back the first').to.equal(true);
      await expectApi(win);
      await mountWorks(win, 'versions');
    });
  });

  describe('CheckoutWizard.mount()', () => {
    function host(id?: string) {
      const div = document.createElement('div');
      div.className = 'embed-host';
      if (id) div.id = id;
      document.body.append(div);
      return div;
    }

    it('window.CheckoutWizard offers version and mount() at once, and the classes once ready', async () => {
      const win = await openPage('/test/embed/blank.html');
      await loadScript(win, BUNDLE);
      const global = win.CheckoutWizard!;
      expect(global.version).to.equal(version);
      expect(typeof global.mount).to.equal('function');
      expect(await global.ready).to.equal(global);
      expect(global.CheckoutWizard).to.equal(win.customElements.get('checkout-wizard'));
      expect(typeof global.HttpBillingAdapter).to.equal('function');
      expect(global.define!()).to.equal(true);
      // The npm entry's own exports are the same pieces, for a bundler.
      expect(customElements.get('checkout-wizard')).to.equal(CheckoutWizardClass);
      expect(typeof HttpBillingAdapter).to.equal('function');
      expect(define()).to.equal(true);
    });

    it('mount() works before the widget’s chunks arrive: the element upgrades with what it was given', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const win = await openPage('/test/embed/blank.html');
      await loadScript(win, BUNDLE);
      const target = win.document.createElement('div');
      win.document.body.append(target);
      const steps: string[] = [];
      // Called in the same task as the script ran: nothing of the widget is defined yet.
      expect(win.customElements.get('checkout-wizard')).to.equal(undefined);
      const handle = win.CheckoutWizard!.mount(target, { apiBase: '/api/billing/v1', locale: 'it', storageKey: 'early', on: { 'cw-step-change': (d) => steps.push(d.step) } });
      await waitForStep(handle.element, 'select');
      expect(handle.element.shadowRoot!.querySelector('section')!.lang).to.equal('it');
      expect(steps).to.deep.equal(['select']);
      handle.destroy();
    });

    it('two widgets in two locales with two storage keys keep their own steps, storage and announcements', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const stepsA: string[] = [];
      const stepsB: string[] = [];
      const a = mount(host('a-host'), { apiBase: '/api/billing/v1', locale: 'en', storageKey: 'shop-a', on: { 'cw-step-change': (d) => stepsA.push(d.step) } });
      host('b-host');
      const b = mount('#b-host', { apiBase: '/api/billing/v1', locale: 'it', storageKey: 'shop-b', on: { 'cw-step-change': (d) => stepsB.push(d.step) } });
      expect(a.element.parentElement!.id).to.equal('a-host');
      expect(b.element.parentElement!.id).to.equal('b-host');
      await settled(a.element);
      await settled(b.element);
      expect([a.element.step, b.element.step]).to.deep.equal(['select', 'select']);
      expect(a.element.shadowRoot!.querySelector('section')!.lang).to.equal('en');
      expect(b.element.shadowRoot!.querySelector('section')!.lang).to.equal('it');

      await clickText(a.element, 'Choose Remote Support');
      await waitForStep(a.element, 'mode');
      expect(b.element.step, 'B did not move with A').to.equal('select');
      await clickText(b.element, 'Scegli Phone System');
      await waitForStep(b.element, 'seats');
      expect(a.element.step, 'A did not move with B').to.equal('mode');
      await clickText(a.element, 'Buy');
      await waitForStep(a.element, 'tier');
      expect(b.element.step).to.equal('seats');
      expect(textOf(a.element)).to.include('Choose a plan');
      expect(textOf(b.element)).to.include('Quante licenze utente ti servono?');

      expect(stepsA).to.deep.equal(['select', 'mode', 'tier']);
      expect(stepsB).to.deep.equal(['select', 'seats']);
      expect(storedKeys()).to.deep.equal([saved('shop-a'), saved('shop-b')]);
      expect(JSON.parse(sessionStorage.getItem(saved('shop-a'))!).step).to.equal('tier');
      expect(JSON.parse(sessionStorage.getItem(saved('shop-b'))!).step).to.equal('seats');

      // Each has its own live region, inside its own shadow root; nothing was added to the page around them.
      const statusA = a.element.shadowRoot!.querySelector('[part=status]');
      const statusB = b.element.shadowRoot!.querySelector('[part=status]');
      expect(statusA && statusB && statusA !== statusB, 'two live regions').to.equal(true);
      expect(document.querySelectorAll('[aria-live], [role=status], [role=alert]').length, 'no live region in the page').to.equal(0);
      expect([...document.querySelectorAll('.embed-host')].map((h) => h.children.length)).to.deep.equal([1, 1]);
      a.destroy();
      b.destroy();
    });

    it('a widget mount() creates saves its progress under the target id when no storageKey is given', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const handle = mount(host('orders'), { apiBase: '/api/billing/v1' });
      expect(handle.element.storageKey).to.equal('orders');
      await settled(handle.element);
      await clickText(handle.element, 'Choose Remote Support');
      await waitForStep(handle.element, 'mode');
      expect(storedKeys()).to.deep.equal([saved('orders')]);
      handle.destroy();
    });

    it('destroy() removes the widget it created and its listeners; a second call is safe', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const target = host();
      const seen: string[] = [];
      const handle = mount(target, {
        apiBase: '/api/billing/v1',
        theme: 'dark',
        orderTimeout: 2000,
        retry: { retries: 1 },
        on: { 'cw-step-change': (d) => seen.push(`step:${d.step}`) },
      });
      const off = handle.on('cw-error', (d, event) => seen.push(`error:${d.code}:${event.type}`));
      handle.on('cw-cart-change', () => seen.push('cart'));
      const { element } = handle;
      expect(element.getAttribute('theme')).to.equal('dark');
      expect(element.orderTimeout).to.equal(2000);
      expect(element.retry).to.deep.equal({ retries: 1 });
      await settled(element);
      expect(seen).to.deep.equal(['step:select']);

      element.dispatchEvent(new CustomEvent('cw-error', { detail: { code: 'x', message: '' } }));
      expect(seen).to.deep.equal(['step:select', 'error:x:cw-error']);
      off();
      element.dispatchEvent(new CustomEvent('cw-error', { detail: { code: 'y', message: '' } }));
      expect(seen, 'the function on() returned removed its listener').to.have.length(2);

      handle.destroy();
      expect(element.isConnected).to.equal(false);
      expect(target.children.length).to.equal(0);
      expect(() => handle.destroy()).to.not.throw();
      element.dispatchEvent(new CustomEvent('cw-step-change', { detail: { step: 'mode' } }));
      element.dispatchEvent(new CustomEvent('cw-cart-change', { detail: { cart: { items: [] } } }));
      expect(seen, 'no handler runs after destroy').to.deep.equal(['step:select', 'error:x:cw-error']);
      // After destroy, on() adds nothing.
      const late = handle.on('cw-step-change', () => seen.push('late'));
      element.dispatchEvent(new CustomEvent('cw-step-change', { detail: { step: 'mode' } }));
      late();
      expect(seen).to.have.length(2);
      // The removed widget stopped its actor.
      await waitUntil(() => element.step === 'loading', 'actor stopped');
    });

    it('a <checkout-wizard> target is configured in place; destroy() leaves it and removes only the listeners', async () => {
      await useBackend(new MockBackend({ scenario: 'empty-cart' }));
      const target = host();
      target.innerHTML = '<checkout-wizard id="existing" api-base="/api/billing/v1"></checkout-wizard>';
      const existing = target.firstElementChild as CheckoutWizard;
      const seen: string[] = [];
      const handle = mount('#existing', { locale: 'it', theme: 'auto', storageKey: 'in-place', on: { 'cw-step-change': (d) => seen.push(d.step) } });
      expect(handle.element === existing, 'the target itself').to.equal(true);
      expect(target.children.length).to.equal(1);
      expect(existing.getAttribute('theme')).to.equal('auto');
      await settled(existing);
      expect(existing.locale).to.equal('it');
      expect(textOf(existing)).to.include('Scegli');
      await clickText(existing, 'Scegli Remote Support');
      await waitForStep(existing, 'mode');
      expect(seen).to.include('mode');
      expect(storedKeys()).to.deep.equal([saved('in-place')]);

      handle.destroy();
      handle.destroy();
      expect(existing.isConnected).to.equal(true);
      const count = seen.length;
      await clickText(existing, 'Acquista');
      await waitForStep(existing, 'tier');
      expect(seen, 'no handler after destroy').to.have.length(count);
    });

    it('a missing target or an unknown event name throws before the page is touched', () => {
      const target = host();
      expect(() => mount('#nowhere', {})).to.throw(/no element matches "#nowhere"/);
      expect(() => mount(target, { on: { 'cw-order-place': () => {} } as never })).to.throw(TypeError, /unknown event "cw-order-place"/);
      expect(() => mount(null as never)).to.throw(TypeError);
      expect(target.children.length).to.equal(0);
    });
  });
});
