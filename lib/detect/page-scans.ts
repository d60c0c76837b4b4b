/**
 * How a page is scanned: every scan is two tasks, each shorter than a frame on a large page
 * (gathering the page's candidates, then reading them in the next task). The first scan waits for
 * a moment the page is idle; later ones are timed by ./page-watch.ts. A change between a gathering
 * and its reading drops the gathering, so the read gathers afresh. Pure: gathering, reading, the
 * timers and the page's observer are passed in.
 */
import { type ChangeWatcher, createScanScheduler, type Timers } from './page-watch';

/**
 * The first scan waits for a moment the page is idle (it is still settling after its load), at
 * most this long, so the first observation comes within 300 ms of the script's start.
 */
export const FIRST_SCAN_WAIT_MS = 250;
/** The first scan reads what it gathered at the next idle moment, at most this much later. */
export const READ_WAIT_MS = 50;

export interface ScanTimers extends Timers {
  /** Runs at a moment the page is idle, at the latest after `timeout` ms. */
  whenIdle(run: () => void, timeout: number): void;
}

export interface PageScans {
  /** The first scan, at an idle moment; the page is watched from its gathering on. */
  start(): void;
  /** The page changed (a mutation, a navigation): any gathering is stale; scan once it settles. */
  changed(): void;
  /** Scan in the next moment (what the user taught changed). */
  scanNow(): void;
  /** Nothing gathered, read or scheduled runs from now on. */
  stop(): void;
}

export function createPageScans<Page>(
  gather: () => Page,
  read: (page: Page) => void,
  timers: ScanTimers,
  watcher: ChangeWatcher,
  /** Whether the script may still act (its extension context is live): asked before each task. */
  alive: () => boolean = () => true,
): PageScans {
  let stopped = false;
  const live = () => !stopped && alive();
  // The first scan's gathering, waiting for its read; any change after it makes it stale.
  let gathered: Page | undefined;
  const readIfLive = (page: Page) => {
    if (live()) read(page);
  };
  const scheduler = createScanScheduler(
    () => {
      if (!live()) return;
      const page = gathered;
      gathered = undefined;
      if (page !== undefined) return read(page);
      // The read is the next task: a timer (an idle callback here crashed the tab in the pick-mode
      // test). A change between them is the scheduler's, which scans again after it: the read may
      // be a moment old, never the last word.
      const fresh = gather();
      timers.setTimeout(() => readIfLive(fresh), 0);
    },
    timers,
    watcher,
  );

  return {
    start() {
      timers.whenIdle(() => {
        if (!live()) return;
        watcher.resume();
        gathered = gather();
        timers.whenIdle(() => scheduler.scanNow(), READ_WAIT_MS);
      }, FIRST_SCAN_WAIT_MS - READ_WAIT_MS);
    },
    changed() {
      gathered = undefined;
      scheduler.changed();
    },
    scanNow: () => scheduler.scanNow(),
    stop() {
      stopped = true;
      scheduler.stop();
    },
  };
}
