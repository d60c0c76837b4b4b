/**
 * Repair (lib/storage/repair.ts), through the background's reads: a damaged value keeps its usable
 * fields and the rest is reset to the default; a value of which nothing can be kept is reset whole;
 * every reset is logged once. Part of reliability 8 (see ./corrupt-state.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { emptyRecord } from '../../../lib/state/merge';
import { STORED, type StoredName } from '../../../lib/storage/items';
import { readStored } from '../../../lib/storage/repair';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { DEFAULT_PROFILE } from '../../../lib/types';
import { GOOD_RECORD, keyOf, NOW, raw, resetStorage, store, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

describe('corrupt data', () => {
  const corrupt: [string, string, unknown][] = [
    ['a record that is a string', 'environment:production', 'oops'],
    [
      'a record of the other environment',
      'environment:production',
      { ...VERSION_1_RECORD, environment: 'staging', history: [] },
    ],
    // A record or profile with only some unusable fields keeps the rest: below.
    ['settings as a number', 'settings', 42],
    ['dismissed hints of an unknown verdict', 'dismissedHints', ['production:great']],
  ];

  it.each(corrupt)('%s is reset to the default, logged once, without crashing', async (_, key, value) => {
    await fakeBrowser.storage.local.set({
      [key]: value,
      [`${key}$`]: { v: key.startsWith('environment') ? 2 : 1 },
    });
    const writer = openStorageForWriting(() => NOW);
    const name = (Object.keys(STORED) as (keyof typeof STORED)[]).find(
      (n) => STORED[n].key === `local:${key}`,
    )!;
    expect(await writer.get(name)).toEqual(STORED[name].fallback());
    expect(await writer.get(name)).toEqual(STORED[name].fallback());
    const after = await raw();
    expect(after[key]).toBeUndefined();
    expect(after.resets).toEqual([{ item: key, at: NOW, reason: 'corrupt' }]);
  });
});

/** [what is wrong, the stored record's fields that replace the good record's] */
type RecordDamage = [string, Record<string, unknown>, string[]];

describe('a record with unusable fields keeps its good ones', () => {
  const damages: RecordDamage[] = [
    // Truncated: cut off part-way, a fact without its time, an evidence line without its detail.
    [
      'cut off after its first three fields',
      {
        checkedAt: undefined,
        rulesVersion: undefined,
        history: undefined,
        evidence: undefined,
        role: undefined,
        legacyApiEntry: undefined,
      },
      ['legacyApiEntry', 'role', 'evidence', 'checkedAt', 'rulesVersion', 'history'],
    ],
    ['a fact without its time', { apiKeysEntry: { value: 'absent' } }, ['apiKeysEntry']],
    [
      'an evidence line without its detail',
      { evidence: [{ check: 'role', signal: 'role-label' }] },
      ['evidence'],
    ],
    ['a history entry without its time', { history: [{ verdict: 'ready' }] }, ['history']],
    // Wrong types.
    ['checkedAt as a date string', { checkedAt: '2024-01-01' }, ['checkedAt']],
    ['a negative time', { signedIn: { value: 'yes', seenAt: -1 } }, ['signedIn']],
    ['a fractional rules version', { rulesVersion: 1.5 }, ['rulesVersion']],
    ['the role as a bare string', { role: 'admin' }, ['role']],
    ['signedIn as a boolean', { signedIn: { value: true, seenAt: 30 } }, ['signedIn']],
    ['evidence as an object', { evidence: { check: 'role' } }, ['evidence']],
    ['history as a string', { history: 'ready' }, ['history']],
    [
      'an entry state of another release',
      { legacyApiEntry: { value: 'hidden', seenAt: 20 } },
      ['legacyApiEntry'],
    ],
    // Unknown keys inside a field make that field unusable.
    ['a fact with an unknown key', { role: { ...GOOD_RECORD.role, guessedBy: 'x' } }, ['role']],
  ];

  it.each(damages)('%s', async (_, damage, resetFields) => {
    await store({
      'environment:production': { ...GOOD_RECORD, ...damage },
      'environment:production$': { v: 2 },
    });
    const writer = openStorageForWriting(() => NOW);
    const record = await writer.get('production');

    const empty = emptyRecord('production', RULES_VERSION) as unknown as Record<string, unknown>;
    const good = GOOD_RECORD as unknown as Record<string, unknown>;
    for (const field of Object.keys(GOOD_RECORD)) {
      if (field === 'evidence' || field === 'checkedAt') continue;
      const expected = resetFields.includes(field) ? empty[field] : good[field];
      expect((record as unknown as Record<string, unknown>)[field], field).toEqual(expected);
    }
    // When the page was last read follows from the facts kept.
    const keptTimes = (['signedIn', 'apiKeysEntry', 'legacyApiEntry', 'role'] as const)
      .filter((fact) => !resetFields.includes(fact))
      .map((fact) => GOOD_RECORD[fact].seenAt as number);
    expect(record.checkedAt).toBe(resetFields.includes('checkedAt') ? Math.max(...keptTimes) : 35);
    // Evidence goes with the fact it explained.
    const keptEvidence = resetFields.includes('evidence')
      ? []
      : GOOD_RECORD.evidence.filter((e) => !resetFields.includes(e.check));
    expect(record.evidence).toEqual(keptEvidence);

    const after = await raw();
    expect(after['environment:production']).toEqual(record);
    expect(after.resets).toEqual(
      resetFields.map((field) => ({ item: `environment:production.${field}`, at: NOW, reason: 'corrupt' })),
    );
    // Repaired once: reading again changes and logs nothing more.
    expect(await writer.get('production')).toEqual(record);
    expect(await raw()).toEqual(after);
  });

  it('unknown top-level keys are dropped, reported, and everything else kept', async () => {
    await store({
      'environment:production': { ...GOOD_RECORD, addedByANewerBuild: { anything: 1 }, __proto__x: 2 },
      'environment:production$': { v: 2 },
      // A key that is not ours at all is left as it is.
      'someone-else': { hello: 1 },
    });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('production')).toEqual(GOOD_RECORD);
    const after = await raw();
    expect(after['environment:production']).toEqual(GOOD_RECORD);
    expect(after['someone-else']).toEqual({ hello: 1 });
    expect(after.resets).toEqual([{ item: 'environment:production', at: NOW, reason: 'unknown-fields' }]);
  });

  it('an earlier version with an unusable field is migrated and keeps the rest', async () => {
    await store({
      'environment:staging': {
        ...GOOD_RECORD,
        environment: 'staging',
        history: undefined,
        checkedAt: 'yesterday',
      },
    });
    const record = await openStorageForWriting(() => NOW).get('staging');
    expect(record).toEqual({ ...GOOD_RECORD, environment: 'staging', history: [], checkedAt: 30 });
    expect((await raw()).resets).toEqual([
      { item: 'environment:staging.checkedAt', at: NOW, reason: 'corrupt' },
    ]);
  });
});

describe('records that cannot be kept are reset and reported', () => {
  const wholly: [string, unknown, number, string][] = [
    ['a JSON text cut off part-way', JSON.stringify(GOOD_RECORD).slice(0, 120), 2, 'corrupt'],
    ['an empty string', '', 2, 'corrupt'],
    ['a number', 42, 2, 'corrupt'],
    ['an array', [GOOD_RECORD], 2, 'corrupt'],
    ['the other environment', { ...GOOD_RECORD, environment: 'staging' }, 2, 'corrupt'],
    ['no environment at all', { ...GOOD_RECORD, environment: undefined }, 2, 'corrupt'],
    ['a version 1 text', 'garbage', 1, 'unreadable-older-version'],
    ['a version from a newer build', GOOD_RECORD, 3, 'newer-version'],
  ];

  it.each(wholly)('%s', async (_, value, version, reason) => {
    await store({ 'environment:production': value, 'environment:production$': { v: version } });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('production')).toEqual(emptyRecord('production', RULES_VERSION));
    const after = await raw();
    expect(after['environment:production']).toBeUndefined();
    expect(after.resets).toEqual([{ item: 'environment:production', at: NOW, reason }]);
  });
});

describe('the other items', () => {
  const items: [string, StoredName, unknown, unknown, string[]][] = [
    [
      'a profile cut off after its kind',
      'profile',
      { kind: 'partner' },
      { ...DEFAULT_PROFILE, kind: 'partner' },
      ['profile.stage', 'profile.declaredRoles'],
    ],
    [
      'a profile with an unknown kind',
      'profile',
      { kind: 'boss', stage: 'new', declaredRoles: {} },
      { ...DEFAULT_PROFILE, stage: 'new' },
      ['profile.kind'],
    ],
    [
      'declared roles as an array',
      'profile',
      { kind: 'customer', stage: 'existing', declaredRoles: ['admin'] },
      { kind: 'customer', stage: 'existing', declaredRoles: {} },
      ['profile.declaredRoles'],
    ],
    [
      'declaring the role "unknown"',
      'profile',
      { kind: 'partner', stage: 'new', declaredRoles: { staging: 'unknown' } },
      { kind: 'partner', stage: 'new', declaredRoles: {} },
      ['profile.declaredRoles'],
    ],
    [
      'settings with the option as text',
      'settings',
      { hintEnabled: 'no' },
      { hintEnabled: true },
      ['settings.hintEnabled'],
    ],
    ['settings cut off to nothing', 'settings', {}, { hintEnabled: true }, ['settings.hintEnabled']],
    ['dismissed hints as a string', 'dismissedHints', 'production:ready', [], ['dismissedHints']],
    ['a resets log as an object', 'resets', { item: 'x' }, [], ['resets']],
  ];

  it.each(items)('%s', async (_, name, value, expected, loggedItems) => {
    const key = keyOf(name);
    await store({ [key]: value, [`${key}$`]: { v: 1 } });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get(name)).toEqual(expected);
    const resets = (await raw()).resets as { item: string }[];
    expect(resets.map((reset) => reset.item)).toEqual(loggedItems);
  });

  it('readStored names what it had to reset', () => {
    const read = readStored(STORED.profile, { kind: 'partner', stage: 17, extra: 1 }, 1);
    expect(read).toEqual({
      value: { ...DEFAULT_PROFILE, kind: 'partner' },
      repairs: [
        { item: 'profile.stage', reason: 'corrupt' },
        { item: 'profile.declaredRoles', reason: 'corrupt' },
        { item: 'profile', reason: 'unknown-fields' },
      ],
    });
  });
});
