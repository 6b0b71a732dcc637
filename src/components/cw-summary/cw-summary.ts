import { html, nothing, type PropertyValues } from 'lit';
import { StepElement } from '../step-element.js';
import { en, type Messages } from '../../i18n/en.js';
import type { Money, Product, Quote, Tier } from '../../contract/types.js';
import { estimate, findProduct, findTier, fromPrice } from '../../machine/rules.js';
import { orderOf, quoteMatches, stepOf, type OrderItem } from '../../machine/selectors.js';
import { GATES } from '../../machine/steps.js';
import type { CheckoutSnapshot } from '../../machine/checkout.machine.js';
import { line, productAndPlan, quoteFigures, figureStyles } from '../quote-figures.js';
import { styles } from './cw-summary.styles.js';

/** What the summary shows: nothing, the empty text, an estimate, a free trial, or the server's quote. */
export type SummaryView = 'none' | 'empty' | 'estimate' | 'trial' | 'quote';

/** Where the wizard puts it: a column beside the steps, or a collapsible bar above them. */
export type SummaryLayout = 'column' | 'bar';

/** An item as the estimate draws it: its catalog entries and its first period at list price, when both are known. */
interface EstimateLine {
  item: OrderItem;
  product?: Product;
  tier?: Tier;
  amount?: Money;
}

const HIDDEN: ReadonlySet<string> = new Set(['loading', 'done', ...GATES]);

/** The sum of amounts in one currency; undefined when one is missing or the currencies differ. */
function sum(amounts: readonly (Money | undefined)[]): Money | undefined {
  const first = amounts[0];
  if (!first || amounts.some((a) => !a || a.currency !== first.currency)) return undefined;
  return { amount: amounts.reduce((total, a) => total + a!.amount, 0), currency: first.currency };
}

/** A discount taken off, written with a minus (the amount is the quote's). */

/** Messages a locale does not have yet are said in English, per localizer. */
const withEnglish = new WeakMap<Messages, Messages>();

const chevron = html`<svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/**
 * The running order summary beside the steps. With a quote that prices the order on screen (at review and
 * payment, and on any step while the cart is unchanged since), every figure is the quote's: lines, subtotal,
 * discounts, adjustments, VAT, total and renewals. Before that, an estimate at list prices, labelled as one:
 * the cart's items and the item being chosen (its licenses once valid, its plan's price for the chosen term)
 * and an estimated total before tax. A free trial shows its days and nothing to pay. Nothing is chosen yet: a
 * short text (in the bar layout, nothing at all). On the confirmation, on gates and while loading it draws
 * nothing, and the host gets `view="none"` (`display: none`).
 *
 * `layout="column"` (the default) is a card with a heading; `layout="bar"` a disclosure, collapsed at first,
 * whose button reads "Order summary · €976.00" and opens on the same content. Below 260px of its own width
 * the lines stack their amounts under the names. It never takes focus by itself and has no live region:
 * the wizard's announces what changes.
 *
 * @tagname cw-summary
 * @summary The order summary beside the steps: the server's quote once there is one, an estimate from list prices before.
 *
 * @csspart summary - The frame: the card (column layout) or the disclosure (bar layout).
 * @csspart bar - The bar layout's disclosure (`<details>`).
 * @csspart toggle - The bar's button, "Order summary · €976.00", which opens and closes it.
 * @csspart title - The heading "Order summary" of the column layout.
 * @csspart estimate - The "Estimate" badge beside the heading, and the note under an estimate.
 * @csspart empty - The text shown before anything is chosen.
 * @csspart lines - The list of lines.
 * @csspart line - Each line: product · plan, licenses and billing, and its amount.
 * @csspart amount - Each amount.
 * @csspart totals - The subtotal, discounts, adjustments, VAT and total (or the estimated total).
 * @csspart discount - Each discount row.
 * @csspart adjustment - Each adjustment row: what moving the billing date does to a product the account has.
 * @csspart total - The total row: the quote's total due today, or the estimated total before tax.
 * @csspart renewal - Each renewal statement.
 */
export class CwSummary extends StepElement {
  static override styles = [StepElement.styles, figureStyles, styles];
  static override properties = { ...StepElement.properties, layout: { reflect: true } };

  /** `column`: a card beside the steps; `bar`: a collapsible bar above them, for a narrow widget. Set by the wizard. */
  declare layout: SummaryLayout;

  #view: SummaryView = 'none';

  constructor() {
    super();
    this.layout = 'column';
  }

  /** What it shows now; also the host's `view` attribute, so a layout can give it room only when it draws something. */
  get view(): SummaryView {
    return this.#view;
  }

  /** The wizard's messages, with English for any the locale does not have yet. */
  get #m(): Messages {
    const m = this.t.m;
    let merged = withEnglish.get(m);
    if (!merged) withEnglish.set(m, (merged = { ...en, ...m }));
    return merged;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.actor && this.snap.value ? this.#viewOf(this.snap.value) : 'none';
    this.#view = view;
    if (this.getAttribute('view') !== view) this.setAttribute('view', view);
  }

  protected override render() {
    const view = this.#view;
    if (view === 'none' || (view === 'empty' && this.layout === 'bar')) return nothing;
    const body = this.#body(view);
    return this.layout === 'bar' ? this.#bar(view, body) : this.#column(view, body);
  }

  #viewOf(snapshot: CheckoutSnapshot): SummaryView {
    const step = stepOf(snapshot);
    if (HIDDEN.has(step)) return 'none';
    const c = snapshot.context;
    const order = orderOf(c, step);
    if (order.some((i) => i.trial)) return 'trial';
    // At review (once priced) and at payment the quote is what is paid; elsewhere only while it still prices the cart.
    const settled = snapshot.matches({ review: 'ready' }) || (step === 'pay' && !snapshot.matches({ pay: 'quoting' }));
    if (c.quote && (settled || quoteMatches(c.quote, order))) return 'quote';
    return order.length ? 'estimate' : 'empty';
  }

  /** Whether a new quote is being asked for the order the summary shows. */
  get #quoting(): boolean {
    const s = this.snap.value;
    return s.matches({ review: 'quoting' }) || s.matches({ pay: 'quoting' });
  }

  #column(view: SummaryView, body: unknown) {
    const m = this.#m;
    return html`<div class="frame" dir=${this.t.dir}>
      <div class="card" part="summary" role="group" aria-labelledby="summary-title" aria-busy=${this.#quoting && view === 'quote' ? 'true' : 'false'}>
        <div class="head">
          <h3 id="summary-title" part="title">${m.summaryHeading}</h3>
          ${view === 'estimate' ? html`<span class="badge" part="estimate">${m.summaryEstimate}</span>` : nothing}
        </div>
        ${body}
      </div>
    </div>`;
  }

  #bar(view: SummaryView, body: unknown) {
    const m = this.#m;
    const figure = this.#figure(view);
    return html`<div class="frame" dir=${this.t.dir}>
      <details class="bar" part="summary bar">
        <summary part="toggle">
          <span class="label">${m.summaryHeading}${chevron}</span>
          ${figure ? html`<span class="sep visually-hidden"> · </span><span class="figure">${figure}</span>` : nothing}
        </summary>
        <div class="panel" aria-busy=${this.#quoting && view === 'quote' ? 'true' : 'false'}>
          ${view === 'estimate' ? html`<p class="badge" part="estimate">${m.summaryEstimate}</p>` : nothing} ${body}
        </div>
      </details>
    </div>`;
  }

  /** The bar's figure: the quote's total, "about" the estimate's, or a trial's nothing to pay. */
  #figure(view: SummaryView): string | undefined {
    const t = this.t;
    if (view === 'quote') return t.money(this.ctx.quote!.total);
    const total = sum(this.#lines().map((l) => l.amount));
    if (!total) return undefined;
    return view === 'estimate' ? this.#m.summaryAbout(t.money(total)) : t.money(total);
  }

  #body(view: SummaryView): unknown {
    if (view === 'empty') return html`<p class="muted empty" part="empty">${this.#m.summaryEmpty}</p>`;
    if (view === 'quote') return this.#quote(this.ctx.quote!);
    return this.#estimate(view === 'trial');
  }

  /** The estimate's lines: each item at its plan's list price for its term, when its licenses are known. */
  #lines(): EstimateLine[] {
    const c = this.ctx;
    return orderOf(c, stepOf(this.snap.value)).map((item) => {
      const product = findProduct(c.catalog, item.productId);
      const tier = findTier(product, item.tierId);
      const currency = tier?.prices[item.term].currency ?? c.catalog?.currency;
      const amount =
        item.trial && currency ? { amount: 0, currency } : tier && item.seats !== undefined ? estimate(tier, item.term, item.seats) : undefined;
      return { item, product, tier, amount };
    });
  }

  #estimate(trial: boolean) {
    const m = this.#m;
    const t = this.t;
    const lines = this.#lines();
    const total = sum(lines.map((l) => l.amount));
    return html`<ul class="lines" part="lines" role="list">
        ${lines.map((l) => line(t, productAndPlan(l.product?.name ?? l.item.productId, l.tier?.name), this.#estimateDetail(l), l.amount))}
      </ul>
      ${total
        ? html`<dl class="totals" part="totals">
            <div class="row total" part="total">
              <dt>${trial ? m.totalDue : m.estimatedTotal}</dt>
              <dd class="amount" part="amount">${t.money(total)}</dd>
            </div>
          </dl>`
        : nothing}
      ${trial ? nothing : html`<p class="muted fine" part="estimate">${m.summaryEstimateNote}</p>`}`;
  }

  #estimateDetail({ item, product, tier }: EstimateLine): string {
    const m = this.#m;
    const t = this.t;
    const licenses = item.seats !== undefined ? t.count(m.licenses, item.seats) : undefined;
    if (item.trial) {
      const days = product?.trial ? t.count(m.freeTrialDays, product.trial.days) : '';
      return [licenses, days].filter(Boolean).join(' · ');
    }
    if (licenses) return `${licenses} · ${item.term === 'annual' ? m.billedAnnually : m.billedMonthly}`;
    // No plan chosen yet: the product's lowest price; no valid number of licenses yet: the plan's price per license for the term chosen.
    if (!tier) return product ? m.fromPrice(t.money(fromPrice(product))) : '';
    return item.term === 'annual' ? m.perSeatYear(t.money(tier.prices.annual)) : m.perSeatMonth(t.money(tier.prices.monthly));
  }

  /** Every figure is the quote's: nothing here is computed. */
  #quote(quote: Quote) {
    return html`${this.#quoting ? html`<p class="muted updating">${this.#m.updatingTotal}</p>` : nothing} ${quoteFigures(this.t, this.#m, quote)}`;
  }
}
