import { html, nothing, type TemplateResult } from 'lit';
import type { Money, Quote } from '../contract/types.js';
import { isolate, type Localizer } from '../i18n/localizer.js';
import type { Messages } from '../i18n/en.js';

export { figureStyles } from './quote-figures.styles.js';

/**
 * A quote's figures, drawn the same wherever they appear (the order summary beside the steps, the recap above
 * Place order): its lines, subtotal, discounts, adjustments, VAT, total, reverse charge and renewals. Every figure
 * is the quote's; nothing here is computed. `m` is passed in: the summary fills in English for messages a locale
 * lacks.
 */
export function quoteFigures(t: Localizer, m: Messages, quote: Quote): TemplateResult {
  return html`<ul class="lines" part="lines" role="list">
      ${quote.lines.map((l) =>
        line(t, productAndPlan(l.productName, l.tierName), `${t.count(m.licenses, l.seats)} · ${l.term === 'annual' ? m.billedAnnually : m.billedMonthly}`, l.amount),
      )}
    </ul>
    <dl class="totals" part="totals">
      ${row(t, m.subtotal, quote.subtotal)}
      ${(quote.discounts ?? []).map((d) => row(t, html`<bdi class="code">${d.code}</bdi> · <bdi>${d.description}</bdi>`, d.amountOff, 'discount', true))}
      ${(quote.adjustments ?? []).map((a) =>
        row(t, a.kind === 'credit' ? m.adjustCredit(isolate(a.productName)) : m.adjustCharge(isolate(a.productName), t.dateRange(a.periodStart, a.periodEnd)), a.amount, 'adjustment'),
      )}
      ${row(t, m.tax(t.percent(quote.tax.rateBasisPoints)), quote.tax.amount)} ${row(t, m.totalDue, quote.total, 'total')}
    </dl>
    ${quote.tax.reverseCharge ? html`<p class="muted fine">${m.reverseCharge}${quote.tax.vatId ? ` (${quote.tax.vatId})` : ''}</p>` : nothing}
    ${(quote.renewals ?? []).map(
      (r) => html`<p class="muted renewal" part="renewal">${m.renews[r.term === 'annual' ? 'annual' : 'monthly'](t.date(r.date), t.money(r.amount))}</p>`,
    )}`;
}

/** "Product · Plan", each the server's text, isolated. */
export const productAndPlan = (product: string, plan: string | undefined) =>
  html`<bdi>${product}</bdi>${plan ? html` · <bdi>${plan}</bdi>` : nothing}`;

/** One line: what, its amount (when known), and a detail under it. */
export function line(t: Localizer, name: unknown, detail: string, amount: Money | undefined): TemplateResult {
  return html`<li class="line" part="line">
    <span class="name">${name}</span>
    ${amount ? html`<span class="amount" part="amount">${t.money(amount)}</span>` : nothing}
    ${detail ? html`<span class="detail muted">${detail}</span>` : nothing}
  </li>`;
}

/** One row of the totals; a discount is an amount taken off. */
export function row(t: Localizer, label: unknown, amount: Money, kind?: 'discount' | 'adjustment' | 'total', off = false): TemplateResult {
  return html`<div class="row ${kind ?? ''}" part=${kind ?? nothing}>
    <dt>${label}</dt>
    <dd class="amount" part="amount">${off ? t.moneyOff(amount) : t.money(amount)}</dd>
  </div>`;
}
