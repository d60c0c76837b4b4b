/**
 * Playwright fixtures over the launcher (sim/browser.ts) and the Pleo routes (sim/serve.ts): one
 * fresh browser profile with the extension per test.
 */
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import { extensionWorker, launchWithExtension, storedCheckedAt } from '../../sim/browser';
import { routeExternalApi, type SimulatedApi } from '../../sim/external-api';
import { SIMULATED_ORIGINS } from '../../sim/pages';
import { type PleoServer, routePleo } from '../../sim/serve';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  pleo: PleoServer;
  /** Pleo's External API at its two origins, for the key check. */
  pleoApi: SimulatedApi;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
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
    .poll(() => storedCheckedAt(serviceWorker, environment), { message: `no observation stored for ${url}` })
    .not.toBe(before);
}
