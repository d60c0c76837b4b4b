/**
 * Opening the popup's view in a tab, from the in-page hint's "Details": the tab already open is
 * shown again rather than a new one, and whatever asks, at most one tab is opened or shown per
 * pause, so no page (nor a fooled content script) can open tabs in a loop.
 */
import type { Environment } from '../types';

/** The least time between two tabs opened or shown; a second ask within it is ignored. */
export const GUIDANCE_TAB_PAUSE_MS = 2000;

/** The few tab calls this needs, passed in: the background hands over `browser.tabs`. */
export interface GuidanceTabsApi {
  get(tabId: number): Promise<{ id?: number; url?: string }>;
  update(tabId: number, change: { active: boolean }): Promise<unknown>;
  create(options: { url: string }): Promise<{ id?: number }>;
}

/** `open(environment, url)` opens the guidance tab for the environment, or shows the one already open. */
export function createGuidanceTabs(
  tabs: GuidanceTabsApi,
  now: () => number,
): (environment: Environment, url: string) => Promise<void> {
  const opened = new Map<Environment, number>();
  let last = Number.NEGATIVE_INFINITY;
  return async (environment, url) => {
    const time = now();
    if (time - last < GUIDANCE_TAB_PAUSE_MS) return;
    last = time;
    const id = opened.get(environment);
    // The tab is ours while it exists and still shows our page (its URL is hidden from us once it leaves).
    const open = id === undefined ? null : await tabs.get(id).catch(() => null);
    if (open?.url?.startsWith(url)) {
      await tabs.update(id!, { active: true });
      return;
    }
    const created = await tabs.create({ url });
    if (created.id !== undefined) opened.set(environment, created.id);
  };
}
