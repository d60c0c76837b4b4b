/**
 * Reliability 7 — busy and huge pages, measured on the shipped content script from outside (it has
 * no test hooks): the times and contents of the messages the background receives (a listener of our
 * own in the service worker), the page's heap through the DevTools protocol, and the content
 * script's own CPU time from a sampling profile of the page, attributed by the script's URL.
 *
 * - Busy: 1,000 DOM mutations a second for 10 s, with pushState and back navigations every 370 ms
 *   (out of step with the content script's timers, so its scans see the app on different pages).
 *   Pass: the observation of the page's final state reaches the background within 500 ms of the
 *   last change, at most 20 messages in any one second, page heap growth under 10 MB.
 * - Huge: a page of 100,000 elements. Pass: the content script's first task (start-up and first
 *   scan) takes at most 200 ms, and 100 separate mutations over 2 s cost no more scans than the
 *   page-life rules allow (one per 250 ms), not one per mutation.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import { expect, test, visit } from '../fixtures';

interface Received {
  at: number;
  type: string;
  apiKeysEntry?: string;
}

/** Records, in the service worker, when each message arrives and what it says. */
async function recordMessages(serviceWorker: Worker): Promise<() => Promise<Received[]>> {
  await serviceWorker.evaluate(() => {
    const received: Received[] = [];
    (globalThis as unknown as { received: Received[] }).received = received;
    chrome.runtime.onMessage.addListener((message) => {
      const m = message as { type: string; observation?: { apiKeysEntry: string } };
      received.push({ at: Date.now(), type: m.type, apiKeysEntry: m.observation?.apiKeysEntry });
    });
  });
  return () => serviceWorker.evaluate(() => (globalThis as unknown as { received: Received[] }).received);
}

interface StoredEntry {
  value: string;
  seenAt: number | null;
}

function storedApiKeysEntry(serviceWorker: Worker): Promise<StoredEntry | null> {
  return serviceWorker.evaluate(async () => {
    const record = (await chrome.storage.local.get('environment:production'))['environment:production'] as
      | { apiKeysEntry: StoredEntry }
      | undefined;
    return record?.apiKeysEntry ?? null;
  });
}

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
};

function measured(figure: string): void {
  test.info().annotations.push({ type: 'measured', description: figure });
  console.log(`[reliability 7] ${figure}`);
}

/** The most messages that arrived within any one second. */
function mostPerSecond(times: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value;
}

/** A single-page Pleo app with a live activity feed; `runBusy` drives the busy period from the page. */
const BUSY_APP = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pleo</title></head><body>
<header><div class="account-menu" aria-label="Account menu"><span>Alex Example</span><span class="badge">Admin</span></div></header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/cards">Cards</a><a href="/settings">Settings</a></nav>
<main></main><aside aria-label="Activity"><ol class="feed"></ol></aside>
<script>
const SECTIONS = ['General', 'Export', 'Integrations', 'Notifications'];
function render(withApiKeys = true) {
  const path = location.pathname;
  const main = document.querySelector('main');
  if (path === '/settings') {
    const entries = [...SECTIONS, ...(withApiKeys ? ['API Keys'] : [])]
      .map((label) => '<li><a href="/settings/' + label.toLowerCase().replace(' ', '-') + '">' + label + '</a></li>')
      .join('');
    main.innerHTML = '<h1>Settings</h1><ul aria-label="Settings">' + entries + '</ul>';
  } else {
    main.innerHTML = '<h1>' + path.slice(1) + '</h1>';
  }
}
render();
addEventListener('popstate', () => render());
window.runBusy = ({ seconds, perSecond, navigateEveryMs }) => new Promise((resolve) => {
  const feed = document.querySelector('.feed');
  for (let i = 0; i < 50; i++) feed.insertAdjacentHTML('beforeend', '<li title="0">Expense 0</li>');
  const paths = ['/expenses', '/settings', '/cards', '/settings'];
  const start = performance.now();
  let mutations = 0, navigations = 0, nextNavigation = navigateEveryMs;
  const mutate = (n) => {
    const item = feed.children[n % feed.children.length];
    switch (n % 3) {
      case 0: item.textContent = 'Expense ' + n; break;
      case 1: item.setAttribute('title', String(n)); break;
      default: feed.firstElementChild.remove(); feed.insertAdjacentHTML('beforeend', '<li title="0">Expense ' + n + '</li>');
    }
  };
  const timer = setInterval(() => {
    const elapsed = performance.now() - start;
    const due = Math.min(seconds * 1000, elapsed) * perSecond / 1000;
    while (mutations < due) mutate(mutations++);
    if (elapsed >= nextNavigation && elapsed < seconds * 1000) {
      nextNavigation += navigateEveryMs;
      navigations++;
      if (navigations % 4 === 0) history.back();
      else { history.pushState(null, '', paths[navigations % paths.length]); render(); }
    }
    if (elapsed >= seconds * 1000) {
      clearInterval(timer);
      // The final state, seen nowhere during the busy period: Settings without API Keys.
      history.pushState(null, '', '/settings');
      render(false);
      resolve({ lastChangeAt: Date.now(), mutations, navigations });
    }
  }, 10);
});
</script></body></html>`;

test('reliability 7: a page making 1,000 DOM mutations a second for 10 s with history navigations', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(90_000);
  pleo.serve('production', () => BUSY_APP);
  const received = await recordMessages(serviceWorker);
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  expect((await storedApiKeysEntry(serviceWorker))?.value).toBe('visible');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(1000);
  const heapBefore = await usedHeap(cdp);
  const busyStart = Date.now();

  const result = await page.evaluate(
    (options) =>
      (
        window as unknown as {
          runBusy(
            o: typeof options,
          ): Promise<{ lastChangeAt: number; mutations: number; navigations: number }>;
        }
      ).runBusy(options),
    { seconds: 10, perSecond: 1000, navigateEveryMs: 370 },
  );
  expect(result.mutations).toBe(10_000);
  expect(result.navigations).toBeGreaterThanOrEqual(25);

  await expect
    .poll(() => storedApiKeysEntry(serviceWorker), { timeout: 5000 })
    .toMatchObject({ value: 'absent' });
  await page.waitForTimeout(1000);
  const messages = (await received()).filter((m) => m.at >= busyStart);
  const heapAfter = await usedHeap(cdp);

  const right = messages.find((m) => m.type === 'observation' && m.apiKeysEntry === 'absent');
  const stored = await storedApiKeysEntry(serviceWorker);
  const toMessage = right!.at - result.lastChangeAt;
  const toStored = stored!.seenAt! - result.lastChangeAt;
  const perSecond = mostPerSecond(messages.map((m) => m.at));
  const heapGrowthMb = (heapAfter - heapBefore) / 2 ** 20;
  measured(
    `busy page: ${result.mutations} mutations, ${result.navigations} navigations in 10 s; final observation ${toMessage} ms after the last change (stored after ${toStored} ms); ${messages.length} messages, at most ${perSecond} in one second; heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MB (growth ${heapGrowthMb.toFixed(2)} MB)`,
  );
  // The right observation is the last one: nothing after it says otherwise. (The hint, shown once
  // the verdict is stored, may ask for its texts after it: that message says nothing of the page.)
  expect(messages.filter((m) => m.type === 'observation').at(-1)).toMatchObject({ apiKeysEntry: 'absent' });
  expect(toMessage).toBeLessThanOrEqual(500);
  expect(toStored).toBeLessThanOrEqual(500);
  expect(perSecond).toBeLessThanOrEqual(20);
  expect(heapGrowthMb).toBeLessThan(10);
});

/** A simulated Settings page of about `elements` elements: the app shell and a long list of expenses. */
function hugePage(elements: number): string {
  const shell = `<header><div class="account-menu" aria-label="Account menu"><span>Alex Example</span><span class="badge">Admin</span></div></header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/cards">Cards</a><a href="/settings">Settings</a></nav>
<main><h1>Settings</h1><ul aria-label="Settings"><li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li><li><a href="/settings/api-keys">API Keys</a></li></ul><section id="expenses">`;
  const row = (i: number) =>
    `<div class="expense"><span class="date">2026-0${(i % 9) + 1}-1${i % 10}</span><span class="merchant">Merchant ${i}</span>` +
    `<span class="amount" title="Amount in DKK">${(i * 37) % 1000}.00</span><p class="note">Team lunch, receipt attached ${i}</p>` +
    `<div class="tags"><span class="tag">Travel</span><span class="tag">Q${(i % 4) + 1}</span></div></div>`;
  const rows = Array.from({ length: Math.ceil(elements / 8) }, (_, i) => row(i)).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pleo</title></head><body>${shell}${rows}</section></main>
<script>
// Named, and long enough to be sampled even on a loaded machine (3 ms was once missed): marks where
// the mutation period starts and ends in the profile.
function profileMarker() { const end = performance.now() + 15; while (performance.now() < end); }
window.mutateSeparately = (count, everyMs) => new Promise((resolve) => {
  const list = document.getElementById('expenses');
  let done = 0;
  profileMarker();
  const timer = setInterval(() => {
    const row = list.children[done * 97 % list.children.length];
    row.querySelector('.note').textContent = 'Edited ' + done;
    if (done % 2) list.insertAdjacentHTML('afterbegin', '<div class="expense"><span>New ' + done + '</span></div>');
    if (++done === count) { clearInterval(timer); setTimeout(() => { profileMarker(); resolve(); }, 1000); }
  }, everyMs);
});
</script></body></html>`;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Burst {
  start: number;
  end: number;
}

/** Sample times (µs) in the profile where `matches` holds for a frame on the stack. */
function sampleTimes(profile: Profile, matches: (node: ProfileNode) => boolean): number[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hit = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const known = hit.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = matches(byId.get(id)!) || (up !== undefined && onStack(up));
    hit.set(id, result);
    return result;
  };
  const times: number[] = [];
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i]!;
    if (onStack(id)) times.push(time);
  });
  return times;
}

/** Runs of samples no more than `gapUs` apart: one task each, however a GC pause interrupts it. */
function bursts(times: number[], gapUs: number): Burst[] {
  const found: Burst[] = [];
  for (const time of times) {
    const last = found.at(-1);
    if (last && time - last.end <= gapUs) last.end = time;
    else found.push({ start: time, end: time });
  }
  return found;
}

const SAMPLING_US = 100;
/** The page-life rules (docs/detection.md): during constant changes, at most one scan per 250 ms. */
const RULES_SCAN_SPACING_MS = 250;
/**
 * Samples this close belong to one task: a garbage collection or the sampler's jitter may split a
 * task. Not much more: a scan is two tasks (gathering, then reading in the next task), and the
 * script's start, the first scan's two tasks and what follows them come a few milliseconds apart
 * on an idle page, so a wider gap would add them up into one "task" of their sum and their gaps.
 */
const SAME_TASK_GAP_US = 5_000;

test('reliability 7: a page of 100,000 elements: first scan within 200 ms, no full rescan per mutation', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(120_000);
  pleo.serve('production', () => hugePage(100_000));
  const received = await recordMessages(serviceWorker);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const domContentLoaded = await page.evaluate(
    () =>
      performance.timeOrigin +
      performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventEnd,
  );
  const firstObservation = (await received()).find((m) => m.type === 'observation')!;
  expect((await storedApiKeysEntry(serviceWorker))?.value).toBe('visible');
  await page.waitForTimeout(1000);

  const count = 100;
  const everyMs = 20;
  await page.evaluate(
    ({ count, everyMs }) =>
      (window as unknown as { mutateSeparately(c: number, e: number): Promise<void> }).mutateSeparately(
        count,
        everyMs,
      ),
    { count, everyMs },
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };

  const contentScript = `chrome-extension://${extensionId}/content-scripts/pleo.js`;
  const scriptBursts = bursts(
    sampleTimes(profile, (node) => node.callFrame.url === contentScript),
    SAME_TASK_GAP_US,
  );
  const markers = bursts(
    sampleTimes(profile, (node) => node.callFrame.functionName === 'profileMarker'),
    SAME_TASK_GAP_US,
  );
  // Two calls of 15 ms each; the sampler can split one in two when the thread is paused inside it
  // (another process on the machine, a collection), so the window runs from the first to the last.
  expect(markers.length).toBeGreaterThanOrEqual(2);
  const [from, to] = [markers[0]!.end, markers.at(-1)!.start];
  const first = scriptBursts[0]!;
  const firstTaskMs = (first.end - first.start + SAMPLING_US) / 1000;
  const longestTaskMs = Math.max(...scriptBursts.map((b) => (b.end - b.start + SAMPLING_US) / 1000));
  // A scan of this page takes several samples; what is shorter is the observer's callback or a timer.
  const duringMutations = scriptBursts.filter((b) => b.start > from && b.end < to);
  const scans = duringMutations.filter((b) => b.end - b.start >= 1000);
  const periodMs = (to - from) / 1000;
  const allowedScans = Math.ceil(periodMs / RULES_SCAN_SPACING_MS) + 1;
  measured(
    `huge page: ${elements} elements; content script's first task ${firstTaskMs.toFixed(1)} ms, longest ${longestTaskMs.toFixed(1)} ms (DOMContentLoaded → observation at the background ${(firstObservation.at - domContentLoaded).toFixed(0)} ms); ${count} mutations over ${periodMs.toFixed(0)} ms: ${scans.length} scans (at most ${allowedScans} allowed), ${duringMutations.length} content-script tasks, scan lengths ${scans.map((b) => ((b.end - b.start) / 1000).toFixed(1)).join(', ')} ms`,
  );
  expect(elements).toBeGreaterThanOrEqual(100_000);
  expect(firstTaskMs).toBeLessThanOrEqual(200);
  // The first scan's own tasks (and every later one) too.
  expect(longestTaskMs).toBeLessThanOrEqual(200);
  expect(scans.length).toBeGreaterThanOrEqual(1); // the page did change: at least one scan saw it
  expect(scans.length).toBeLessThanOrEqual(allowedScans);
  expect(scans.length).toBeLessThan(count / 4);
});
