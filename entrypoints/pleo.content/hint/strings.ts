import { browser } from 'wxt/browser';
import type { HintStrings } from '../../../lib/hint/hint';
import { hintStringsFrom } from '../../../lib/hint/translations';
import type { ContentMessage } from '../../../lib/messages/protocol';
import type { Language } from '../../../lib/types';

const asked = new Map<Language, Promise<HintStrings | null>>();

/**
 * The hint's and picker's strings in a language, from the background (lib/hint/translations.ts),
 * asked once per page. Null when the background could not answer (the extension was reloaded, say):
 * then nothing is drawn, and the next call asks again.
 */
export function hintStringsFromBackground(language: Language): Promise<HintStrings | null> {
  let strings = asked.get(language);
  if (!strings) {
    const message: ContentMessage = { type: 'hint-strings', language };
    // From inside a promise: without the polyfill, a gone extension throws here rather than rejecting.
    strings = Promise.resolve(message)
      .then((message) => browser.runtime.sendMessage(message))
      .then(
        (answer: unknown) => hintStringsFrom((answer as { strings?: unknown } | undefined)?.strings),
        () => null,
      );
    // Forget a failed ask, so the next call asks again.
    void strings.then((answer) => {
      if (!answer) asked.delete(language);
    });
    asked.set(language, strings);
  }
  return strings;
}
