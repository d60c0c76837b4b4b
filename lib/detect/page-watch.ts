/**
 * When to scan a single-page app that keeps changing, and when to report. Pure: the clock, the
 * timers and the switch of the mutation observer are passed in, so tests drive them with fake
 * timers and the content script with the real ones.
 *
 * A scan waits until the page has been quiet for a moment, so one render's burst of mutations
 * costs one scan. While it waits the observer rests: a busy page then pays for one observer
 * callback per rest, not one per change. A page that never settles (a live table, a clock) is
 * still scanned every MAX_WAIT_MS, so nothing it shows goes unseen for long.
 *
 * The page-life rules ask for at most one scan per 250 ms during constant changes and a final scan
 * within 500 ms of the last change. Here scans are at least QUIET_MS * 2 = 300 ms apart, and the
 * last change is scanned at most REST_MS + QUIET_MS = 300 ms after it happened (what the scan
 * gathers then is read in the next task: ./page-scans.ts).
 */

/** After a change the observer rests this long; whatever changes meanwhile the scan will read. */
export const REST_MS = 150;
/** Then it watches again: this long without a change and the page counts as settled. */
export const QUIET_MS = 150;
/** A page that keeps changing is scanned at least this often all the same. */
export const MAX_WAIT_MS = 2000;
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** Switches the page's mutation observer off while resting and on again to listen for quiet. */
export interface ChangeWatcher {
  pause(): void;
  resume(): void;
}

export interface ScanScheduler {
  /** Something on the page changed: scan once it settles, or at the latest after MAX_WAIT_MS. */
  changed(): void;
  /** Scan right now (the first look at a page). */
  scanNow(): void;
  /** Stop: nothing scheduled runs, later changes are ignored. */
  stop(): void;
}

const NO_WATCHER: ChangeWatcher = { pause() {}, resume() {} };

export function createScanScheduler(
  scan: () => void,
  timers: Timers,
  watcher: ChangeWatcher = NO_WATCHER,
): ScanScheduler {
  let timer: number | null = null;
  /** When the first change not yet scanned happened; null when the page is scanned up to date. */
  let changedSince: number | null = null;
  let stopped = false;

  const arm = (run: () => void, ms: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      if (!stopped) run();
    }, ms);
  };

  const runScan = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    changedSince = null;
    scan();
    if (!stopped) watcher.resume();
  };

  const listenForQuiet = () => {
    if (changedSince !== null && timers.now() - changedSince >= MAX_WAIT_MS) return runScan();
    watcher.resume();
    arm(runScan, QUIET_MS);
  };

  return {
    changed() {
      if (stopped) return;
      changedSince ??= timers.now();
      watcher.pause();
      arm(listenForQuiet, REST_MS);
    },
    scanNow() {
      if (!stopped) runScan();
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      watcher.pause();
    },
  };
}

/**
 * Passes a value on only when it differs from the last one passed on, so an unchanged page sends
 * nothing however often it is scanned.
 */
export function onlyChanges<T>(send: (value: T) => void): (value: T) => boolean {
  let last: string | undefined;
  return (value) => {
    const key = JSON.stringify(value);
    if (key === last) return false;
    last = key;
    send(value);
    return true;
  };
}
