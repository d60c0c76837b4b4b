/**
 * Proof that the trace tells tasks apart where a sampled profile cannot: a page script runs two
 * pairs of 8 ms tasks, in the first pair the second task a message the first posts as it ends
 * (nothing runs between them: the gap is well under 0.5 ms), in the second the worker's answer
 * sent 0.5 ms after the third task ends. The trace must find four tasks of at least 8 ms each;
 * the gaps it reads are printed, and beside them the first pair as a sampled profile of a load of
 * its own reads it (cpu-profile.ts longestTaskMs, which joins gaps under 1 ms): one stretch.
 */
import type { Browser } from 'playwright-core';
import { longestTaskMs, samplesOf } from './cpu-profile';
import { type TraceEvent, tasksOf, traceDuring, urlOf } from './trace';

const ORIGIN = 'https://tasks.test';
const SCRIPT_URL = `${ORIGIN}/two-tasks.js`;
const TASK_MS = 8;
/** How long the worker works before answering: the least gap between the two tasks. */
const GAP_MS = 0.5;
const LOADS = 3;
/** The start section's sampled-profile settings, so the comparison is with what it reads. */
const SAMPLING_US = 100;
const TASK_GAP_US = 1000;

const SCRIPT = `function spin(ms) { const end = performance.now() + ms; while (performance.now() < end); }
const channel = new MessageChannel();
const worker = new Worker(URL.createObjectURL(new Blob([
  'onmessage = () => { const end = performance.now() + ${GAP_MS}; while (performance.now() < end); postMessage(0); };',
])));
let answers = 0;
// Pair one: the second task is a message the first posts as it ends, so nothing runs between them.
function first() { spin(${TASK_MS}); channel.port2.postMessage(0); }
channel.port1.onmessage = function second() { spin(${TASK_MS}); setTimeout(third, 100); };
// Pair two: the fourth task is the worker's answer, which it sends ${GAP_MS} ms after the third ends.
function third() { spin(${TASK_MS}); worker.postMessage(0); }
worker.onmessage = function answered() {
  // The first round trip only starts the worker, so the measured one finds it running.
  if (answers++ === 0) return void setTimeout(first, 100);
  spin(${TASK_MS});
  globalThis.__done = true;
};
worker.postMessage(0);
`;

async function load(browser: Browser, profiled: boolean) {
  const context = await browser.newContext();
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === SCRIPT_URL) return route.fulfill({ contentType: 'text/javascript', body: SCRIPT });
      if (url.startsWith(ORIGIN))
        return route.fulfill({ contentType: 'text/html', body: `<script src="${SCRIPT_URL}"></script>` });
      return route.abort();
    });
    const page = await context.newPage();
    if (profiled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
      await cdp.send('Profiler.start');
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => '__done' in globalThis);
      const { profile } = await cdp.send('Profiler.stop');
      const pairOne = (frame: { url: string; functionName: string }) =>
        frame.url === SCRIPT_URL && ['first', 'second'].includes(frame.functionName);
      const samples = samplesOf(profile, pairOne).map((sample) => ({
        ...sample,
        inExtension: sample.marked,
      }));
      return { profilePairOneLongestMs: longestTaskMs(samples, TASK_GAP_US) };
    }
    const events = await traceDuring(context, async () => {
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => '__done' in globalThis);
    });
    const spinning = (event: TraceEvent) =>
      event.name === 'FunctionCall' &&
      urlOf(event) === SCRIPT_URL &&
      ['first', 'second', 'third', 'answered'].includes(event.args?.data?.functionName ?? '');
    // The last four: the worker's first answer (the warm-up) comes before them.
    const spun = tasksOf(events, spinning)
      .filter((task) => task.ours)
      .slice(-4);
    const gapMs = (a: number, b: number) => Number(((spun[b]!.start - spun[a]!.end) / 1000).toFixed(3));
    return {
      traceTasksMs: spun.map((task) => Number(task.ms.toFixed(2))),
      traceGapsMs: spun.length === 4 ? { messagePair: gapMs(0, 1), workerPair: gapMs(2, 3) } : null,
    };
  } finally {
    await context.close();
  }
}

/** Runs the check; throws if the trace does not find the two tasks apart. */
export async function checkTaskBoundaries(browser: Browser) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const traced = await load(browser, false);
    // Each task spins its 8 ms on the wall clock, so each must be found whole, and apart.
    if (!traced.traceGapsMs || traced.traceTasksMs.some((ms) => ms < TASK_MS))
      throw new Error(
        `trace check: expected four ${TASK_MS} ms tasks in two pairs, read ${JSON.stringify(traced)}`,
      );
    runs.push({ ...traced, ...(await load(browser, true)) });
  }
  return {
    what: `a page script's four ${TASK_MS} ms tasks in two pairs (the second task a message the first posts as it ends; the fourth a worker's answer sent ${GAP_MS} ms after the third ends): the trace's tasks and the gap within each pair; and the first pair's longest stretch as a sampled profile (every ${SAMPLING_US} µs, gaps under ${TASK_GAP_US / 1000} ms joined) reads it in a load of its own, about ${2 * TASK_MS} ms when it joins the two`,
    runs,
  };
}
