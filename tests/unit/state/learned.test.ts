import { describe, expect, it } from 'vitest';
import { LEARNED_LABELS_LIMIT } from '../../../lib/limits';
import { learnedFromStorage, withLearnedLabel, withoutLearnedLabel } from '../../../lib/state/learned';
import { whyUnteachable } from '../../../lib/state/teachable';
import type { LearnedLabel } from '../../../lib/types';

const taught = (label: string, at = 1, kind: LearnedLabel['kind'] = 'apiKeys'): LearnedLabel => ({
  kind,
  label,
  language: 'en',
  learnedAt: at,
});

describe('the list of learned labels', () => {
  it('adds a label, and the same label of the same kind again replaces it (newest last)', () => {
    const list = withLearnedLabel(
      [taught('Developer keys', 1), taught('Integrations hub', 2)],
      taught('developer KEYS', 3),
    );
    expect(list.map((l) => [l.label, l.learnedAt])).toEqual([
      ['Integrations hub', 2],
      ['developer KEYS', 3],
    ]);
  });

  it('keeps the same label under another kind apart', () => {
    const list = withLearnedLabel([taught('Keys', 1, 'apiKeys')], taught('Keys', 2, 'openApi'));
    expect(list).toHaveLength(2);
  });

  it(`keeps at most ${LEARNED_LABELS_LIMIT}, dropping the oldest`, () => {
    let list: LearnedLabel[] = [];
    for (let i = 0; i < LEARNED_LABELS_LIMIT + 7; i++) list = withLearnedLabel(list, taught(`Label ${i}`, i));
    expect(list).toHaveLength(LEARNED_LABELS_LIMIT);
    expect(list[0]!.label).toBe('Label 7');
    expect(list.at(-1)!.label).toBe(`Label ${LEARNED_LABELS_LIMIT + 6}`);
  });

  it('forgets one label of one kind, case apart, and nothing else', () => {
    const list = [taught('Keys', 1), taught('Keys', 2, 'settings'), taught('Other', 3)];
    expect(withoutLearnedLabel(list, 'apiKeys', 'KEYS')).toEqual([list[1], list[2]]);
    expect(withoutLearnedLabel(list, 'apiKeys', 'Missing')).toEqual(list);
  });
});

describe('which labels may be taught', () => {
  it.each([
    ['Developer keys', null],
    ['Nøgler til udviklere', null],
    ['API Keys', null],
    ['Integrations 2024', null],
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(81), 'too-long'],
    ['alex@example.com', 'personal-or-secret'],
    ['pleo_sk_live_7Qm2Xc9Rt4Lp8Vn3Bz6Kd1Hs5Jw0Fy', 'personal-or-secret'],
    ['Card 12345', 'personal-or-secret'],
    ['+45 1234 5678', 'personal-or-secret'],
    ['Alex Example', 'personal-or-secret'],
  ])('%j → %s', (label, why) => {
    expect(whyUnteachable(label)).toBe(why);
  });
});

describe('learnedFromStorage', () => {
  const good = { kind: 'apiKeys', label: 'Developer access', language: 'da', learnedAt: 1 };
  it("keeps the environment's well-formed entries and leaves out the rest", () => {
    const stored = {
      production: [
        good,
        { ...good, kind: 'nonsense' },
        { ...good, label: 'x'.repeat(81) },
        { ...good, language: 'xx' },
        { ...good, kind: 'role', label: 'Superuser', role: 'admin' },
        { ...good, kind: 'role', role: 'king' },
        'text',
        null,
      ],
      staging: [{ ...good, label: 'Other' }],
    };
    expect(learnedFromStorage(stored, 'production').map((entry) => entry.label)).toEqual([
      'Developer access',
      'Superuser',
    ]);
    expect(learnedFromStorage(stored, 'staging')).toHaveLength(1);
    expect(learnedFromStorage(undefined, 'production')).toEqual([]);
    expect(learnedFromStorage({ production: 'x' }, 'production')).toEqual([]);
  });
});
