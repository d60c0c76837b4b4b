import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Scan, scanPage } from '../../lib/detect/detect';
import { learnedLookup, NOTHING_LEARNED } from '../../lib/detect/labels';
import { gatherCandidates } from '../../lib/detect/page';
import { createPageScans } from '../../lib/detect/page-scans';
import { onlyChanges } from '../../lib/detect/page-watch';
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
 * Wires the scans (lib/detect/page-scans.ts: when, and in which tasks) to this page: its DOM, its
 * navigations, what the user taught for its environment, and the extension context's end. Reports
 * each observation that differs from the last one reported.
 */
export function watchPage(
  ctx: ContentScriptContext,
  report: (scan: Scan) => void,
  /** The start's storage read, when the content script makes one for all its parts. */
  storedAtStart?: Promise<Record<string, unknown>>,
): void {
  const reportChange = onlyChanges(report);
  const environment = environmentOf(location.href);
  let learned = NOTHING_LEARNED;
  const readLearned = async (read = browser.storage.local.get(LEARNED_LABELS_KEY)) => {
    const stored = await read;
    if (environment) learned = learnedLookup(learnedFromStorage(stored[LEARNED_LABELS_KEY], environment));
  };
  const observer = new MutationObserver(() => scans.changed());
  const scans = createPageScans(
    () => gatherCandidates(document),
    (page) => reportChange(scanPage(document, location.href, learned, page)),
    // Plain timers: the scheduler clears its one pending timer when it stops (ctx.setTimeout would
    // add an invalidation listener for every scan of a long session).
    {
      now: () => performance.now(),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      whenIdle: (run, timeout) => window.requestIdleCallback(run, { timeout }),
    },
    {
      pause: () => observer.disconnect(),
      resume: () =>
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: WATCHED_ATTRIBUTES,
        }),
    },
    () => ctx.isValid,
  );

  // The isolated world cannot see the page's pushState calls: a navigation shows as a mutation, as
  // WXT's location-change event (fired before the URL changes; the scan runs after), or popstate.
  for (const event of ['wxt:locationchange', 'popstate', 'hashchange'] as const) {
    ctx.addEventListener(window, event, () => scans.changed());
  }
  ctx.onInvalidated(() => scans.stop());

  // A label taught a moment ago counts at once (the verdict follows within the background's write).
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && LEARNED_LABELS_KEY in changes) void readLearned().then(() => scans.scanNow());
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));

  // Not in the script's first task: the page's own start goes first, and what the user taught is
  // read before it.
  const start = () => scans.start();
  readLearned(storedAtStart).then(start, start);
}
