/**
 * The rules' vocabulary as lookups by normalised label, from the rows compiled from ./words.ts at
 * build time (./word-lookups.ts). Every match answers with the rules' own spelling, so evidence
 * quotes the rules, never the page.
 */

import type { KnownRole, Language, LearnedLabel } from '../types';
import { LANGUAGES } from '../types';
import { ACCOUNT_AREA_CODE_WORDS, VOCABULARY } from './rules';
import { normaliseLabel } from './text';
import {
  ACCOUNT_WORDS,
  ENTRY_LABELS as COMPILED_ENTRY_LABELS,
  ROLE_WORDS as COMPILED_ROLE_WORDS,
  type CompiledLabel,
  type CompiledLookup,
  ROLE_LABEL_KEYS,
} from './word-lookups';

export type EntryKind = 'settings' | 'apiKeys' | 'openApi';

export interface LabelMatch<T> {
  value: T;
  /** The label as the rules spell it (or as the user taught it), with its language: safe to quote in evidence. */
  label: string;
  language: Language;
  /** Matched by a label the user taught, not by the rules' own vocabulary. */
  learned?: true;
}

/** The labels the user taught (lib/state/learned.ts), as lookups like the rules' own. */
export interface LearnedLookup {
  entries: ReadonlyMap<string, LabelMatch<EntryKind>>;
  roles: ReadonlyMap<string, LabelMatch<KnownRole>>;
}

export const NOTHING_LEARNED: LearnedLookup = { entries: new Map(), roles: new Map() };

/** Built once per list of taught labels; the rules' own vocabulary still wins on the same label. */
export function learnedLookup(labels: readonly LearnedLabel[]): LearnedLookup {
  const entries = new Map<string, LabelMatch<EntryKind>>();
  const roles = new Map<string, LabelMatch<KnownRole>>();
  for (const { kind, label, language, role } of labels) {
    const key = normaliseLabel(label);
    // A label of punctuation alone would match every such text.
    if (!key) continue;
    if (kind !== 'role') entries.set(key, { value: kind, label, language, learned: true });
    else if (role) roles.set(key, { value: role, label, language, learned: true });
  }
  return { entries, roles };
}

function lookup<T extends string>(compiled: CompiledLookup<T>): Map<string, LabelMatch<T>> {
  const map = new Map<string, LabelMatch<T>>();
  for (const [language, byValue] of Object.entries(compiled) as [Language, Record<T, CompiledLabel[]>][]) {
    for (const [value, labels] of Object.entries(byValue) as [T, CompiledLabel[]][]) {
      for (const compiledLabel of labels) {
        const [label, key] =
          typeof compiledLabel === 'string' ? [compiledLabel, compiledLabel.toLowerCase()] : compiledLabel;
        map.set(key, { value, label, language });
      }
    }
  }
  return map;
}

const ENTRY_LABELS = lookup<EntryKind>(COMPILED_ENTRY_LABELS);
const ROLE_WORDS = lookup<KnownRole>(COMPILED_ROLE_WORDS);
const ROLE_LABELS = new Set(ROLE_LABEL_KEYS);

/** Every label and word of the rules but the account area's and the organisation's, normalised. */
export const ruleWordKeys = (): string[] => [...ENTRY_LABELS.keys(), ...ROLE_WORDS.keys(), ...ROLE_LABELS];

export function entryLabel(
  text: string | null,
  learned: LearnedLookup = NOTHING_LEARNED,
): LabelMatch<EntryKind> | undefined {
  if (!text) return undefined;
  const key = normaliseLabel(text);
  return ENTRY_LABELS.get(key) ?? learned.entries.get(key);
}

/**
 * A German gender-inclusive ending after a role word: "Buchhalter:in", "Mitarbeiter*in",
 * "Controller_in", "Buchhalter/-in", "Buchhalter/in", "Buchhalter(in)", and the plurals with
 * "innen". Pleo writes ":in"; other German products write the rest. Checked on the page's text
 * before normalising, which would turn "/-in" into "/ in" and trim the closing parenthesis.
 */
const GENDER_ENDING = /(?:[:*_]|\/-?|\()in(?:nen)?\)?\s*$/i;

export function roleWord(
  text: string | null,
  learned: LearnedLookup = NOTHING_LEARNED,
): LabelMatch<KnownRole> | undefined {
  if (!text) return undefined;
  const key = normaliseLabel(text);
  const match = ROLE_WORDS.get(key) ?? learned.roles.get(key);
  if (match || !GENDER_ENDING.test(text)) return match;
  // The same role as the bare word, and the evidence quotes the rules' bare word.
  return ROLE_WORDS.get(normaliseLabel(text.replace(GENDER_ENDING, '')));
}

export function isRoleLabel(text: string | null): boolean {
  return !!text && ROLE_LABELS.has(normaliseLabel(text));
}

/** Whether an aria-label or title names the account area, in any supported language. */
export function namesAccountArea(text: string): boolean {
  const lower = text.toLowerCase();
  return ACCOUNT_WORDS.some((word) => lower.includes(word));
}

/** Whether an id, class or data-testid marks the account area. */
export function marksAccountArea(code: string): boolean {
  const lower = code.toLowerCase();
  return ACCOUNT_AREA_CODE_WORDS.some((word) => lower.includes(word));
}

/** Every role word with the roles it names: a word naming two roles would make a guess. */
export function roleWordCollisions(): string[] {
  const seen = new Map<string, Set<KnownRole>>();
  for (const language of LANGUAGES) {
    for (const [role, words] of Object.entries(VOCABULARY[language].roles) as [KnownRole, string[]][]) {
      for (const word of words) {
        const key = normaliseLabel(word);
        seen.set(key, (seen.get(key) ?? new Set()).add(role));
      }
    }
  }
  return [...seen].filter(([, roles]) => roles.size > 1).map(([word]) => word);
}
