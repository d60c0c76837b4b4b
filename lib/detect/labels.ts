/**
 * The rules' vocabulary turned into lookups by normalised label, built once. Every match answers
 * with the rules' own spelling, so evidence quotes the rules, never the page.
 */

import type { KnownRole } from '../types';
import { ACCOUNT_AREA_CODE_WORDS, LANGUAGES, type Language, VOCABULARY } from './rules';
import { normaliseLabel } from './text';

export type EntryKind = 'settings' | 'apiKeys' | 'openApi';

export interface LabelMatch<T> {
  value: T;
  /** The label as the rules spell it, with its language: safe to quote in evidence. */
  label: string;
  language: Language;
}

function lookup<T>(pick: (language: Language) => [T, string[]][]): Map<string, LabelMatch<T>> {
  const map = new Map<string, LabelMatch<T>>();
  for (const language of LANGUAGES) {
    for (const [value, labels] of pick(language)) {
      for (const label of labels) {
        const key = normaliseLabel(label);
        if (!map.has(key)) map.set(key, { value, label, language });
      }
    }
  }
  return map;
}

const ENTRY_LABELS = lookup<EntryKind>((language) => [
  ['settings', VOCABULARY[language].settings],
  ['apiKeys', VOCABULARY[language].apiKeys],
  ['openApi', VOCABULARY[language].openApi],
]);

const ROLE_WORDS = lookup<KnownRole>(
  (language) => Object.entries(VOCABULARY[language].roles) as [KnownRole, string[]][],
);

const ROLE_LABELS = lookup<'role'>((language) => [['role', VOCABULARY[language].roleLabel]]);

const ACCOUNT_WORDS = [
  ...new Set(LANGUAGES.flatMap((language) => VOCABULARY[language].accountArea.map((w) => w.toLowerCase()))),
];

export function entryLabel(text: string | null): LabelMatch<EntryKind> | undefined {
  return text ? ENTRY_LABELS.get(normaliseLabel(text)) : undefined;
}

export function roleWord(text: string | null): LabelMatch<KnownRole> | undefined {
  return text ? ROLE_WORDS.get(normaliseLabel(text)) : undefined;
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
