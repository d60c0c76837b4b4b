/**
 * The learned-label store (lib/storage/items.ts `learnedLabels`): what a stored list must be to be
 * read, its limit, its migration from storage that never had it, and forgetting through it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LEARNED_LABELS_LIMIT } from '../../../lib/limits';
import { withLearnedLabel, withoutLearnedLabel } from '../../../lib/state/learned';
import { openStorageForWriting } from '../../../lib/storage/writer';
import type { LearnedLabel } from '../../../lib/types';
import { NOW, raw, resetStorage, store, VERSION_1_RECORD } from './fixtures';

beforeEach(resetStorage);

const taught = (label: string, extra: Partial<LearnedLabel> = {}): LearnedLabel => ({
  kind: 'apiKeys',
  label,
  language: 'en',
  learnedAt: 10,
  ...extra,
});

describe('the learned-label store', () => {
  it('migrates storage that never had it (the first release’s): empty lists, nothing else changed, no reset logged', async () => {
    await store({ 'environment:production': VERSION_1_RECORD, 'environment:production$': { v: 1 } });
    const writer = openStorageForWriting(() => NOW);
    await writer.repairAll();
    expect(await writer.get('learnedLabels')).toEqual({ production: [], staging: [] });
    const after = await raw();
    expect(after['environment:production']).toEqual({ ...VERSION_1_RECORD, history: [] });
    expect(after.resets).toBeUndefined();
  });

  it('keeps a valid list whole, with its roles', async () => {
    const lists = {
      production: [
        taught('Developer access'),
        taught('Chef', { kind: 'role', role: 'admin', language: 'da' }),
      ],
      staging: [],
    };
    await store({ learnedLabels: lists, learnedLabels$: { v: 1 } });
    expect(await openStorageForWriting(() => NOW).get('learnedLabels')).toEqual(lists);
    expect((await raw()).resets).toBeUndefined();
  });

  it.each([
    ['a kind it does not know', { kind: 'password' }],
    ['a label over 80 characters', { label: 'x'.repeat(81) }],
    ['a language it does not know', { language: 'xx' }],
    ['a role that is not a role', { kind: 'role', role: 'owner' }],
    ['a field it does not know', { secret: 'value' }],
  ])('a list with %s is reset for that environment alone, and the reset logged', async (_, bad) => {
    const staging = [taught('Kept')];
    await store({
      learnedLabels: { production: [taught('Good'), { ...taught('Bad'), ...bad }], staging },
      learnedLabels$: { v: 1 },
    });
    expect(await openStorageForWriting(() => NOW).get('learnedLabels')).toEqual({ production: [], staging });
    expect((await raw()).resets).toEqual([
      expect.objectContaining({ item: expect.stringContaining('learnedLabels'), at: NOW }),
    ]);
  });

  it(`holds at most ${LEARNED_LABELS_LIMIT} per environment: a longer stored list is not read`, async () => {
    const tooMany = Array.from({ length: LEARNED_LABELS_LIMIT + 1 }, (_, i) => taught(`Label ${i}`));
    await store({ learnedLabels: { production: tooMany, staging: [] }, learnedLabels$: { v: 1 } });
    expect((await openStorageForWriting(() => NOW).get('learnedLabels')).production).toEqual([]);
  });

  it('a value marked by a newer version is reset, not misread', async () => {
    await store({ learnedLabels: { production: [taught('Future')], staging: [] }, learnedLabels$: { v: 9 } });
    expect(await openStorageForWriting(() => NOW).get('learnedLabels')).toEqual({
      production: [],
      staging: [],
    });
    expect((await raw()).resets).toHaveLength(1);
  });

  it('teaching and forgetting through the store, as the background does, round-trips', async () => {
    const writer = openStorageForWriting(() => NOW);
    const change = async (update: (list: LearnedLabel[]) => LearnedLabel[]) => {
      const lists = await writer.get('learnedLabels');
      await writer.set('learnedLabels', { ...lists, production: update(lists.production) });
    };
    for (let i = 0; i < LEARNED_LABELS_LIMIT + 3; i++)
      await change((list) => withLearnedLabel(list, taught(`L${i}`)));
    expect((await writer.get('learnedLabels')).production).toHaveLength(LEARNED_LABELS_LIMIT);
    await change((list) => withoutLearnedLabel(list, 'apiKeys', 'L10'));
    const kept = (await openStorageForWriting(() => NOW).get('learnedLabels')).production.map((l) => l.label);
    expect(kept).toHaveLength(LEARNED_LABELS_LIMIT - 1);
    expect(kept).not.toContain('L10');
    expect(kept).not.toContain('L2');
    expect(kept.at(-1)).toBe(`L${LEARNED_LABELS_LIMIT + 2}`);
  });
});
