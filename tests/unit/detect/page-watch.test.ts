// @vitest-environment-options {"url": "https://app.pleo.io/"}
/**
 * Page life: how often a changing page is scanned, what is reported, and that everything stops
 * with the extension context. Fake timers drive the clock; nothing here measures speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../../../entrypoints/pleo.content/watch';
import {
  createScanScheduler,
  FIRST_SCAN_WAIT_MS,
  MAX_WAIT_MS,
  onlyChanges,
  QUIET_MS,
  READ_WAIT_MS,
  REST_MS,
  type Timers,
} from '../../../lib/detect/page-watch';
import { learnedFromStorage } from '../../../lib/state/learned';
import type { Observation } from '../../../lib/types';

const fakeTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
};

describe('createScanScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A watcher that counts how often the observer would call back: once per change while on. */
  function countingWatcher() {
    const state = { on: true, callbacks: 0 };
    return {
      state,
      watcher: {
        pause() {
          state.on = false;
        },
        resume() {
          state.on = true;
        },
      },
      /** The page changes: the observer calls back only while it is on. */
      change(scheduler: { changed(): void }) {
        if (!state.on) return;
        state.callbacks++;
        scheduler.changed();
      },
    };
  }

  it('during constant changes scans rarely and never more than once per 250 ms, then once within 500 ms of the last change', () => {
    const scans: number[] = [];
    const page = countingWatcher();
    const scheduler = createScanScheduler(() => scans.push(Date.now()), fakeTimers, page.watcher);
    const start = Date.now();
    let lastChange = start;
    // 50 changes every 10 ms for 3 s.
    for (let t = 0; t < 3000; t += 10) {
      for (let i = 0; i < 50; i++) page.change(scheduler);
      lastChange = Date.now();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    const gaps = scans.slice(1).map((at, i) => at - scans[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
    // A page that never settles is still scanned every MAX_WAIT_MS, plus the final scan.
    expect(scans.length).toBeGreaterThanOrEqual(Math.floor(3000 / MAX_WAIT_MS));
    expect(scans.length).toBeLessThanOrEqual(Math.ceil(3000 / MAX_WAIT_MS) + 1);
    const finalScan = scans.at(-1)!;
    expect(finalScan).toBeGreaterThanOrEqual(lastChange);
    expect(finalScan - lastChange).toBeLessThanOrEqual(500);
    // The observer rests between looks: one callback per rest, not one per change (15,000 changes).
    expect(page.state.callbacks).toBeLessThanOrEqual(Math.ceil(3000 / REST_MS) + scans.length + 1);
  });

  it('one change is scanned once, when the page has been quiet', () => {
    const scan = vi.fn();
    const page = countingWatcher();
    const scheduler = createScanScheduler(scan, fakeTimers, page.watcher);
    page.change(scheduler);
    page.change(scheduler);
    expect(scan).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REST_MS + QUIET_MS - 1);
    expect(scan).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(scan).toHaveBeenCalledTimes(1);
    expect(page.state.on).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('a change while listening for quiet starts the wait again', () => {
    const scans: number[] = [];
    const page = countingWatcher();
    const scheduler = createScanScheduler(() => scans.push(Date.now()), fakeTimers, page.watcher);
    const start = Date.now();
    page.change(scheduler);
    vi.advanceTimersByTime(REST_MS + 50);
    page.change(scheduler);
    vi.advanceTimersByTime(1000);
    expect(scans).toEqual([start + REST_MS + 50 + REST_MS + QUIET_MS]);
  });

  it('a change right after a scan is scanned at least 250 ms later', () => {
    const scans: number[] = [];
    const page = countingWatcher();
    const scheduler = createScanScheduler(() => scans.push(Date.now()), fakeTimers, page.watcher);
    scheduler.scanNow();
    vi.advanceTimersByTime(1);
    page.change(scheduler);
    vi.advanceTimersByTime(1000);
    expect(scans).toHaveLength(2);
    expect(scans[1]! - scans[0]!).toBeGreaterThanOrEqual(250);
  });

  it('scans nothing after stop, and leaves the observer off', () => {
    const scan = vi.fn();
    const page = countingWatcher();
    const scheduler = createScanScheduler(scan, fakeTimers, page.watcher);
    page.change(scheduler);
    scheduler.stop();
    scheduler.changed();
    scheduler.scanNow();
    vi.advanceTimersByTime(5000);
    expect(scan).not.toHaveBeenCalled();
    expect(page.state.on).toBe(false);
  });
});

describe('onlyChanges', () => {
  it('passes a value on only when it differs from the last one passed on', () => {
    const send = vi.fn();
    const report = onlyChanges(send);
    expect(report({ a: 1 })).toBe(true);
    expect(report({ a: 1 })).toBe(false);
    expect(report({ a: 2 })).toBe(true);
    expect(report({ a: 1 })).toBe(true);
    expect(send.mock.calls).toEqual([[{ a: 1 }], [{ a: 2 }], [{ a: 1 }]]);
  });
});

describe('watchPage in a single-page app', () => {
  let ctx: ContentScriptContext;
  let reports: Observation[];

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    });
    history.replaceState(null, '', '/expenses');
    document.body.innerHTML = '<div id="root"></div>';
    ctx = new ContentScriptContext('pleo-test');
    reports = [];
    // happy-dom has no idle callbacks: this one runs at its deadline, on the faked clock.
    vi.stubGlobal('requestIdleCallback', (run: () => void, options: { timeout: number }) =>
      setTimeout(run, options.timeout),
    );
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const settle = () => vi.advanceTimersByTimeAsync(600);

  it('reports once idle after start, after a late render and after pushState navigation, and only changes', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    // Not in the script's first task, and within the first-scan deadline.
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.signedIn).toBe('unknown');

    const root = document.getElementById('root')!;
    root.innerHTML = '<nav><a href="/settings">Settings</a></nav><main></main>';
    await settle();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.signedIn).toBe('yes');

    // A change that changes nothing detected sends nothing.
    root.querySelector('main')!.innerHTML = '<h1>Expenses</h1><p>Nothing to review.</p>';
    await settle();
    expect(reports).toHaveLength(2);

    history.pushState(null, '', '/settings');
    root.querySelector('main')!.innerHTML = `<ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul>`;
    await settle();
    expect(reports).toHaveLength(3);
    expect(reports[2]!.apiKeysEntry).toBe('absent');

    root
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
    await settle();
    expect(reports).toHaveLength(4);
    expect(reports[3]!.apiKeysEntry).toBe('visible');
  });

  it('notices a navigation without any DOM change through the location-change event', async () => {
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul></main>`;
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports.at(-1)!.apiKeysEntry).toBe('unknown');
    history.pushState(null, '', '/settings');
    await vi.advanceTimersByTimeAsync(1500);
    expect(reports.at(-1)!.apiKeysEntry).toBe('absent');
  });

  it('stops observing and scanning when the context is invalidated', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    document.getElementById('root')!.innerHTML = '<nav><a href="/settings">Settings</a></nav>';
    ctx.abort();
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<a href="/settings/api-keys">API Keys</a>');
    history.pushState(null, '', '/settings/api-keys');
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports).toHaveLength(1);
  });

  it('gathers the page and reads it in two tasks, and reads it afresh when it changed in between', async () => {
    history.replaceState(null, '', '/settings');
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul></main>`;
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS - READ_WAIT_MS);
    // Gathered, not yet read: nothing reported. An entry added now is in no gathering made so far.
    expect(reports).toHaveLength(0);
    document
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
    // The read gathers afresh, and reads what it gathered in a task of its own, as every later scan does.
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['visible']);
  });

  it('makes no first scan when the context is invalidated before the page is idle', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    ctx.abort();
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS + 3000);
    expect(reports).toHaveLength(0);
  });

  it('reads the labels taught for its environment first, and scans again as soon as one is taught', async () => {
    history.replaceState(null, '', '/settings');
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><button>General</button></li><li><button>Developer access</button></li><li><button>Dev keys</button></li></ul></main>`;
    const taught = (label: string) => ({ kind: 'apiKeys', label, language: 'en', learnedAt: 1 });
    // Taught for Staging only: on this Production page it counts for nothing.
    await fakeBrowser.storage.local.set({
      learnedLabels: { production: [], staging: [taught('Developer access')] },
    });
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['absent']);

    await fakeBrowser.storage.local.set({ learnedLabels: { production: [taught('dev KEYS')], staging: [] } });
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['absent', 'visible']);
    expect(reports[1]!.evidence).toContainEqual({
      check: 'apiKeysEntry',
      signal: 'learned-label',
      detail: 'dev KEYS',
    });
  });
});

describe('learnedFromStorage', () => {
  const good = { kind: 'apiKeys', label: 'Developer access', language: 'da', learnedAt: 1 };
  it("keeps the environment's well-formed entries and leaves out the rest", () => {
    const stored = {
      production: [
        good,
        { ...good, kind: 'nonsense' },
        { ...good, label: 'x'.repeat(81) },
        { ...good, language: 'xx' },
        { ...good, kind: 'role', label: 'Superuser', role: 'admin' },
        { ...good, kind: 'role', role: 'king' },
        'text',
        null,
      ],
      staging: [{ ...good, label: 'Other' }],
    };
    expect(learnedFromStorage(stored, 'production').map((entry) => entry.label)).toEqual([
      'Developer access',
      'Superuser',
    ]);
    expect(learnedFromStorage(stored, 'staging')).toHaveLength(1);
    expect(learnedFromStorage(undefined, 'production')).toEqual([]);
    expect(learnedFromStorage({ production: 'x' }, 'production')).toEqual([]);
  });
});
