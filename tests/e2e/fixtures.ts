/**
 * Playwright fixtures over the launcher (sim/browser.ts) and the Pleo routes (sim/serve.ts). Each
 * test gets a browser with the extension as new: the worker's browser reset to a clean state
 * (./reused-browser.ts), or, in a file that says `test.use({ freshBrowser: true })`, one of its own.
 */
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import { extensionWorker, launchWithExtension, storedCheckedAt } from '../../sim/browser';
import { routeExternalApi, type SimulatedApi } from '../../sim/external-api';
import { SIMULATED_ORIGINS } from '../../sim/pages';
import { type PleoServer, routePleo } from '../../sim/serve';
import { type ReusedBrowser, reusedBrowser } from './reused-browser';

interface Options {
  /**
   * A browser of the test's own, started for it and closed after: for tests that change what a
   * reset does not put back (site access, the service worker's life, a browser closed and reopened).
   */
  freshBrowser: boolean;
}

interface WorkerFixtures {
  reused: ReusedBrowser;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  pleo: PleoServer;
  /** Pleo's External API at its two origins, for the key check. */
  pleoApi: SimulatedApi;
}

export const test = base.extend<Fixtures & Options, WorkerFixtures>({
  freshBrowser: [false, { option: true }],
  reused: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
    async ({}, use) => {
      const browser = reusedBrowser();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ freshBrowser, reused }, use, testInfo) => {
    if (freshBrowser) {
      const context = await launchWithExtension();
      await use(context);
      await context.close();
      return;
    }
    await use(await reused.take());
    await reused.giveBack(testInfo.status === testInfo.expectedStatus);
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  pleo: async ({ context }, use) => {
    await use(await routePleo(context));
  },
  // After the Pleo app's catch-all route, so that these two origins are answered first.
  pleoApi: async ({ context, pleo: _ }, use) => {
    await use(await routeExternalApi(context));
  },
});

export const expect = test.expect;

/** Opens a Pleo page and waits until the background has stored what the content script saw. */
export async function visit(page: Page, url: string, serviceWorker: Worker): Promise<void> {
  const environment = new URL(url).origin === SIMULATED_ORIGINS.staging ? 'staging' : 'production';
  const before = await storedCheckedAt(serviceWorker, environment);
  await page.goto(url);
  await expect
    // Every 50 ms: the observation lands a few hundred ms after the load, and the default back-off
    // (100, 250, 500, then 1000 ms) would often see it half a second late.
    .poll(() => storedCheckedAt(serviceWorker, environment), {
      message: `no observation stored for ${url}`,
      intervals: [50],
    })
    .not.toBe(before);
}
