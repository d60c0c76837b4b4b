/**
 * Reliability 8 (unit) — corrupt or old state. Whatever the stored data is (truncated, of the wrong
 * type, with keys this version does not know, or written by any earlier storage version), the
 * background never crashes: unusable data is reset and logged (the report shows the log), usable
 * fields are kept, and running a migration twice gives what running it once gives.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { buildReport } from '../../../lib/report/build';
import { type EnvironmentRecord, emptyRecord } from '../../../lib/state/merge';
import { STORED, type StoredName } from '../../../lib/storage/items';
import { environmentItems, profileItem, settingsItem } from '../../../lib/storage/reader';
import { readStored } from '../../../lib/storage/repair';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION, type StorageReset } from '../../../lib/types';
import { englishT } from '../report/fixtures';

const NOW = 1_700_000_000_000;
const raw = () => fakeBrowser.storage.local.get();
const keyOf = (name: StoredName) => STORED[name].key.replace(/^\w+:/, '');

/** A production record as the current version (storage version 2) writes it. */
const GOOD_RECORD: EnvironmentRecord = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 30 },
  apiKeysEntry: { value: 'absent', seenAt: 20 },
  legacyApiEntry: { value: 'visible', seenAt: 20 },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 10 },
  evidence: [
    { check: 'apiKeysEntry', signal: 'settings-list', detail: 'Settings list without API Keys' },
    { check: 'role', signal: 'role-label', detail: 'Admin' },
  ],
  // The last page showed none of the facts for certain: it is later than every fact's time.
  checkedAt: 35,
  rulesVersion: 1,
  history: [{ verdict: 'not-enabled', at: 20 }],
};

/**
 * Every earlier storage version of every item, as that version wrote it, and what it reads as now.
 * A new version without an entry here fails the first test below.
 */
const EARLIER_VERSIONS: { [N in StoredName]: Record<number, { stored: unknown; current: unknown }> } = {
  production: {
    // Version 1, the first release, kept no history.
    1: {
      stored: { ...GOOD_RECORD, history: undefined },
      current: { ...GOOD_RECORD, history: [] },
    },
  },
  staging: {
    1: {
      stored: { ...GOOD_RECORD, environment: 'staging', history: undefined },
      current: { ...GOOD_RECORD, environment: 'staging', history: [] },
    },
  },
  profile: {},
  settings: {},
  dismissedHints: {},
  resets: {},
  writeFailure: {},
};

/** JSON drops `undefined` fields, as storage does. */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value));

async function store(values: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.local.set(asStored(values));
}

beforeEach(() => {
  fakeBrowser.reset();
  // WXT reports a failed migration on the console; these tests check what follows from it instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('data from every earlier storage version', () => {
  it('has a fixture for every earlier version of every item', () => {
    for (const name of Object.keys(STORED) as StoredName[]) {
      const versions = Object.keys(EARLIER_VERSIONS[name]).map(Number);
      const earlier = Array.from({ length: STORED[name].version - 1 }, (_, i) => i + 1);
      expect(versions, name).toEqual(earlier);
    }
  });

  const cases = (Object.keys(EARLIER_VERSIONS) as StoredName[]).flatMap((name) =>
    Object.entries(EARLIER_VERSIONS[name]).map(([version, fixture]) => ({
      name,
      version: Number(version),
      ...fixture,
    })),
  );

  it.each(cases)(
    '$name version $version is migrated, kept whole and not logged as a reset',
    async (fixture) => {
      const key = keyOf(fixture.name);
      await store({ [key]: fixture.stored, [`${key}$`]: { v: fixture.version } });
      const writer = openStorageForWriting(() => NOW);
      expect(await writer.get(fixture.name)).toEqual(fixture.current);
      const after = await raw();
      expect(after[key]).toEqual(fixture.current);
      expect(after[`${key}$`]).toEqual({ v: STORED[fixture.name].version });
      expect(after.resets).toBeUndefined();
    },
  );

  it.each(cases)('$name version $version: a migration run twice equals once', async (fixture) => {
    const item = STORED[fixture.name];
    const migrations: Record<number, (value: unknown) => unknown> = item.migrations;
    // Each migration, applied to its own result, changes nothing more.
    let once: unknown = asStored(fixture.stored);
    for (let version = fixture.version + 1; version <= item.version; version++) {
      const migrate = migrations[version] ?? ((value: unknown) => value);
      once = migrate(once);
      expect(migrate(structuredClone(once)), `migration to v${version}`).toEqual(once);
    }

    // The whole store: a second start over migrated data, and a migration whose version mark was
    // lost (the value written, the mark not), both leave storage exactly as one run left it.
    const key = keyOf(fixture.name);
    await store({ [key]: fixture.stored, [`${key}$`]: { v: fixture.version } });
    await openStorageForWriting(() => NOW).repairAll();
    const afterOnce = await raw();
    await openStorageForWriting(() => NOW + 1).repairAll();
    expect(await raw()).toEqual(afterOnce);
    await fakeBrowser.storage.local.set({ [`${key}$`]: { v: fixture.version } });
    await openStorageForWriting(() => NOW + 2).repairAll();
    expect(await raw()).toEqual(afterOnce);
  });

  it('the popup reads an earlier version migrated in memory and leaves storage alone', async () => {
    await store({ 'environment:production': EARLIER_VERSIONS.production[1]!.stored });
    const before = await raw();
    expect(await environmentItems.production.getValue()).toEqual(EARLIER_VERSIONS.production[1]!.current);
    expect(await raw()).toEqual(before);
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

  it('the options page and popup read the good fields without writing', async () => {
    await store({ profile: { kind: 'partner', stage: 17 }, settings: { hintEnabled: false, colour: 'red' } });
    const before = await raw();
    expect(await profileItem.getValue()).toEqual({ ...DEFAULT_PROFILE, kind: 'partner' });
    expect(await settingsItem.getValue()).toEqual({ hintEnabled: false });
    expect(await raw()).toEqual(before);
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

describe('the background over everything corrupt at once', () => {
  it('answers, records the observation, and the report lists every reset', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => name);
    await store({
      'environment:production': { ...GOOD_RECORD, checkedAt: 'x', surprise: true },
      'environment:production$': { v: 2 },
      'environment:staging': JSON.stringify(GOOD_RECORD).slice(0, 50),
      profile: { kind: 'partner', stage: null },
      settings: 7,
      dismissedHints: { 0: 'production:ready' },
      resets: 'none',
    });
    background.main();
    // An update starts the worker: it reads (and repairs) every item before the first message.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    const sender = {
      id: fakeBrowser.runtime.id,
      url: 'https://app.pleo.io/settings',
      origin: 'https://app.pleo.io',
      frameId: 0,
      tab: { id: 3 },
    } as Browser.runtime.MessageSender;
    const observation = { ...EMPTY_OBSERVATION, signedIn: 'yes' };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'observation', observation },
      sender,
      () => undefined,
    );
    expect(answer).toEqual({ ok: true });

    const after = await raw();
    const production = after['environment:production'] as EnvironmentRecord;
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
      extension: { name: 'Pleo API Access Checker', version: '0.1.0', rulesVersion: RULES_VERSION },
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
