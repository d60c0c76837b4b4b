/**
 * What the background does to the stored records (lib/storage/records.ts), over the real writer
 * and the fake browser's storage: which record an observation goes to, the user's declarations,
 * taught labels and forgetting. The messages that lead here, and the badges, are in ../entrypoints/background.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedRecords } from '../../../lib/storage/records';
import { openStorageForWriting } from '../../../lib/storage/writer';
import type { Observation } from '../../../lib/types';
import { EMPTY_OBSERVATION } from '../../../lib/types';

const stored = () => fakeBrowser.storage.local.get();
const seen = (observation: Partial<Observation>): Observation => ({ ...EMPTY_OBSERVATION, ...observation });

let records: ReturnType<typeof storedRecords>;
beforeEach(() => {
  fakeBrowser.reset();
  records = storedRecords(openStorageForWriting());
});

describe('records', () => {
  it('an observation is merged into its environment, with its verdict in the history', async () => {
    const written = await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'visible' }));
    const record = (await stored())['environment:production'];
    expect(record).toMatchObject({
      environment: 'production',
      signedIn: { value: 'yes' },
      apiKeysEntry: { value: 'visible' },
      history: [{ verdict: 'ready' }],
    });
    expect(written.record).toEqual(record);
    expect((await stored())['environment:staging']).toBeUndefined();
  });

  it('a declared role changes the verdict and is noted in the history', async () => {
    await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }));
    await records.declareRole('production', 'admin');
    const all = await stored();
    expect(all.profile).toEqual({
      kind: 'unknown',
      stage: 'unknown',
      declaredRoles: { production: 'admin' },
    });
    expect(
      (all['environment:production'] as { history: { verdict: string }[] }).history.map((h) => h.verdict),
    ).toEqual(['unknown', 'not-enabled']);
  });

  it('forget-everything removes every stored value', async () => {
    await records.observe('production', seen({ signedIn: 'yes' }));
    await records.learnLabel('production', { kind: 'apiKeys', label: 'Dev keys', language: 'en' });
    await records.forgetEverything();
    const values = Object.keys(await stored()).filter((key) => !key.endsWith('$'));
    expect(values).toEqual([]);
  });

  it('a taught label is kept for its environment; forgetting it resets the facts that rested on it alone', async () => {
    await records.learnLabel('production', { kind: 'apiKeys', label: 'Dev keys', language: 'en' });
    expect((await stored()).learnedLabels).toMatchObject({
      production: [{ kind: 'apiKeys', label: 'Dev keys', language: 'en' }],
      staging: [],
    });
    const taught: Observation = {
      ...EMPTY_OBSERVATION,
      signedIn: 'yes',
      apiKeysEntry: 'visible',
      evidence: [{ check: 'apiKeysEntry', signal: 'learned-label', detail: 'Dev keys' }],
    };
    await records.observe('production', taught);
    await records.forgetLabel('production', 'apiKeys', 'dev KEYS');
    const all = await stored();
    expect(all.learnedLabels).toMatchObject({ production: [] });
    expect(all['environment:production']).toMatchObject({
      signedIn: { value: 'yes' },
      apiKeysEntry: { value: 'unknown' },
    });
  });
});

describe('one record per organisation (company)', () => {
  const ADMIN = { value: 'admin', confidence: 'high', source: 'detected' } as const;
  const organisations = async () =>
    ((await stored())['organisations:production'] ?? []) as { id: string; name: string; record: unknown }[];

  it('an observation of a company goes to that company’s record alone', async () => {
    await records.observe(
      'production',
      seen({ signedIn: 'yes', apiKeysEntry: 'visible', role: ADMIN }),
      'Acme ApS',
    );
    await records.observe(
      'production',
      seen({ signedIn: 'yes', apiKeysEntry: 'absent', role: ADMIN }),
      'Beta GmbH',
    );
    const list = await organisations();
    expect(list.map((o) => o.name)).toEqual(['Acme ApS', 'Beta GmbH']);
    expect(list[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(list[0]!.record).toMatchObject({
      apiKeysEntry: { value: 'visible' },
      history: [{ verdict: 'ready' }],
    });
    expect(list[1]!.record).toMatchObject({
      apiKeysEntry: { value: 'absent' },
      history: [{ verdict: 'not-enabled' }],
    });
    // The environment's own record (pages that showed no company) is untouched.
    expect((await stored())['environment:production']).toBeUndefined();
    expect((await records.current('production')).organisation?.name).toBe('Beta GmbH');
  });

  it('the same company however the page spaces or cases it; a page with none goes to the environment’s record', async () => {
    let clock = 1;
    records = storedRecords(openStorageForWriting(), () => clock++);
    await records.observe('production', seen({ signedIn: 'yes', role: ADMIN }), 'Acme ApS');
    await records.observe('production', seen({ apiKeysEntry: 'visible' }), '  ACME   aps ');
    await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }));
    const list = await organisations();
    expect(list).toHaveLength(1);
    expect(list[0]!.record).toMatchObject({ signedIn: { value: 'yes' }, apiKeysEntry: { value: 'visible' } });
    expect((await stored())['environment:production']).toMatchObject({ apiKeysEntry: { value: 'absent' } });
    expect((await records.current('production')).organisation).toBeNull();
  });

  it('keeps 50 companies per environment: the 51st drops the one checked longest ago, and the drop is logged', async () => {
    let clock = 1;
    records = storedRecords(openStorageForWriting(), () => clock++);
    for (let i = 0; i < 51; i++)
      await records.observe('production', seen({ signedIn: 'yes' }), `Company ${i}`);
    const list = await organisations();
    expect(list).toHaveLength(50);
    expect(list.map((o) => o.name)).not.toContain('Company 0');
    expect((await stored()).resets).toEqual([
      expect.objectContaining({ item: 'organisations:production', reason: 'organisation-limit' }),
    ]);
  });

  it('a declared role counts for every company; "no API Keys entry" for the company seen last', async () => {
    let clock = 1;
    records = storedRecords(openStorageForWriting(), () => clock++);
    await records.observe('production', seen({ signedIn: 'yes', apiKeysEntry: 'absent' }), 'Acme ApS');
    await records.observe('production', seen({ signedIn: 'yes' }), 'Beta GmbH');
    await records.declareRole('production', 'admin');
    await records.declareNoApiKeys('production');
    const [acme, beta] = (await organisations()) as {
      record: { history: { verdict: string }[]; apiKeysEntry: { value: string } };
    }[];
    expect(acme!.record.history.at(-1)?.verdict).toBe('not-enabled');
    expect(beta!.record.apiKeysEntry.value).toBe('absent');
    expect(beta!.record.history.at(-1)?.verdict).toBe('not-enabled');
    expect((await stored())['environment:production']).toMatchObject({ checkedAt: null });
  });
});
