import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyActorRef, SnapshotFrom, Subscription } from 'xstate';

/**
 * Keeps a Lit host in step with one slice of an actor's snapshot: seeds the
 * value on connect (v5's subscribe does not replay), re-renders only when the
 * selected slice changes, and unsubscribes on disconnect so no actor holds
 * the element.
 */
export class SelectorController<A extends AnyActorRef, T> implements ReactiveController {
  value!: T;
  #actor?: A;
  #sub?: Subscription;
  readonly #host: ReactiveControllerHost;
  readonly #select: (snapshot: SnapshotFrom<A>) => T;
  readonly #equal: (a: T, b: T) => boolean;

  constructor(
    host: ReactiveControllerHost,
    select: (snapshot: SnapshotFrom<A>) => T,
    equal: (a: T, b: T) => boolean = Object.is,
  ) {
    this.#host = host;
    this.#select = select;
    this.#equal = equal;
    host.addController(this);
  }

  /** Points the controller at an actor (from context or a property); null detaches. */
  set actor(actor: A | undefined) {
    if (actor === this.#actor) return;
    this.#sub?.unsubscribe();
    this.#sub = undefined;
    this.#actor = actor;
    if (this.#connected) this.#attach();
  }

  get actor(): A | undefined {
    return this.#actor;
  }

  #connected = false;

  hostConnected(): void {
    this.#connected = true;
    this.#attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sub?.unsubscribe();
    this.#sub = undefined;
  }

  #attach(): void {
    const actor = this.#actor;
    if (!actor || this.#sub) return;
    this.value = this.#select(actor.getSnapshot() as SnapshotFrom<A>);
    this.#host.requestUpdate();
    this.#sub = actor.subscribe((snapshot: SnapshotFrom<A>) => {
      const next = this.#select(snapshot);
      if (this.#equal(this.value, next)) return;
      this.value = next;
      this.#host.requestUpdate();
    });
  }
}
