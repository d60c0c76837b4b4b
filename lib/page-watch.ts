/**
 * When to scan a single-page app that keeps changing, and when to report. Pure: the clock and the
 * timers are passed in, so tests drive them with fake timers and the content script with the ones
 * its context cancels when the extension goes away.
 */

/**
 * During constant changes, at most one scan in this many milliseconds. The page-life rules allow
 * one scan per 250 ms and ask for the final scan within 500 ms of the last change: 400 ms meets
 * both (a change is scanned at most 400 ms after it happens) and costs a busy page fewer scans.
 */
export const MIN_SCAN_INTERVAL_MS = 400;

/** A change waits this long before its scan, so one render's burst of mutations costs one scan. */
export const SETTLE_MS = 100;

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface ScanScheduler {
  /** Something on the page changed: scan soon, but not more often than allowed. */
  changed(): void;
  /** Scan right now (the first look at a page), and count it for the interval. */
  scanNow(): void;
  /** Stop: nothing scheduled runs, later changes are ignored. */
  stop(): void;
}

export function createScanScheduler(scan: () => void, timers: Timers): ScanScheduler {
  let lastScanAt = Number.NEGATIVE_INFINITY;
  let pending: number | null = null;
  let stopped = false;

  const run = () => {
    pending = null;
    if (stopped) return;
    lastScanAt = timers.now();
    scan();
  };

  return {
    changed() {
      // A scheduled scan reads the page when it runs, so it covers every change made before then.
      if (stopped || pending !== null) return;
      const now = timers.now();
      const at = Math.max(now + SETTLE_MS, lastScanAt + MIN_SCAN_INTERVAL_MS);
      pending = timers.setTimeout(run, at - now);
    },
    scanNow() {
      if (stopped) return;
      if (pending !== null) timers.clearTimeout(pending);
      run();
    },
    stop() {
      stopped = true;
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
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
