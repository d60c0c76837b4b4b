/**
 * Which labels a user may teach: what the picker refuses before anything is sent, and the
 * background refuses again on arrival (lib/messages/admission.ts). Kept apart from the list
 * (./learned.ts) because it carries the rules' whole vocabulary, to tell a label from a name.
 */
import { VOCABULARY } from '../detect/rules';
import { LABEL_MAX } from '../limits';
import { isPersonalOrSecret, isSecret, knownWordsIn, normaliseText } from '../privacy';

// lib/picker/ reads the longest label that can be taught here until it imports lib/limits.ts.
export { LABEL_MAX as LEARNED_LABEL_MAX } from '../limits';

// The rules' own words may stand capitalised side by side ("API Keys"); another such run may be a
// name. Gathered on the first pick, not on every page load of the content script that carries it.
let knownWords: Set<string> | undefined;

export type Unteachable = 'empty' | 'too-long' | 'personal-or-secret';

/**
 * Why a label may not be taught, or null when it may: it must be short, and neither secret nor
 * someone's name (lib/privacy.ts). The picker asks before it sends, the background again before it keeps.
 */
export function whyUnteachable(label: string): Unteachable | null {
  const text = normaliseText(label).trim();
  if (!text) return 'empty';
  if (label.length > LABEL_MAX) return 'too-long';
  knownWords ??= knownWordsIn(VOCABULARY);
  return isPersonalOrSecret(text, knownWords) ? 'personal-or-secret' : null;
}

/**
 * Whether an evidence line may not be kept: a quoted taught label held to the teaching rule, any
 * other detail (and every signal) to isSecret. The background's admission and storage repair ask.
 */
export function isPersonalEvidence({ signal, detail }: { signal: string; detail: string }): boolean {
  return (
    isSecret(signal) || (signal === 'learned-label' ? whyUnteachable(detail) !== null : isSecret(detail))
  );
}
