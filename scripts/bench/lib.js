// The in-page half of the benchmark (a classic script, loaded before the measured bundle).
// It mounts the widget or the baseline on the in-process mock backend (window.BenchMock,
// bundled from src/mock/backend.ts), tells when each is "rendered", and times interactions.
//
// "Rendered" means: the state is reached, no Lit element in the widget has an update pending,
// and a forced layout (document.body.offsetHeight) has run, so style and layout are paid for.
//
// When that happens is seen to the microtask: a MutationObserver on every shadow root of the
// element checks the condition after each change to its DOM, and a loop of tasks (MessageChannel)
// checks it too, for states that change no DOM. Polling by tasks alone would not do: after a
// click or a keystroke, Chromium runs the next frame before other tasks, so a task-level check
// would measure "until the next frame" (vsync-bound, 0-17 ms of noise), not the page's work.
// That figure is taken too, separately: `frame` is when the frame after the rendered state has
// been produced (the first task after its requestAnimationFrame callbacks).
(() => {
  const BASE = 'https://mock.invalid/api/billing/v1';
  const OBSERVE = { childList: true, subtree: true, attributes: true, characterData: true };

  /** Observes `root`'s shadow root and every shadow root below it not observed yet. */
  function observeShadows(observer, root, seen) {
    const visit = (el) => {
      const tree = el.shadowRoot;
      if (!tree || seen.has(tree)) return;
      seen.add(tree);
      observer.observe(tree, OBSERVE);
      for (const child of tree.querySelectorAll('*')) visit(child);
    };
    visit(root);
    if (root.shadowRoot) for (const child of root.shadowRoot.querySelectorAll('*')) visit(child);
  }

  /**
   * Resolves with performance.now() once pred() holds (after a forced layout); with `frame`,
   * with { at, frame }. `watch`: the element whose shadow DOM changes are watched. `interval`
   * (ms): check by timer instead of every task, where many elements are checked (the scale pages)
   * and a check every task would cost more than what it measures.
   */
  function waitFor(pred, describe = () => '', { timeoutMs = 15000, interval, watch, frame = false } = {}) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const { port1, port2 } = new MessageChannel();
      let observer;
      let finished = false;
      const done = (fn, value) => {
        finished = true;
        port1.onmessage = null;
        port1.close();
        port2.close();
        observer?.disconnect();
        fn(value);
      };
      const check = () => {
        if (finished) return true;
        let ok;
        try {
          ok = pred();
        } catch (e) {
          done(reject, e);
          return true;
        }
        if (!ok) return false;
        void document.body.offsetHeight;
        const at = performance.now();
        if (!frame) {
          done(resolve, at);
          return true;
        }
        finished = true;
        observer?.disconnect();
        requestAnimationFrame(() => {
          port1.onmessage = () => done(resolve, { at, frame: performance.now() });
          port2.postMessage(0);
        });
        return true;
      };
      if (watch) {
        const seen = new WeakSet();
        observer = new MutationObserver(() => {
          if (finished) return;
          observeShadows(observer, watch, seen);
          check();
        });
        observeShadows(observer, watch, seen);
      }
      const tick = () => {
        if (check()) return;
        if (performance.now() - started > timeoutMs) return done(reject, new Error(`timed out waiting: ${describe()}`));
        if (interval === undefined) port2.postMessage(0);
        else setTimeout(tick, interval);
      };
      port1.onmessage = tick;
      tick();
    });
  }

  const nextTask = () => new Promise((r) => setTimeout(r, 0));

  /** No Lit element from `root` down (through shadow roots) has an update pending. */
  function allUpdated(root) {
    if (root.isUpdatePending) return false;
    const tree = root.shadowRoot;
    if (!tree) return true;
    for (const el of tree.querySelectorAll('*')) {
      if (el.isUpdatePending) return false;
      if (el.shadowRoot && !allUpdated(el)) return false;
    }
    return true;
  }

  // --- The widget ------------------------------------------------------------------------

  const stepEl = (w) => w.shadowRoot?.querySelector('[data-step]') ?? null;
  const STEP_TAGS = {
    select: 'cw-product-list',
    mode: 'cw-mode-picker',
    tier: 'cw-tier-picker',
    seats: 'cw-seat-picker',
    term: 'cw-term-picker',
    cart: 'cw-cart',
    review: 'cw-review',
    pay: 'cw-payment',
    done: 'cw-confirmation',
  };
  /** What must be on screen for a step to count as shown (beyond its element being updated). */
  const STEP_READY = {
    select: (root) => root.querySelector('[part~=choose]'),
    review: (root) => root.querySelector('[part~=total]'),
    pay: (root) => root.querySelector('[part~=place-order]'),
  };

  function widgetAt(w, step) {
    if (w.step !== step || w.busy) return false;
    const el = stepEl(w);
    if (!el || el.localName !== STEP_TAGS[step] || !el.shadowRoot) return false;
    if (STEP_READY[step] && !STEP_READY[step](el.shadowRoot)) return false;
    return allUpdated(w);
  }

  const widgetAdapter = (backend) => new window.CheckoutWizard.HttpBillingAdapter(BASE, { fetch: backend.fetch });

  /** CheckoutWizard.mount() into `host`, on `backend`; the handle's destroy() removes it. */
  function mountWidget(host, backend, options = {}) {
    const handle = window.CheckoutWizard.mount(host, { adapter: widgetAdapter(backend), storageKey: host.id || 'bench', ...options });
    const el = handle.element;
    return {
      el,
      ready: (step = options.product ? undefined : 'select') =>
        step
          ? waitFor(() => widgetAt(el, step), () => `widget at ${el.step}, busy ${el.busy}, wanted ${step}`, { watch: el })
          : waitFor(() => el.step !== 'loading' && !el.busy && allUpdated(el), () => `widget at ${el.step}`, { watch: el }),
      destroy: () => handle.destroy(),
    };
  }

  // --- The baseline ----------------------------------------------------------------------

  function baselineAt(b, view) {
    return b.view === view && allUpdated(b);
  }

  /** The Lit baseline, or (`bench-plain`) the plain-DOM one, whose only view is the product list: both say their view alike. */
  function mountBaseline(host, backend, tag = 'bench-baseline') {
    const el = document.createElement(tag);
    el.fetcher = backend.fetch;
    host.append(el);
    return {
      el,
      ready: (view = 'list') => waitFor(() => baselineAt(el, view), () => `${tag} at ${el.view}, wanted ${view}`, { watch: el }),
      destroy: () => el.remove(),
    };
  }

  const newBackend = (options = {}) => new window.BenchMock.MockBackend({ scenario: 'empty-cart', latencyMs: 0, ...options });
  const mountKind = (kind, host, backend, options) =>
    kind === 'widget' ? mountWidget(host, backend, options) : mountBaseline(host, backend, kind === 'plain' ? 'bench-plain' : undefined);

  // --- Interactions, timed from their first listener (window, capturing) ---------------------

  let lastInput;
  let armed;
  // The 'input' a keystroke causes, after the browser has edited the field: where the page's own work starts.
  window.addEventListener(
    'input',
    () => {
      if (lastInput?.type === 'keydown') lastInput.inputAt ??= performance.now();
    },
    true,
  );
  for (const type of ['click', 'keydown']) {
    window.addEventListener(
      type,
      (e) => {
        // Only whether it reached the armed control is kept: holding the event path would keep a removed widget alive.
        lastInput = { type, timeStamp: e.timeStamp, at: performance.now(), hit: !!armed && e.composedPath().includes(armed.control) };
      },
      true,
    );
  }

  const inStep = (w, selector, index = 0) => stepEl(w)?.shadowRoot?.querySelectorAll(selector)[index] ?? null;
  const textIn = (root, selector) => (root?.querySelector(selector) ?? root)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  /**
   * The flow as a list of actions. Each finds its control, and says what to wait for.
   * kind widget: the empty-cart buy flow with no step skipped (Remote Support has a trial and three tiers).
   */
  const ACTIONS = {
    widget: {
      'select → mode': { control: (w) => [...stepEl(w).shadowRoot.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent.trim() === 'Remote Support')?.querySelector('[part~=choose]'), until: (w) => widgetAt(w, 'mode') },
      'mode → tier': { control: (w) => inStep(w, '[part~=choose]', 0), until: (w) => widgetAt(w, 'tier') },
      'tier → seats': { control: (w) => inStep(w, '[part~=choose]', 0), until: (w) => widgetAt(w, 'seats') },
      'seats → term': { control: (w) => inStep(w, '[part~=next]'), until: (w) => widgetAt(w, 'term') },
      'term → review': { control: (w) => inStep(w, '[part~=commit]'), until: (w) => widgetAt(w, 'review') },
      'review → pay': { control: (w) => inStep(w, '[part~=continue]'), until: (w) => widgetAt(w, 'pay') },
      'pay → done': { control: (w) => inStep(w, '[part~=place-order]'), until: (w) => widgetAt(w, 'done') },
      type: { control: (w) => inStep(w, '#seats'), text: (w) => textIn(stepEl(w)?.shadowRoot, '.price'), at: (w) => widgetAt(w, 'seats') },
    },
    baseline: {
      'list → detail': { control: (b) => b.shadowRoot.querySelector('[part~=choose]'), until: (b) => baselineAt(b, 'detail') },
      'detail → quote': { control: (b) => b.shadowRoot.querySelector('[part~=commit]'), until: (b) => baselineAt(b, 'quote') },
      'quote → done': { control: (b) => b.shadowRoot.querySelector('[part~=place-order]'), until: (b) => baselineAt(b, 'done') },
      type: { control: (b) => b.shadowRoot.querySelector('#seats'), text: (b) => textIn(b.shadowRoot, '.price'), at: (b) => baselineAt(b, 'detail') },
    },
  };

  let current; // { kind, handle, backend }

  const bench = {
    waitFor,
    nextTask,
    allUpdated,
    widgetAt,
    baselineAt,
    newBackend,
    mountWidget,
    mountBaseline,
    mountKind,
    stepEl,

    /** Load pages: mount one, resolve with the times from the 'script-start' mark. */
    async load(kind) {
      // The script tag's API is there at once; its classes (the HTTP adapter here) once the first step's chunks are in.
      if (kind === 'widget') await window.CheckoutWizard.ready;
      const evaluated = performance.now();
      const host = document.getElementById('root');
      const backend = newBackend();
      const { fetch } = backend;
      let firstCall;
      let lastAnswer;
      const calls = [];
      backend.fetch = (input, init) => {
        const call = { name: `${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace('/api/billing/v1', '')}`, start: performance.now() };
        calls.push(call);
        firstCall ??= call.start;
        const p = fetch(input, init);
        p.then(() => (lastAnswer = call.end = performance.now()), () => {});
        return p;
      };
      const handle = mountKind(kind, host, backend);
      const interactive = await handle.ready();
      const start = performance.getEntriesByName('script-start')[0].startTime;
      // The waterfall up to the first step (the network suite prints one): every file of the measured script (not
      // the harness's) and every API call, in ms from the script's start.
      const files = performance
        .getEntriesByType('resource')
        .filter((r) => !/^\/(build|bench)\//.test(new URL(r.name).pathname))
        .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize }));
      const waterfall = [...files, ...calls]
        .filter((r) => r.start <= interactive)
        .map((r) => ({ ...r, start: r.start - start, end: r.end === undefined ? undefined : r.end - start }))
        .sort((a, b) => a.start - b.start);
      return { total: interactive - start, script: evaluated - start, mount: interactive - evaluated, toFirstCall: firstCall - evaluated, fromLastAnswer: interactive - lastAnswer, waterfall };
    },

    /** Flow pages: a fresh widget or baseline on a fresh backend, resolved once its first view is shown. */
    async fresh(kind) {
      current?.handle.destroy();
      sessionStorage.clear();
      await nextTask();
      const backend = newBackend();
      const host = document.getElementById('root');
      current = { kind, backend, handle: mountKind(kind, host, backend) };
      await current.handle.ready();
      return true;
    },

    drop() {
      current?.handle.destroy();
      current = undefined;
      sessionStorage.clear();
    },

    /** Finds the control of `action`, scrolls it into view, arms the wait; returns where to click. */
    arm(action) {
      const a = ACTIONS[current.kind][action];
      const control = a.control(current.handle.el);
      if (!control) throw new Error(`no control for "${action}" (${current.kind} at ${current.handle.el.step ?? current.handle.el.view})`);
      const el = current.handle.el;
      // The frame grows to a new step over 180 ms, clipped meanwhile: the click is measured on the step at rest.
      for (const animation of el.shadowRoot?.querySelector('.base')?.getAnimations() ?? []) animation.finish();
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = control.getBoundingClientRect();
      lastInput = undefined;
      armed = { control, promise: waitFor(() => lastInput && a.until(el), () => `"${action}": ${el.step ?? el.view}`, { watch: el, frame: true }) };
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },

    /** Focuses the licenses field, caret at the end, and arms a wait for the line total to change. */
    armTyping() {
      const a = ACTIONS[current.kind].type;
      const el = current.handle.el;
      const input = a.control(el);
      if (!input) throw new Error(`no licenses field (${current.kind})`);
      input.scrollIntoView({ block: 'center' });
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      const before = a.text(el);
      lastInput = undefined;
      armed = { control: input, promise: waitFor(() => lastInput && a.at(el) && a.text(el) !== before, () => `line total still "${before}"`, { watch: el, frame: true }) };
      return before;
    },

    /**
     * Milliseconds from the armed input event reaching the page (the first listener, on window,
     * capturing) to the awaited state, rendered. `delay` is the browser's part before that: from
     * the event's timestamp to its first listener, the same for both and not the page's doing.
     */
    async result() {
      const { control, promise } = armed;
      const { at, frame } = await promise;
      armed = undefined;
      if (!lastInput.hit) throw new Error(`the ${lastInput.type} did not reach the intended control (${control.localName}${control.part.length ? ` part=${control.part}` : ''})`);
      return {
        ms: at - lastInput.at,
        frame: frame - lastInput.at,
        delay: lastInput.at - lastInput.timeStamp,
        fromInput: lastInput.inputAt === undefined ? undefined : at - lastInput.inputAt,
      };
    },

    /** Memory pages: n mount → shown → remove cycles. variant 'popover' drives to the tier step and leaves a popover open. */
    async cycles(kind, n, variant = 'plain') {
      const host = document.getElementById('root');
      const started = performance.now();
      for (let i = 0; i < n; i++) {
        sessionStorage.clear();
        if (variant === 'popover') {
          const handle = mountWidget(host, newBackend(), { product: 'remote-support' });
          await handle.ready('mode');
          inStep(handle.el, '[part~=choose]', 0).click();
          await handle.ready('tier');
          const popover = inStep(handle.el, 'cw-popover');
          inStep(handle.el, '[part~=details]').click();
          await waitFor(() => popover.open && allUpdated(popover), () => 'popover not open');
          // The control for the leak check: what the probe sees while autoUpdate runs.
          if (window.probe && !window.__openProbe) window.__openProbe = window.probe();
          handle.destroy();
        } else {
          const handle = mountKind(kind, host, newBackend());
          await handle.ready();
          handle.destroy();
        }
        // The widget stops its actor in a microtask after removal; let that and any late timers run.
        await nextTask();
      }
      sessionStorage.clear();
      lastInput = undefined;
      return (performance.now() - started) / n;
    },

    /** Scale pages: n of `kind` on one page, sharing one backend (the server); resolves when all are shown. */
    handles: [],
    async scale(kind, n, from) {
      if (kind === 'widget') await window.CheckoutWizard.ready;
      const start = from === 'now' ? performance.now() : performance.getEntriesByName('script-start')[0].startTime;
      const backend = (window.__scaleBackend ??= newBackend());
      const root = document.getElementById('root');
      const handles = [];
      for (let i = 0; i < n; i++) {
        const host = document.createElement('section');
        host.id = `w${i}`;
        root.append(host);
        handles.push(mountKind(kind, host, backend));
      }
      bench.handles = handles;
      const pending = new Set(handles);
      const check = kind === 'widget' ? (h) => widgetAt(h.el, 'select') : (h) => baselineAt(h.el, 'list');
      const end = await waitFor(() => {
        for (const h of pending) if (check(h)) pending.delete(h);
        return pending.size === 0;
      }, () => `${pending.size} of ${n} not shown`, { interval: 2, timeoutMs: 60000 });
      return end - start;
    },

    unscale() {
      for (const h of bench.handles) h.destroy();
      bench.handles = [];
      document.getElementById('root').replaceChildren();
      sessionStorage.clear();
    },

    /**
     * Network pages: the whole buy flow, driven in-page, counting every call to the mock's fetch
     * (method and path, when issued, when answered). Also when the first step was shown and,
     * for a locale other than English, when its module was requested.
     */
    async network(options = {}) {
      sessionStorage.clear();
      const backend = newBackend({ scenario: options.scenario ?? 'empty-cart', latencyMs: options.latencyMs ?? 0 });
      const calls = [];
      const fetch = (input, init) => {
        const url = new URL(String(input));
        const call = { method: init?.method ?? 'GET', path: url.pathname.replace('/api/billing/v1', ''), issued: performance.now(), answered: undefined };
        calls.push(call);
        const p = backend.fetch(input, init);
        p.then(
          () => (call.answered = performance.now()),
          () => (call.answered = performance.now()),
        );
        return p;
      };
      const start = performance.now();
      const host = document.getElementById('root');
      const handle = window.CheckoutWizard.mount(host, { adapter: new window.CheckoutWizard.HttpBillingAdapter(BASE, { fetch }), storageKey: 'net', locale: options.locale ?? 'en' });
      const w = handle.element;
      const shown = await waitFor(() => widgetAt(w, 'select'), () => w.step, { watch: w });
      const startup = calls.map((c) => ({ ...c }));
      const steps = [];
      if (!options.startupOnly) {
        const press = async (action) => {
          steps.push(action);
          ACTIONS.widget[action].control(w).click();
          await waitFor(() => ACTIONS.widget[action].until(w), () => `${action}: ${w.step}`, { watch: w });
        };
        for (const action of ['select → mode', 'mode → tier', 'tier → seats']) await press(action);
        // Typing in the licenses field: no request (the line total is computed from the catalog).
        const input = inStep(w, '#seats');
        for (const text of ['12', '1', '5']) {
          input.value = text;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          await waitFor(() => widgetAt(w, 'seats'));
        }
        await press('seats → term');
        if (options.scenario === 'cart-with-items') {
          // "Add to cart" → the cart → "Complete transaction" → review.
          steps.push('term → cart');
          inStep(w, '[part~=commit]').click();
          await waitFor(() => widgetAt(w, 'cart'), () => `term → cart: ${w.step}`);
          steps.push('cart → review');
          inStep(w, '[part~=checkout]').click();
          await waitFor(() => widgetAt(w, 'review'), () => `cart → review: ${w.step}`);
        } else {
          await press('term → review');
        }
        for (const action of ['review → pay', 'pay → done']) await press(action);
      }
      await nextTask();
      handle.destroy();
      const resources = performance
        .getEntriesByType('resource')
        .filter((r) => r.initiatorType !== 'navigation')
        .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }));
      // The locale is a chunk of its own (dist/chunks/it-<hash>.js).
      const locale = options.locale && resources.find((r) => new RegExp(`/chunks/${options.locale}-[\\w-]{8}\\.js$`).test(r.name));
      return {
        start,
        shown,
        startup,
        calls,
        mockLog: backend.requests.map((r) => `${r.method} ${r.path}`),
        steps,
        locale: locale && { ...locale },
        orders: backend.orders.length,
      };
    },
  };

  window.bench = bench;
})();
