// A test-runner command that plays the network for one test page (test/lazy.test.ts): requests whose
// path contains `match` are held until released (a slow connection, without a real wait) or answered
// 503 (a chunk that fails). Per page, through Chrome's request interception, so that two test files
// running at once never see each other's faults. The page's service worker is bypassed meanwhile:
// a page that uses this talks to its backend in process, not through MSW.
//
//   executeServerCommand('cw-network', { match, mode })   mode: 'hold' | 'fail' | 'release' | 'clear'
//   executeServerCommand('cw-network', { mode: 'reset' })  releases everything and gives the page back as it was
//
// Reset when done: the test runner hands the same page to the next test file.

import { page as pageOf } from './screenshot.mjs';

/** sessionId → { faults: match → { mode, held }, listener } */
const pages = new Map();

async function network(session, { match, mode }) {
  const page = pageOf(session, 'faults in the network');
  if (mode === 'reset') {
    const state = pages.get(session.id);
    pages.delete(session.id);
    if (!state) return { held: 0 };
    page.off('request', state.listener);
    const held = [...state.faults.values()].flatMap((f) => f.held);
    for (const request of held) void request.continue();
    await page.setRequestInterception(false);
    await page.setBypassServiceWorker(false);
    return { held: held.length };
  }
  let state = pages.get(session.id);
  if (!state) {
    const mine = new Map();
    const listener = (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const path = new URL(request.url()).pathname;
      const fault = [...mine].find(([m]) => path.includes(m))?.[1];
      if (fault?.mode === 'fail') return void request.respond({ status: 503, contentType: 'text/plain', body: 'unavailable' });
      if (fault?.mode === 'hold') return void fault.held.push(request);
      void request.continue();
    };
    state = { faults: mine, listener };
    pages.set(session.id, state);
    await page.setBypassServiceWorker(true);
    await page.setRequestInterception(true);
    page.on('request', listener);
  }
  const mine = state.faults;
  const fault = mine.get(match);
  if (mode === 'hold' || mode === 'fail') mine.set(match, { mode, held: [] });
  else {
    mine.delete(match);
    for (const request of fault?.held ?? []) void request.continue();
  }
  return { held: fault?.held.length ?? 0 };
}

export const plugins = [
  {
    name: 'cw-network',
    async executeCommand({ command, payload, session }) {
      return command === 'cw-network' ? network(session, payload) : undefined;
    },
  },
];
