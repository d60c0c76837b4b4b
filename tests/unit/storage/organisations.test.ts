/**
 * The organisations items (lib/storage/items.ts): storage from before them (a real first-release
 * state) reads with no fact lost, the environment's record as the "organisation not identified"
 * record; and what a stored list must be to be read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { environmentView } from '../../../lib/guidance/view';
import { emptyRecord } from '../../../lib/state/merge';
import { openStorageForWriting } from '../../../lib/storage/writer';
import { DEFAULT_PROFILE } from '../../../lib/types';
import { GOOD_RECORD, NOW, raw, resetStorage, store, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

const ID = '0123456789abcdef0123456789abcdef';

describe('the organisations items', () => {
  it('migrate a first-release state: the record stays as the not-identified record, whole; no company; no reset', async () => {
    // As version 0.1 left storage: a version-1 record per environment, a profile, a dismissal.
    const profile = { kind: 'partner', stage: 'existing', declaredRoles: { staging: 'bookkeeper' } };
    await store({
      'environment:production': VERSION_1_RECORD,
      'environment:staging': { ...VERSION_1_RECORD, environment: 'staging' },
      profile,
      dismissedHints: ['production:ready'],
    });
    const writer = openStorageForWriting(() => NOW);
    await writer.repairAll();
    const after = await raw();
    expect(after['environment:production']).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(after['environment:staging']).toEqual({
      ...VERSION_1_RECORD,
      environment: 'staging',
      history: [],
    });
    expect(after.profile).toEqual(profile);
    expect(after.resets).toBeUndefined();
    expect(await writer.get('productionOrganisations')).toEqual([]);
    expect(await writer.get('stagingOrganisations')).toEqual([]);
    // What the popup shows is what it showed before: the same verdict, no company named.
    const view = environmentView(
      'production',
      await writer.get('production'),
      DEFAULT_PROFILE,
      null,
      'granted',
      await writer.get('productionOrganisations'),
    );
    expect(view.verdict.kind).toBe('ready');
    expect(view.organisation).toBeNull();
    expect(view.checkedAt).toBe(VERSION_1_RECORD.checkedAt);
  });

  it('keep a valid list whole', async () => {
    const list = [{ id: ID, name: 'Acme ApS', record: GOOD_RECORD }];
    await store({ 'organisations:production': list, 'organisations:production$': { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('productionOrganisations')).toEqual(list);
  });

  it.each([
    ['an id that is not a hash', { id: 'Acme ApS', name: 'Acme ApS', record: GOOD_RECORD }],
    ['an empty name', { id: ID, name: '', record: GOOD_RECORD }],
    ['a name over 60 characters', { id: ID, name: 'x'.repeat(61), record: GOOD_RECORD }],
    [
      'a record of the other environment',
      { id: ID, name: 'Acme', record: { ...GOOD_RECORD, environment: 'staging' } },
    ],
    ['a field it does not know', { id: ID, name: 'Acme', record: GOOD_RECORD, email: 'a@b.c' }],
  ])('reset a list with %s, and log it', async (_, entry) => {
    await store({ 'organisations:production': [entry], 'organisations:production$': { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('productionOrganisations')).toEqual([]);
    expect((await raw()).resets).toEqual([
      expect.objectContaining({ item: 'organisations:production', at: NOW }),
    ]);
  });

  it('read no more than 50 companies', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({
      id: i.toString(16).padStart(32, '0'),
      name: `Company ${i}`,
      record: emptyRecord('production', RULES_VERSION),
    }));
    await store({ 'organisations:production': many, 'organisations:production$': { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('productionOrganisations')).toEqual([]);
  });
});
