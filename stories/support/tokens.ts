import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { declarationOf } from './manifest.js';

/**
 * A control for every CSS custom property the manifest lists for `tag`: a colour picker for
 * colours, a slider for density, a text field for the rest. Descriptions and defaults stay the
 * manifest's, so a token added to the element gets its control without touching the stories.
 */
export function tokenControls(tag: string): ArgTypes {
  const out: ArgTypes = {};
  for (const { name } of declarationOf(tag)?.cssProperties ?? []) {
    // `type` lets Storybook take the arg from a URL (`&args=--cw-radius:0px`): it drops URL args of
    // the type the manifest gives CSS properties (`void`).
    if (/^--cw-(.+-)?colou?r-/.test(name)) out[name] = { control: 'color', type: { name: 'string' } };
    else if (name === '--cw-density') out[name] = { control: { type: 'range', min: 0.5, max: 2, step: 0.25 }, type: { name: 'number' } };
    else out[name] = { control: 'text', type: { name: 'string' } };
  }
  return out;
}

export type Tokens = Partial<Record<`--cw-${string}`, string | number>>;

const isToken = (name: string) => name.startsWith('--');
const applied = new WeakMap<HTMLElement, Set<string>>();

/**
 * Sets `tokens` on `el` with style.setProperty (CSSOM, which a strict CSP allows, unlike a style
 * attribute), and removes the ones set before that are no longer given.
 */
export function applyTokens(el: HTMLElement, tokens: Record<string, unknown>): void {
  const before = applied.get(el) ?? new Set<string>();
  const now = new Set<string>();
  for (const [name, value] of Object.entries(tokens)) {
    if (!isToken(name) || (typeof value !== 'string' && typeof value !== 'number') || value === '') continue;
    el.style.setProperty(name, String(value));
    now.add(name);
  }
  for (const name of before) if (!now.has(name)) el.style.removeProperty(name);
  applied.set(el, now);
}

/**
 * Every story whose meta names a component: the args that are CSS custom properties (`--…`) are set
 * on each instance of that component in the canvas, after the story has rendered.
 */
export const withTokens: Decorator = (story, context) => {
  const tag = typeof context.component === 'string' ? context.component : undefined;
  const tokens = Object.fromEntries(Object.entries(context.args).filter(([name]) => isToken(name)));
  const result = story();
  if (tag) {
    // The renderer commits the story synchronously after the decorators return: a microtask runs after it.
    queueMicrotask(() => {
      for (const el of context.canvasElement.querySelectorAll<HTMLElement>(tag)) if (!el.hasAttribute('data-fixed-tokens')) applyTokens(el, tokens);
    });
  }
  return result;
};

class TokensDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('tokens() goes on an element: <checkout-wizard ${tokens({...})}>');
  }
  render(_tokens: Tokens) {
    return noChange;
  }
  override update(part: ElementPart, [tokens]: [Tokens]) {
    applyTokens(part.element as HTMLElement, tokens);
    return noChange;
  }
}

/** In a template, fixed tokens for one element: `<checkout-wizard ${tokens({ '--cw-radius': '2px' })}>`. */
export const tokens = directive(TokensDirective);
