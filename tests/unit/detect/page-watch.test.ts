/**
 * Page life: how often a changing page is scanned, what is reported, and that everything stops
 * with the extension context. Fake timers drive the clock; nothing here measures speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createScanScheduler,
  MAX_WAIT_MS,
  onlyChanges,
  QUIET_MS,
  REST_MS,
  type Timers,
} from '../../../lib/detect/page-watch';

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
