// The benchmark's pages, built per request: /page/<kind>?suite=<suite>[&n=..][&manual].
// Widget and baseline pages differ only in the measured script and in what mounts it.
//   <head>: the mock backend (/build/mock.js) and the harness (/bench/lib.js), not timed.
//   <body>: performance.mark('script-start'), then the measured bundle, then the suite's call.
const SCRIPTS = {
  widget: '/dist/checkout-wizard.iife.js',
  baseline: '/build/baseline.js',
  plain: '/build/plain.js',
};

const RUN = {
  // window.__result is what run.mjs waits for.
  load: (kind) => `bench.load('${kind}').then((r) => (window.__result = r), (e) => (window.__result = { error: String(e) }));`,
  scale: (kind, n, manual) =>
    manual ? '' : `bench.scale('${kind}', ${n}).then((ms) => (window.__result = { ms }), (e) => (window.__result = { error: String(e) }));`,
  flow: () => '',
  memory: () => '',
  network: () => '',
};

export function benchPage(url) {
  const kind = url.pathname.split('/').pop();
  const suite = url.searchParams.get('suite') ?? 'flow';
  if (!SCRIPTS[kind] || !RUN[suite]) return undefined;
  const n = Number(url.searchParams.get('n') ?? 50);
  const manual = url.searchParams.has('manual');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: ${kind} ${suite}</title>
    <link rel="icon" href="data:," />
    <script src="/build/mock.js"></script>
    <script src="/bench/lib.js"></script>
    <style>
      body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; }
      #root > section { margin-block-end: 16px; }
    </style>
  </head>
  <body>
    <h1>Benchmark page</h1>
    <p>The host page's own content, laid out before the measured script starts.</p>
    <main id="root"></main>
    <script>
      // The host page has drawn itself and formatted a price already: the first layout (the
      // font set-up) and the first currency format (ICU data, 30-70 ms in a new renderer
      // process here) are costs of any page, not charged to the widget or the baseline.
      void document.body.offsetHeight;
      new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(0);
      performance.mark('script-start');
    </script>
    <script src="${SCRIPTS[kind]}"></script>
    <script>${RUN[suite](kind, n, manual)}</script>
  </body>
</html>
`;
}
