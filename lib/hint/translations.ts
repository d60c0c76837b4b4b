/**
 * The hint's strings in the page's language. The content script carries none (eleven languages
 * would not fit its size budget beside pick mode): it asks the background, which reads that
 * language's messages from the extension's own `_locales` files, the same the popup speaks from
 * (no network). Both sides check what they pass on; strings with a text missing or odd are none.
 */
import { TEXT_MAX } from '../limits';
import type { HintStrings } from './hint';
import { HINT_TEXTS } from './strings';

const PREFIX = 'hint_';

const isHintText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= TEXT_MAX;

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

/** The content script's half: the hint's strings from the background's answer, or null unless it has every text. */
export function hintStringsFrom(answer: unknown): HintStrings | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const texts = answer as Record<string, unknown>;
  return HINT_TEXTS.every((text) => Object.hasOwn(texts, text) && isHintText(texts[text]))
    ? (Object.fromEntries(HINT_TEXTS.map((text) => [text, texts[text]])) as HintStrings)
    : null;
}
