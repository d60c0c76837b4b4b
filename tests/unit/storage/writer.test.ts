/**
 * The background's writer (lib/storage/writer.ts): the resets log, kept short and itself repaired,
 * and repairAll, which reads every item once so unusable data is reset before anyone asks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RESETS_LIMIT } from '../../../lib/limits';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { NOW, raw, resetStorage, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

describe('the resets log', () => {
  it('a corrupt resets log is itself reset, and says so', async () => {
    await fakeBrowser.storage.local.set({ resets: [{ item: 1 }] });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('resets')).toEqual([]);
    expect((await raw()).resets).toEqual([{ item: 'resets', at: NOW, reason: 'corrupt' }]);
  });

  it(`the resets log keeps the last ${RESETS_LIMIT}`, async () => {
    let now = 0;
    const writer = openStorageForWriting(() => ++now);
    for (let i = 0; i < 25; i++) {
      await fakeBrowser.storage.local.set({ settings: 'broken' });
      await writer.get('settings');
    }
    const resets = (await raw()).resets as { at: number }[];
    expect(resets).toHaveLength(RESETS_LIMIT);
    expect(resets[0]?.at).toBe(6);
  });
});

describe('repairAll', () => {
  it('repairAll resets every unusable item and keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({
      'environment:production': { ...VERSION_1_RECORD, history: [] },
      'environment:production$': { v: 2 },
      'environment:staging': null,
      profile: 'nobody',
      settings: { hintEnabled: false },
    });
    const writer = openStorageForWriting(() => NOW);
    await writer.repairAll();
    const after = await raw();
    expect(after['environment:production']).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(after.settings).toEqual({ hintEnabled: false });
    expect(after.profile).toBeUndefined();
    expect(after.resets).toEqual([{ item: 'profile', at: NOW, reason: 'corrupt' }]);
  });
});
