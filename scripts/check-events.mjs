// The manifest's `@fires` lines must say what src/events.ts declares: the same event names for
// each element, with the same one-line descriptions (the doc comment of each declared event).
// JSDoc cannot be derived from types, so this holds the two together. Run after `cem analyze`.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The interface in src/events.ts that declares each element's events. */
const DECLARED_IN = { 'checkout-wizard': 'CheckoutEventDetails', 'cw-popover': 'PopoverEventDetails', 'cw-progress': 'ProgressEventDetails' };

const source = ts.createSourceFile('events.ts', readFileSync('src/events.ts', 'utf8'), ts.ScriptTarget.Latest, true);
const norm = (text) => text.replace(/\s+/g, ' ').trim();

/** name → description, from an interface's members and their doc comments. */
function declared(name) {
  const node = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!node) throw new Error(`src/events.ts declares no interface ${name}`);
  return new Map(
    node.members.map((m) => [m.name.text, norm(ts.getJSDocCommentsAndTags(m).map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' '))]),
  );
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const fires = new Map(
  manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, new Map((d.events ?? []).map((e) => [e.name, norm(e.description ?? '')]))]),
);

const problems = [];
for (const [tag, iface] of Object.entries(DECLARED_IN)) {
  const want = declared(iface);
  const have = fires.get(tag) ?? new Map();
  for (const [event, description] of want) {
    if (!have.has(event)) problems.push(`${tag}: no "@fires ${event} - ${description}"`);
    else if (have.get(event) !== description) problems.push(`${tag}: @fires ${event} says "${have.get(event)}", src/events.ts says "${description}"`);
  }
  for (const event of have.keys()) if (!want.has(event)) problems.push(`${tag}: @fires ${event}, which src/events.ts (${iface}) does not declare`);
}
// Inner elements (cw-confirmation's cw-assign-licenses) may word an event their own way, but only a declared one.
const everyDeclared = new Set(Object.values(DECLARED_IN).flatMap((iface) => [...declared(iface).keys()]));
for (const [tag, events] of fires) {
  if (tag in DECLARED_IN) continue;
  for (const event of events.keys()) if (!everyDeclared.has(event)) problems.push(`${tag}: @fires ${event}, which src/events.ts does not declare`);
}
if (problems.length) {
  console.error(`The manifest's events differ from src/events.ts:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`events: the manifest's @fires match src/events.ts (${Object.keys(DECLARED_IN).join(', ')}); other elements fire only declared events`);
