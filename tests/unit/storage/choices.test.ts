/**
 * What the user chose that no record holds (lib/storage/choices.ts), over the real writer and the
 * fake browser's storage.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedChoices } from '../../../lib/storage/choices';
import { openStorageForWriting } from '../../../lib/storage/writer';

const stored = () => fakeBrowser.storage.local.get();

let choices: ReturnType<typeof storedChoices>;
beforeEach(() => {
  fakeBrowser.reset();
  choices = storedChoices(openStorageForWriting(), () => 1_800_000_000_000);
});

describe('choices', () => {
  it('profile, hint setting and dismissals are stored', async () => {
    await choices.setAudience('customer', 'new');
    await choices.setHintEnabled(false);
    await choices.dismissHint('staging', 'role-missing');
    await choices.dismissHint('staging', 'role-missing');
    const all = await stored();
    expect(all.profile).toMatchObject({ kind: 'customer', stage: 'new' });
    expect(all.settings).toEqual({ hintEnabled: false });
    expect(all.dismissedHints).toEqual(['staging:role-missing']);
  });

  it('a key check is kept per environment, stamped with the time it was recorded', async () => {
    await choices.recordKeyCheck({
      production: { result: 'valid' },
      staging: { result: 'invalid' },
    });
    expect((await stored()).keyChecks).toEqual({
      production: { result: 'valid', checkedAt: 1_800_000_000_000 },
      staging: { result: 'invalid', checkedAt: 1_800_000_000_000 },
    });
  });
});
