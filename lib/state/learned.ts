/**
 * The per-environment list of labels the user taught by pointing at them (which labels may be
 * taught at all: ./teachable.ts). Pure; the background stores the results, detection reads them.
 */

import { LABEL_MAX, LEARNED_LABELS_LIMIT } from '../limits';
import type { Environment, LearnedKind, LearnedLabel } from '../types';
import { isObject, isOneOf, KNOWN_ROLES, LANGUAGES, LEARNED_KINDS } from '../types';

// Case apart, the same label: close variants ("API-keys") may stay side by side, which matches the same.
const sameLabel = (a: { kind: LearnedKind; label: string }, kind: LearnedKind, label: string) =>
  a.kind === kind && a.label.toLowerCase() === label.toLowerCase();

/** The list with this label added (replacing the same label of the same kind), the oldest dropped past the limit. */
export function withLearnedLabel(list: readonly LearnedLabel[], learned: LearnedLabel): LearnedLabel[] {
  const others = list.filter((entry) => !sameLabel(entry, learned.kind, learned.label));
  return [...others, learned].slice(-LEARNED_LABELS_LIMIT);
}

export function withoutLearnedLabel(
  list: readonly LearnedLabel[],
  kind: LearnedKind,
  label: string,
): LearnedLabel[] {
  return list.filter((entry) => !sameLabel(entry, kind, label));
}

/**
 * One environment's learned labels from the raw stored item, as the content script reads it
 * (without the storage validators, which would not fit its budget): entries of the wrong shape are
 * left out, and what detection does not read is not checked.
 */
export function learnedFromStorage(stored: unknown, environment: Environment): LearnedLabel[] {
  const list = isObject(stored) ? stored[environment] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is LearnedLabel =>
      isObject(entry) &&
      isOneOf(entry.kind, LEARNED_KINDS) &&
      typeof entry.label === 'string' &&
      entry.label.length <= LABEL_MAX &&
      isOneOf(entry.language, LANGUAGES) &&
      (entry.role === undefined || isOneOf(entry.role, KNOWN_ROLES)),
  );
}
