// Installed before any page script on the memory pages (puppeteer evaluateOnNewDocument):
// counts what a removed widget could leave running. Timers, animation frames, observers that
// still observe something, and listeners on window, document and visualViewport (where
// Floating UI's autoUpdate and the widget's online/offline hints attach). Read with probe().
(() => {
  const live = {
    timeouts: new Set(),
    intervals: new Set(),
    frames: new Set(),
    observers: new Set(), // WeakRefs to every observer that observed something
    listeners: new Map(), // "target|type|capture" → Set of listeners
  };
  const w = window;

  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf } = w;
  w.setTimeout = function (fn, ms, ...args) {
    const id = st.call(w, (...a) => {
      live.timeouts.delete(id);
      if (typeof fn === 'function') fn(...a);
    }, ms, ...args);
    live.timeouts.add(id);
    return id;
  };
  w.clearTimeout = function (id) {
    live.timeouts.delete(id);
    return ct.call(w, id);
  };
  w.setInterval = function (fn, ms, ...args) {
    const id = si.call(w, fn, ms, ...args);
    live.intervals.add(id);
    return id;
  };
  w.clearInterval = function (id) {
    live.intervals.delete(id);
    return ci.call(w, id);
  };
  w.requestAnimationFrame = function (fn) {
    const id = raf.call(w, (t) => {
      live.frames.delete(id);
      fn(t);
    });
    live.frames.add(id);
    return id;
  };
  w.cancelAnimationFrame = function (id) {
    live.frames.delete(id);
    return caf.call(w, id);
  };

  // Held weakly: an observer nobody can reach any more is collected with what it observed, and is no leak.
  const observed = new WeakMap(); // observer → { targets: WeakSet, count }
  for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) {
    const Base = w[name];
    if (!Base) continue;
    const Tracked = class extends Base {
      observe(target, options) {
        let entry = observed.get(this);
        if (!entry) {
          observed.set(this, (entry = { targets: new WeakSet(), count: 0 }));
          live.observers.add(new WeakRef(this));
        }
        if (!entry.targets.has(target)) {
          entry.targets.add(target);
          entry.count++;
        }
        return super.observe(target, options);
      }
      unobserve(target) {
        const entry = observed.get(this);
        if (entry?.targets.delete(target)) entry.count--;
        return super.unobserve(target);
      }
      disconnect() {
        const entry = observed.get(this);
        if (entry) {
          entry.targets = new WeakSet();
          entry.count = 0;
        }
        return super.disconnect();
      }
    };
    Object.defineProperty(Tracked, 'name', { value: name });
    w[name] = Tracked;
  }

  const targetName = (t) => (t === w ? 'window' : t === w.document ? 'document' : t === w.visualViewport ? 'visualViewport' : undefined);
  const keyOf = (name, type, options) => `${name}|${type}|${typeof options === 'boolean' ? options : !!options?.capture}`;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const name = targetName(this);
    if (name && listener && !(typeof options === 'object' && options?.signal?.aborted)) {
      const key = keyOf(name, type, options);
      const set = live.listeners.get(key) ?? new Set();
      set.add(listener);
      live.listeners.set(key, set);
      const forget = () => live.listeners.get(key)?.delete(listener);
      if (typeof options === 'object' && options?.signal) options.signal.addEventListener('abort', forget, { once: true });
      if (typeof options === 'object' && options?.once) add.call(this, type, forget, { once: true, capture: !!options.capture });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const name = targetName(this);
    if (name) live.listeners.get(keyOf(name, type, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };

  /** Counts of what is live now, and the listeners by target and type. */
  w.probe = () => {
    const listeners = {};
    let total = 0;
    for (const [key, set] of live.listeners) {
      if (!set.size) continue;
      const [name, type] = key.split('|');
      listeners[`${name}:${type}`] = (listeners[`${name}:${type}`] ?? 0) + set.size;
      total += set.size;
    }
    const observers = {};
    for (const ref of live.observers) {
      const observer = ref.deref();
      if (!observer) {
        live.observers.delete(ref);
        continue;
      }
      if (!observed.get(observer)?.count) continue;
      const name = Object.getPrototypeOf(Object.getPrototypeOf(observer)).constructor.name;
      observers[name] = (observers[name] ?? 0) + 1;
    }
    return {
      timeouts: live.timeouts.size,
      intervals: live.intervals.size,
      frames: live.frames.size,
      observers,
      listenerTotal: total,
      listeners,
    };
  };
})();
