// @vitest-environment happy-dom
/**
 * Reliability 10 (unit) — storage full. A write the browser refuses is noted in session storage
 * (local storage is what is full), shown by the popup as an alert and carried in both reports;
 * earlier data stays as it was. And the extension's own storage stays small however long it runs.
 */
import { h, render } from 'preact';
import * as v from 'valibot';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WriteFailureAlert } from '../../../components/WriteFailureAlert';
import type { Translate } from '../../../lib/guidance/translate';
import { createWriteQueue } from '../../../lib/messages/handlers';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import { reportMarkdown } from '../../../lib/report/markdown';
import { ReportSchema } from '../../../lib/report/schema';
import { writeFailureItem } from '../../../lib/storage/reader';
import { storedRecords } from '../../../lib/storage/records';
import { openStorageForWriting } from '../../../lib/storage/writer';
import type { Evidence, Observation, WriteFailure } from '../../../lib/types';
import { CHECKS, DEFAULT_PROFILE, EMPTY_OBSERVATION, ROLE_VALUES } from '../../../lib/types';
import { englishT, reportInput } from '../report/fixtures';

const NOW = 1_700_000_000_000;
/** What Chrome's storage.local says when its 10 MB quota would be exceeded. */
const QUOTA_ERROR = new Error('Resource::kQuotaBytes quota exceeded');

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

beforeEach(() => {
  fakeBrowser.reset();
});

const session = () => fakeBrowser.storage.session.get();
const local = () => fakeBrowser.storage.local.get();

/** Makes storage.local refuse every write from now on, as a full disk or quota does. */
function fillLocalStorage(error = QUOTA_ERROR) {
  return vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(error);
}

describe('a refused write', () => {
  it('is noted in session storage as storage-full, and thrown, with the stored value untouched', async () => {
    const writer = openStorageForWriting(() => NOW);
    await writer.set('settings', { hintEnabled: false });
    fillLocalStorage();
    await expect(writer.set('settings', { hintEnabled: true })).rejects.toThrow(/quota/);
    expect((await session()).writeFailure).toEqual({ item: 'settings', at: NOW, reason: 'storage-full' });
    vi.restoreAllMocks();
    expect((await local()).settings).toEqual({ hintEnabled: false });
    expect(await writeFailureItem.getValue()).toEqual({ item: 'settings', at: NOW, reason: 'storage-full' });
  });

  it('for any other reason is noted as write-failed', async () => {
    fillLocalStorage(new Error('IO error: database is locked'));
    await expect(openStorageForWriting(() => NOW).set('profile', DEFAULT_PROFILE)).rejects.toThrow();
    expect((await session()).writeFailure).toEqual({ item: 'profile', at: NOW, reason: 'write-failed' });
  });

  it('stays noted until the same item is written again, or everything is forgotten', async () => {
    const writer = openStorageForWriting(() => NOW);
    const refuse = fillLocalStorage();
    await expect(writer.set('settings', { hintEnabled: false })).rejects.toThrow();
    refuse.mockRestore();
    await writer.set('profile', DEFAULT_PROFILE);
    expect((await session()).writeFailure).toMatchObject({ item: 'settings' });
    await writer.set('settings', { hintEnabled: false });
    expect((await session()).writeFailure).toBeUndefined();

    fillLocalStorage();
    await expect(writer.set('settings', { hintEnabled: true })).rejects.toThrow();
    vi.restoreAllMocks();
    await writer.forgetEverything();
    expect((await session()).writeFailure).toBeUndefined();
  });

  it('in the background: the observation is answered as failed, noted, and the earlier record kept', async () => {
    const records = storedRecords(openStorageForWriting());
    const write = createWriteQueue();
    const deliver = (observation: Partial<Observation>) =>
      write(() => records.observe('production', { ...EMPTY_OBSERVATION, ...observation }));

    expect(await deliver({ signedIn: 'yes', apiKeysEntry: 'visible' })).toEqual({ ok: true });
    const before = await local();
    fillLocalStorage();
    expect(await deliver({ signedIn: 'no' })).toEqual({ ok: false, error: 'write-failed' });
    vi.restoreAllMocks();
    expect(await local()).toEqual(before);
    expect((await session()).writeFailure).toMatchObject({
      item: 'environment:production',
      reason: 'storage-full',
    });
  });
});

describe('the popup and the report', () => {
  let container: HTMLElement;
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  function showAlert(failure: WriteFailure | null): HTMLElement {
    container = document.createElement('div');
    document.body.append(container);
    render(h(WriteFailureAlert, { failure, t }), container);
    return container;
  }

  it('the popup shows a clear alert when storage is full, another for other failures, none otherwise', () => {
    const full = showAlert({ item: 'environment:production', at: NOW, reason: 'storage-full' });
    expect(full.querySelector('[role="alert"]')?.textContent).toBe(t('popup.storageFull'));
    expect(t('popup.storageFull')).toMatch(/could not be saved.*storage.*full/i);
    render(h(WriteFailureAlert, { failure: { item: 'profile', at: NOW, reason: 'write-failed' }, t }), full);
    expect(full.querySelector('[role="alert"]')?.textContent).toBe(t('popup.writeFailed'));
    render(h(WriteFailureAlert, { failure: null, t }), full);
    expect(full.innerHTML).toBe('');
  });

  it('both reports carry the failure; a report without one is unchanged (schemaVersion 1)', () => {
    const failure: WriteFailure = { item: 'environment:production', at: NOW, reason: 'storage-full' };
    const report = buildReport(reportInput(t, { writeFailure: failure }));
    expect(report.storageWriteFailure).toEqual({
      item: 'environment:production',
      at: new Date(NOW).toISOString(),
      reason: 'storage-full',
    });
    expect(v.safeParse(ReportSchema, report).issues).toBeUndefined();
    expect(JSON.parse(reportJson(report)).storageWriteFailure.reason).toBe('storage-full');
    const markdown = reportMarkdown(report, t);
    expect(markdown).toContain(
      `## ${t('report.markdown.writeFailure')}\n\n${t('report.markdown.writeFailureHelp')}`,
    );
    expect(markdown).toContain(
      `| environment:production | \`${new Date(NOW).toISOString()}\` | \`storage-full\` |`,
    );

    const without = buildReport(reportInput(t, { writeFailure: null }));
    expect(without).not.toHaveProperty('storageWriteFailure');
    expect(v.is(ReportSchema, without)).toBe(true);
    expect(reportMarkdown(without, t)).not.toContain(t('report.markdown.writeFailure'));
  });
});

/** Chrome's count for storage.local: each key's length plus its value as JSON. */
function bytesInUse(items: Record<string, unknown>): number {
  return Object.entries(items).reduce(
    (sum, [key, value]) => sum + key.length + JSON.stringify(value).length,
    0,
  );
}

/** Observation number `i` of many: every value, and evidence as long as a message may carry. */
function observation(i: number): Observation {
  const evidence: Evidence[] = Array.from({ length: 24 }, (_, line) => ({
    check: CHECKS[(i + line) % CHECKS.length]!,
    signal: `signal-${i}-${line}`.padEnd(40, 's'),
    detail: `detail ${i} ${line}`.padEnd(80, 'd'),
  }));
  return {
    signedIn: (['yes', 'yes', 'yes', 'no', 'unknown'] as const)[i % 5]!,
    apiKeysEntry: (['visible', 'absent', 'unknown'] as const)[i % 3]!,
    legacyApiEntry: (['visible', 'absent', 'unknown'] as const)[(i >> 1) % 3]!,
    role: { value: ROLE_VALUES[i % ROLE_VALUES.length]!, confidence: 'high', source: 'detected' },
    evidence,
  };
}

it('10,000 detections in both environments keep the stored data under 100 kB', async () => {
  const records = storedRecords(openStorageForWriting());
  const write = createWriteQueue();
  for (let i = 0; i < 10_000; i++) {
    const environment = i % 2 === 0 ? 'production' : 'staging';
    expect(await write(() => records.observe(environment, observation(i)))).toEqual({ ok: true });
  }
  const bytes = bytesInUse(await local());
  console.info(`reliability 10 (unit): storage after 10,000 detections: ${bytes} bytes`);
  expect(bytes).toBeLessThan(100_000);
}, 60_000);
