import { describe, expect, it } from 'vitest';
import { checkedAge, checkedText } from '../../../lib/guidance/checked';

const NOW = 1_800_000_000_000;

describe('checkedAge and checkedText', () => {
  const t = (key: string, subs: string[] = []) => (key === 'language' ? 'en' : [key, ...subs].join(' '));
  it.each([
    [null, 'checked.never'],
    [NOW, 'checked.justNow'],
    [NOW - 59_000, 'checked.justNow'],
    [NOW - 60_000, 'checked.ago 1 minute ago'],
    [NOW - 5 * 60_000, 'checked.ago 5 minutes ago'],
    [NOW - 60 * 60_000, 'checked.ago 1 hour ago'],
    [NOW - 3 * 60 * 60_000, 'checked.ago 3 hours ago'],
    [NOW - 24 * 60 * 60_000, 'checked.ago 1 day ago'],
    [NOW - 9 * 24 * 60 * 60_000, 'checked.ago 9 days ago'],
    [NOW + 60_000, 'checked.justNow'],
  ])('checked at %s → %s', (checkedAt, expected) => {
    expect(checkedText(checkedAt, NOW, t)).toBe(expected);
  });

  it.each([
    ['de', 5 * 60_000, 'checked.ago vor 5 Minuten'],
    ['fi', 60 * 60_000, 'checked.ago 1 tunti sitten'],
    ['fr', 2 * 24 * 60 * 60_000, 'checked.ago il y a 2 jours'],
    ['pt', 60_000, 'checked.ago há 1 minuto'],
  ])('counts the way %s does, through the platform’s plural rules', (language, elapsed, expected) => {
    const inLanguage = (key: string, subs: string[] = []) =>
      key === 'language' ? language : [key, ...subs].join(' ');
    expect(checkedText(NOW - elapsed, NOW, inLanguage)).toBe(expected);
  });

  it('uses the largest whole unit', () => {
    expect(checkedAge(NOW - 119 * 60_000, NOW)).toEqual({ unit: 'hours', count: 1 });
  });
});
