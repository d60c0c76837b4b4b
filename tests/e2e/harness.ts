/**
 * What only the end-to-end tests need beyond the shared launcher (sim/browser.ts) and the
 * simulated Pleo origins (sim/serve.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Stops every service worker through the DevTools protocol and waits until ours has really stopped. */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL.endsWith('/background.js'));
      if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
