import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../lib/detect/rules';
import {
  isPersonalOrSecret,
  isSecret,
  knownWordsIn,
  looksLikeName,
  lowerCaseWords,
  normaliseText,
} from '../../lib/privacy';
import { KNOWN_ROLES, LANGUAGES } from '../../lib/types';
import { PERSONAL_LABELS } from '../e2e/reliability/hostile-strings';

const KNOWN = knownWordsIn(VOCABULARY);

describe('normaliseText: the text as it reads', () => {
  it.each([
    ['Jane\u200b Doe', 'Jane Doe'],
    ['jane.doe＠acme.example', 'jane.doe@acme.example'],
    ['４５３２', '4532'],
    ['\u202eeoD enaJ\u202c', 'eoD enaJ'],
    ['A\u2060P\uFEFFI Keys', 'API Keys'],
    ['Jane\u00a0Doe', 'Jane Doe'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('what is personal or secret', () => {
  it.each(PERSONAL_LABELS)('%j is refused', (label) => {
    expect(isPersonalOrSecret(label, KNOWN)).toBe(true);
  });

  it.each([
    'alex@example.com',
    'ALEX＠EXAMPLE.COM',
    'pleo_sk_live_7Qm2Xc9Rt4Lp8Vn3Bz6Kd1Hs5Jw0Fy',
    'Zk3x9QmT7vLw2RbN8s\u200bYc4HdJ6',
    'sk_live_51HxYz',
    '4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f',
    'Card 12345',
    '+45 1234 5678',
    '1234-5678',
    '١٢٣٤٥',
    '१२३४५६',
  ])('secret: %j', (text) => {
    expect(isSecret(text)).toBe(true);
  });

  it.each([
    'Jane Doe',
    'J. Doe',
    'Doe, Jane',
    'doe, jane',
    'Doe,Jane',
    'jane doe',
    'JANE DOE',
    'Ludwig van Beethoven',
    'Jørgen Ødegård-Hansen',
    'Admin · jane doe',
    'Signed in as Alex Example',
    'Ｊａｎｅ Ｄｏｅ',
  ])('a name: %j', (text) => {
    expect(looksLikeName(text, KNOWN)).toBe(true);
  });

  it.each([
    'API Keys',
    'Open API',
    'Company settings',
    'Expense reviewer',
    'Developer keys',
    'Developer access',
    'Access tokens',
    'Nøgler til udviklere',
    'Integrations 2024',
    'API tokens',
    'Admin',
    'Bogholder',
    'Clés d’API',
    'Zugang für Entwickler',
    'Settings, Admin',
  ])('a UI label: %j', (label) => {
    expect(isPersonalOrSecret(label, KNOWN)).toBe(false);
  });

  it('passes every label of the rules, in every language, as written and in lower case', () => {
    const labels = LANGUAGES.flatMap((language) => {
      const { roles, ...lists } = VOCABULARY[language];
      return [...Object.values(lists).flat(), ...KNOWN_ROLES.flatMap((role) => roles[role])];
    });
    expect(labels.length).toBeGreaterThan(150);
    const refused = labels
      .flatMap((label) => [label, label.toLowerCase(), label.toUpperCase()])
      .filter((label) => isPersonalOrSecret(label, KNOWN));
    expect(refused).toEqual([]);
  });

  it('a label of the rules with a name beside it is refused', () => {
    for (const label of ['Admin · Jane Doe', 'Bookkeeper (Doe, Jane)', 'API Keys – jane doe']) {
      expect(isPersonalOrSecret(label, KNOWN), label).toBe(true);
    }
  });
});

describe('lowerCaseWords and knownWordsIn', () => {
  it('reads words as runs of letters, whatever separates them', () => {
    expect(lowerCaseWords("Clés d'API-nøgler\u200b, Ｘ")).toEqual(['clés', 'd', 'api', 'nøgler', 'x']);
  });

  it('reads a nested structure however deep, without recursion', () => {
    let deep: unknown = 'Bottom Word';
    for (let i = 0; i < 50_000; i++) deep = { next: [deep] };
    expect([...knownWordsIn(deep)]).toEqual(['bottom', 'word']);
  });
});
