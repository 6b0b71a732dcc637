import { html, nothing, svg } from 'lit';
import { StepElement } from '../step-element.js';
import { safeUrl } from '../../contract/schemas.js';
import { findProduct } from '../../machine/rules.js';
import { stepOf } from '../../machine/selectors.js';
import { UNAVAILABLE_RETRY_S } from '../../machine/types.js';
import { fire } from '../../events.js';
import { isolate } from '../../i18n/localizer.js';
import { styles } from './cw-gate.styles.js';

const ENVELOPE = svg`<rect x="3" y="5" width="18" height="14" rx="2" /><path d="M3.5 6.5l8.5 6.5 8.5-6.5" />`;

// Each gate's mark beside its heading; decorative, the heading says it in words.
const ICONS = {
  'signed-out': svg`<rect x="5" y="10.5" width="14" height="10" rx="2" /><path d="M8 10.5v-3a4 4 0 0 1 8 0v3M12 14.5v2.5" />`,
  corporate: svg`<path d="M4.5 21V5a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v16M14.5 10h4a1 1 0 0 1 1 1v10M2.5 21h19M8 8h3M8 12h3M8 16h3" />`,
  forbidden: svg`<circle cx="12" cy="8" r="4" /><path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />`,
  unavailable: svg`<path d="M7.5 18.5h10a4 4 0 0 0 .6-7.96A6 6 0 0 0 6.9 9.4a4.5 4.5 0 0 0 .6 9.1zM3 3l18 18" />`,
} as const;

/** A server text inside a sentence, kept in its own direction (the string form of `<bdi>`: U+2068 … U+2069). */

/**
 * A `mailto:` URL for an address the server sent, or null when it is not one address: the parts are
 * percent-encoded (RFC 6068), so an address cannot add recipients or headers of its own.
 */
function mailto(email: string | undefined, subject: string, body: string): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1 || at === email.length - 1 || /[\s,;]/.test(email)) return null;
  const address = `${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
  // Line breaks in a mailto body are CRLF.
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}

/**
 * @tagname cw-gate
 * @summary The gates: signed out, corporate account, not a billing contact, or the billing service unavailable — each
 * says why and gives a way forward: sign in, the corporate portal, an e-mail to the billing contact, or trying again
 * (the unavailable gate also tries again by itself, and says when).
 *
 * @csspart icon - The gate's mark beside its heading.
 * @csspart heading - The gate heading.
 * @csspart sign-in - "Sign in" on the signed-out gate: a link to the `sign-in-url`, or a button when there is none.
 * @csspart portal - The corporate billing portal link.
 * @csspart ask - The "Ask" link naming the billing contact: an e-mail to them (`mailto:`), asking for the product.
 * @csspart retry - The retry button.
 *
 * @fires cw-sign-in - The session ended and "Sign in" was chosen; `detail: { url }` (the `sign-in-url`, or null); cancelable: cancel it to sign the user in within the host app instead of following `url`.
 */
export class CwGate extends StepElement {
  static override styles = [StepElement.styles, styles];

  protected override renderStep() {
    const m = this.t.m;
    const { account } = this.ctx;
    switch (stepOf(this.snap.value)) {
      case 'signed-out': {
        const url = safeUrl(this.ctx.signInUrl, this.ctx.allowedOrigins);
        return html`${this.#hero('signed-out', m.signedOutHeading)}
          <p>${m.signedOutText}</p>
          <div class="row">
            ${url
              ? html`<a class="button primary" part="sign-in" href=${url} @click=${(e: Event) => this.#signIn(e, url)}>${m.signIn}</a>`
              : html`<button type="button" class="primary" part="sign-in" @click=${(e: Event) => this.#signIn(e, null)}>${m.signIn}</button>`}
            <button type="button" part="retry" @click=${() => this.send({ type: 'RETRY' })}>${m.retry}</button>
          </div>`;
      }
      case 'corporate': {
        const url = safeUrl(account?.corporatePortalUrl, this.ctx.allowedOrigins);
        return html`${this.#hero('corporate', m.corporateHeading)}
          <p>${m.corporateText}</p>
          ${url ? html`<a class="button primary" part="portal" href=${url} target="_blank" rel="noopener noreferrer">${m.corporateLink}</a>` : nothing}`;
      }
      case 'forbidden':
        return html`${this.#hero('forbidden', m.forbiddenHeading)} ${this.#ask()}`;
      case 'unavailable':
        return html`${this.#hero('unavailable', m.unavailableHeading)}
          <p>${this.ctx.error ? this.errorText(this.ctx.error) : m.unavailableText}</p>
          <p class="muted">${this.t.count(m.retryIn, UNAVAILABLE_RETRY_S)}</p>
          <div class="row">
            <button type="button" class="primary" part="retry" @click=${() => this.send({ type: 'RETRY' })}>${m.retry}</button>
          </div>`;
      default:
        return nothing;
    }
  }

  #hero(gate: keyof typeof ICONS, heading: string) {
    return html`<div class="hero">
      <svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[gate]}</svg>
      ${this.heading(heading)}
    </div>`;
  }

  /** Whom to ask, and an e-mail to them that names the product; the address alone when the account names no contact. */
  #ask() {
    const m = this.t.m;
    const { account, catalog, preselect, draft } = this.ctx;
    const contact = account?.billingContact;
    const email = contact?.email ?? account?.billingEmail ?? '';
    const product = findProduct(catalog, draft.productId ?? preselect)?.name ?? '';
    const href = contact ? mailto(contact.email, m.askSubject(product), m.askBody(contact.name, product, account?.viewer.name ?? '')) : null;
    return html`<p>${m.forbiddenText(email)}</p>
      ${href
        ? html`<div class="row">
            <a class="button primary" part="ask" href=${href}>
              <svg class="envelope" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ENVELOPE}</svg>${m.askContact(isolate(contact!.name))}
            </a>
          </div>`
        : nothing}`;
  }

  /**
   * "Sign in": the host hears it first. With a safe `sign-in-url` it is a link, followed in this window unless the
   * host cancels the event; without one, the event is the host's cue to sign the user in.
   */
  #signIn(e: Event, url: string | null) {
    if (!fire(this, 'cw-sign-in', { url }, true)) e.preventDefault();
  }
}
