/**
 * Reliability 8 (unit) — corrupt or old state. Whatever the stored data is (truncated, of the wrong
 * type, with keys this version does not know, or written by any earlier storage version), the
 * background never crashes: unusable data is reset and logged (the report shows the log), usable
 * fields are kept, and running a migration twice gives what running it once gives.
 *
 * Here, the background's writer and records over everything corrupt at once. Case by case: every earlier version
 * and migrations run twice in ./migrations.test.ts; damaged fields, unusable records and the other
 * items in ./repair.test.ts; the popup's and options page's reads in ./reader.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { createWriteQueue } from '../../../lib/messages/handlers';
import { buildReport } from '../../../lib/report/build';
import type { ObservationRecord } from '../../../lib/state/merge';
import { storedRecords } from '../../../lib/storage/records';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION, type StorageReset } from '../../../lib/types';
import { englishT } from '../report/fixtures';
import { GOOD_RECORD, NOW, raw, resetStorage, store } from './fixtures';

beforeEach(resetStorage);

describe('the background over everything corrupt at once', () => {
  it('answers, records the observation, and the report lists every reset', async () => {
    await store({
      'environment:production': { ...GOOD_RECORD, checkedAt: 'x', surprise: true },
      'environment:production$': { v: 2 },
      'environment:staging': JSON.stringify(GOOD_RECORD).slice(0, 50),
      profile: { kind: 'partner', stage: null },
      settings: 7,
      dismissedHints: { 0: 'production:ready' },
      resets: 'none',
    });
    const writer = openStorageForWriting();
    const write = createWriteQueue();
    // An update starts the worker: it reads (and repairs) every item before the first message.
    void write(writer.repairAll);
    const observation = { ...EMPTY_OBSERVATION, signedIn: 'yes' } as const;
    const answer = await write(() => storedRecords(writer).observe('production', observation));
    expect(answer).toEqual({ ok: true });

    const after = await raw();
    const production = after['environment:production'] as ObservationRecord;
    // The good facts stayed, the observation was merged in, and the bad field was reset before it.
    expect(production.role).toEqual(GOOD_RECORD.role);
    expect(production.apiKeysEntry).toEqual(GOOD_RECORD.apiKeysEntry);
    expect(production.signedIn.value).toBe('yes');
    expect(production.checkedAt).toBeTypeOf('number');
    expect(after['environment:staging']).toBeUndefined();

    const resets = after.resets as Omit<StorageReset, 'at'>[];
    const report = buildReport({
      records: { production },
      profile: DEFAULT_PROFILE,
      resets: resets.map((reset) => ({ ...reset, at: NOW })),
      now: NOW,
      extension: { name: 'API Access Checker for Pleo', version: '0.1.0', rulesVersion: RULES_VERSION },
      browser: { name: 'Chrome', version: '131' },
      uiLanguage: 'en',
      t: await englishT(),
    });
    expect(report.storageResets.map((reset) => `${reset.item} ${reset.reason}`).sort()).toEqual(
      [
        'dismissedHints corrupt',
        'environment:production unknown-fields',
        'environment:production.checkedAt corrupt',
        'environment:staging unreadable-older-version',
        'profile.declaredRoles corrupt',
        'profile.stage corrupt',
        'resets corrupt',
        'settings corrupt',
      ].sort(),
    );
  });
});
