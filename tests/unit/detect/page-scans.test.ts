/**
 * The scan policy on fake timers alone: the first scan at an idle moment in two tasks, later ones
 * on the scheduler's timer and also in two tasks, a gathering dropped when the page changes before
 * it is read, and nothing after stop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPageScans,
  FIRST_SCAN_WAIT_MS,
  READ_WAIT_MS,
  type ScanTimers,
} from '../../../lib/detect/page-scans';
import { QUIET_MS, REST_MS } from '../../../lib/detect/page-watch';

/** Idle callbacks run at their deadline, as on a page that is never idle sooner. */
const timers: ScanTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
  whenIdle: (run, timeout) => void setTimeout(run, timeout),
};

/** A timer of 0 ms is the next task (Node's and the fake clock's count it as 1 ms). */
const nextTask = () => vi.advanceTimersByTimeAsync(1);

describe('createPageScans', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A page whose content is a number; each gathering and read is logged with its time. */
  function page(alive = () => true) {
    const start = Date.now();
    const log: string[] = [];
    const watching = { on: false };
    let content = 0;
    const scans = createPageScans(
      () => {
        log.push(`gather ${content} at ${Date.now() - start}`);
        return content;
      },
      (gathered) => log.push(`read ${gathered}`),
      timers,
      { pause: () => (watching.on = false), resume: () => (watching.on = true) },
      alive,
    );
    return {
      scans,
      log,
      watching,
      change(to: number) {
        content = to;
        scans.changed();
      },
    };
  }

  it('makes the first scan at an idle moment: it gathers, watches the page from then on, and reads in a later task', async () => {
    const { scans, log, watching } = page();
    scans.start();
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS - READ_WAIT_MS);
    expect(log).toEqual([`gather 0 at ${FIRST_SCAN_WAIT_MS - READ_WAIT_MS}`]);
    expect(watching.on).toBe(true);
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS - 1);
    expect(log).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual([`gather 0 at ${FIRST_SCAN_WAIT_MS - READ_WAIT_MS}`, 'read 0']);
  });

  it('drops the first gathering when the page changes before it is read, and reads afresh in two tasks', async () => {
    const { scans, log, change } = page();
    scans.start();
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS - READ_WAIT_MS);
    change(1);
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(log.at(-1)).toBe(`gather 1 at ${FIRST_SCAN_WAIT_MS}`);
    expect(log.filter((line) => line.startsWith('read'))).toEqual([]);
    await nextTask();
    expect(log.filter((line) => line.startsWith('read'))).toEqual(['read 1']);
  });

  it('scans a later change on the timer once the page settles, gathering then reading in the next task', async () => {
    const { scans, log, change } = page();
    scans.start();
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    log.length = 0;
    change(2);
    await vi.advanceTimersByTimeAsync(REST_MS + QUIET_MS - 1);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual([`gather 2 at ${FIRST_SCAN_WAIT_MS + REST_MS + QUIET_MS}`]);
    await nextTask();
    expect(log.at(-1)).toBe('read 2');
  });

  it('scans now on request, in two tasks', async () => {
    const { scans, log } = page();
    scans.scanNow();
    expect(log).toEqual(['gather 0 at 0']);
    await nextTask();
    expect(log).toEqual(['gather 0 at 0', 'read 0']);
  });

  it('gathers and reads nothing after stop, nor once the context is gone', async () => {
    const stopped = page();
    stopped.scans.start();
    stopped.scans.stop();
    stopped.change(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(stopped.log).toEqual([]);

    let alive = true;
    const gone = page(() => alive);
    gone.scans.scanNow();
    alive = false;
    await nextTask();
    gone.scans.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(gone.log).toEqual(['gather 0 at 0']);
  });
});
