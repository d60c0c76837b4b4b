/**
 * True task boundaries from a Chromium trace (CDP Tracing over a browser-level session): the
 * renderer main thread's top-level tasks (ThreadControllerImpl::RunTask), and which of them ran a
 * given script, read from the script events inside them that name its URL (EvaluateScript,
 * FunctionCall, v8.compile). A sampled CPU profile cannot tell two tasks less than a sample gap
 * apart; the trace records where each task starts and ends. Times are microseconds on the trace's
 * clock unless a name says ms.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

/** The fields of a trace event read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; fileName?: string; data?: { url?: string; functionName?: string } };
}

/** No sampler: the categories with task and script events, and thread names. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'];
const TASK = 'ThreadControllerImpl::RunTask';
const OLDER_TASK = 'RunTask';

export interface Task {
  start: number;
  end: number;
  ms: number;
  /** An event inside it named a script that passed the test given to tasksOf. */
  ours: boolean;
}

/** Traces the whole browser while `during` runs; returns every event. */
export async function traceDuring(
  context: BrowserContext,
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  const browser = context.browser();
  if (!browser) throw new Error('trace: no browser-level CDP session for this context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: CATEGORIES },
    });
    try {
      await during();
    } finally {
      await cdp.send('Tracing.end');
      await complete;
    }
    return events;
  } finally {
    await cdp.detach();
  }
}

/** The script an event names, if any. */
export const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.fileName ?? '';
const threadKey = (event: TraceEvent) => `${event.pid}:${event.tid}`;

/**
 * The top-level tasks of the renderer main thread with the most events passing `isOurs` (script
 * events naming a URL, say), in order, each marked whether such an event lies inside it. A task
 * nested in another (a nested run loop) belongs to the outer.
 */
export function tasksOf(events: TraceEvent[], isOurs: (event: TraceEvent) => boolean): Task[] {
  const mainThreads = new Set(
    events
      .filter(
        (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map(threadKey),
  );
  const named = new Map<string, number[]>();
  for (const event of events) {
    if (!mainThreads.has(threadKey(event)) || !isOurs(event)) continue;
    const key = threadKey(event);
    if (!named.has(key)) named.set(key, []);
    named.get(key)!.push(event.ts);
  }
  const [thread, marks] = [...named].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!thread || !marks) return [];
  const onThread = events.filter((event) => threadKey(event) === thread && event.ph === 'X');
  // Older Chromiums name the task RunTask only; newer ones record both, one inside the other.
  const name = onThread.some((event) => event.name === TASK) ? TASK : OLDER_TASK;
  const tasks: Task[] = [];
  for (const event of onThread
    .filter((event) => event.name === name)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const end = event.ts + (event.dur ?? 0);
    if (tasks.length && event.ts < tasks.at(-1)!.end) continue;
    tasks.push({ start: event.ts, end, ms: (end - event.ts) / 1000, ours: false });
  }
  marks.sort((a, b) => a - b);
  let next = 0;
  for (const task of tasks) {
    while (next < marks.length && marks[next]! < task.start) next++;
    if (next < marks.length && marks[next]! <= task.end) task.ours = true;
  }
  return tasks;
}
