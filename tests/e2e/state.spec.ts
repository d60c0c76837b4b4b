/**
 * One source of truth per environment, in a real Chromium: facts survive the service worker being
 * stopped, two tabs reporting at once lose nothing, and a Pleo tab's toolbar badge shows its verdict.
 * Storage and the badge are read from the extension itself; the popup only for its verdict contract.
 */
import type { Page, Worker } from '@playwright/test';
import type { ObservationRecord } from '../../lib/state/merge';
import type { Environment } from '../../lib/types';
import { storedCheckedAt } from '../../sim/browser';
import { expect, test } from './fixtures';
import { stopServiceWorker } from './harness';
import { PopupPage } from './pages/popup';

/** The extension APIs used below, as the service worker and extension pages have them. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
  };
};

/** A stored record, read in an extension context: the service worker, or one of our pages. */
async function storedRecord(where: Worker | Page, environment: Environment): Promise<ObservationRecord> {
  const key = `environment:${environment}`;
  const evaluate = where.evaluate.bind(where) as Page['evaluate'];
  return evaluate(
    async (key) => (await chrome.storage.local.get(key))[key],
    key,
  ) as Promise<ObservationRecord>;
}

/**
 * Opens a Pleo page and waits until the background has stored what its content script saw. `before`
 * is the environment's last checkedAt: a stopped worker cannot be asked until the page's message wakes it.
 */
async function visit(page: Page, url: string, serviceWorker: Worker, before: number | null): Promise<number> {
  const environment: Environment = new URL(url).host === 'app.staging.pleo.io' ? 'staging' : 'production';
  await page.goto(url);
  let after: number | null = null;
  await expect
    .poll(async () => (after = await storedCheckedAt(serviceWorker, environment)), {
      message: `nothing stored for ${url}`,
    })
    .not.toBe(before);
  return after as unknown as number;
}

async function badgeOf(serviceWorker: Worker, url: string) {
  return serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) return null;
    const details = { tabId: tab.id };
    return {
      text: await chrome.action.getBadgeText(details),
      title: await chrome.action.getTitle(details),
      color: await chrome.action.getBadgeBackgroundColor(details),
    };
  }, url);
}

test('every fact survives the service worker stopping between detections and before the popup opens', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false, legacyApi: true });
  const page = await context.newPage();

  const firstSeen = await visit(page, 'https://app.pleo.io/settings', serviceWorker, null);
  await stopServiceWorker(context, page);
  const secondSeen = await visit(page, 'https://app.pleo.io/expenses', serviceWorker, firstSeen);
  expect(secondSeen).toBeGreaterThan(firstSeen);
  await stopServiceWorker(context, page);

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');

  // The worker is still stopped: read storage in the popup's own context, not from its DOM.
  const record = await storedRecord(popup.page, 'production');
  // The Settings list (first page) showed Open API but no API Keys; the second page showed neither,
  // so both facts keep the time they were last seen on the first page.
  expect(record.apiKeysEntry).toEqual({ value: 'absent', seenAt: firstSeen });
  expect(record.legacyApiEntry).toEqual({ value: 'visible', seenAt: firstSeen });
  expect(record.signedIn).toEqual({ value: 'yes', seenAt: secondSeen });
  expect(record.role.value).toMatchObject({ value: 'admin', source: 'detected' });
  expect(['medium', 'high']).toContain(record.role.value.confidence);
  expect(record.checkedAt).toBe(secondSeen);
  expect(record.history).toEqual([{ verdict: 'not-enabled', at: firstSeen }]);
  expect(pleo.strayRequests).toEqual([]);
});

test('Production and Staging tabs reporting at the same moment, 50 times, lose nothing', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(240_000);
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'employee', apiKeysEnabled: true });
  const [production, staging] = [await context.newPage(), await context.newPage()];

  let seen: [number | null, number | null] = [null, null];
  for (let round = 0; round < 50; round++) {
    // Settings pages carry the entries; the others only the session, which must not erase them.
    const path = round % 2 === 0 ? '/settings' : '/expenses';
    seen = await Promise.all([
      visit(production, `https://app.pleo.io${path}`, serviceWorker, seen[0]),
      visit(staging, `https://app.staging.pleo.io${path}`, serviceWorker, seen[1]),
    ]);
  }

  const [productionRecord, stagingRecord] = [
    await storedRecord(serviceWorker, 'production'),
    await storedRecord(serviceWorker, 'staging'),
  ];
  expect(productionRecord).toMatchObject({
    environment: 'production',
    signedIn: { value: 'yes' },
    apiKeysEntry: { value: 'visible' },
    legacyApiEntry: { value: 'absent' },
    role: { value: { value: 'admin' } },
  });
  expect(stagingRecord).toMatchObject({
    environment: 'staging',
    signedIn: { value: 'yes' },
    apiKeysEntry: { value: 'absent' },
    role: { value: { value: 'employee' } },
  });
  // One verdict each from the first report on: a lost or crossed write would have made them flap.
  expect(productionRecord.history.map((change) => change.verdict)).toEqual(['ready']);
  expect(stagingRecord.history.map((change) => change.verdict)).toEqual(['role-missing']);

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'role-missing');
});

test('a Pleo tab shows its verdict on the toolbar badge, also after the service worker stopped; other tabs none', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'employee' });
  pleo.serveOrigin('https://example.com', () => '<!doctype html><title>Elsewhere</title><p>Not Pleo</p>');
  const [production, staging] = [await context.newPage(), await context.newPage()];

  await visit(production, 'https://app.pleo.io/settings', serviceWorker, null);
  // The badge is set just after the record is stored.
  await expect
    .poll(() => badgeOf(serviceWorker, 'https://app.pleo.io/*'))
    .toEqual({
      text: '✓',
      title: 'Production: you can create API keys',
      color: [0x1a, 0x7f, 0x37, 255],
    });

  await stopServiceWorker(context, staging);
  await visit(staging, 'https://app.staging.pleo.io/settings', serviceWorker, null);
  await expect
    .poll(() => badgeOf(serviceWorker, 'https://app.staging.pleo.io/*'))
    .toMatchObject({
      text: '!',
      title: 'Staging: your role cannot create API keys',
    });
  expect((await badgeOf(serviceWorker, 'https://app.pleo.io/*'))?.text).toBe('✓');

  // The tab that leaves Pleo loses its badge; found by its id, since its URL is no longer ours to see.
  const productionTabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://app.pleo.io/*' }))[0]?.id,
  );
  await production.goto('https://example.com/');
  await expect
    .poll(() =>
      serviceWorker.evaluate(
        (tabId) => chrome.action.getBadgeText({ tabId: tabId as number }),
        productionTabId,
      ),
    )
    .toBe('');
  expect((await badgeOf(serviceWorker, 'https://app.staging.pleo.io/*'))?.text).toBe('!');
});
