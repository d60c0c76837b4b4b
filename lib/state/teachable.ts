/**
 * Which labels a user may teach: what the picker refuses before anything is sent. Kept apart from
 * the list (./learned.ts) because it carries the rules' whole vocabulary, which the background
 * has no room for; the background checks the message's shape and length.
 */
import { VOCABULARY } from '../detect/rules';
import { isSafeDetail } from '../detect/text';
import { LABEL_MAX } from '../limits';
import { redactNames, wordsOf } from '../report/redact';

// lib/picker/ reads the longest label that can be taught here until it imports lib/limits.ts.
export { LABEL_MAX as LEARNED_LABEL_MAX } from '../limits';

// The rules' own words may stand capitalised side by side ("API Keys"); another such run may be a
// name. Gathered on the first pick, not on every page load of the content script that carries it.
let knownWords: Set<string> | undefined;

export type Unteachable = 'empty' | 'too-long' | 'personal-or-secret';

/**
 * Why a label may not be taught, or null when it may: it must be short, and nothing the reports'
 * redaction would remove (e-mail addresses, key- or token-like strings, long numbers, names), nor
 * more than four digits.
 */
export function whyUnteachable(label: string): Unteachable | null {
  const text = label.trim();
  if (!text) return 'empty';
  if (text.length > LABEL_MAX) return 'too-long';
  if (!isSafeDetail(text) || (text.match(/\d/g)?.length ?? 0) > 4) return 'personal-or-secret';
  knownWords ??= wordsOf(VOCABULARY);
  // E-mail addresses, keys, tokens and long numbers are refused above; the reports' name rule last.
  return redactNames(text, knownWords) === text ? null : 'personal-or-secret';
}
