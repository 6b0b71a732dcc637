import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { MockBackend } from '../src/mock/backend.js';
import type { Money } from '../src/contract/types.js';
import { stepOf, type CheckoutActor, type CheckoutEvent, type StepId } from '../src/machine/checkout.machine.js';

// Helpers for the component tests beside each step element (src/components/*/*.test.ts):
// each mounts one element on an actor that src/mock/drive.ts walked to its step.

export type { CheckoutEvent };

/** Records every event sent to the actor from now on (what the element under test sends), and still delivers it. */
export function recordSends(actor: CheckoutActor): CheckoutEvent[] {
  const sent: CheckoutEvent[] = [];
  const send = actor.send.bind(actor);
  actor.send = (event) => {
    sent.push(event as CheckoutEvent);
    send(event);
  };
  return sent;
}

/** Waits until the actor rests on `step` (any step when omitted) with nothing in flight, and the element has drawn it. */
export async function rest(el: LitElement, actor: CheckoutActor, step?: StepId) {
  const at = () => stepOf(actor.getSnapshot());
  await waitUntil(
    () => at() !== 'loading' && (!step || at() === step) && !actor.getSnapshot().hasTag('busy'),
    `not resting${step ? ` on ${step}` : ''} (at ${at()})`,
    { timeout: 3000 },
  );
  await el.updateComplete;
}

export const stepNow = (actor: CheckoutActor) => stepOf(actor.getSnapshot());

/**
 * Money as an English reader sees it ("€49.00"), formatted here with Intl directly rather than the
 * widget's localizer, so a test checks the amount, currency and minor units the element shows.
 */
export const money = ({ amount, currency }: Money) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

/** The element's visible text, whitespace collapsed. */
/** Text as a user reads it: the bidi isolates around server text are invisible, runs of white space one space. */
export const seen = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** A step's text as a user reads it. */
export const textOf = (el: Element) => seen(el.shadowRoot!.textContent);

/** The elements of the shadow root with this part, in order. */
export const parts = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];

/** The one element with this part; throws when there is none, so a test fails where the control went missing. */
export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string, index = 0): T {
  const found = parts<T>(el, name)[index];
  if (!found) throw new Error(`no [part~=${name}] #${index} in <${el.localName}>`);
  return found;
}

/**
 * A mock backend that can hold its answers: while held, every request waits
 * until `release()`, so a test sees a step mid-request without sleeping.
 */
export class HeldBackend extends MockBackend {
  /** Requests that arrived while held and have not been answered. */
  waiting = 0;
  #gate?: Promise<void>;
  #open?: () => void;

  hold(): void {
    this.#gate ??= new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#open?.();
    this.#gate = this.#open = undefined;
  }

  override async handle(request: Request): Promise<Response> {
    if (this.#gate) {
      this.waiting++;
      await this.#gate;
      this.waiting--;
    }
    return super.handle(request);
  }
}
