/**
 * The popup in each of the eleven languages the Pleo app speaks, in a Chromium whose language is
 * that one: its headline and verdicts in that language, nothing wider than its box at the popup's
 * width (long German, Finnish and Dutch words included), and nothing axe objects to. The hint in
 * each language is proved in ./hint.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { LANGUAGES, type Language } from '../../lib/types';
import { extensionWorker, launchWithExtension } from '../../sim/browser';
import { routePleo } from '../../sim/serve';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

async function localeText(language: Language, key: string): Promise<string> {
  const messages = await parseMessagesFile(`locales/${language}.yml`);
  const found = messages.find((m) => m.key.join('.') === key);
  if (found?.type !== 'simple') throw new Error(`${language}: no ${key}`);
  return found.message;
}

/**
 * Every element of the popup wider inside than its box, or reaching out of the popup's 400 px
 * (a grid or flex item grows to its content instead of overflowing itself): tag, class and text.
 */
function overflowing(): string[] {
  const popup = document.body.getBoundingClientRect();
  const boxes = document.body.querySelectorAll('*');
  const wide = [document.body, ...boxes].filter((element) => {
    const box = element.getBoundingClientRect();
    // Clipped on purpose: a heading only screen readers read is 1 px wide whatever its text.
    if (box.width === 0 || element.classList.contains('visually-hidden')) return false;
    return (
      element.scrollWidth > element.clientWidth + 0.5 ||
      box.right > popup.right + 0.5 ||
      box.left < popup.left - 0.5
    );
  });
  return wide.map(
    (element) =>
      `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth}): ${element.textContent?.trim().slice(0, 60)}`,
  );
}

for (const language of LANGUAGES) {
  test(`the popup in ${language}: its headline and verdicts in ${language}, nothing overflows, axe finds nothing`, async () => {
    const context: BrowserContext = await launchWithExtension({ language });
    try {
      const worker = await extensionWorker(context);
      const pleo = await routePleo(context);
      // The fullest popup: Production not enabled (steps, the request to send), Staging unknown
      // (the role question, "Point at …", "I opened Settings and there is no API Keys entry").
      pleo.serve('production', { role: 'admin', apiKeysEnabled: false, lang: language });
      pleo.serve('staging', { role: 'admin', apiKeysEnabled: false, lang: language });
      const pleoTab = await context.newPage();
      await visit(pleoTab, 'https://app.pleo.io/settings', worker);
      await visit(pleoTab, 'https://app.staging.pleo.io/expenses', worker);

      const popup = await new PopupPage(await context.newPage(), new URL(worker.url()).host).open();
      await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(
        await localeText(language, 'popup.title'),
      );
      expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
      await expect(popup.headline('production')).toHaveText(await localeText(language, 'verdict.notEnabled'));
      await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'unknown');
      await expect(popup.headline('staging')).toHaveText(await localeText(language, 'verdict.unknown'));

      // Everything unfolded, so every text is measured at the popup's width.
      await popup.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      expect(await popup.page.evaluate(() => document.body.getBoundingClientRect().width)).toBe(400);
      // Each environment in turn: one is shown at a time.
      for (const environment of ['production', 'staging'] as const) {
        await popup.show(environment);
        expect(await popup.page.evaluate(overflowing), environment).toEqual([]);
        const axe = await new AxeBuilder({ page: popup.page }).analyze();
        expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
}
