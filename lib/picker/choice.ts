/**
 * What choosing an element teaches: its label as detection reads it, refused before anything is
 * sent when it may not be taught (lib/state/teachable.ts), and the `learn-label` message. Pure.
 */
import { shownEntryLabel } from '../detect/entries';
import { VOCABULARY } from '../detect/rules';
import { shortText } from '../detect/text';
import type { ContentMessage } from '../messages/protocol';
import { LEARNED_LABEL_MAX, whyUnteachable } from '../state/teachable';
import type { KnownRole, Language, PickTarget } from '../types';

/**
 * The label pick mode shows for a chosen element, and keeps once the user confirms it: for the
 * API Keys entry what the page shows of it (its aria-label or title only when it shows no text;
 * detection matches a taught label against the shown text too), for a role the element's whole
 * short text. Null when there is none detection can read (nothing, too long, a form field).
 */
export function shownLabel(element: Element, target: PickTarget): string | null {
  const label = target === 'apiKeys' ? shownEntryLabel(element) : shortText(element, LEARNED_LABEL_MAX);
  return label?.trim() || null;
}

/**
 * The label a chosen element teaches: its shown label, unless it may not be taught
 * (whyUnteachable: personal or secret); then null, and nothing of it goes anywhere.
 */
export function pickedLabel(element: Element, target: PickTarget): string | null {
  const label = shownLabel(element, target);
  return label && !whyUnteachable(label) ? label : null;
}

/** The message that teaches an accepted label: the API Keys entry's, or a role's with the role the user named. */
export function learnMessage(label: string, language: Language, role?: KnownRole): ContentMessage {
  return { type: 'learn-label', kind: role ? 'role' : 'apiKeys', label, language, ...(role && { role }) };
}

/** A role's name as the Pleo app words it in this language (in English: Admin, Bookkeeper, Expense reviewer, …). */
export function roleName(role: KnownRole, language: Language): string {
  return VOCABULARY[language].roles[role][0]!;
}
