/**
 * Reliability 10 — storage full. With storage.local filled to within a few hundred bytes of its
 * quota, the next record cannot be written: the popup says so in an alert, both reports carry it,
 * and everything stored before is intact. Once there is room again the next report is stored and
 * the alert goes. And 10,000 detections keep the extension's own storage under 100 kB.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import type { ObservationRecord } from '../../../lib/state/merge';
import type { Evidence, Observation } from '../../../lib/types';
import { CHECKS, ROLE_VALUES } from '../../../lib/types';
import { expect, test, visit } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { type ChromeApi, contentWorld } from './state-helpers';

declare const chrome: ChromeApi;

/** Room left after the filler: less than any environment record needs. */
const ROOM_LEFT = 200;

async function downloaded(page: Page, button: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await (download as Download).path()) as string, 'utf8');
}

test('reliability 10: near the quota a refused write shows in the popup and both reports, and earlier data stays intact', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(90_000);
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const before = await readLocalStorage(serviceWorker);

  const filled = await serviceWorker.evaluate(async (roomLeft) => {
    const used = await chrome.storage.local.getBytesInUse(null);
    // storage.local counts each key's length plus its value as JSON (a string's two quotes included).
    const length = chrome.storage.local.QUOTA_BYTES - used - 'filler'.length - 2 - roomLeft;
    await chrome.storage.local.set({ filler: 'x'.repeat(length) });
    return { used: await chrome.storage.local.getBytesInUse(null), quota: chrome.storage.local.QUOTA_BYTES };
  }, ROOM_LEFT);
  expect(filled.quota - filled.used).toBe(ROOM_LEFT);

  // Staging has no record yet: storing its first one needs more room than is left.
  const staging = await context.newPage();
  await staging.goto('https://app.staging.pleo.io/settings');
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.storage.session.get('writeFailure')).writeFailure),
    )
    .toMatchObject({ item: 'environment:staging', reason: 'storage-full' });

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const alert = popup.page.getByRole('alert');
  await expect(alert).toHaveText(
    "The latest result could not be saved: the browser's storage for this extension is full. What you see is from earlier checks.",
  );
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');

  const json = JSON.parse(await downloaded(popup.page, /JSON/));
  expect(json.schemaVersion).toBe(1);
  expect(json.storageWriteFailure).toMatchObject({ item: 'environment:staging', reason: 'storage-full' });
  const markdown = await downloaded(popup.page, /Markdown/);
  expect(markdown).toContain('## Last save that failed');
  expect(markdown).toMatch(/\| environment:staging \| `[^`]+` \| `storage-full` \|/);

  // Earlier data intact: every item stored before is exactly as it was, and the filler too.
  const during = await readLocalStorage(serviceWorker);
  const { filler, ...rest } = during;
  expect((filler as string).length).toBeGreaterThan(10_000_000);
  expect(rest['environment:production']).toEqual(before['environment:production']);
  expect(rest['environment:staging']).toBeUndefined();

  // Room again: the next report is stored, and the alert goes.
  await serviceWorker.evaluate(() => chrome.storage.local.remove('filler'));
  await visit(staging, 'https://app.staging.pleo.io/settings', serviceWorker);
  await expect(alert).toHaveCount(0);
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'ready');
  expect(pleo.strayRequests).toEqual([]);
  console.info(
    `reliability 10: storage filled to ${filled.used} of ${filled.quota} bytes; the refused write was shown in the popup, the JSON and the Markdown; earlier data intact`,
  );
});

/** Observation number `i` of many: every value in turn, with as much evidence as a message may carry. */
function observationNumber(i: number): Observation {
  const evidence: Evidence[] = Array.from({ length: 24 }, (_, line) => ({
    check: CHECKS[(i + line) % CHECKS.length]!,
    signal: `signal ${i} ${line}`.padEnd(40, 's'),
    detail: `detail ${i} ${line}`.padEnd(80, 'd'),
  }));
  return {
    signedIn: (['yes', 'yes', 'yes', 'no', 'unknown'] as const)[i % 5]!,
    apiKeysEntry: (['visible', 'absent', 'unknown'] as const)[i % 3]!,
    legacyApiEntry: (['visible', 'absent', 'unknown'] as const)[Math.floor(i / 2) % 3]!,
    role: { value: ROLE_VALUES[i % ROLE_VALUES.length]!, confidence: 'high', source: 'detected' },
    evidence,
  };
}

test('reliability 10: 10,000 detections in both environments keep the extension storage under 100 kB', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(240_000);
  pleo.serve('production', {});
  pleo.serve('staging', {});
  const tabs = [];
  for (const origin of ['https://app.pleo.io', 'https://app.staging.pleo.io']) {
    const page = await context.newPage();
    await visit(page, `${origin}/settings`, serviceWorker);
    tabs.push(await contentWorld(context, page, extensionId));
  }

  const PER_TAB = 5_000;
  const CHUNK = 100;
  const started = Date.now();
  let acknowledged = 0;
  for (let offset = 0; offset < PER_TAB; offset += CHUNK) {
    const answers = await Promise.all(
      tabs.map((world, tab) =>
        world.run(
          (reports) =>
            Promise.all(
              reports.map((observation) =>
                chrome.runtime.sendMessage({ type: 'observation', observation }).then(
                  (answer) => JSON.stringify(answer),
                  (error: Error) => error.message,
                ),
              ),
            ),
          Array.from({ length: CHUNK }, (_, i) => observationNumber(2 * (offset + i) + tab)),
        ),
      ),
    );
    acknowledged += answers.flat().filter((answer) => answer === '{"ok":true}').length;
  }
  const elapsed = Date.now() - started;
  expect(acknowledged).toBe(2 * PER_TAB);

  const bytes = await serviceWorker.evaluate(() => chrome.storage.local.getBytesInUse(null));
  const stored = await readLocalStorage(serviceWorker);
  const history = (stored['environment:production'] as ObservationRecord).history.length;
  console.info(
    `reliability 10: ${acknowledged} detections stored in ${elapsed} ms; storage.local in use: ${bytes} bytes (${Object.keys(stored).length} keys, production history ${history} entries)`,
  );
  expect(bytes).toBeLessThan(100_000);
});
