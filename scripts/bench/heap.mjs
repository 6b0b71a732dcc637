// Heap figures over CDP: usage after a full GC, and what a heap snapshot holds that an earlier one
// did not, sorted into what a leak would be made of (JS objects, closures, DOM and other Blink
// objects) and what it would not (V8's compiled code, inline caches and maps, which grow while
// the JIT optimizes and settle).

export async function collectGarbage(cdp) {
  // Three times: a first full GC can leave garbage that a weak callback frees for the next one.
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
}

export async function heapUsage(cdp) {
  await collectGarbage(cdp);
  const usage = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

async function takeSnapshot(cdp) {
  await collectGarbage(cdp);
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return JSON.parse(chunks.join(''));
}

/** A snapshot reduced to its node ids (ids are stable between snapshots of one session). */
export async function snapshotIds(cdp) {
  const s = await takeSnapshot(cdp);
  const nf = s.snapshot.meta.node_fields.length;
  const at = s.snapshot.meta.node_fields.indexOf('id');
  const ids = new Set();
  for (let i = 0; i < s.nodes.length; i += nf) ids.add(s.nodes[i + at]);
  return ids;
}

const JS_TYPES = new Set(['object', 'closure', 'regexp', 'symbol', 'bigint']);

/**
 * What is in the heap now that was not in `before` (a snapshotIds() result): counts and bytes by
 * kind, and the most frequent names of the JS and native (DOM, Blink) objects among them.
 */
export async function newSince(cdp, before) {
  const s = await takeSnapshot(cdp);
  const { node_fields: fields, node_types: nodeTypes } = s.snapshot.meta;
  const nf = fields.length;
  const [it, iname, iid, isize] = ['type', 'name', 'id', 'self_size'].map((f) => fields.indexOf(f));
  const types = nodeTypes[0];
  const kinds = { js: { count: 0, bytes: 0 }, native: { count: 0, bytes: 0 }, strings: { count: 0, bytes: 0 }, v8: { count: 0, bytes: 0 } };
  const names = { js: new Map(), native: new Map() };
  for (let i = 0; i < s.nodes.length; i += nf) {
    if (before.has(s.nodes[i + iid]) || !s.nodes[i + isize]) continue;
    const type = types[s.nodes[i + it]];
    const name = String(s.strings[s.nodes[i + iname]]);
    const bytes = s.nodes[i + isize];
    let kind;
    if (name.startsWith('system /') || ['code', 'hidden', 'object shape', 'number', 'synthetic', 'array'].includes(type)) kind = 'v8';
    else if (JS_TYPES.has(type)) kind = 'js';
    else if (type === 'native') kind = 'native';
    else kind = 'strings';
    kinds[kind].count++;
    kinds[kind].bytes += bytes;
    if (names[kind]) {
      const key = name.slice(0, 60) || '(anonymous)';
      names[kind].set(key, (names[kind].get(key) ?? 0) + 1);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, count]) => ({ name, count }));
  return { kinds, js: top(names.js), native: top(names.native) };
}
