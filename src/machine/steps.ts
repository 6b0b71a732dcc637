import type { Account, Cart, Catalog, Product } from '../contract/types.js';
import type { Messages } from '../i18n/en.js';
import type { Gate } from '../adapter/error-codes.js';
import { findProduct, trialOffered, type Draft } from './rules.js';

/** What decides whether a step is on the user's path. */
export interface PathView {
  account?: Account;
  catalog?: Catalog;
  cart?: Cart;
  draft: Draft;
}

interface Row {
  /** The machine's state name, the progress indicator's key, the `cw-step-change` detail. */
  id: string;
  /** The element that draws the step. */
  tag: string;
  /** When the step is on this user's path; always, when absent. `product` is undefined until one is chosen. */
  when?: (view: PathView, product: Product | undefined) => boolean;
  /** The state a reload returns to, when it is not the step itself. */
  resume?: string;
}

const buying = (view: PathView) => view.draft.mode !== 'trial';

/**
 * The wizard's steps in order: the one table the machine's routing, the
 * progress indicator, restore after reload, the element that draws each step
 * and the test drivers read. A step's display name is `stepNames[id]`.
 */
export const STEP_TABLE = [
  { id: 'select', tag: 'cw-product-list' },
  { id: 'mode', tag: 'cw-mode-picker', when: (v, p) => !p || trialOffered(v.account, p) },
  { id: 'tier', tag: 'cw-tier-picker', when: (_, p) => !p || p.tiers.length > 1 },
  { id: 'seats', tag: 'cw-seat-picker' },
  { id: 'term', tag: 'cw-term-picker', when: buying },
  // Only when the cart holds something besides the item being chosen.
  { id: 'cart', tag: 'cw-cart', when: (v) => buying(v) && !!v.cart?.items.some((i) => i.productId !== v.draft.productId) },
  { id: 'review', tag: 'cw-review', when: buying },
  // A reload at payment asks for a fresh quote first.
  { id: 'pay', tag: 'cw-payment', when: buying, resume: 'pay.quoting' },
  { id: 'done', tag: 'cw-confirmation' },
] as const satisfies readonly Row[];

/** Where the wizard stops instead of a step: no way on from there but the gate's own. */
export const GATES = ['signed-out', 'corporate', 'forbidden', 'unavailable'] as const;
export const GATE_TAG = 'cw-gate';

export type FlowStepId = (typeof STEP_TABLE)[number]['id'];
export type GateId = (typeof GATES)[number];
export type StepId = FlowStepId | GateId;

/** The flow's step ids, in order. */
export const STEPS: readonly FlowStepId[] = STEP_TABLE.map((s) => s.id);
/** Steps a reload can come back to: all but the confirmation. */
export const SAVED_STEPS = STEPS.filter((s): s is Exclude<FlowStepId, 'done'> => s !== 'done');

// Every step has a display name in the messages, and nothing else does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies Same<keyof Messages['stepNames'], FlowStepId>;
// The gates errors lead to are the table's gates.
true satisfies Same<Gate, GateId>;

const rows: ReadonlyMap<string, Row> = new Map(STEP_TABLE.map((row) => [row.id, row]));

export const isStepId = (id: string): id is StepId => rows.has(id) || (GATES as readonly string[]).includes(id);

/** The element tag that draws a step or gate. */
export const tagOf = (id: StepId): string => rows.get(id)?.tag ?? GATE_TAG;

/** Whether a step is on some paths only. */
export const isOptional = (id: FlowStepId): boolean => !!rows.get(id)!.when;

/** The state a reload at `id` resumes in. */
export const resumeAt = (id: FlowStepId): string => rows.get(id)?.resume ?? id;

/** Whether step `id` is on the path this view describes. */
export function onPath(id: FlowStepId, view: PathView): boolean {
  return rows.get(id)!.when?.(view, findProduct(view.catalog, view.draft.productId)) ?? true;
}

/** The steps this user's path goes through, for the progress indicator. */
export const pathOf = (view: PathView): FlowStepId[] => STEPS.filter((id) => onPath(id, view));

/** The steps after `id`, nearest first: the machine routes forward to the first one on the path. */
export const after = (id: FlowStepId): FlowStepId[] => STEPS.slice(STEPS.indexOf(id) + 1);

/** The steps before `id`, nearest first: Back goes to the first one on the path. */
export const before = (id: FlowStepId): FlowStepId[] => STEPS.slice(0, STEPS.indexOf(id)).reverse();
