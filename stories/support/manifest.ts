import type { ArgTypes } from '@storybook/web-components-vite';
import raw from '../../custom-elements.json';

/** The slice of the custom-elements manifest (schema 2.x) that Storybook's docs read. */
interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  fieldName?: string;
  default?: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

const internal = (name: string | undefined) => !!name && (name.startsWith('_') || name.startsWith('#'));

/**
 * The manifest as the docs should show it: the element's summary as its description, internal
 * state (`_offline`, private and protected members) left out, each CSS custom property's default
 * read from its description ("… (default #1f5fd6).") so the Default column is filled, and the
 * two rows Storybook would lose (below) kept.
 */
export function cleanManifest(input: unknown): Manifest {
  const manifest = structuredClone(input) as Manifest;
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (d.members) d.members = d.members.filter((m) => !internal(m.name) && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
      if (d.attributes) d.attributes = d.attributes.filter((a) => !internal(a.name) && !internal(a.fieldName));
      // The analyzer files a JSDoc's text after @summary under `summary`; Storybook's docs show `description`.
      if (!d.description && d.summary) d.description = d.summary;
      for (const p of d.cssProperties ?? []) if (p.default === undefined) p.default = defaultIn(p.description);
      // Storybook drops a slot without a name (the default slot) from the table: give it one.
      for (const slot of d.slots ?? []) if (!slot.name) slot.name = '(default)';
      // Storybook keys every row by name, so a part named like an attribute or property (cw-progress's
      // `current`) would replace that row: such a part is listed as `::part(name)`.
      const taken = new Set([...(d.members ?? []), ...(d.attributes ?? [])].map((i) => i.name));
      for (const part of d.cssParts ?? []) if (taken.has(part.name)) part.name = `::part(${part.name})`;
    }
  }
  return manifest;
}

/** "Corner radius (default 8px)." → "8px"; "(default 0 6px rgb(0 0 0 / 0.2) / dark …)" keeps its inner parentheses. */
function defaultIn(description = ''): string | undefined {
  const text = description.replace(/[.\s]+$/, '');
  const start = text.lastIndexOf('(default ');
  if (start < 0 || !text.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return i === text.length - 1 ? text.slice(start + '(default '.length, i) : undefined;
  }
  return undefined;
}

export const manifest = cleanManifest(raw);

export function declarationOf(tag: string): Declaration | undefined {
  for (const mod of manifest.modules ?? []) for (const d of mod.declarations ?? []) if (d.tagName === tag) return d;
  return undefined;
}

/** The names of the events an element fires, for the actions panel. */
export function eventsOf(tag: string): string[] {
  return (declarationOf(tag)?.events ?? []).map((e) => e.name);
}

/**
 * argTypes for an element's docs page: every row the manifest gives stays in the table, but only
 * what the story really binds (`wired`) gets a control, so no control pretends to change something
 * the render ignores. (Tokens get theirs from tokenControls.)
 */
export function controlsOnly(tag: string, wired: string[]): ArgTypes {
  const d = declarationOf(tag);
  // Events and parts are typed `void`, for which Storybook would still offer an object control.
  const names = [
    ...(d?.members ?? []).filter((m) => m.kind !== 'method'),
    ...(d?.attributes ?? []),
    ...(d?.slots ?? []),
    ...(d?.events ?? []),
    ...(d?.cssParts ?? []),
  ].map((i) => i.name);
  const out: ArgTypes = {};
  for (const name of names) if (name && !wired.includes(name)) out[name] = { control: false };
  return out;
}
