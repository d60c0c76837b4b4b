/**
 * The browser the tests share is handed to the next test as a new one would be: what a test left
 * in the extension's storage, its service worker's memory, the browser's routes, tabs and site data
 * is gone. After a test that changed what no reset undoes, the next test gets a new browser.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { API_MATCH_PATTERNS } from '../../lib/environments';
import { extensionWorker } from '../../sim/browser';
import { allowApiAccess } from '../../sim/external-api';
import { routePleo } from '../../sim/serve';
import { expect, test } from './fixtures';

declare const chrome: {
  storage: Record<
    'local' | 'session',
    { get(keys: null): Promise<object>; set(items: object): Promise<void> }
  >;
  permissions: Record<'contains' | 'request', (permissions: { origins: string[] }) => Promise<boolean>>;
};

/** A mark in the service worker's memory, gone once the worker has been restarted. */
const markMemory = (worker: Worker) =>
  worker.evaluate(() => {
    (globalThis as { leftByATest?: boolean }).leftByATest = true;
  });
const memoryMarked = (worker: Worker) =>
  worker.evaluate(() => (globalThis as { leftByATest?: boolean }).leftByATest === true);

/** The External API origins granted as the key check has them: approved, then asked for on a click. */
async function grantApiOrigins(context: BrowserContext, extensionId: string): Promise<void> {
  await allowApiAccess(context, extensionId);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate((origins) => {
    const button = document.createElement('button');
    button.textContent = 'Grant';
    button.addEventListener('click', () => void chrome.permissions.request({ origins }));
    document.body.prepend(button);
  }, API_MATCH_PATTERNS);
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await page.close();
}

const apiOriginsGranted = (worker: Worker) =>
  worker.evaluate((origins) => chrome.permissions.contains({ origins }), API_MATCH_PATTERNS);

test('a reset browser is as new: storage, worker memory, routes, tabs and site data', async ({ reused }) => {
  const context = await reused.take();
  const worker = await extensionWorker(context);

  await worker.evaluate(async () => {
    await chrome.storage.local.set({ 'environment:production': { left: 'by a test' } });
    await chrome.storage.session.set({ writeFailure: 'left by a test' });
  });
  await markMemory(worker);
  let servedBefore = 0;
  const pleo = await routePleo(context);
  pleo.serve('production', () => {
    servedBefore++;
    return '<!doctype html><title>before</title>';
  });
  const page = await context.newPage();
  await page.goto('https://app.pleo.io/settings');
  await page.evaluate(() => localStorage.setItem('left', 'by a test'));

  await reused.giveBack(true);
  const next = await reused.take();

  expect(next, 'the same browser, reset, not a new one').toBe(context);
  expect(next.pages()).toEqual([]);
  expect(await worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
  expect(await worker.evaluate(() => chrome.storage.session.get(null))).toEqual({});
  expect(await memoryMarked(worker), 'the service worker was restarted').toBe(false);
  // The earlier test's routes are gone: only a route set now answers. And the Pleo origin's site
  // data is gone: the page's storage is empty.
  const served = await routePleo(next);
  served.serve('production', () => '<!doctype html><title>after</title>');
  const after = await next.newPage();
  await after.goto('https://app.pleo.io/settings');
  await expect(after).toHaveTitle('after');
  expect(servedBefore).toBe(1);
  expect(await after.evaluate(() => localStorage.getItem('left'))).toBeNull();
  await reused.giveBack(true);
});

test('after a test that approved origins on chrome://extensions, the next one gets a new browser, without them', async ({
  reused,
}) => {
  const context = await reused.take();
  const worker = await extensionWorker(context);
  await grantApiOrigins(context, new URL(worker.url()).host);
  expect(await apiOriginsGranted(worker)).toBe(true);

  await reused.giveBack(true);
  const next = await reused.take();

  expect(next, 'a new browser').not.toBe(context);
  expect(await apiOriginsGranted(await extensionWorker(next))).toBe(false);
  await reused.giveBack(true);
});
