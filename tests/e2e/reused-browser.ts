/**
 * One browser with the extension for many tests, handed to each test as clean as a new one. On a
 * two-core machine starting Chromium costs about two seconds of both cores, most of an ordinary
 * test; resetting the extension costs a third of that. A reset that cannot prove the browser clean
 * closes it, and the next test gets a new one.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { API_MATCH_PATTERNS, API_ORIGINS } from '../../lib/environments';
import { extensionWorker, launchWithExtension } from '../../sim/browser';
import { SIMULATED_ORIGINS } from '../../sim/pages';
import { stopServiceWorker } from './harness';

/** The extension APIs the reset uses, as the service worker has them. */
declare const chrome: {
  storage: Record<'local' | 'session', { clear(): Promise<void>; get(keys: null): Promise<object> }>;
  permissions: {
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
};

interface Permissions {
  origins?: string[];
  permissions?: string[];
}

export interface ReusedBrowser {
  /** The browser for the next test: the one kept, or a new one. */
  take(): Promise<BrowserContext>;
  /** The test is over: reset the browser for the next one, or close it when the test failed. */
  giveBack(testPassed: boolean): Promise<void>;
  close(): Promise<void>;
}

export function reusedBrowser(): ReusedBrowser {
  let kept: { context: BrowserContext; worker: Worker; installed: Permissions } | null = null;
  /**
   * A page of the test went to chrome://extensions, where site access is set and origins are
   * approved for a later `permissions.request`: the browser holds what no reset undoes.
   */
  let settingsChanged = false;

  const close = async () => {
    const closing = kept;
    kept = null;
    await closing?.context.close();
  };

  return {
    async take() {
      if (!kept) {
        const context = await launchWithExtension();
        settingsChanged = false;
        context.on('page', (page) =>
          page.on('framenavigated', (frame) => {
            if (frame.url().startsWith('chrome://extensions')) settingsChanged = true;
          }),
        );
        const worker = await extensionWorker(context);
        kept = { context, worker, installed: await worker.evaluate(() => chrome.permissions.getAll()) };
      }
      return kept.context;
    },
    async giveBack(testPassed) {
      if (!kept) return;
      // A failed test may have left anything behind (a crashed page, a half-written state).
      if (!testPassed || settingsChanged) return close();
      try {
        await reset(kept.context, kept.worker, kept.installed);
      } catch (error) {
        console.warn(`a new browser for the next test: ${(error as Error).message}`);
        await close();
      }
    },
    close,
  };
}

/** Everything a test can change, put back as a new browser has it; throws when it cannot prove it. */
async function reset(context: BrowserContext, worker: Worker, installed: Permissions): Promise<void> {
  for (const page of context.pages()) await page.close();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearPermissions();
  await context.clearCookies();

  const page = await context.newPage();
  // A new worker: nothing a test left in the background's memory (the once-only refusal warnings,
  // the pause between guidance tabs) carries over. A tab's navigation wakes it again.
  await stopServiceWorker(context, page);
  await page.goto('data:text/html,');
  const cdp = await context.newCDPSession(page);
  for (const origin of [...Object.values(SIMULATED_ORIGINS), ...Object.values(API_ORIGINS)]) {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  }
  await cdp.detach();
  await page.close();

  const left = await worker.evaluate(
    async ({ granted }) => {
      await chrome.permissions.remove({ origins: granted });
      await chrome.storage.local.clear();
      await chrome.storage.session.clear();
      return {
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
        permissions: await chrome.permissions.getAll(),
      };
    },
    { granted: API_MATCH_PATTERNS },
  );
  const clean =
    Object.keys(left.local).length === 0 &&
    Object.keys(left.session).length === 0 &&
    sameSet(left.permissions.origins, installed.origins) &&
    sameSet(left.permissions.permissions, installed.permissions) &&
    context.pages().length === 0;
  if (!clean) throw new Error(`the extension could not be reset: ${JSON.stringify(left)}`);
}

function sameSet(a: string[] = [], b: string[] = []): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
