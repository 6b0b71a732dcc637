import { SimulatedClock } from 'xstate';

/**
 * XState's simulated clock, able to jump to its next timer: tests run the
 * machine and the mock backend on one of these, so retries, timeouts and
 * latency take no real time and happen in a fixed order.
 */
export class StepClock extends SimulatedClock {
  readonly #due = new Map<unknown, number>();

  override setTimeout(fn: (...args: unknown[]) => void, ms: number) {
    const id = super.setTimeout(() => {
      this.#due.delete(id);
      fn();
    }, ms);
    this.#due.set(id, this.now() + ms);
    return id;
  }

  override clearTimeout(id: unknown) {
    this.#due.delete(id);
    super.clearTimeout(id as never);
  }

  /** Whether any timer is pending. */
  get pending(): boolean {
    return this.#due.size > 0;
  }

  /** Moves time to the next pending timer and runs it; false when none is pending. */
  next(): boolean {
    if (!this.#due.size) return false;
    this.set(Math.max(this.now(), Math.min(...this.#due.values())));
    return true;
  }
}
