// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect/detect';
import { VOCABULARY } from '../../lib/detect/rules';
import {
  EMAIL,
  isPersonalOrSecret,
  isSecret,
  KEY_RUN,
  keyLike,
  knownWordsIn,
  looksLikeName,
  lowerCaseWords,
  normaliseText,
  PREFIXED_SECRET,
  UUID,
} from '../../lib/privacy';
import { KNOWN_ROLES, LANGUAGES } from '../../lib/types';
import { HOSTILE_STRINGS, PERSONAL_LABELS, PERSONAL_PIECES } from '../e2e/reliability/hostile-strings';
import { MATRIX_CASES } from '../fixtures/detect/matrix';
import { SHAPE_CASES } from '../fixtures/detect/shapes';
import { VOCABULARY_CASES } from '../fixtures/detect/vocabulary';
import { HOSTILE } from './report/fixtures';

const ALL_CASES = [...MATRIX_CASES, ...SHAPE_CASES, ...VOCABULARY_CASES];

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

/** isSecret as written before it took printable ASCII without the Unicode-class expressions. */
function isSecretByUnicodeClasses(text: string): boolean {
  const normal = normaliseText(text);
  if (EMAIL.test(normal) || PREFIXED_SECRET.test(normal) || UUID.test(normal)) return true;
  if ((normal.match(/\p{Nd}/gu)?.length ?? 0) > 4) return true;
  const run = new RegExp(KEY_RUN.source, 'g');
  for (let match = run.exec(normal); match; match = run.exec(normal)) if (keyLike(match[0])) return true;
  return false;
}

describe('isSecret on printable ASCII, without the Unicode classes', () => {
  const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)).join('');
  const corpus = [
    ...HOSTILE_STRINGS.map(({ text }) => text),
    ...HOSTILE,
    ...PERSONAL_LABELS,
    ...PERSONAL_PIECES,
    ...ALL_CASES.flatMap(
      (c) => detect(new DOMParser().parseFromString(c.html, 'text/html'), c.url).evidence,
    ).map(({ detail }) => detail),
    ...LANGUAGES.flatMap((language) => [...knownWordsIn(VOCABULARY[language])]),
    ascii,
    ...ascii.split('').map((char) => `Key ${char.repeat(20)}1`),
    'a@b.co',
    'a @ b.co',
    'x@y',
    'Card 1234',
    'Card 12345',
    '1 2 3 4 5',
    '12 settings sections, none is API Keys',
    '7 settings sections, none is API Keys',
    'Settings entry: Settings (en)',
    'sk_live_x',
    'ghp_abc',
    'eyJabc.def',
    'abcdefghij0123456789',
    'abcdefghijklmnopqrst',
    '4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f',
    'Tab\there',
    'line\nbreak',
    '',
    'alex\u00ad@example.com',
    'alex@exa\u200bmple.com',
  ];

  it('answers as the Unicode-class check does on the privacy corpus and every printable character', () => {
    expect(corpus.length).toBeGreaterThan(300);
    const secret = corpus.filter((text) => isSecretByUnicodeClasses(text));
    // The corpus holds both answers, from the plain path and the other.
    expect(secret.filter((text) => /^[\x20-\x7e]*$/.test(text)).length).toBeGreaterThan(20);
    expect(corpus.filter((text) => !isSecretByUnicodeClasses(text)).length).toBeGreaterThan(100);
    for (const text of corpus)
      expect(isSecret(text), JSON.stringify(text)).toBe(isSecretByUnicodeClasses(text));
  });
});
