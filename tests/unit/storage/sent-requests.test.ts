/**
 * The requests the user sent, as the background keeps them (lib/storage/sent-requests.ts), over
 * the real writer and the fake browser's storage: marked sent and undone, closed by the record
 * that shows their change (lib/storage/records.ts notes it), seen in a popup or on a page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedRecords } from '../../../lib/storage/records';
import { storedRequests } from '../../../lib/storage/sent-requests';
import { openStorageForWriting } from '../../../lib/storage/writer';
import type { Observation } from '../../../lib/types';
import { EMPTY_OBSERVATION } from '../../../lib/types';

const seen = (observation: Partial<Observation>): Observation => ({ ...EMPTY_OBSERVATION, ...observation });

let records: ReturnType<typeof storedRecords>;
let requests: ReturnType<typeof storedRequests>;
beforeEach(() => {
  fakeBrowser.reset();
  let clock = 1;
  const store = openStorageForWriting();
  records = storedRecords(store, () => clock++);
  requests = storedRequests(store, () => clock++);
});

describe('sent requests', () => {
  it('a request closes when its own record shows API Keys, not another company’s; latest names the record for the badge', async () => {
    await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }), 'Acme ApS');
    const { where } = await records.latest('production');
    expect(where).toEqual({
      environment: 'production',
      organisation: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    await requests.markSent({ ...where, kind: 'enabling', recipient: 'customer-success' });
    await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'visible' }), 'Beta GmbH');
    expect(await requests.unseenArrival(where)).toBeUndefined();
    await records.observe('production', seen({ apiKeysEntry: 'visible' }), 'Acme ApS');
    expect(await requests.unseenArrival(where)).toMatchObject({
      kind: 'enabling',
      resolvedAt: expect.any(Number),
    });
    await requests.markArrivalsSeen();
    expect(await requests.unseenArrival(where)).toBeUndefined();
  });

  it('an undone request is gone: the change arriving later announces nothing', async () => {
    const where = { environment: 'staging', organisation: null } as const;
    await records.observe('staging', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }));
    await requests.markSent({ ...where, kind: 'enabling', recipient: 'customer-success' });
    await requests.undoSent({ ...where, kind: 'enabling' });
    await records.observe('staging', seen({ apiKeysEntry: 'visible' }));
    expect(await requests.unseenArrival(where)).toBeUndefined();
    expect((await fakeBrowser.storage.local.get()).requests).toEqual({ production: [], staging: [] });
  });

  it('an arrival shown on a page of its record stays unseen by the popup, marked seen in the page', async () => {
    const where = { environment: 'staging', organisation: null } as const;
    await records.observe('staging', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }));
    await requests.markSent({ ...where, kind: 'enabling', recipient: 'customer-success' });
    await records.observe('staging', seen({ apiKeysEntry: 'visible' }));
    await requests.markArrivalShownInPage('staging');
    expect(await requests.unseenArrival(where)).toMatchObject({ seenInPageAt: expect.any(Number) });
  });
});
