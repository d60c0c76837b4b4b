import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { BADGES, badgeFor } from '../../../lib/guidance/badge';
import type { Translate } from '../../../lib/guidance/translate';
import { ENVIRONMENTS, VERDICTS } from '../../../lib/types';

const english = new Map(
  parseMessagesText(readFileSync('locales/en.yml', 'utf8'), 'YAML').map((m) => [m.key.join('.'), m]),
);
const t: Translate = (key, substitutions = []) => {
  const message = english.get(key);
  if (message?.type !== 'simple') throw new Error(`no simple message ${key} in locales/en.yml`);
  expect(substitutions).toHaveLength(message.substitutions);
  return message.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
};

/** WCAG contrast of white badge text on the colour. */
function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('badge', () => {
  it('marks the verdicts a user acts on', () => {
    expect(BADGES.ready.text).toBe('✓');
    expect(BADGES['role-missing'].text).toBe('!');
    expect(BADGES['not-enabled'].text).toBe('!');
    expect(BADGES.unknown.text).toBe('?');
    expect(BADGES['role-missing'].color).not.toBe(BADGES['not-enabled'].color);
    expect(BADGES.ready.color).not.toBe(BADGES['not-enabled'].color);
  });

  it.each(VERDICTS)('%s: at most two characters, white text readable on its colour', (kind) => {
    expect([...BADGES[kind].text].length).toBeLessThanOrEqual(2);
    expect(BADGES[kind].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastWithWhite(BADGES[kind].color)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(ENVIRONMENTS.flatMap((environment) => VERDICTS.map((kind) => [kind, environment] as const)))(
    '%s in %s has a title in words naming the environment',
    (kind, environment) => {
      const badge = badgeFor(kind, environment, t);
      expect(badge.title).toContain(environment === 'production' ? 'Production' : 'Staging');
      expect(badge.title.length).toBeGreaterThan(15);
    },
  );
});
