/**
 * Reading the extension's storage from a test, in an extension context (the service worker, one of
 * our pages, or our content script's world): one helper for every spec, rather than a copy in each.
 */
import type { Page, Worker } from '@playwright/test';

// The browser's global where the function runs (by its text), never an imported binding.
declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, unknown>> } } };

/** All of storage.local. */
export function readLocalStorage(where: Worker | Page): Promise<Record<string, unknown>> {
  const evaluate = where.evaluate.bind(where) as Page['evaluate'];
  return evaluate(() => chrome.storage.local.get(null));
}

/** One stored value, or undefined when nothing is stored under the key. */
export function storedValue<T>(where: Worker | Page, key: string): Promise<T | undefined> {
  const evaluate = where.evaluate.bind(where) as Page['evaluate'];
  return evaluate(async (k) => (await chrome.storage.local.get(k))[k] as T | undefined, key);
}
