import { LitElement, html, css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { fire } from '../../events.js';

let nextId = 0;

/** Floating UI, fetched the first time a panel opens (or its trigger is hovered or focused): a chunk of its own. */
const floating = () => import('@floating-ui/dom');

/**
 * Floating UI's `autoUpdate` runs only while the panel is open, and stops when it closes or the element leaves the page.
 * Escape or a click outside closes it and gives focus back to the trigger; focus moving on past it closes it
 * too, so the panel never covers the control that has focus (WCAG 2.4.11).
 *
 * @tagname cw-popover
 * @summary A disclosure popover anchored to its trigger, placed by Floating UI.
 *
 * @slot trigger - The button that opens and closes the panel.
 * @slot - The panel's content.
 *
 * @csspart panel - The floating panel.
 *
 * @cssproperty --cw-popover-width - The panel's maximum width (default 20em).
 * @cssproperty --cw-shadow - The panel's shadow (default 0 6px 24px rgb(0 0 0 / 0.18)).
 *
 * @fires cw-popover-toggle - The panel opened or closed; `detail: { open }` tells which.
 */
export class CwPopover extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
      }
      .panel {
        box-sizing: border-box;
        position: fixed;
        top: 0;
        left: 0;
        z-index: 10;
        width: max-content;
        max-width: min(var(--cw-popover-width, 20em), calc(100vw - 16px));
        background: var(--_surface);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        box-shadow: var(--_shadow);
      }
      .panel[hidden] {
        display: none;
      }
    `,
  ];
  static override properties = { open: { type: Boolean, reflect: true }, label: {} };

  /** Whether the panel shows. */
  declare open: boolean;
  /** The panel's accessible name. */
  declare label: string;

  readonly #panelId = `cw-popover-${++nextId}`;
  #cleanup?: () => void;

  constructor() {
    super();
    this.open = false;
    this.label = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
    this.addEventListener('focusout', this.#onFocusOut);
    this.addEventListener('pointerenter', this.#warm, { once: true });
    this.addEventListener('focusin', this.#warm, { once: true });
  }

  /** A hover or focus on the trigger fetches Floating UI, so that the click finds it there. */
  readonly #warm = () => void floating().catch(() => {});

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    this.removeEventListener('focusout', this.#onFocusOut);
    this.removeEventListener('pointerenter', this.#warm);
    this.removeEventListener('focusin', this.#warm);
    this.#stop();
  }

  get #trigger(): HTMLElement | undefined {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name=trigger]');
    return slot?.assignedElements()[0] as HTMLElement | undefined;
  }

  get #panel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.panel');
  }

  show(): void {
    this.open = true;
  }

  hide(): void {
    this.open = false;
  }

  override updated(changed: Map<string, unknown>): void {
    const trigger = this.#trigger;
    // aria-controls cannot point into this shadow root, so the trigger states only whether it is open.
    trigger?.setAttribute('aria-expanded', String(this.open));
    if (!changed.has('open')) return;
    if (this.open) this.#start();
    else this.#stop();
    if (changed.get('open') !== undefined || this.open) {
      fire(this, 'cw-popover-toggle', { open: this.open });
    }
  }

  #start(): void {
    const trigger = this.#trigger;
    const panel = this.#panel;
    if (!trigger || !panel || this.#cleanup) return;
    let stopped = false;
    this.#cleanup = () => (stopped = true);
    document.addEventListener('pointerdown', this.#onOutside, true);
    // Until Floating UI is in (at once when prefetched), the panel waits unseen where it will not cover anything.
    panel.style.visibility = 'hidden';
    floating().then(
      ({ autoUpdate, computePosition, flip, offset, shift, size }) => {
        if (stopped) return;
        const place = () => {
          computePosition(trigger, panel, {
            strategy: 'fixed',
            placement: 'bottom-start',
            middleware: [offset(6), flip(), shift({ padding: 8 }), size({ padding: 8 })],
          }).then(
            ({ x, y }) => {
              // Positioned through CSSOM, not a style attribute, so a strict style-src CSP holds.
              panel.style.translate = `${Math.round(x)}px ${Math.round(y)}px`;
              panel.style.visibility = '';
            },
            // A panel closed mid-measure has nothing to place; the next update places it again.
            () => {},
          );
        };
        this.#cleanup = autoUpdate(trigger, panel, place);
      },
      // Not fetched (offline): the panel shows where it sits, unplaced, rather than not at all.
      () => !stopped && (panel.style.visibility = ''),
    );
  }

  #stop(): void {
    this.#cleanup?.();
    this.#cleanup = undefined;
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      this.hide();
      this.#trigger?.focus();
    }
  };

  readonly #onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && !this.contains(next)) this.hide();
  };

  readonly #onOutside = (e: Event) => {
    if (!e.composedPath().includes(this)) this.hide();
  };

  readonly #toggle = (e: Event) => {
    const trigger = this.#trigger;
    if (trigger && e.composedPath().includes(trigger)) this.open = !this.open;
  };

  protected override render() {
    return html`<slot name="trigger" @click=${this.#toggle}></slot>
      <div id=${this.#panelId} class="panel" part="panel" role="dialog" aria-label=${this.label} ?hidden=${!this.open}>
        <slot></slot>
      </div>`;
  }
}
