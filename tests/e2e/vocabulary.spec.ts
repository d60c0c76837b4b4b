/**
 * Rules version 5 through the built extension in Chromium: Pleo's help-centre words on simulated
 * pages (German's gender-inclusive role names, Danish "Åben API"), and the honest verdict for a
 * Controller who sees a full settings list without API Keys, in the popup, the hint and the report.
 * The hand-written fixtures marked e2e (Admin beside Reviewer, among others) run in ./detect.spec.ts.
 */
import { readFileSync } from 'node:fs';
import type { Download, Worker } from '@playwright/test';
import type { Report } from '../../lib/report/schema';
import { expect, test, visit } from './fixtures';
import { HintOnPage } from './pages/hint';
import { PopupPage } from './pages/popup';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

function stored(serviceWorker: Worker): Promise<{ role: string; apiKeys: string; legacy: string }> {
  return serviceWorker.evaluate(async () => {
    const { 'environment:production': record } = (await chrome.storage.local.get(
      'environment:production',
    )) as {
      'environment:production': {
        role: { value: { value: string } };
        apiKeysEntry: { value: string };
        legacyApiEntry: { value: string };
      };
    };
    return {
      role: record.role.value.value,
      apiKeys: record.apiKeysEntry.value,
      legacy: record.legacyApiEntry.value,
    };
  });
}

test('German Settings page whose account area says Buchhalter:in: the bookkeeper role, ready', async ({
  context,
  serviceWorker,
  extensionId,
  pleo,
}) => {
  pleo.serve('production', { lang: 'de', role: 'bookkeeper', apiKeysEnabled: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  await expect(page.locator('header .badge')).toHaveText('Buchhalter:in');
  expect(await stored(serviceWorker)).toEqual({ role: 'bookkeeper', apiKeys: 'visible', legacy: 'absent' });
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
});

test('Danish settings list with "Åben API": the legacy entry is visible', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { lang: 'da', role: 'admin', apiKeysEnabled: false, legacyApi: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  await expect(page.getByRole('link', { name: 'Åben API' })).toBeVisible();
  expect(await stored(serviceWorker)).toEqual({ role: 'admin', apiKeys: 'absent', legacy: 'visible' });
});

test('a Controller on a full settings list without API Keys: role-unclear in popup, hint and report', async ({
  context,
  serviceWorker,
  extensionId,
  pleo,
}) => {
  pleo.serve('production', { lang: 'en', role: 'controller', apiKeysEnabled: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  expect(await stored(serviceWorker)).toEqual({ role: 'controller', apiKeys: 'absent', legacy: 'absent' });

  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-unclear');
  await expect(hint.text()).toContainText('your role may not be enough');

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'role-unclear');
  await expect(popup.headline('production')).toHaveText('Your role may not be enough');
  await expect(popup.verdict('production')).toContainText('Your role is Controller');
  expect(await popup.conditionStates('production')).toEqual({
    signedIn: 'met',
    role: 'unclear',
    enabled: 'not-seen',
  });
  expect(await popup.steps('production')).toEqual(['askAdminToLook', 'askPleoAboutRole']);
  await expect(popup.requestText('production')).toContainText('My role there is Controller');
  await expect(popup.button('production', 'Copy request')).toBeVisible();

  const [download] = await Promise.all([
    popup.page.waitForEvent('download'),
    popup.page.getByRole('button', { name: /JSON/ }).click(),
  ]);
  const report = JSON.parse(readFileSync((await (download as Download).path())!, 'utf8')) as Report;
  const production = report.environments.find((entry) => entry.environment === 'production')!;
  expect(production.verdict).toBe('role-unclear');
  expect(production.checks.role.value).toBe('controller');
  expect(production.checks.apiKeysEntry).toBe('absent');
  expect(report.extension.rulesVersion).toBe(5);
});
