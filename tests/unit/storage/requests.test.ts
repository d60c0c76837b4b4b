/**
 * The requests item (lib/storage/items.ts): storage from before it reads with nothing lost and no
 * request invented; damaged values are repaired (what is usable kept, the reset logged);
 * "forget everything" clears it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SentRequest } from '../../../lib/state/requests';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { GOOD_RECORD, NOW, raw, resetStorage, store, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

const REQUEST: SentRequest = {
  environment: 'production',
  organisation: '0123456789abcdef0123456789abcdef',
  kind: 'enabling',
  recipient: 'customer-success',
  sentAt: 1_000,
  resolvedAt: null,
  seenInPopupAt: null,
  seenInPageAt: null,
};
const STAGING_REQUEST: SentRequest = { ...REQUEST, environment: 'staging', organisation: null, kind: 'role' };

describe('the requests item', () => {
  it("migrates today's storage: every value as it was, no request invented, no reset", async () => {
    const today = {
      'environment:production': GOOD_RECORD,
      'environment:production$': { v: 2 },
      'environment:staging': { ...VERSION_1_RECORD, environment: 'staging' },
      'organisations:production': [{ id: REQUEST.organisation, name: 'Acme ApS', record: GOOD_RECORD }],
      'organisations:production$': { v: 1 },
      profile: { kind: 'customer', stage: 'existing', declaredRoles: {} },
      dismissedHints: ['production:not-enabled'],
    };
    await store(today);
    const writer = openStorageForWriting(() => NOW);
    await writer.repairAll();
    expect(await writer.get('requests')).toEqual({ production: [], staging: [] });
    const after = await raw();
    expect(after.requests).toBeUndefined();
    expect(after.resets).toBeUndefined();
    expect(after['environment:production']).toEqual(GOOD_RECORD);
    expect(after['organisations:production']).toEqual(today['organisations:production']);
    expect(after.dismissedHints).toEqual(today.dismissedHints);
  });

  it('keeps valid requests whole', async () => {
    const requests = { production: [REQUEST], staging: [STAGING_REQUEST] };
    await store({ requests, requests$: { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('requests')).toEqual(requests);
  });

  it.each([
    ['a date that is not a time', { ...REQUEST, sentAt: 'yesterday' }],
    ['a negative date', { ...REQUEST, resolvedAt: -5 }],
    ['an unknown kind', { ...REQUEST, kind: 'promotion' }],
    ['a recipient named by name', { ...REQUEST, recipient: 'Maria Jensen' }],
    ['an organisation that is not a hash', { ...REQUEST, organisation: 'Acme ApS' }],
    ['a request of the other environment', { ...REQUEST, environment: 'staging' }],
    ['a field it does not know', { ...REQUEST, email: 'maria@acme.example' }],
  ])('repairs %s: that environment reset and logged, the other kept', async (_, corrupt) => {
    await store({ requests: { production: [corrupt], staging: [STAGING_REQUEST] }, requests$: { v: 1 } });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('requests')).toEqual({ production: [], staging: [STAGING_REQUEST] });
    expect((await raw()).resets).toEqual([{ item: 'requests.production', at: NOW, reason: 'corrupt' }]);
  });

  it('resets a value that is not requests at all, and logs it', async () => {
    await store({ requests: 'sent', requests$: { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('requests')).toEqual({ production: [], staging: [] });
    expect((await raw()).resets).toEqual([{ item: 'requests', at: NOW, reason: 'corrupt' }]);
  });

  it('is cleared by "forget everything"', async () => {
    await store({ requests: { production: [REQUEST], staging: [] }, requests$: { v: 1 } });
    await openStorageForWriting(() => NOW).forgetEverything();
    expect((await raw()).requests).toBeUndefined();
  });
});
