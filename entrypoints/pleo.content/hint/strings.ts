import { browser } from 'wxt/browser';
import type { HintStrings } from '../../../lib/hint/hint';
import { ENGLISH_HINT_STRINGS } from '../../../lib/hint/strings';
import { hintStringsFrom } from '../../../lib/hint/translations';
import type { ContentMessage } from '../../../lib/messages/protocol';
import type { Language } from '../../../lib/types';

const asked = new Map<Language, Promise<HintStrings>>();

/**
 * The hint's and picker's strings in a language: English at once, any other from the background
 * (lib/hint/translations.ts), asked once per page. When the background cannot answer, English,
 * and the next call asks again.
 */
export function hintStringsIn(language: Language): Promise<HintStrings> {
  if (language === 'en') return Promise.resolve(ENGLISH_HINT_STRINGS);
  let strings = asked.get(language);
  if (!strings) {
    const message: ContentMessage = { type: 'hint-strings', language };
    strings = browser.runtime.sendMessage(message).then(
      (answer: unknown) => {
        const texts = (answer as { strings?: unknown } | undefined)?.strings;
        if (texts === undefined) asked.delete(language);
        return hintStringsFrom(texts);
      },
      () => {
        asked.delete(language);
        return ENGLISH_HINT_STRINGS;
      },
    );
    asked.set(language, strings);
  }
  return strings;
}
