import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { gatherCandidates, type PageCandidates, type Scan, scanPage } from '../../lib/detect/detect';
import { learnedLookup, NOTHING_LEARNED } from '../../lib/detect/labels';
import {
  createScanScheduler,
  FIRST_SCAN_WAIT_MS,
  onlyChanges,
  READ_WAIT_MS,
} from '../../lib/detect/page-watch';
import { environmentOf } from '../../lib/environments';
import { learnedFromStorage } from '../../lib/state/learned';
import { LEARNED_LABELS_KEY } from '../../lib/storage/keys';

/** Attributes that can change what an entry is called, where it leads, or whether it can be opened. */
const WATCHED_ATTRIBUTES = [
  'aria-label',
  'aria-labelledby',
  'href',
  'role',
  'title',
  'hidden',
  'aria-disabled',
  'disabled',
  'inert',
];

/**
 * Detects the page once it is idle, again after it changes (debounced, see lib/detect/page-watch.ts),
 * after history navigation and as soon as the user teaches a label, and reports each observation
 * that differs from the last one reported. Everything stops when the extension context goes away.
 */
export function watchPage(ctx: ContentScriptContext, report: (scan: Scan) => void): void {
  const reportChange = onlyChanges(report);
  const environment = environmentOf(location.href);
  let learned = NOTHING_LEARNED;
  const readLearned = async () => {
    if (!environment) return;
    const stored = await browser.storage.local.get(LEARNED_LABELS_KEY);
    learned = learnedLookup(learnedFromStorage(stored[LEARNED_LABELS_KEY], environment));
  };
  // The first scan's gathering, made in a task of its own; any change after it makes it stale.
  let gathered: PageCandidates | undefined;
  const read = (page: PageCandidates) => {
    if (!ctx.isInvalid) reportChange(scanPage(document, location.href, learned, page));
  };
  const changed = () => {
    gathered = undefined;
    scheduler.changed();
  };
  const observer = new MutationObserver(changed);
  const watcher = {
    pause: () => observer.disconnect(),
    resume: () =>
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      }),
  };
  const scheduler = createScanScheduler(
    () => {
      if (ctx.isInvalid) return;
      const page = gathered;
      gathered = undefined;
      if (page) return read(page);
      // Every scan is two tasks too, so none is longer than a frame on a large page: the read is
      // the next task (a timer: an idle callback here crashed the tab in the pick-mode test). A
      // change between them is the scheduler's, which scans again after it: the read may be a
      // moment old, never the last word.
      const fresh = gatherCandidates(document);
      window.setTimeout(() => read(fresh), 0);
    },
    // Plain timers: the scheduler clears its one pending timer when it stops (ctx.setTimeout would
    // add an invalidation listener for every scan of a long session).
    {
      now: () => performance.now(),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    },
    watcher,
  );

  // The isolated world cannot see the page's pushState calls: a navigation shows as a mutation, as
  // WXT's location-change event (fired before the URL changes; the scan runs after), or popstate.
  for (const event of ['wxt:locationchange', 'popstate', 'hashchange'] as const) {
    ctx.addEventListener(window, event, changed);
  }
  ctx.onInvalidated(() => scheduler.stop());

  // A label taught a moment ago counts at once (the verdict follows within the background's write).
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && LEARNED_LABELS_KEY in changes) void readLearned().then(() => scheduler.scanNow());
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));

  // Not in the script's first task: the page's own start goes first, and what the user taught is
  // read before it. Two tasks, each shorter than one scan (on a large page the first scan, with
  // nothing compiled yet, is the longest thing the script does): gathering the page, watching it
  // from then on, and reading what was gathered at the next idle moment. A stopped scheduler
  // scans nothing.
  const firstScan = () =>
    window.requestIdleCallback(
      () => {
        if (ctx.isInvalid) return;
        watcher.resume();
        gathered = gatherCandidates(document);
        window.requestIdleCallback(() => scheduler.scanNow(), { timeout: READ_WAIT_MS });
      },
      { timeout: FIRST_SCAN_WAIT_MS - READ_WAIT_MS },
    );
  readLearned().then(firstScan, firstScan);
}
