/**
 * Reliability 8 (end-to-end) — corrupt or old state on disk. The profile is written with data from
 * an earlier storage version, truncated values, wrong types and unknown keys, then the browser is
 * started again on it: nothing crashes, unusable data is reset and shown in the report, good fields
 * are kept, detection goes on, and a further start (running the migrations again) changes nothing.
 * (Every case one by one: tests/unit/storage/.) Personal labels and company names kept before the
 * privacy rule existed are removed on reading, the same way (tests/unit/storage/personal.test.ts).
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';
import { normaliseText } from '../../../lib/privacy';
import type { ObservationRecord } from '../../../lib/state/merge';
import { builtExtension, extensionWorker } from '../../../sim/browser';
import { routePleo } from '../../../sim/serve';
import { expect, test } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { PERSONAL_LABELS, PERSONAL_PIECES } from './hostile-strings';
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

/**
 * Starts the browser on a profile and has `write` put state in the extension's storage from one of
 * its pages, as an earlier or broken build would have left it; then closes. The worker is stopped
 * first, so its own start-up repair cannot meet the writes half-way.
 */
async function writeOnProfile(
  extensionDir: string,
  profile: string,
  write: (writer: Page) => Promise<unknown>,
): Promise<void> {
  const context = await launchOnProfile(extensionDir, profile);
  try {
    const worker = await extensionWorker(context);
    const writer = await context.newPage();
    await writer.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await stopServiceWorker(context, writer);
    await write(writer);
  } finally {
    await context.close();
  }
}

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
    // First start: write the damaged state as if an older or broken build had left it.
    await writeOnProfile(extensionDir, profile, (writer) =>
      writer.evaluate(async (damaged) => {
        await chrome.storage.local.remove(['environment:production$']);
        await chrome.storage.local.set(damaged);
      }, DAMAGED),
    );

    // Second start on the same profile: the worker reads (and repairs) everything on startup.
    let context = await launchOnProfile(extensionDir, profile);
    const errors = watchErrors(context);
    let worker = await extensionWorker(context);
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

/** The personal pieces in a text, read raw and as it reads; a piece within a word ("does") is not one. */
function piecesIn(text: string): string[] {
  const forms = [text.toLowerCase(), normaliseText(text).toLowerCase()];
  const alone = (piece: string) => new RegExp(`(?<!\\p{L})${piece.replace(/[.]/g, '\\.')}(?!\\p{L})`, 'u');
  return PERSONAL_PIECES.filter((piece) => forms.some((form) => alone(piece).test(form)));
}

/** What a page shows, as the user reads it (innerText: the rendered text, words kept apart). */
const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the markup's
  page.locator('body').innerText();

/**
 * What a version before the privacy rule could keep (issue 22): the ten personal labels taught,
 * quoted as evidence, and two secret company names. Record and organisations at their current
 * storage versions: only the privacy rule finds anything wrong with them.
 */
function personalState(): Record<string, unknown> {
  const learnedAt = 1_700_000_040_000;
  const quoted = PERSONAL_LABELS.map((detail) => ({ check: 'role', signal: 'learned-label', detail }));
  const record = (checkedAt: number) => ({
    ...VERSION_1_RECORD,
    evidence: [...VERSION_1_RECORD.evidence, ...quoted.slice(0, 3)],
    checkedAt,
    history: [],
  });
  const company = (id: string, name: string, checkedAt: number) => ({
    id: id.repeat(32),
    name,
    record: record(checkedAt),
  });
  return {
    learnedLabels: {
      production: [
        ...PERSONAL_LABELS.map((label) => ({ kind: 'apiKeys', label, language: 'en', learnedAt })),
        { kind: 'apiKeys', label: 'Developer access', language: 'en', learnedAt },
      ],
      staging: PERSONAL_LABELS.map((label) => ({
        kind: 'role',
        label,
        language: 'en',
        role: 'admin',
        learnedAt,
      })),
    },
    learnedLabels$: { v: 1 },
    'environment:production': {
      ...record(1_700_000_030_000),
      evidence: [...VERSION_1_RECORD.evidence, ...quoted],
    },
    'environment:production$': { v: 2 },
    'organisations:production': [
      company('a', 'Acme Nordic ApS', 1_700_000_031_000),
      company('b', '４５３２ ０１２３ ４５６７ ８９０１', 1_700_000_032_000),
      // Checked last: the company the card leads with.
      company('c', 'jane.doe＠acme.example', 1_700_000_033_000),
    ],
    'organisations:production$': { v: 1 },
  };
}

test('reliability 8: personal labels and company names an earlier version kept are gone from storage, popup, options and reports after the update', async () => {
  test.setTimeout(120_000);
  const extensionDir = builtExtension('chrome-mv3');
  const profile = temporaryFolder('pleo-checker-personal-');
  try {
    await writeOnProfile(extensionDir, profile, async (writer) => {
      await writer.evaluate((state) => chrome.storage.local.set(state), personalState());
      expect(piecesIn(JSON.stringify(await readLocalStorage(writer))).length).toBe(PERSONAL_PIECES.length);
    });

    // Started again, as after an update: the worker reads (and repairs) everything on startup.
    const context = await launchOnProfile(extensionDir, profile);
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const resets = async () =>
      (((await readLocalStorage(worker)).resets ?? []) as { item: string; reason: string }[])
        .map((r) => `${r.item} ${r.reason}`)
        .sort();
    await expect
      .poll(resets)
      .toEqual(
        [
          'learnedLabels personal-or-secret',
          'environment:production personal-or-secret',
          'organisations:production personal-or-secret',
        ].sort(),
      );
    const repaired = await readLocalStorage(worker);
    expect(piecesIn(JSON.stringify(repaired))).toEqual([]);
    expect(repaired.learnedLabels).toEqual({
      production: [
        { kind: 'apiKeys', label: 'Developer access', language: 'en', learnedAt: 1_700_000_040_000 },
      ],
      staging: [],
    });
    const companies = repaired['organisations:production'] as { name: string; record: ObservationRecord }[];
    expect(companies.map((c) => c.name)).toEqual(['Acme Nordic ApS', '[name]', '[name]']);
    expect(companies.every((c) => c.record.role.value.value === 'admin')).toBe(true);
    expect((repaired['environment:production'] as ObservationRecord).evidence).toEqual(
      VERSION_1_RECORD.evidence,
    );

    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    await expect(popup.environment('production').locator('[data-organisation="current"]')).toHaveText(
      'Company: [name]',
    );
    await popup.page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    const json = (await popup.page.locator('[data-report-preview="json"]').textContent()) ?? '';
    const markdown = (await popup.page.locator('[data-report-preview="markdown"]').textContent()) ?? '';
    expect(markdown).toContain("'Developer access'");
    for (const [where, text] of [
      ['popup', await shownText(popup.page)],
      ['JSON report', json],
      ['Markdown report', markdown],
    ]) {
      expect(piecesIn(text!), where).toEqual([]);
    }
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('button', { name: /Forget.*Developer access/ })).toBeVisible();
    expect(piecesIn(await shownText(options))).toEqual([]);
    console.info(
      `reliability 8 (personal): ${PERSONAL_LABELS.length * 2} taught labels, ${PERSONAL_LABELS.length + 3 * 3} evidence lines and 2 company names an earlier version kept: repaired on start (3 resets logged), 0 personal pieces in storage, popup, options and both reports`,
    );
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
