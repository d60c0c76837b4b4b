/**
 * What choosing an element teaches: its label as detection reads it, refused before anything is
 * sent when it may not be taught (lib/state/teachable.ts), and the `learn-label` message. Pure.
 */
import { entryLabelText } from '../detect/entries';
import { VOCABULARY } from '../detect/rules';
import { shortText } from '../detect/text';
import type { ContentMessage } from '../messages/protocol';
import { LEARNED_LABEL_MAX, whyUnteachable } from '../state/teachable';
import type { KnownRole, Language, PickTarget } from '../types';

/**
 * The label a chosen element teaches: rule 1's label for the API Keys entry (what detection will
 * compare it with), the element's whole short text for a role. Null when there is none detection
 * can read (nothing, too long, a form field) or it may not be taught (whyUnteachable: personal or
 * secret): then nothing of it goes anywhere.
 */
export function pickedLabel(element: Element, target: PickTarget): string | null {
  const label = (
    target === 'apiKeys' ? entryLabelText(element) : shortText(element, LEARNED_LABEL_MAX)
  )?.trim();
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
