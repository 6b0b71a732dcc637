// The one script of ours on the CSP fixture pages: external, same origin, plain JavaScript, loaded
// before the widget's bundle so that it sees every violation from the start. It
//   - counts `securitypolicyviolation` events (and, as a cross-check, csp-violation reports),
//   - records the names of the Trusted Types policies anything on the page creates,
//   - records the widget's step changes and errors,
//   - gives the widget a payment provider once the page is parsed (the mock backend itself is
//     MSW's service worker, registered by the parent test page: it controls this same-origin frame).
// It uses DOM APIs only: no innerHTML, no style attributes, no eval.
(() => {
  'use strict';

  const violations = [];
  const reports = [];
  const policies = [];
  const steps = [];
  const errors = [];

  const record = (e) =>
    violations.push({
      effectiveDirective: e.effectiveDirective,
      violatedDirective: e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      lineNumber: e.lineNumber,
      columnNumber: e.columnNumber,
      sample: e.sample,
      disposition: e.disposition,
      // Retargeted to the shadow host when the offending node is in a shadow root; the path says where it really was.
      target: e.target && e.target.nodeName,
      origin: (e.composedPath()[0] || {}).nodeName,
    });
  // Capture on window: the event is composed, so violations inside shadow roots arrive here too.
  window.addEventListener('securitypolicyviolation', record, true);

  // A second, independent witness: the Reporting API queues a report for every violation,
  // even one whose event some script stopped.
  let observer;
  const toReport = (r) => ({
    effectiveDirective: r.body && r.body.effectiveDirective,
    blockedURL: r.body && r.body.blockedURL,
    sourceFile: r.body && r.body.sourceFile,
    lineNumber: r.body && r.body.lineNumber,
    sample: r.body && r.body.sample,
  });
  if (typeof ReportingObserver === 'function') {
    observer = new ReportingObserver((list) => reports.push(...list.map(toReport)), { types: ['csp-violation'], buffered: true });
    observer.observe();
  }

  // Which Trusted Types policies get created, by whom: the names go into `trusted-types`.
  // Recorded before the call, so a refused name is recorded too.
  if (window.trustedTypes && typeof window.trustedTypes.createPolicy === 'function') {
    const factory = window.trustedTypes;
    const create = factory.createPolicy.bind(factory);
    factory.createPolicy = (name, rules) => {
      policies.push(name);
      return create(name, rules);
    };
  }

  // A stand-in for a payment provider's own fields (Stripe Elements and the like), built with DOM APIs.
  class FixturePaymentProvider {
    constructor() {
      this.label = 'Test card';
      this.root = undefined;
      this.select = undefined;
    }

    mount(container) {
      this.unmount();
      const root = document.createElement('div');
      const label = document.createElement('label');
      label.htmlFor = 'csp-card';
      label.textContent = 'Test card';
      const select = document.createElement('select');
      select.id = 'csp-card';
      select.append(new Option('Visa 4242', 'tok_visa'), new Option('Mastercard 4444', 'tok_mastercard'));
      root.append(label, select);
      container.append(root);
      this.root = root;
      this.select = select;
    }

    tokenize() {
      return this.select ? Promise.resolve(this.select.value) : Promise.reject(new Error('The payment form is not ready yet.'));
    }

    unmount() {
      if (this.root) this.root.remove();
      this.root = this.select = undefined;
    }
  }

  // Step changes and errors bubble and are composed: listening on the document from the start misses none.
  document.addEventListener('cw-step-change', (e) => steps.push(e.detail.step));
  document.addEventListener('cw-error', (e) => errors.push({ code: e.detail.code, message: e.detail.message }));

  document.addEventListener('DOMContentLoaded', () => {
    for (const wizard of document.querySelectorAll('checkout-wizard')) {
      wizard.paymentProvider = new FixturePaymentProvider();
      // Fail fast in the test: one attempt, no backoff.
      wizard.retry = { retries: 0 };
    }
  });

  window.cspFixture = {
    violations,
    reports,
    policies,
    steps,
    errors,
    /** Delivers the reports still queued in the observer. */
    flush() {
      if (observer) reports.push(...observer.takeRecords().map(toReport));
      return { violations: violations.length, reports: reports.length };
    },
    /**
     * A deliberate violation: an inline style attribute, which `style-src 'self'` must refuse. Set
     * inside a shadow root, where all of the widget's own DOM lives, so the counter is seen to hear there.
     */
    inlineStyle() {
      const host = document.createElement('div');
      document.body.append(host);
      const p = document.createElement('p');
      p.textContent = 'deliberately styled inline';
      host.attachShadow({ mode: 'open' }).append(p);
      p.setAttribute('style', 'color: rgb(255, 0, 0)');
      return getComputedStyle(p).color;
    },
    /** A deliberate Trusted Types violation: a plain string into an HTML sink. */
    stringToInnerHTML() {
      const div = document.createElement('div');
      try {
        div.innerHTML = '<b>not trusted</b>';
        return 'assigned';
      } catch (e) {
        return e instanceof TypeError ? 'TypeError' : String(e);
      }
    },
  };
})();
