/**
 * The readers (lib/storage/reader.ts) the popup, options page and report use: defaults when nothing
 * is stored, older versions migrated in memory, the usable part of damaged data, and never a write.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { emptyRecord } from '../../../lib/state/merge';
import {
  environmentItems,
  profileItem,
  readAll,
  resetsItem,
  settingsItem,
  writeFailureItem,
} from '../../../lib/storage/reader';
import { DEFAULT_PROFILE } from '../../../lib/types';
import { EARLIER_VERSIONS, raw, resetStorage, store, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

describe('readers (popup, options, hint)', () => {
  it('read defaults when nothing is stored, and never write', async () => {
    expect(await environmentItems.staging.getValue()).toEqual(emptyRecord('staging', RULES_VERSION));
    expect(await profileItem.getValue()).toEqual(DEFAULT_PROFILE);
    expect(await settingsItem.getValue()).toEqual({ hintEnabled: true });
    expect(await resetsItem.getValue()).toEqual([]);
    expect(await raw()).toEqual({});
  });

  it('migrate an older value in memory and leave storage to the background', async () => {
    // The first release's record, and the earlier version of ./migrations.test.ts.
    const olderValues: [unknown, unknown][] = [
      [VERSION_1_RECORD, { ...VERSION_1_RECORD, history: [] }],
      [EARLIER_VERSIONS.production[1]!.stored, EARLIER_VERSIONS.production[1]!.current],
    ];
    for (const [stored, current] of olderValues) {
      await store({ 'environment:production': stored });
      const before = await raw();
      expect(await environmentItems.production.getValue()).toEqual(current);
      expect(await raw()).toEqual(before);
    }
  });

  it('show the default for corrupt data without writing', async () => {
    await fakeBrowser.storage.local.set({ profile: { kind: 'boss' } });
    const before = await raw();
    expect(await profileItem.getValue()).toEqual(DEFAULT_PROFILE);
    expect(await raw()).toEqual(before);
  });

  it('the options page and popup read the good fields without writing', async () => {
    await store({ profile: { kind: 'partner', stage: 17 }, settings: { hintEnabled: false, colour: 'red' } });
    const before = await raw();
    expect(await profileItem.getValue()).toEqual({ ...DEFAULT_PROFILE, kind: 'partner' });
    expect(await settingsItem.getValue()).toEqual({ hintEnabled: false });
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

  it('readAll: the values each reader gives, from one read of each storage area', async () => {
    const readers = {
      production: environmentItems.production,
      staging: environmentItems.staging,
      profile: profileItem,
      settings: settingsItem,
      writeFailure: writeFailureItem,
    };
    // An older version (migrated in memory), damaged data (its good fields kept), nothing stored.
    await store({
      'environment:production': VERSION_1_RECORD,
      profile: { kind: 'partner', stage: 17 },
    });
    await fakeBrowser.storage.session.set({
      writeFailure: { item: 'profile', at: 5, reason: 'storage-full' },
    });
    const before = await raw();
    const one = {
      production: await environmentItems.production.getValue(),
      staging: await environmentItems.staging.getValue(),
      profile: await profileItem.getValue(),
      settings: await settingsItem.getValue(),
      writeFailure: await writeFailureItem.getValue(),
    };
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await readAll(readers)).toEqual(one);
    expect(one.production).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(one.profile).toEqual({ ...DEFAULT_PROFILE, kind: 'partner' });
    expect(one.writeFailure).toEqual({ item: 'profile', at: 5, reason: 'storage-full' });
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1]);
    expect(await raw()).toEqual(before);
  });
});
