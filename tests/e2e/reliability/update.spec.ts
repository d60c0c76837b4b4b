/**
 * Reliability 9 — update in place. Version N runs from a folder, with a Pleo tab open and its state
 * stored as storage version 1 (what the first release wrote). Then the folder's files are replaced
 * by version N+1 (the manifest version bumped) and the extension reloads, as an update does. Pass:
 * the state is migrated and kept, N's content script in the open tab goes quiet (no uncaught
 * "Extension context invalidated", no stale hint, nothing sent), and N+1's content script works.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import type { ObservationRecord } from '../../../lib/state/merge';
import { builtExtension, extensionWorker } from '../../../sim/browser';
import { routePleo } from '../../../sim/serve';
import { expect, test } from '../fixtures';
import { readLocalStorage } from '../storage';
import { type ChromeApi, collectErrors, launchOnProfile, temporaryFolder } from './state-helpers';

declare const chrome: ChromeApi;

const HINT = '[data-pleo-access-hint]';

test('reliability 9: version N+1 over N: state migrated, the old content script goes quiet, the new one works', async () => {
  test.setTimeout(120_000);
  const build = builtExtension('chrome-mv3');
  const installed = temporaryFolder('pleo-checker-installed-');
  const profile = temporaryFolder('pleo-checker-profile-');
  cpSync(build, installed, { recursive: true });
  const manifestPath = join(installed, 'manifest.json');
  const versionN = JSON.parse(readFileSync(manifestPath, 'utf8')).version as string;
  // Developer mode: the one way Chromium lets an unpacked extension reload itself from its folder.
  const context = await launchOnProfile(installed, profile, { developerMode: true });
  try {
    const workerN = await extensionWorker(context);
    const pleo = await routePleo(context);
    pleo.serve('production', { role: 'admin', apiKeysEnabled: false, legacyApi: true });
    const tab = await context.newPage();
    const errors = await collectErrors(context, tab);
    await tab.goto('https://app.pleo.io/settings');
    const record = async (worker: Worker) =>
      (await readLocalStorage(worker))['environment:production'] as ObservationRecord | undefined;
    await expect.poll(async () => (await record(workerN))?.checkedAt ?? null).not.toBeNull();
    await expect(tab.locator(HINT)).toHaveAttribute('data-verdict', 'not-enabled');

    // Version N's state: the record as storage version 1 kept it (no history, no version mark).
    const { history: _, ...versionOneRecord } = (await record(workerN))!;
    await workerN.evaluate(async (stored) => {
      await chrome.storage.local.remove('environment:production$');
      await chrome.storage.local.set({ 'environment:production': stored });
    }, versionOneRecord);

    // Install N+1 over it: the same build with its version bumped, then reload as an update does.
    cpSync(build, installed, { recursive: true });
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const versionNPlus1 = versionN.replace(/\d+$/, (patch) => String(Number(patch) + 1));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: versionNPlus1 }));
    const nextWorker = context.waitForEvent('serviceworker');
    await workerN.evaluate(() => setTimeout(() => chrome.runtime.reload(), 0));
    const workerN1 = await nextWorker;
    expect(await workerN1.evaluate(() => chrome.runtime.getManifest().version)).toBe(versionNPlus1);

    // Migrated: every fact kept, the history added, the version mark written; nothing reset.
    await expect
      .poll(async () => (await readLocalStorage(workerN1))['environment:production$'])
      .toEqual({ v: 2 });
    const migrated = await readLocalStorage(workerN1);
    expect(migrated['environment:production']).toEqual({ ...versionOneRecord, history: [] });
    expect(migrated.resets).toBeUndefined();
    // No company was known before: the record stays the environment's own ("organisation not
    // identified"), and no company record is made up.
    expect(migrated['organisations:production']).toBeUndefined();

    // The old content script is still in the open tab: the page changes and navigates under it.
    const before = (await record(workerN1))!.checkedAt;
    await tab.evaluate(() => {
      document
        .querySelector('ul[aria-label="Settings"]')
        ?.insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
      history.pushState(null, '', '/settings?after-update');
    });
    await tab.waitForTimeout(2_000);
    // It noticed it was orphaned: its hint is gone and it sent nothing.
    await expect(tab.locator(HINT)).toHaveCount(0);
    expect((await record(workerN1))!.checkedAt).toBe(before);
    expect((await record(workerN1))!.apiKeysEntry.value).toBe('absent');
    const quietErrors = [...errors];

    // The new content script arrives with the next page load and works.
    await tab.reload();
    await expect.poll(async () => (await record(workerN1))!.checkedAt).not.toBe(before);
    // One hint: the new script's (the old one removed its own).
    await expect(tab.locator(HINT)).toHaveCount(1);
    await tab.evaluate(() =>
      document
        .querySelector('ul[aria-label="Settings"]')
        ?.insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>'),
    );
    await expect.poll(async () => (await record(workerN1))!.apiKeysEntry.value).toBe('visible');

    // A page of N+1 that shows its company gets that company's own record; the environment's stays.
    const ownRecord = (await record(workerN1))!;
    pleo.serve('production', {
      role: 'admin',
      apiKeysEnabled: false,
      organisation: 'switcher',
      company: 'Acme ApS',
    });
    await tab.reload();
    await expect
      .poll(
        async () =>
          ((await readLocalStorage(workerN1))['organisations:production'] as unknown[] | undefined)?.length,
      )
      .toBe(1);
    expect(await record(workerN1)).toEqual(ownRecord);

    expect(quietErrors, 'errors while the old content script was orphaned').toEqual([]);
    expect(errors).toEqual([]);
    expect(pleo.strayRequests).toEqual([]);
    console.info(
      `reliability 9: ${versionN} -> ${versionNPlus1}: record migrated from storage version 1 with every fact kept; old content script: nothing stored from it, 0 errors, its hint removed; new content script stored the next page`,
    );
  } finally {
    await context.close();
    for (const folder of [installed, profile])
      rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
