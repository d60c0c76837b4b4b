/**
 * The vocabulary compiled at build time (lib/detect/word-lookups.ts) is what normalising words.ts
 * at run time gives, so the two can never drift apart.
 */
import { describe, expect, it } from 'vitest';
import { entryLabel, isRoleLabel, type LabelMatch, roleWord, ruleWordKeys } from '../../../lib/detect/labels';
import { normaliseLabel } from '../../../lib/detect/text';
import * as compiled from '../../../lib/detect/word-lookups';
import { VOCABULARY, type Vocabulary } from '../../../lib/detect/words';
import { LANGUAGES } from '../../../lib/types';
import { wordLookups } from '../../../scripts/word-lookups';

/** The lookup as the content script built it at start before the vocabulary was compiled. */
function normalisedAtRunTime(pick: (words: Vocabulary) => [string, string[]][]) {
  const map = new Map<string, LabelMatch<string>>();
  for (const language of LANGUAGES) {
    for (const [value, labels] of pick(VOCABULARY[language])) {
      for (const label of labels) {
        const key = normaliseLabel(label);
        if (!map.has(key)) map.set(key, { value, label, language });
      }
    }
  }
  return map;
}

const ENTRIES = normalisedAtRunTime((words) => [
  ['settings', words.settings],
  ['apiKeys', words.apiKeys],
  ['openApi', words.openApi],
]);
const ROLES = normalisedAtRunTime((words) => Object.entries(words.roles));
const ROLE_LABELS = normalisedAtRunTime((words) => [['role', words.roleLabel]]);

describe('word lookups', () => {
  it('are compiled from words.ts as it is (after editing words.ts, run: npm run word-lookups)', () => {
    expect({ ...compiled }).toEqual(wordLookups(VOCABULARY));
  });

  it('would fail on a word added to words.ts and not compiled', () => {
    const edited = structuredClone(VOCABULARY);
    edited.fr.apiKeys.push('Clés secrètes');
    expect({ ...compiled }).not.toEqual(wordLookups(edited));
  });

  it('answer every normalised label as normalising words.ts at run time does, and no other', () => {
    for (const [key, match] of ENTRIES) expect(entryLabel(key), key).toEqual(match);
    for (const [key, match] of ROLES) expect(roleWord(key), key).toEqual(match);
    for (const key of ROLE_LABELS.keys()) expect(isRoleLabel(key), key).toBe(true);
    expect(new Set(ruleWordKeys())).toEqual(
      new Set([...ENTRIES.keys(), ...ROLES.keys(), ...ROLE_LABELS.keys()]),
    );
    expect(ruleWordKeys()).toHaveLength(ENTRIES.size + ROLES.size + ROLE_LABELS.size);
  });

  it('keep a normalised form only where it is more than the lower case', () => {
    expect(compiled.ENTRY_LABELS.da?.apiKeys).toEqual([['API-nøgler', 'api nøgler']]);
    expect(compiled.ENTRY_LABELS.en?.apiKeys).toEqual(['API Keys']);
    // "Open API" is English first: the Danish list holds only its own "Åben API".
    expect(compiled.ENTRY_LABELS.da?.openApi).toEqual(['Åben API']);
  });

  it('hold the organisation and account-area words as the rules list them', () => {
    const all = (pick: (words: Vocabulary) => string[]) => LANGUAGES.flatMap((l) => pick(VOCABULARY[l]));
    expect(new Set(compiled.ORGANISATION_KEYS)).toEqual(
      new Set(all((words) => words.organisation).map(normaliseLabel)),
    );
    expect(new Set(compiled.ORGANISATION_KEYS)).toEqual(new Set(all((words) => words.organisation)));
    expect(new Set(compiled.ACCOUNT_WORDS)).toEqual(
      new Set(all((words) => words.accountArea).map((w) => w.toLowerCase())),
    );
  });

  it('refuse an organisation word not written as it normalises', () => {
    const english = { ...VOCABULARY.en, organisation: ['Company'] };
    expect(() => wordLookups({ ...VOCABULARY, en: english })).toThrow(
      'Write the organisation word "Company"',
    );
  });
});
