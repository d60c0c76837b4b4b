/**
 * A browser in a regional variant of one of the app's languages gets the popup in that language:
 * Chrome picks the extension's `_locales` folder by the language alone when no folder has the
 * region (pt-BR and pt-PT → pt, de-AT → de, fr-CA → fr, es-419 → es), and names Norwegian Bokmål
 * "nb" whether the system says "no" or "nb". Needs Chromium's locale packs (Debian's
 * chromium-l10n, part of every Chrome): without them Chromium's UI is en-US whatever --lang says.
 * See docs/browsers.md, "Languages and regions".
 */
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Language } from '../../lib/types';
import { extensionWorker, launchWithExtension } from '../../sim/browser';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup';

const VARIANTS: [browserLanguage: string, language: Language][] = [
  ['pt-BR', 'pt'],
  ['pt-PT', 'pt'],
  ['de-AT', 'de'],
  ['fr-CA', 'fr'],
  ['es-419', 'es'],
  ['no', 'nb'],
  ['nb', 'nb'],
];

async function popupTitle(language: Language): Promise<string> {
  const messages = await parseMessagesFile(`locales/${language}.yml`);
  const found = messages.find((m) => m.key.join('.') === 'popup.title');
  if (found?.type !== 'simple') throw new Error(`${language}: no popup.title`);
  return found.message;
}

for (const [browserLanguage, language] of VARIANTS) {
  test(`a browser in ${browserLanguage} gets the popup in ${language}`, async () => {
    const context = await launchWithExtension({ language: browserLanguage });
    try {
      const worker = await extensionWorker(context);
      const popup = await new PopupPage(await context.newPage(), new URL(worker.url()).host).open();
      await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(await popupTitle(language));
      expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe(language);
    } finally {
      await context.close();
    }
  });
}
