import { MockBackend, SCENARIOS, startMockWorker, TestPaymentProvider, type ScenarioName } from '../src/mock/index.js';
import { LOCALES } from '../src/i18n/locales.js';

const params = new URLSearchParams(location.search);
const scenario = (SCENARIOS.find((s) => s.name === params.get('scenario'))?.name ?? 'empty-cart') as ScenarioName;
const latency = Number(params.get('latency') ?? 300);
const locale = params.get('locale') ?? 'en';
const theme = params.get('theme') ?? 'light';

// The settings are filled before the mock starts, so the bar does not reflow under the widget.
const pick = <T extends HTMLInputElement | HTMLSelectElement>(id: string) => document.getElementById(id) as T;
const scenarioSelect = pick<HTMLSelectElement>('scenario');
for (const s of SCENARIOS) scenarioSelect.append(new Option(s.label, s.name, false, s.name === scenario));
const localeSelect = pick<HTMLSelectElement>('locale');
// Each language by its own name, as a language menu shows it.
for (const tag of LOCALES) {
  const option = new Option(new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag, tag);
  option.lang = tag;
  localeSelect.append(option);
}
localeSelect.value = locale;
pick<HTMLSelectElement>('theme').value = theme;
pick<HTMLInputElement>('latency').value = String(latency);

const backend = new MockBackend({ scenario, latencyMs: Number.isFinite(latency) ? latency : 300 });
await startMockWorker(backend);
// Define the elements only once the mock answers, so the first request reaches it.
await import('../src/define.js');

const wizard = document.querySelector('checkout-wizard')!;
// The test provider's fields, confirmed on the mock's own payment network (its 3-D Secure challenge included).
wizard.paymentProvider = new TestPaymentProvider({ network: backend });
wizard.locale = locale;
wizard.setAttribute('theme', theme);


// Each setting reloads the page with a fresh backend, as a real page load would.
for (const [id, key] of [['scenario', 'scenario'], ['locale', 'locale'], ['theme', 'theme'], ['latency', 'latency']] as const) {
  pick(id).addEventListener('change', (e) => {
    params.set(key, (e.target as HTMLInputElement).value);
    location.search = params.toString();
  });
}

// The next POST /orders is charged behind a gateway that answers 504: the widget looks the order up by its key.
const gateway = pick<HTMLInputElement>('gateway');
gateway.addEventListener('change', () => {
  backend.clearFaults();
  if (gateway.checked) backend.inject({ op: 'placeOrder', gateway: true });
});
wizard.addEventListener('cw-order-placed', () => (gateway.checked = false));

const log = document.getElementById('log')!;
for (const name of ['cw-step-change', 'cw-cart-change', 'cw-order-placed', 'cw-trial-started', 'cw-assign-licenses', 'cw-error'] as const) {
  wizard.addEventListener(name, (e) => {
    const li = document.createElement('li');
    li.textContent = `${name} ${JSON.stringify((e as CustomEvent).detail)}`;
    log.prepend(li);
  });
}
