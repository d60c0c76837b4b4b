/**
 * The hint's strings in the page's language. The content script carries English alone (eleven
 * languages would not fit its size budget); for any other language it asks the background, which
 * reads that language's messages from the extension's own `_locales` files, the same the popup
 * speaks from (no network). Both sides check what they pass on, and a missing or odd text is English.
 */
import type { HintStrings, HintText } from './hint';
import { ENGLISH_HINT_STRINGS } from './strings';

/** Far longer than any hint text; a longer one is not a hint text. */
const MAX_HINT_TEXT = 300;
const PREFIX = 'hint_';

const isHintText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= MAX_HINT_TEXT;

/**
 * The background's half: the `hint:` texts of one built `_locales/<language>/messages.json`, which
 * names them `hint_<text>` (nested keys joined by "_"). It knows no English, to stay small.
 */
export function hintTextsFromMessages(messages: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) return texts;
  for (const [name, entry] of Object.entries(messages)) {
    const message: unknown = typeof entry === 'object' && entry !== null ? entry.message : null;
    if (name.startsWith(PREFIX) && isHintText(message)) texts[name.slice(PREFIX.length)] = message;
  }
  return texts;
}

/** The content script's half: the hint's strings from the background's answer, English for any text it lacks. */
export function hintStringsFrom(answer: unknown): HintStrings {
  const strings: HintStrings = { ...ENGLISH_HINT_STRINGS };
  if (typeof answer !== 'object' || answer === null) return strings;
  for (const text of Object.keys(strings) as HintText[]) {
    const value: unknown = Object.hasOwn(answer, text) ? (answer as Record<string, unknown>)[text] : null;
    if (isHintText(value)) strings[text] = value;
  }
  return strings;
}
