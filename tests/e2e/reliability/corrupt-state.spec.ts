/**
 * Reliability 8 (end-to-end) — corrupt or old state on disk. The profile is written with data from
 * an earlier storage version, truncated values, wrong types and unknown keys, then the browser is
 * started again on it: nothing crashes, unusable data is reset and shown in the report, good fields
 * are kept, detection goes on, and a further start (running the migrations again) changes nothing.
 * (Every case one by one: tests/unit/storage/.)
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, ConsoleMessage } from '@playwright/test';
import type { ObservationRecord } from '../../../lib/state/merge';
import { builtExtension, extensionWorker } from '../../../sim/browser';
import { routePleo } from '../../../sim/serve';
import { expect, test } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { type ChromeApi, launchOnProfile, stopServiceWorker, temporaryFolder } from './state-helpers';

declare const chrome: ChromeApi;

/** A production record as the first release (storage version 1, no history) wrote it. */
const VERSION_1_RECORD = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 1_700_000_030_000 },
  apiKeysEntry: { value: 'absent', seenAt: 1_700_000_020_000 },
  legacyApiEntry: { value: 'visible', seenAt: 1_700_000_020_000 },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 1_700_000_010_000 },
  evidence: [{ check: 'apiKeysEntry', signal: 'settings-list', detail: 'Settings list without API Keys' }],
  checkedAt: 1_700_000_030_000,
  rulesVersion: 1,
};

const DAMAGED: Record<string, unknown> = {
  // An earlier storage version (no version mark) with a wrong type and a key no version knows.
  'environment:production': { ...VERSION_1_RECORD, checkedAt: 'yesterday', colour: 'red' },
  // Cut off part-way, as a crash while writing might leave it.
  'environment:staging': JSON.stringify({ ...VERSION_1_RECORD, environment: 'staging' }).slice(0, 90),
  'environment:staging$': { v: 2 },
  profile: { kind: 'partner', stage: 42, declaredRoles: { production: 'admin' } },
  settings: { hintEnabled: false, theme: 'dark' },
  dismissedHints: 'production:ready',
  resets: [{ item: 5 }],
  // Not ours: left exactly as it is.
  'someone-else': { hello: 1 },
};

/** Every error the extension's pages and worker print while the browser runs. */
function watchErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  return errors;
}

test('reliability 8: corrupt and old state on disk: no crash, bad data reset and reported, good fields kept, a second start changes nothing', async () => {
  test.setTimeout(120_000);
  const extensionDir = builtExtension('chrome-mv3');
  const profile = temporaryFolder('pleo-checker-corrupt-');
  try {
    // First start: write the damaged state as if an older or broken build had left it. The worker
    // is stopped first, so its own start-up repair cannot meet the writes half-way.
    let context = await launchOnProfile(extensionDir, profile);
    let worker = await extensionWorker(context);
    const writer = await context.newPage();
    await writer.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await stopServiceWorker(context, writer);
    await writer.evaluate(async (damaged) => {
      await chrome.storage.local.remove(['environment:production$']);
      await chrome.storage.local.set(damaged);
    }, DAMAGED);
    await context.close();

    // Second start on the same profile: the worker reads (and repairs) everything on startup.
    context = await launchOnProfile(extensionDir, profile);
    const errors = watchErrors(context);
    worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    await expect
      .poll(async () => ((await readLocalStorage(worker)).resets as unknown[] | undefined)?.length ?? 0)
      .toBe(7);
    const repaired = await readLocalStorage(worker);

    const production = repaired['environment:production'] as ObservationRecord;
    // Migrated (history added, version 2) and its good fields kept; the bad one taken from the facts.
    expect(production).toEqual({
      ...VERSION_1_RECORD,
      checkedAt: VERSION_1_RECORD.signedIn.seenAt,
      history: [],
    });
    expect(repaired['environment:production$']).toEqual({ v: 2 });
    expect(repaired['environment:staging']).toBeUndefined();
    expect(repaired.profile).toEqual({
      kind: 'partner',
      stage: 'unknown',
      declaredRoles: { production: 'admin' },
    });
    expect(repaired.settings).toEqual({ hintEnabled: false });
    expect(repaired.dismissedHints).toBeUndefined();
    expect(repaired['someone-else']).toEqual({ hello: 1 });
    const logged = (repaired.resets as { item: string; reason: string }[]).map(
      (r) => `${r.item} ${r.reason}`,
    );
    expect(logged.sort()).toEqual(
      [
        'resets corrupt',
        'environment:production.checkedAt corrupt',
        'environment:production unknown-fields',
        'environment:staging corrupt',
        'profile.stage corrupt',
        'settings unknown-fields',
        'dismissedHints corrupt',
      ].sort(),
    );

    // The popup reads it without a crash, and the report lists every reset.
    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
    await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');
    const json = JSON.parse((await popup.page.locator('[data-report-preview="json"]').textContent()) ?? '');
    expect(json.storageResets.map((r: { item: string }) => r.item).sort()).toEqual(
      logged.map((entry) => entry.split(' ')[0]).sort(),
    );
    await popup.page.close();

    // Starting once more runs the migrations again: nothing changes, nothing more is logged.
    await context.close();
    context = await launchOnProfile(extensionDir, profile);
    errors.push(...watchErrors(context));
    worker = await extensionWorker(context);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await readLocalStorage(worker)).toEqual(repaired);

    // Detection goes on from the kept facts: a page without the settings list adds to them.
    const pleo = await routePleo(context);
    pleo.serve('production', { role: 'admin' });
    const page = await context.newPage();
    await page.goto('https://app.pleo.io/expenses');
    const checkedAt = async () =>
      ((await readLocalStorage(worker))['environment:production'] as ObservationRecord).checkedAt;
    await expect.poll(checkedAt).toBeGreaterThan(VERSION_1_RECORD.signedIn.seenAt);
    const after = (await readLocalStorage(worker))['environment:production'] as ObservationRecord;
    expect(after.apiKeysEntry).toEqual(VERSION_1_RECORD.apiKeysEntry);
    expect(after.legacyApiEntry).toEqual(VERSION_1_RECORD.legacyApiEntry);
    expect(after.history.map((change) => change.verdict)).toEqual(['not-enabled']);
    expect(errors).toEqual([]);
    console.info(
      `reliability 8: ${logged.length} resets logged and reported, production's good facts kept, a second start changed nothing, errors: ${errors.length}`,
    );
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
