import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { emptyRecord } from '../../../lib/state/merge';
import { RESETS_LIMIT, STORED } from '../../../lib/storage/items';
import { environmentItems, profileItem, resetsItem, settingsItem } from '../../../lib/storage/reader';
import { parseStored } from '../../../lib/storage/repair';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { DEFAULT_PROFILE } from '../../../lib/types';

/** A record as the first release (storage version 1) wrote it: no history. */
const VERSION_1_RECORD = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 10 },
  apiKeysEntry: { value: 'visible', seenAt: 10 },
  legacyApiEntry: { value: 'unknown', seenAt: null },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 10 },
  evidence: [{ check: 'apiKeysEntry', signal: 'href', detail: '/settings/api-keys' }],
  checkedAt: 10,
  rulesVersion: 1,
};

const raw = () => fakeBrowser.storage.local.get();
const NOW = 1_700_000_000_000;

beforeEach(() => {
  fakeBrowser.reset();
  // WXT reports a failed migration on the console; the tests check what follows from it instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('migrations', () => {
  it.each([
    ['without version metadata', {}],
    ['marked version 1', { 'environment:production$': { v: 1 } }],
  ])('a version 1 record %s is migrated and kept', async (_, meta) => {
    await fakeBrowser.storage.local.set({ 'environment:production': VERSION_1_RECORD, ...meta });
    const store = openStorageForWriting(() => NOW);
    expect(await store.get('production')).toEqual({ ...VERSION_1_RECORD, history: [] });
    const after = await raw();
    expect(after['environment:production$']).toEqual({ v: 2 });
    expect(after.resets).toBeUndefined();
  });

  it('every stored item migrates from each earlier version to a value its schema accepts', () => {
    for (const item of Object.values(STORED)) {
      const migrations: Record<number, unknown> = item.migrations;
      for (let version = 1; version < item.version; version++) {
        expect(migrations[version + 1], `${item.key} v${version + 1}`).toBeTypeOf('function');
      }
    }
    expect(parseStored(STORED.production, VERSION_1_RECORD, 1)).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(parseStored(STORED.staging, { ...VERSION_1_RECORD, environment: 'staging' }, 1)).toMatchObject({
      history: [],
    });
  });

  it('a version 1 value that is not a record is reset and the reset logged', async () => {
    await fakeBrowser.storage.local.set({ 'environment:staging': 'garbage' });
    const store = openStorageForWriting(() => NOW);
    expect(await store.get('staging')).toEqual(emptyRecord('staging', RULES_VERSION));
    expect((await raw()).resets).toEqual([
      { item: 'environment:staging', at: NOW, reason: 'unreadable-older-version' },
    ]);
  });

  it('a value written by a newer version is reset, not misread', async () => {
    await fakeBrowser.storage.local.set({
      'environment:production': { ...VERSION_1_RECORD, history: [], futureField: 1 },
      'environment:production$': { v: 3 },
    });
    const store = openStorageForWriting(() => NOW);
    expect(await store.get('production')).toEqual(emptyRecord('production', RULES_VERSION));
    expect((await raw()).resets).toEqual([
      { item: 'environment:production', at: NOW, reason: 'newer-version' },
    ]);
  });
});

describe('corrupt data', () => {
  const corrupt: [string, string, unknown][] = [
    ['a record that is a string', 'environment:production', 'oops'],
    [
      'a record of the other environment',
      'environment:production',
      { ...VERSION_1_RECORD, environment: 'staging', history: [] },
    ],
    // A record or profile with only some unusable fields keeps the rest: tests/unit/reliability-state.test.ts.
    ['settings as a number', 'settings', 42],
    ['dismissed hints of an unknown verdict', 'dismissedHints', ['production:great']],
  ];

  it.each(corrupt)('%s is reset to the default, logged once, without crashing', async (_, key, value) => {
    await fakeBrowser.storage.local.set({
      [key]: value,
      [`${key}$`]: { v: key.startsWith('environment') ? 2 : 1 },
    });
    const store = openStorageForWriting(() => NOW);
    const name = (Object.keys(STORED) as (keyof typeof STORED)[]).find(
      (n) => STORED[n].key === `local:${key}`,
    )!;
    expect(await store.get(name)).toEqual(STORED[name].fallback());
    expect(await store.get(name)).toEqual(STORED[name].fallback());
    const after = await raw();
    expect(after[key]).toBeUndefined();
    expect(after.resets).toEqual([{ item: key, at: NOW, reason: 'corrupt' }]);
  });

  it('a corrupt resets log is itself reset, and says so', async () => {
    await fakeBrowser.storage.local.set({ resets: [{ item: 1 }] });
    const store = openStorageForWriting(() => NOW);
    expect(await store.get('resets')).toEqual([]);
    expect((await raw()).resets).toEqual([{ item: 'resets', at: NOW, reason: 'corrupt' }]);
  });

  it(`the resets log keeps the last ${RESETS_LIMIT}`, async () => {
    let now = 0;
    const store = openStorageForWriting(() => ++now);
    for (let i = 0; i < 25; i++) {
      await fakeBrowser.storage.local.set({ settings: 'broken' });
      await store.get('settings');
    }
    const resets = (await raw()).resets as { at: number }[];
    expect(resets).toHaveLength(RESETS_LIMIT);
    expect(resets[0]?.at).toBe(6);
  });

  it('repairAll resets every unusable item and keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({
      'environment:production': { ...VERSION_1_RECORD, history: [] },
      'environment:production$': { v: 2 },
      'environment:staging': null,
      profile: 'nobody',
      settings: { hintEnabled: false },
    });
    const store = openStorageForWriting(() => NOW);
    await store.repairAll();
    const after = await raw();
    expect(after['environment:production']).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(after.settings).toEqual({ hintEnabled: false });
    expect(after.profile).toBeUndefined();
    expect(after.resets).toEqual([{ item: 'profile', at: NOW, reason: 'corrupt' }]);
  });
});

describe('readers (popup, options, hint)', () => {
  it('read defaults when nothing is stored, and never write', async () => {
    expect(await environmentItems.staging.getValue()).toEqual(emptyRecord('staging', RULES_VERSION));
    expect(await profileItem.getValue()).toEqual(DEFAULT_PROFILE);
    expect(await settingsItem.getValue()).toEqual({ hintEnabled: true });
    expect(await resetsItem.getValue()).toEqual([]);
    expect(await raw()).toEqual({});
  });

  it('migrate an older value in memory and leave storage to the background', async () => {
    await fakeBrowser.storage.local.set({ 'environment:production': VERSION_1_RECORD });
    const before = await raw();
    expect(await environmentItems.production.getValue()).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(await raw()).toEqual(before);
  });

  it('show the default for corrupt data without writing', async () => {
    await fakeBrowser.storage.local.set({ profile: { kind: 'boss' } });
    const before = await raw();
    expect(await profileItem.getValue()).toEqual(DEFAULT_PROFILE);
    expect(await raw()).toEqual(before);
  });

  it('watch: each new value, validated; the default once it is removed', async () => {
    const seen: unknown[] = [];
    const unwatch = settingsItem.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ settings: { hintEnabled: false } });
    await fakeBrowser.storage.local.set({ settings: { hintEnabled: 'no' } });
    await fakeBrowser.storage.local.remove('settings');
    unwatch();
    await fakeBrowser.storage.local.set({ settings: { hintEnabled: false } });
    expect(seen).toEqual([{ hintEnabled: false }, { hintEnabled: true }, { hintEnabled: true }]);
  });
});
