/**
 * Migrations (lib/storage/items.ts): every earlier storage version of every item reads as the
 * current version, a migration run twice equals once, and a version that cannot be read is reset.
 * Part of reliability 8 (see ./corrupt-state.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { emptyRecord } from '../../../lib/state/merge';
import { STORED, type StoredName } from '../../../lib/storage/items';
import { parseStored } from '../../../lib/storage/repair';
import { openStorageForWriting } from '../../../lib/storage/writer';
import {
  asStored,
  EARLIER_VERSIONS,
  keyOf,
  NOW,
  raw,
  resetStorage,
  store,
  VERSION_1_RECORD,
} from './fixtures';

beforeEach(resetStorage);

const cases = (Object.keys(EARLIER_VERSIONS) as StoredName[]).flatMap((name) =>
  Object.entries(EARLIER_VERSIONS[name]).map(([version, fixture]) => ({
    name,
    version: Number(version),
    ...fixture,
  })),
);

describe('data from every earlier storage version', () => {
  it('has a fixture for every earlier version of every item', () => {
    for (const name of Object.keys(STORED) as StoredName[]) {
      const versions = Object.keys(EARLIER_VERSIONS[name]).map(Number);
      const earlier = Array.from({ length: STORED[name].version - 1 }, (_, i) => i + 1);
      expect(versions, name).toEqual(earlier);
    }
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

  it.each([
    ['without version metadata', {}],
    ['marked version 1', { 'environment:production$': { v: 1 } }],
  ])('a version 1 record %s is migrated and kept', async (_, meta) => {
    await fakeBrowser.storage.local.set({ 'environment:production': VERSION_1_RECORD, ...meta });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('production')).toEqual({ ...VERSION_1_RECORD, history: [] });
    const after = await raw();
    expect(after['environment:production$']).toEqual({ v: 2 });
    expect(after.resets).toBeUndefined();
  });
});

describe('a migration run twice equals once', () => {
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
});

// The same two resets among every record that cannot be kept: ./repair.test.ts.
describe('a version that cannot be read', () => {
  it('a version 1 value that is not a record is reset and the reset logged', async () => {
    await fakeBrowser.storage.local.set({ 'environment:staging': 'garbage' });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('staging')).toEqual(emptyRecord('staging', RULES_VERSION));
    expect((await raw()).resets).toEqual([
      { item: 'environment:staging', at: NOW, reason: 'unreadable-older-version' },
    ]);
  });

  it('a value written by a newer version is reset, not misread', async () => {
    await fakeBrowser.storage.local.set({
      'environment:production': { ...VERSION_1_RECORD, history: [], futureField: 1 },
      'environment:production$': { v: 3 },
    });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('production')).toEqual(emptyRecord('production', RULES_VERSION));
    expect((await raw()).resets).toEqual([
      { item: 'environment:production', at: NOW, reason: 'newer-version' },
    ]);
  });
});
