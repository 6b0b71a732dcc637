import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { createActor } from 'xstate';
import type { BillingAdapter, PaymentProvider } from '../../adapter/billing-adapter.js';
import { HttpBillingAdapter } from '../../adapter/http-adapter.js';
import { actorContext, localizerContext } from '../../controllers/contexts.js';
import { SelectorController } from '../../controllers/selector-controller.js';
import { Localizer, type StringOverrides } from '../../i18n/localizer.js';
import { resolveLocale } from '../../i18n/locales.js';
import { checkoutMachine, type CheckoutActor, type CheckoutSnapshot, type HostOptions, type RetryPolicy } from '../../machine/checkout.machine.js';
import { readSaved, toSaved, VERSION } from '../../machine/persist.js';
import { orderState, stepOf, verdictCurrent } from '../../machine/selectors.js';
import { GATES, pathOf, tagOf, type StepId } from '../../machine/steps.js';
import { cartDetail, fire, orderDetail, trialDetail } from '../../events.js';
import type { StepElement } from '../step-element.js';
import { styles } from './checkout-wizard.styles.js';
import { readTheme } from '../../styles/tokens.js';
import { skeleton } from './skeleton.js';
import { awaitsChunk, isLazy, loadElement, LAZY, type LazyTag } from '../lazy.js';

/** From this width of the widget the order summary sits beside the steps; below it, a bar above them. */
const SUMMARY_BESIDE_PX = 760;
/** The frame's border and padding at the default tokens: the probe inside it is this much narrower than the widget. */
const FRAME_INSET_PX = 34;

/**
 * What ends the frame's height animation early: a key pressed inside (a quick Tab must not focus something still cut
 * off). Not a pointer: it presses what it sees, and ending a shrinking frame under it can move the page (the scroll
 * is clamped), so that the press and the release land on different things and the click is lost.
 */
const EVENTS_THAT_END = ['keydown'] as const;

/** Every part of the step elements, exported through the wizard so `checkout-wizard::part(heading)` reaches it. */
const STEP_PARTS = [
  'heading', 'alert', 'retry', 'back', 'error', 'badge', 'input',
  'product', 'choose', 'option', 'tier', 'details', 'popover', 'stepper', 'next', 'commit',
  'item', 'edit', 'remove', 'add-another', 'checkout', 'quote', 'total', 'continue',
  'methods', 'method', 'add-method', 'save-method', 'cancel', 'vat', 'apply-vat', 'recap', 'totals', 'renewal', 'authorise',
  'order-status', 'place-order', 'check-again', 'declined', 'discount', 'adjustment', 'promo', 'apply-promo', 'remove-promo',
  'price', 'estimate', 'undo', 'icon', 'receipt', 'sign-in', 'ask',
  'summary', 'assign', 'add-more', 'portal',
].join(', ');

/**
 * Give it a billing backend with `api-base` (the HTTP contract in contract/billing-api.yaml) or the `adapter` property.
 *
 * Theme it with `theme` (light, dark, or auto: following `prefers-color-scheme`) and the `--cw-*` tokens
 * below, set on the element or any ancestor; they win over the theme's values. Defaults are light / dark.
 * Every token, part and the page-isolation rules: docs/theming.md.
 *
 * @tagname checkout-wizard
 * @summary The checkout wizard: a billing contact adds a subscription plan or a free trial for another product, without leaving the page.
 *
 * @slot payment - Light-DOM home for the payment provider's fields (for example Stripe Elements); the widget creates it while a payment method is being added.
 *
 * @csspart base - The wizard's frame.
 * @csspart progress - The progress indicator.
 * @csspart status - The live region that announces status messages.
 * @csspart offline - The banner shown while the browser reports being offline.
 * @csspart loading - The skeleton shaped like the first step, shown until it arrives.
 * @csspart progress-list - The progress indicator's list of steps.
 * @csspart progress-step - Each step in the progress indicator.
 * @csspart progress-current - The current step in the progress indicator.
 * @csspart progress-done - Each done step in the progress indicator.
 * @csspart progress-button - The button of a done step, which goes back to it.
 * @csspart progress-marker - Each step's dot (a check once done).
 * @csspart progress-summary - "Step 3 of 7: Licenses", when the widget is narrow.
 * @csspart summary-panel - The order summary: beside the steps when the widget is wide, a bar above them when narrow.
 * @csspart summary-frame - The order summary's card.
 * @csspart summary-bar - The order summary's collapsible bar ("Order summary · total"), on a narrow widget.
 * @csspart summary-lines - The order summary's list of lines.
 * @csspart summary-line - Each line of the order summary.
 * @csspart summary-totals - The order summary's subtotal, discounts, tax and total.
 * @csspart summary-total - The order summary's total.
 * @csspart summary-renewal - The order summary's renewal statement.
 * @csspart summary-estimate - The order summary's "estimate" label, before a quote.
 * @csspart step - The element drawing the current step or gate; its parts below are exported too (docs/theming.md lists which step has which).
 * @csspart heading - The heading of the step or gate.
 * @csspart alert - A step-level error.
 * @csspart retry - A retry button.
 * @csspart back - A back button.
 * @csspart error - A field's error message.
 * @csspart badge - A badge (subscribed, in cart, free trial, recommended, saving, default method).
 * @csspart input - A text field (licenses, VAT number).
 *
 * @cssproperty --cw-color-accent - Primary buttons, links, selected cards, progress (default #1f5fd6 / dark #7cacf8).
 * @cssproperty --cw-color-on-accent - Text on the accent colour (default #ffffff / dark #0b1320).
 * @cssproperty --cw-color-text - Body text (default #1b1f24 / dark #e6e9ee).
 * @cssproperty --cw-color-muted - Secondary text (default #555d68 / dark #a9b1bc).
 * @cssproperty --cw-color-surface - Background of the frame, cards, buttons and fields (default #ffffff / dark #181b20).
 * @cssproperty --cw-color-raised - Badges and raised areas (default #f4f6f9 / dark #232830).
 * @cssproperty --cw-color-border - Borders of the frame, cards, buttons and table rows (default #c9ced6 / dark #6b7380).
 * @cssproperty --cw-color-border-strong - Borders of text fields and selects, which identify them: keep 3:1 against the surface (default #7a828e / dark #8b94a1).
 * @cssproperty --cw-color-danger - Errors and alerts (default #b3261e / dark #ff8f87).
 * @cssproperty --cw-color-success - Confirmations (default #1e7a3c / dark #6dd58c).
 * @cssproperty --cw-color-focus - Focus rings (default #1f5fd6 / dark #9cc2ff).
 * @cssproperty --cw-shadow - Shadow of floating panels (default 0 6px 24px rgb(0 0 0 / 0.18) / dark 0 6px 24px rgb(0 0 0 / 0.6)).
 * @cssproperty --cw-font-family - Font (default system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif).
 * @cssproperty --cw-font-size - Base font size; headings and small print scale from it (default 16px).
 * @cssproperty --cw-line-height - Line height of body text (default 1.5).
 * @cssproperty --cw-radius - Corner radius of the frame, cards, buttons and fields (default 8px).
 * @cssproperty --cw-space - Base spacing: padding of the frame and cards (default 16px).
 * @cssproperty --cw-density - Multiplier of the gaps between items: below 1 is denser, above 1 airier (default 1).
 * @cssproperty --cw-focus-width - Width of focus rings (default 2px).
 *
 * @fires cw-step-change - A step or gate was entered, the first one included; `detail: { step }`.
 * @fires cw-cart-change - The server cart changed (item added, updated, removed, or emptied by an order); `detail: { cart }` with its id and items.
 * @fires cw-order-placed - An order was placed: paid, or `processing` until a bank debit clears; `detail: { id, status, total, billingDate, productIds }`.
 * @fires cw-trial-started - A free trial started; `detail: { trial }` with its id, productId, tierId, seats and endsAt.
 * @fires cw-assign-licenses - "Assign licenses to users" was chosen; `detail: { url, productIds }`; cancelable: cancel it to route in the host app instead of following `url`.
 * @fires cw-sign-in - The session ended and "Sign in" was chosen; `detail: { url }` (the `sign-in-url`, or null); cancelable: cancel it to sign the user in within the host app instead of following `url`.
 * @fires cw-error - Something failed; `detail: { code, step }`: the contract's problem code (or the widget's own, such as `network`) and the step it happened on.
 */
export class CheckoutWizard extends LitElement {
  static override styles = styles;
  static override properties = {
    apiBase: { attribute: 'api-base' },
    locale: { reflect: true },
    product: {},
    adapter: { attribute: false },
    paymentProvider: { attribute: false },
    retry: { attribute: false },
    orderTimeout: { attribute: 'order-timeout', type: Number },
    storageKey: { attribute: 'storage-key' },
    label: {},
    strings: { attribute: false },
    theme: { reflect: true },
    signInUrl: { attribute: 'sign-in-url' },
    allowedOrigins: {
      attribute: 'allowed-origins',
      converter: { fromAttribute: (value: string | null) => value?.split(/\s+/).filter(Boolean), toAttribute: (value?: string[]) => value?.join(' ') },
    },
  };

  /** Base URL of a backend that speaks the billing contract, e.g. `/api/billing/v1`. */
  declare apiBase?: string;
  /** BCP 47 language tag; English when unsupported. */
  declare locale: string;
  /** A product id to preselect: the wizard opens on that product's first step. */
  declare product?: string;
  /** Any billing backend; takes precedence over `api-base`. */
  declare adapter?: BillingAdapter;
  /** The payment provider whose fields add a payment method; without one, only methods on file can pay. */
  declare paymentProvider?: PaymentProvider;
  /** Automatic retries of placing an order, always with the same idempotency key: `{ retries, baseDelayMs, maxDelayMs }` (4, 500, 8000). */
  declare retry?: Partial<RetryPolicy>;
  /** Milliseconds a place-order request may take before its outcome counts as unknown and is checked again (15000). */
  declare orderTimeout?: number;
  /** Names this widget's saved progress in sessionStorage; defaults to the element's id. Give each widget on a page its own. */
  declare storageKey?: string;
  /** The widget's accessible name (default "Add a subscription"); give each widget on a page its own. */
  declare label?: string;
  /** The host's own wording for any message, over the locale's, e.g. `{ seatsLabel: 'Seats', licenses: (n) => \`${n} seats\` }`. */
  declare strings?: StringOverrides;
  /**
   * Colour theme: `light` (the default), `dark`, or `auto`, which follows the user's `prefers-color-scheme`.
   * Reflected to the attribute; any other value draws the light theme. `--cw-*` tokens set by the page win over it.
   */
  declare theme: 'light' | 'dark' | 'auto';
  /**
   * Origins the backend's URLs must come from to become links, images or a bank's page, e.g.
   * `allowed-origins="https://billing.example.com https://cdn.example.com"`. Empty: any https origin (and http on localhost).
   */
  declare allowedOrigins?: string[];
  /** Where "Sign in" leads when the session has ended; without it, `cw-sign-in` tells the host to sign the user in. */
  declare signInUrl?: string;

  #actor?: CheckoutActor;
  #source?: BillingAdapter | string;
  #stopping = false;
  #lastStep?: StepId;
  #container?: HTMLElement;
  #localizer = new Localizer('en');
  /** Set while the first locale other than English loads: nothing is drawn in the wrong language meanwhile. */
  #localePending = false;
  /** The latest locale request; an answer to an older one is dropped. */
  #localeRequest?: object;
  readonly #actorProvider = new ContextProvider(this, { context: actorContext });
  readonly #localeProvider = new ContextProvider(this, { context: localizerContext, initialValue: this.#localizer });
  readonly #snap = new SelectorController<CheckoutActor, CheckoutSnapshot>(this, (s) => s);

  constructor() {
    super();
    this.locale = 'en';
    this.theme = 'light';
  }

  /** Where this widget's progress is saved: versioned, and scoped to the instance. */
  get #storageName(): string {
    return `checkout-wizard:v${VERSION}:${this.storageKey || this.id || this.#position()}`;
  }

  /** Without a key or id, widgets in markup are told apart by their order on the page. */
  #position(): string {
    const index = [...document.querySelectorAll('checkout-wizard')].indexOf(this);
    return index > 0 ? `default-${index}` : 'default';
  }

  #storage(): Storage | undefined {
    try {
      return window.sessionStorage;
    } catch {
      return undefined; // Storage blocked by the browser: the widget works, it only forgets on reload.
    }
  }

  #lastSaved?: string;

  /** Saves progress after each change, so a reload comes back where the user was; a finished order clears it. */
  #save(snapshot: CheckoutSnapshot): void {
    const step = stepOf(snapshot);
    // A finished order needs no memory; a signed-out session may be someone else's next.
    if (step === 'done' || step === 'signed-out') return this.#write(undefined);
    const saved = toSaved(step, snapshot.context, !!orderState(snapshot));
    if (saved) this.#write(JSON.stringify(saved));
  }

  #write(json: string | undefined): void {
    const storage = this.#storage();
    if (!storage || json === this.#lastSaved) return;
    this.#lastSaved = json;
    try {
      if (json) storage.setItem(this.#storageName, json);
      else storage.removeItem(this.#storageName);
    } catch {
      // A full or blocked storage only costs the reload memory.
    }
  }

  #offline = false;

  readonly #onLine = () => {
    if (this.#offline === !navigator.onLine) return;
    this.#offline = !navigator.onLine;
    this.requestUpdate();
  };

  /** The step or gate on show, or `loading` (also while the step's chunk is on its way). */
  get step(): StepId | 'loading' {
    const step = this.#actor && !this.#localePending ? stepOf(this.#actor.getSnapshot()) : 'loading';
    const tag = step !== 'loading' && tagOf(step);
    return tag && awaitsChunk(tag) ? 'loading' : step;
  }

  /** True while a request is in flight (loading, saving, quoting, placing). */
  get busy(): boolean {
    return !this.#actor || this.#actor.getSnapshot().hasTag('busy');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first requests go out as the element connects, before its first update and the layout read below.
    this.#follow();
    // Measured now, so a wide page never draws the bar first and then the column.
    this.#wide = this.getBoundingClientRect().width >= SUMMARY_BESIDE_PX;
    if (this.#probe) this.#resize.observe(this.#probe);
    this.#stopping = false;
    // A hint only: nothing is disabled on it; the network errors themselves drive retries.
    window.addEventListener('online', this.#onLine);
    window.addEventListener('offline', this.#onLine);
    this.#onLine();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#probe = undefined;
    // A running height animation (and its listeners) would keep a removed widget alive until it ends.
    this.#heightAnimation?.cancel();
    this.#heightAnimation = undefined;
    window.removeEventListener('online', this.#onLine);
    window.removeEventListener('offline', this.#onLine);
    // A prefetch resumes when the widget shows its next step again.
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    this.#prefetched = false;
    // Moving the element re-connects it in the same task: only a real removal stops the actor (and aborts its requests).
    this.#stopping = true;
    queueMicrotask(() => {
      if (this.#stopping && !this.isConnected) this.#stop();
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || changed.has('strings')) this.#setLocale();
    if (changed.has('paymentProvider') && changed.get('paymentProvider') !== undefined) this.#unmountPayment(changed.get('paymentProvider'));
    if (this.#actor && (changed.has('paymentProvider') || changed.has('allowedOrigins') || changed.has('signInUrl'))) {
      this.#actor.send({ type: 'HOST', options: this.#hostOptions() });
    }
    this.#follow();
    this.#measureFrame();
  }

  /** Starts the actor on the backend given (the adapter, or else `api-base`), anew when it changes. */
  #follow(): void {
    const source = this.adapter ?? this.apiBase;
    if (source !== this.#source || (!this.#actor && source)) {
      this.#stop();
      this.#source = source;
      if (source) this.#start(typeof source === 'string' ? new HttpBillingAdapter(source) : source);
    }
  }

  /** What the frame shows (a step, or `loading`) as last measured, its height then, and the animation from it. */
  #framed?: string;
  #heightFrom?: number;
  #heightAnimation?: Animation;

  /** Before the frame draws another step: its height now (mid-animation, the height on screen). */
  #measureFrame(): void {
    const shows = this.step;
    if (shows === this.#framed) return;
    this.#framed = shows;
    this.#heightFrom = this.renderRoot.querySelector('.base')?.getBoundingClientRect().height;
  }

  /**
   * Once the new step is drawn, the frame grows or shrinks to it over 180 ms instead of jumping (none with
   * reduced motion). Started in the next frame, before it paints, when the step's own elements have rendered too;
   * it runs to the frame's `auto` height (interpolate-size), so content that changes meanwhile (a quote that
   * arrives) is followed, and to the height measured then where `auto` cannot be animated.
   * Only the animation holds a height: when it ends or is cancelled, the frame is as tall as its content.
   */
  #animateHeight(): void {
    const from = this.#heightFrom;
    this.#heightFrom = undefined;
    if (!from || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    requestAnimationFrame(() => {
      const base = this.renderRoot.querySelector<HTMLElement>('.base');
      if (!base || !this.isConnected) return;
      this.#heightAnimation?.cancel();
      const to = base.getBoundingClientRect().height;
      if (!to || Math.abs(to - from) < 2) return;
      const end = CSS.supports('interpolate-size', 'allow-keywords') ? 'auto' : `${to}px`;
      // clip-path, not overflow: the content is cut at the frame while it moves, and nothing is a scroll container meanwhile.
      const animation = base.animate(
        [
          { height: `${from}px`, clipPath: 'inset(0)' },
          { height: end, clipPath: 'inset(0)' },
        ],
        { duration: 180, easing: 'cubic-bezier(0.2, 0, 0, 1)' },
      );
      this.#heightAnimation = animation;
      // (Not focusin: a focus move inside the widget does not reach its host.)
      const finish = () => animation.finish();
      const done = () => EVENTS_THAT_END.forEach((type) => this.removeEventListener(type, finish));
      EVENTS_THAT_END.forEach((type) => this.addEventListener(type, finish));
      animation.finished.then(done, done);
    });
  }

  /** English applies at once; another locale loads its messages first, and until then the widget keeps the language it has. */
  #setLocale(): void {
    const request = {};
    this.#localeRequest = request;
    const locale = resolveLocale(this.locale);
    this.#actor?.send({ type: 'LOCALE', locale });
    const apply = (localizer: Localizer) => {
      if (this.#localeRequest !== request) return;
      this.#localizer = localizer;
      this.#localePending = false;
      this.#localeProvider.setValue(localizer);
      this.requestUpdate();
    };
    if (locale === 'en') return apply(new Localizer(this.locale, undefined, this.strings));
    this.#localePending ||= this.#localizer.locale === 'en' && !this.hasUpdated;
    void Localizer.load(this.locale, this.strings).then(apply);
  }

  #start(adapter: BillingAdapter): void {
    const restore = readSaved(this.#storage()?.getItem(this.#storageName));
    this.#lastSaved = restore && JSON.stringify(restore);
    const actor = createActor(checkoutMachine, {
      input: {
        adapter,
        locale: resolveLocale(this.locale),
        product: this.product,
        retry: this.retry,
        orderTimeoutMs: this.orderTimeout,
        restore,
        ...this.#hostOptions(),
      },
    });
    actor.on('cart-change', (e) => fire(this, 'cw-cart-change', { cart: cartDetail(e.cart) }));
    actor.on('order-placed', (e) => fire(this, 'cw-order-placed', orderDetail(e.order, e.productIds)));
    actor.on('trial-started', (e) => fire(this, 'cw-trial-started', { trial: trialDetail(e.trial) }));
    actor.on('error', (e) => fire(this, 'cw-error', { code: e.code, step: stepOf(actor.getSnapshot()) }));
    this.#actor = actor;
    this.#lastStep = undefined;
    this.#snap.actor = actor;
    this.#actorProvider.setValue(actor);
    actor.start();
  }

  /** The options the host may change at any time, as the machine takes them. */
  #hostOptions(): HostOptions {
    return { provider: this.paymentProvider, allowedOrigins: this.allowedOrigins, signInUrl: this.signInUrl };
  }

  #stop(): void {
    // A bank's challenge left open would stay over the host page: the provider takes it down with its fields.
    if (this.#actor && orderState(this.#actor.getSnapshot()) === 'authenticating') this.paymentProvider?.unmount();
    this.#actor?.stop();
    this.#actor = undefined;
    this.#source = undefined;
    this.#snap.actor = undefined;
    this.#unmountPayment();
  }

  protected override updated(): void {
    // Only while connected: an update after removal must not hand the observer a reason to keep the widget alive.
    const probe = (this.isConnected && this.renderRoot.querySelector('.width-probe')) || undefined;
    if (probe !== this.#probe) {
      if (this.#probe) this.#resize.unobserve(this.#probe);
      this.#probe = probe;
      if (probe) this.#resize.observe(probe);
    }
    this.#animateHeight();
    const snapshot = this.#actor?.getSnapshot();
    if (!snapshot || this.#localePending) return;
    const step = stepOf(snapshot);
    // A step counts as entered once its element is drawn, not while its chunk is on its way.
    if (step !== 'loading' && step === this.#drawn?.step && step !== this.#lastStep) {
      const first = this.#lastStep === undefined;
      this.#lastStep = step;
      fire(this, 'cw-step-change', { step });
      if (!(GATES as readonly string[]).includes(step)) this.#prefetch(step, pathOf(snapshot.context));
      // The first step does not steal focus from the host page; every later one moves it to its heading.
      if (!first) void this.renderRoot.querySelector<StepElement>('[data-step]')?.focusHeading();
    }
    // A step that could not be loaded: focus on its Try again, where the heading would have been (not on a first screen).
    const retry = this.#failed && this.#lastStep !== undefined ? this.renderRoot.querySelector<HTMLElement>('.alert button') : null;
    if (retry && retry !== this.#focusedRetry) {
      this.#focusedRetry = retry;
      retry.focus();
    }
    this.#syncPayment(snapshot);
    this.#save(snapshot);
  }

  /** Gives the payment provider a light-DOM container while a method is being added, and takes it back after. */
  #syncPayment(snapshot: CheckoutSnapshot): void {
    const wanted = stepOf(snapshot) === 'pay' && snapshot.context.addingMethod && !!this.paymentProvider;
    if (wanted && !this.#container) {
      const container = document.createElement('div');
      container.slot = 'payment';
      this.append(container);
      this.#container = container;
      const { quote, account, locale } = snapshot.context;
      const total = quote?.total;
      void Promise.resolve()
        .then(() =>
          this.paymentProvider?.mount(container, {
            amount: total?.amount,
            currency: total?.currency ?? account?.currency ?? 'EUR',
            locale,
            theme: readTheme(this),
          }),
        )
        .catch((e: unknown) => this.#actor?.send({ type: 'METHOD_FAILED', message: e instanceof Error ? e.message : String(e) }));
    } else if (!wanted) {
      this.#unmountPayment();
    }
  }

  #unmountPayment(provider = this.paymentProvider): void {
    if (!this.#container) return;
    provider?.unmount();
    this.#container.remove();
    this.#container = undefined;
  }

  /** The status message the live region announces for this snapshot. */
  #status(snapshot: CheckoutSnapshot): string {
    const m = this.#localizer.m;
    if (snapshot.matches('loading')) return m.loading;
    if (snapshot.matches('done')) {
      const { order } = snapshot.context;
      return order ? (order.status === 'processing' ? m.processingHeading : m.doneHeading) : m.trialHeading;
    }
    if (snapshot.matches({ review: 'quoting' }) || snapshot.matches({ pay: 'quoting' })) return m.updatingTotal;
    const order = orderState(snapshot);
    if (order === 'confirming') return m.confirming;
    if (order === 'authenticating') return m.authenticating;
    if (order === 'placing') return m.placingOrder;
    const { vatVerdict: verdict, requoted, quote } = snapshot.context;
    if (snapshot.matches({ pay: 'idle' }) && verdict && verdictCurrent(snapshot.context)) {
      if (verdict.status === 'valid') return m.vatValid(verdict.name ?? '');
      if (verdict.status === 'unavailable') return m.vatUnavailable;
    }
    if (snapshot.matches('review') && requoted && quote) return requoted.reason === 'quote_changed' ? m.quoteChanged : m.quoteExpired;
    return '';
  }

  protected override render() {
    const snapshot = this.#snap.value;
    // While the first locale loads, the skeleton holds the frame's height; nothing is said in the wrong language.
    if (!this.#actor || !snapshot || this.#localePending) return html`<div part="base" class="base" aria-busy="true">${this.#actor ? skeleton() : nothing}</div>`;
    const m = this.#localizer.m;
    const step = stepOf(snapshot);
    const inFlow = step !== 'loading' && !(GATES as readonly string[]).includes(step);
    return html`<section part="base" class="base" dir=${this.#localizer.dir} lang=${this.#localizer.locale} aria-label=${this.label || m.widgetLabel}>
      ${inFlow
        ? html`<cw-progress
            part="progress"
            exportparts="list: progress-list, step: progress-step, current: progress-current, done: progress-done, button: progress-button, marker: progress-marker, summary: progress-summary"
            .steps=${pathOf(snapshot.context)}
            .current=${step}
            .labels=${m.stepNames}
            label=${this.label ? `${m.progressLabel}: ${this.label}` : m.progressLabel}
            @cw-step-select=${(e: CustomEvent<{ step: StepId }>) => this.#actor?.send({ type: 'GO_TO', step: e.detail.step })}
          ></cw-progress>`
        : nothing}
      ${this.#offline ? html`<div class="offline" role="status" part="offline">${m.offline}</div>` : nothing}
      <div class="width-probe" aria-hidden="true"></div>
      <div class="layout" ?data-wide=${this.#wide}>
        <div class="main">${this.#stepElement(step)}</div>
        ${inFlow
          ? html`<cw-summary
              part="summary-panel"
              exportparts="summary: summary-frame, bar: summary-bar, lines: summary-lines, line: summary-line, totals: summary-totals, total: summary-total, renewal: summary-renewal, estimate: summary-estimate"
              layout=${this.#wide ? 'column' : 'bar'}
            ></cw-summary>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" part="status">${this.#status(snapshot)}</div>
    </section>`;
  }

  /** Wide enough for the order summary beside the steps: the widget's own width, not the viewport's. */
  #wide = false;
  /**
   * Watches a probe of no height that spans the frame: its size follows the widget's width only, so the
   * layout this changes never resizes what is observed (no "ResizeObserver loop"), and the change is drawn at once.
   */
  readonly #resize = new ResizeObserver(([entry]) => {
    const wide = (entry?.contentRect.width ?? 0) >= SUMMARY_BESIDE_PX - FRAME_INSET_PX;
    if (wide === this.#wide) return;
    this.#wide = wide;
    this.requestUpdate();
  });
  #probe?: Element;

  #drawn?: { step: StepId; el: StepElement };

  /** The element the step table names for this step, made anew when the step changes. */
  #stepElement(step: StepId | 'loading') {
    if (step === 'loading') {
      this.#drawn = undefined;
      // The shape of what comes next: the product list, or after a gate's "Try again", most likely the gate again.
      return skeleton(this.#lastStep && (GATES as readonly string[]).includes(this.#lastStep) ? 'step' : 'list');
    }
    const tag = tagOf(step);
    // A failure is shown on the step it happened on; another step's chunk is fetched afresh.
    if (this.#failed !== tag) this.#failed = undefined;
    if (awaitsChunk(tag)) {
      this.#drawn = undefined;
      return this.#fetch(tag);
    }
    if (this.#drawn?.step !== step) {
      const el = document.createElement(tag) as StepElement;
      el.dataset.step = '';
      el.setAttribute('part', 'step');
      el.setAttribute('exportparts', STEP_PARTS);
      if (step === 'pay') {
        // The payment provider's fields stay in the page's light DOM: the wizard's slot passes them through.
        const slot = document.createElement('slot');
        slot.name = slot.slot = 'payment';
        el.append(slot);
      }
      this.#drawn = { step, el };
    }
    // Whether the order summary is in view beside the step: a step may then leave its figures to it.
    this.#drawn.el.toggleAttribute('data-beside', this.#wide);
    return this.#drawn.el;
  }

  /** Chunks this widget is fetching (prefetches included); the step chunks it is waiting on; the one that failed to come. */
  readonly #fetching = new Map<LazyTag, Promise<boolean>>();
  readonly #awaited = new Set<LazyTag>();
  #failed?: LazyTag;
  /** The Try again last given focus, so that it is given once. */
  #focusedRetry?: HTMLElement;

  /** Fetches a chunk, once at a time; true when its element is defined. Never rejects: a prefetch that fails is tried again when its step shows. */
  #load(tag: LazyTag): Promise<boolean> {
    let pending = this.#fetching.get(tag);
    if (!pending) {
      pending = loadElement(tag).then(
        () => true,
        () => false,
      );
      this.#fetching.set(tag, pending);
      void pending.then(() => this.#fetching.delete(tag));
    }
    return pending;
  }

  /**
   * While a step's chunk is on its way, the step's skeleton; if it could not be fetched, a message
   * with Try again, never a blank widget. Either way the progress indicator and the summary stay.
   */
  #fetch(tag: LazyTag) {
    if (this.#failed === tag) {
      const m = this.#localizer.m;
      return html`<div class="alert" role="alert" part="alert">
        <span>${m.stepFailed}</span>
        <button type="button" class="retry" part="retry" @click=${() => ((this.#failed = undefined), this.requestUpdate())}>${m.retry}</button>
      </div>`;
    }
    if (!this.#awaited.has(tag)) {
      this.#awaited.add(tag);
      void this.#load(tag).then((defined) => {
        this.#awaited.delete(tag);
        if (!defined) this.#failed = tag;
        this.requestUpdate();
      });
    }
    return skeleton('step');
  }

  #prefetched = false;
  /** Cancels the idle callback the prefetch waits on: a removed widget leaves nothing queued that holds it. */
  #cancelIdle?: () => void;

  /**
   * Once the first step is drawn, every later step's chunk, one at a time when the browser is idle, the
   * path's next steps first; and at every step, the next one on the path at once, so no click waits.
   */
  #prefetch(step: StepId, path: readonly StepId[]): void {
    const next = path[path.indexOf(step) + 1];
    const nextTag = next && tagOf(next);
    if (nextTag && isLazy(nextTag)) void this.#load(nextTag);
    if (this.#prefetched) return;
    this.#prefetched = true;
    const queue = [...path.map(tagOf), ...Object.keys(LAZY)].filter((tag, i, all): tag is LazyTag => isLazy(tag) && all.indexOf(tag) === i && tag !== 'cw-gate');
    const one = () => {
      this.#cancelIdle = undefined;
      const tag = queue.shift();
      if (!tag || !this.isConnected) return;
      const run = () => void this.#load(tag).then(one);
      if ('requestIdleCallback' in window) {
        const id = requestIdleCallback(run, { timeout: 2000 });
        this.#cancelIdle = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(run, 50);
        this.#cancelIdle = () => clearTimeout(id);
      }
    };
    one();
  }
}
