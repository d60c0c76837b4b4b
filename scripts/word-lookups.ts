/**
 * The rules' vocabulary (lib/detect/words.ts, the one list people edit) compiled into the shape
 * matching uses, written to lib/detect/word-lookups.ts: normalising every label of eleven languages
 * when the content script starts cost every Pleo page load about 2 ms. Run `npm run word-lookups`
 * after changing words.ts; a unit test (tests/unit/detect/word-lookups.test.ts) fails until then.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseLabel } from '../lib/detect/text';
import type { CompiledLabel, CompiledLookup } from '../lib/detect/word-lookups';
import { VOCABULARY, type Vocabulary } from '../lib/detect/words';
import { type KnownRole, LANGUAGES, type Language } from '../lib/types';

/**
 * Each label grouped by language and meaning, with its normalised form when that is more than its
 * lower case (most are no more, and the content script is smaller without them); a label two
 * languages share only under the first language, as the lookup answers it.
 */
function grouped<T extends string>(
  vocabulary: Record<Language, Vocabulary>,
  pick: (words: Vocabulary) => [T, string[]][],
): CompiledLookup<T> {
  const seen = new Set<string>();
  const lookup: CompiledLookup<T> = {};
  for (const language of LANGUAGES) {
    for (const [value, labels] of pick(vocabulary[language])) {
      for (const label of labels) {
        const key = normaliseLabel(label);
        if (seen.has(key)) continue;
        seen.add(key);
        const byValue: Partial<Record<T, CompiledLabel[]>> = lookup[language] ?? {};
        lookup[language] = byValue;
        byValue[value] = [...(byValue[value] ?? []), key === label.toLowerCase() ? label : [label, key]];
      }
    }
  }
  return lookup;
}

const unique = (words: string[]) => [...new Set(words)];

export function wordLookups(vocabulary: Record<Language, Vocabulary>) {
  const all = (pick: (words: Vocabulary) => string[]) => LANGUAGES.flatMap((l) => pick(vocabulary[l]));
  return {
    ENTRY_LABELS: grouped<'settings' | 'apiKeys' | 'openApi'>(vocabulary, (words) => [
      ['settings', words.settings],
      ['apiKeys', words.apiKeys],
      ['openApi', words.openApi],
    ]),
    ROLE_WORDS: grouped<KnownRole>(
      vocabulary,
      (words) => Object.entries(words.roles) as [KnownRole, string[]][],
    ),
    ROLE_LABEL_KEYS: unique(all((words) => words.roleLabel).map(normaliseLabel)),
    ACCOUNT_WORDS: unique(all((words) => words.accountArea).map((word) => word.toLowerCase())),
    ORGANISATION_KEYS: unique(all((words) => words.organisation).map(asNormalised)),
  };
}

/**
 * An organisation word as words.ts writes it, which must be its normalised form: one list then
 * serves both the quick test of a raw name and the whole-word match on its normalised text.
 */
function asNormalised(word: string): string {
  if (normaliseLabel(word) !== word) {
    throw new Error(`Write the organisation word "${word}" as "${normaliseLabel(word)}" in words.ts`);
  }
  return word;
}

type Name = keyof ReturnType<typeof wordLookups>;

/** Each constant's comment and type. */
const DECLARATIONS: Record<Name, [string, string]> = {
  ENTRY_LABELS: [
    'Settings, API Keys and Open API labels, by language and entry.',
    "CompiledLookup<'settings' | 'apiKeys' | 'openApi'>",
  ],
  ROLE_WORDS: ['Role words, by language and role.', 'CompiledLookup<KnownRole>'],
  ROLE_LABEL_KEYS: ['Labels that name a role value ("Role"), normalised.', 'readonly string[]'],
  ACCOUNT_WORDS: [
    "Words that name the account area, lower-cased (looked for inside an aria-label's text).",
    'readonly string[]',
  ],
  ORGANISATION_KEYS: [
    'Words that name the organisation, as spelt and normalised (the same: the script checks).',
    'readonly string[]',
  ],
};

export function renderWordLookups(vocabulary: Record<Language, Vocabulary>): string {
  const lookups = wordLookups(vocabulary);
  const constants = (Object.keys(lookups) as Name[]).map((name) => {
    const [comment, type] = DECLARATIONS[name];
    return `/** ${comment} */\nexport const ${name}: ${type} = ${JSON.stringify(lookups[name])};\n`;
  });
  return `// Generated from ./words.ts by scripts/word-lookups.ts: edit words.ts, then run \`npm run word-lookups\`.
import type { KnownRole, Language } from '../types';

/**
 * By language, then by meaning: each label as the rules spell it, with its normalised form
 * (normaliseLabel) when that is not simply its lower case.
 */
export type CompiledLookup<T extends string> = Partial<Record<Language, Partial<Record<T, CompiledLabel[]>>>>;
export type CompiledLabel = string | readonly [label: string, key: string];

${constants.join('\n')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = resolve('lib/detect/word-lookups.ts');
  writeFileSync(target, renderWordLookups(VOCABULARY));
  process.stdout.write(`Wrote ${target}\n`);
}
