/**
 * The per-environment list of labels the user taught by pointing at them (which labels may be
 * taught at all: ./teachable.ts). Pure; the background stores the results, detection reads them.
 */

import type { LearnedKind, LearnedLabel } from '../types';
import { LEARNED_LABELS_LIMIT } from '../types';

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
