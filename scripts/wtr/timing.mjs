// An extra reporter for `CW_TEST_TIMES=1 npm run test:browser`: when each file finished (seconds
// since the run started), the sum of its tests' own durations, and the slowest tests; the rest of a
// file's time is loading its page and modules.
import { relative } from 'node:path';

export function timingReporter({ slowest = 15 } = {}) {
  let started = 0;
  const files = [];
  const tests = [];
  const sum = (file, suite, path) => {
    if (!suite) return 0;
    let ms = 0;
    for (const t of suite.tests) {
      tests.push({ ms: t.duration ?? 0, name: `${file} › ${path}${t.name}` });
      ms += t.duration ?? 0;
    }
    for (const s of suite.suites) ms += sum(file, s, `${path}${s.name} › `);
    return ms;
  };
  const s = (ms) => (ms / 1000).toFixed(1).padStart(6);
  return {
    start() {
      started = Date.now();
    },
    reportTestFileResults({ testFile, sessionsForTestFile }) {
      const file = relative(process.cwd(), testFile);
      files.push({ file, at: Date.now() - started, ms: sessionsForTestFile.reduce((n, x) => n + sum(file, x.testResults, ''), 0) });
    },
    onTestRunFinished() {
      tests.sort((a, b) => b.ms - a.ms);
      console.log(['', 'finished at s | tests s | file', ...files.map((f) => `${s(f.at)}        | ${s(f.ms)} | ${f.file}`)].join('\n'));
      console.log(['', `slowest ${slowest} tests (s):`, ...tests.slice(0, slowest).map((t) => `${s(t.ms)} ${t.name}`), ''].join('\n'));
    },
  };
}
