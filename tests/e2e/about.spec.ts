/**
 * The small things a user expects: the popup's footer (version, rules version, the shortcut, help,
 * privacy policy, not made by Pleo), the help and privacy policy inside the extension, and, when keys
 * can be made, "Open API Keys in Pleo" as the card's one filled button.
 */
import AxeBuilder from '@axe-core/playwright';
import { RULES_VERSION } from '../../lib/detect/rules';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

declare const chrome: { runtime: { getManifest(): { version: string } } };

test('the footer: version, the rules version one click away, the shortcut, help, privacy policy and "Not made by Pleo"', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const { version } = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const footer = popup.page.locator('footer.popup-footer');
  await expect(footer).toContainText(`Version ${version}`);
  // The rules' version is for whoever reads a report: not on the first screen, one click away.
  const rules = footer.locator('[data-footer="rules"]');
  await expect(rules).toBeHidden();
  await footer.getByText(`Version ${version}`).click();
  await expect(rules).toHaveText(`Detection rules: version ${RULES_VERSION}`);
  await expect(popup.page.getByText(new RegExp(`rules ${RULES_VERSION}\\b`))).toHaveCount(0);
  await expect(footer).toContainText('Shortcut: Alt+Shift+Y');
  await expect(footer).toContainText('Not made by Pleo');

  for (const [name, section, heading] of [
    ['Help', 'help', 'Help'],
    ['Privacy policy', 'privacy', 'Privacy policy'],
  ] as const) {
    const [page] = await Promise.all([
      context.waitForEvent('page'),
      footer.getByRole('link', { name, exact: true }).click(),
    ]);
    await page.waitForLoadState();
    expect(page.url()).toBe(`chrome-extension://${extensionId}/options.html#${section}`);
    const shown = page.locator(`section#${section}`);
    await expect(shown.getByRole('heading', { level: 2 })).toHaveText(heading);
    await expect(shown).toBeInViewport();
    await page.close();
  }
});

test('the options page holds the help (with the shortcut) and the privacy policy; axe finds nothing', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#privacy`);
  const help = page.locator('section#help');
  await expect(help).toContainText('The popup opens with Alt+Shift+Y.');
  await expect(help).toContainText('chrome://extensions/shortcuts');
  await expect(help).toContainText('Grant access');
  const privacy = page.locator('section#privacy');
  await expect(privacy).toContainText('sends nothing anywhere');
  await expect(privacy).toContainText('never runs in private windows');
  await expect(privacy).toContainText('Not made by Pleo');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => v.id),
      `axe in ${colorScheme}`,
    ).toEqual([]);
  }
});

test('ready: "Open API Keys in Pleo" is the one filled button, and opens Settings → API Keys in that tab', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: false });
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  await visit(await context.newPage(), 'https://app.staging.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();

  await popup.show('production');
  await expect(popup.primary('production')).toHaveText('Open API Keys in Pleo');
  // Not where keys cannot be made.
  await expect(popup.button('staging', 'Open API Keys in Pleo')).toHaveCount(0);

  await popup.primary('production').click();
  await expect.poll(() => pleoTab.url()).toBe('https://app.pleo.io/settings/api-keys');
  const axe = await new AxeBuilder({ page: popup.page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(pleo.strayRequests).toEqual([]);
});
