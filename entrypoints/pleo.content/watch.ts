import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detect } from '../../lib/detect/detect';
import { createScanScheduler, FIRST_SCAN_WAIT_MS, onlyChanges } from '../../lib/detect/page-watch';
import type { Observation } from '../../lib/types';

/** Attributes that can change what an entry is called or where it leads. */
const WATCHED_ATTRIBUTES = ['aria-label', 'aria-labelledby', 'href', 'role', 'title', 'hidden'];

/**
 * Detects the page once it is idle, again after it changes (debounced, see lib/detect/page-watch.ts) and after
 * history navigation, and reports each observation that differs from the last one reported.
 * Everything stops when the extension context goes away.
 */
export function watchPage(ctx: ContentScriptContext, report: (observation: Observation) => void): void {
  const reportChange = onlyChanges(report);
  const observer = new MutationObserver(() => scheduler.changed());
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
      if (!ctx.isInvalid) reportChange(detect(document, location.href));
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
    ctx.addEventListener(window, event, () => scheduler.changed());
  }
  ctx.onInvalidated(() => scheduler.stop());

  // Not in the script's first task: the page's own start goes first. A stopped scheduler scans nothing.
  window.requestIdleCallback(() => scheduler.scanNow(), { timeout: FIRST_SCAN_WAIT_MS });
}
