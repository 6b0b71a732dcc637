/**
 * Queries through shadow roots, for play functions (shadow-dom-testing-library is not a dependency).
 * Only open shadow roots are reachable, which is all this project uses.
 */

/** Every element under `root` matching `selector`, looking into every open shadow root on the way. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el as T);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}

/** The text a user reads in `node`, shadow roots included, with whitespace collapsed and bidi isolates dropped. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element) {
      if (n.localName === 'style' || n.localName === 'script') return;
      if (n.shadowRoot) visit(n.shadowRoot);
    }
    for (const child of n.childNodes) visit(child);
  };
  visit(node);
  return normalize(parts.join(' '));
}

/** As read: the bidi isolates around server text (FSI … PDI) are invisible, runs of white space one space. */
const normalize = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** What a button is called: its aria-label, else its visible text. */
export function nameOf(el: Element): string {
  return normalize(el.getAttribute('aria-label')) || normalize(deepText(el));
}

function visible(el: Element): boolean {
  return typeof (el as HTMLElement).checkVisibility === 'function' ? (el as HTMLElement).checkVisibility() : true;
}

/**
 * The visible button (or link, or role=button) under `root`, through shadow roots, whose name is
 * `text` — or starts with it, when no name equals it — or matches the RegExp. Throws, listing the
 * buttons there are, when none does.
 */
export function findButton(root: ParentNode, text: string | RegExp): HTMLElement {
  const all = deepQueryAll(root, 'button, a[href], [role="button"]').filter(visible);
  const names = all.map(nameOf);
  let index =
    typeof text === 'string' ? names.findIndex((n) => n === text) : names.findIndex((n) => text.test(n));
  if (index < 0 && typeof text === 'string') index = names.findIndex((n) => n.startsWith(text));
  if (index < 0) throw new Error(`No button "${text}"; there are: ${names.map((n) => `"${n}"`).join(', ') || 'none'}`);
  return all[index]!;
}
