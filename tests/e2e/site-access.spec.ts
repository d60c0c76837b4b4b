/**
 * Site access withheld (Chrome, Edge): a user or a policy sets the extension's site access to
 * "On click" or blocks the Pleo sites, and the content script never runs there. The access is really
 * withheld here, the way Chromium's extensions page does it (sim/browser.ts `setSiteAccess`).
 *
 * The browser's permission prompt is its own window, which a test cannot click. So the popup's
 * `permissions.request` is wrapped to record what it asks for and to stand in for the user's answer:
 * "Allow" grants the access as the extensions page would, then lets the real request through, which
 * the browser then answers at once; "Deny" answers false.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { setSiteAccess, storedCheckedAt } from '../../sim/browser';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

const WITHHELD = 'Allow access to Pleo pages';

/** What the popup asked the browser for, and the user's answer to give it: 'allow', 'deny' or none yet. */
interface PromptStandIn {
  requests: unknown[];
  answer: 'allow' | 'deny' | null;
}

declare global {
  interface Window {
    permissionPrompt: PromptStandIn;
  }
}

async function openPopupWithPromptStandIn(page: Page, extensionId: string): Promise<PopupPage> {
  await page.addInitScript(() => {
    const permissions = (
      globalThis as unknown as { chrome: { permissions: { request(p: unknown): Promise<boolean> } } }
    ).chrome.permissions;
    const request = permissions.request.bind(permissions);
    const standIn: PromptStandIn = { requests: [], answer: null };
    window.permissionPrompt = standIn;
    permissions.request = async (asked: unknown) => {
      standIn.requests.push(asked);
      while (standIn.answer === null) await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = standIn.answer;
      standIn.answer = null;
      return answer === 'allow' ? request(asked) : false;
    };
  });
  return new PopupPage(page, extensionId).open();
}

// Site access is set on chrome://extensions, which a reset does not undo.
test.use({ freshBrowser: true });

test('withheld for Production: its card asks to allow access to Pleo pages, not "Not checked yet"', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: true });
  await setSiteAccess(context, extensionId, { production: false, staging: true });

  // Production's page loads, but the content script may not run on it: nothing is stored.
  const production = await context.newPage();
  await production.goto('https://app.pleo.io/settings');
  await visit(await context.newPage(), 'https://app.staging.pleo.io/settings', serviceWorker);
  expect(await storedCheckedAt(serviceWorker, 'production')).toBeNull();

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.show('production');
  const card = popup.environment('production');
  await expect(card.locator('[data-site-access="withheld"]')).toBeVisible();
  await expect(popup.headline('production')).toHaveText(WITHHELD);
  await expect(card).not.toContainText('Not checked yet');
  await expect(card).toContainText('app.pleo.io');
  // The one action that can work, alone: nothing else can be checked until then.
  await expect(popup.primary('production')).toHaveText('Grant access');
  await expect(popup.primary('production')).toBeVisible();
  await expect(card.getByRole('button', { name: /check again|open settings|point at/i })).toHaveCount(0);
  expect((await popup.steps('production'))[0]).toBe('allowSiteAccess');
  await expect(card.locator('[data-step="allowSiteAccess"]')).not.toContainText('On all sites');
  await expect(popup.page.locator('[data-switch="production"]')).toContainText('No access');
  // Staging may be read, and was.
  await expect(popup.environment('staging').locator('[data-site-access]')).toHaveCount(0);
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'ready');

  // The report says so per environment (schemaVersion stays 1).
  const [download] = await Promise.all([
    popup.page.waitForEvent('download'),
    popup.page.getByRole('button', { name: /JSON/ }).click(),
  ]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(report.schemaVersion).toBe(1);
  expect(report.environments.map((e: { siteAccess?: string }) => e.siteAccess)).toEqual([
    'withheld',
    'granted',
  ]);
  expect(pleo.strayRequests).toEqual([]);
});

test('"Grant access" asks for the two Pleo origins only; refused, it says so; granted, the open Pleo tab is read again', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  await setSiteAccess(context, extensionId, {});
  const pleoTab = await context.newPage();
  await pleoTab.goto('https://app.pleo.io/settings');
  const popup = await openPopupWithPromptStandIn(await context.newPage(), extensionId);
  // Both withheld: one banner says so for both, with the one button; the cards say no more.
  const banner = popup.page.locator('.banner');
  await expect(banner.locator('.headline')).toHaveText(WITHHELD);
  await expect(banner).toContainText('app.pleo.io');
  await expect(banner).toContainText('app.staging.pleo.io');
  await expect(popup.page.getByRole('heading', { name: WITHHELD, exact: true })).toHaveCount(2);
  await expect(popup.page.locator('[data-primary-action]:visible')).toHaveCount(1);
  const grant = banner.getByRole('button', { name: 'Grant access' });
  await expect(grant).toHaveAttribute('data-primary-action', 'grant-access');
  await expect(popup.verdict('production')).toHaveAttribute('data-site-access', 'withheld');
  await expect(popup.verdict('staging')).toHaveAttribute('data-site-access', 'withheld');
  await expect(popup.page.getByRole('button', { name: 'Grant access' })).toHaveCount(1);

  // Refused (by the user, or by a policy): the banner says so and stays as it was.
  await grant.click();
  await popup.page.evaluate(() => {
    window.permissionPrompt.answer = 'deny';
  });
  await expect(banner.getByRole('status')).toContainText('Access was not granted');
  await expect(banner.locator('.headline')).toHaveText(WITHHELD);

  // Allowed: exactly the two declared origins were asked for, both times.
  await grant.click();
  const requests = await popup.page.evaluate(() => window.permissionPrompt.requests);
  const asked = { origins: ['https://app.pleo.io/*', 'https://app.staging.pleo.io/*'] };
  expect(requests).toEqual([asked, asked]);
  expect(await storedCheckedAt(serviceWorker, 'production')).toBeNull();
  await pleoTab.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await setSiteAccess(context, extensionId, { production: true, staging: true });
  await popup.page.evaluate(() => {
    window.permissionPrompt.answer = 'allow';
  });

  // The popup reloads the open Production tab; this time the content script runs and the page is read.
  await expect.poll(() => storedCheckedAt(serviceWorker, 'production')).not.toBeNull();
  expect(
    await pleoTab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBeUndefined();
  await expect(popup.environment('production').locator('[data-site-access]')).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');
  await expect(popup.headline('staging')).toHaveText('Not checked yet');
  expect(pleo.strayRequests).toEqual([]);
});

test('once granted, the next visit is read', async ({ context, extensionId, serviceWorker, pleo }) => {
  pleo.serve('staging', { role: 'employee', apiKeysEnabled: true });
  await setSiteAccess(context, extensionId, { production: true, staging: false });
  const staging = await context.newPage();
  await staging.goto('https://app.staging.pleo.io/settings');
  expect(await storedCheckedAt(serviceWorker, 'staging')).toBeNull();

  await setSiteAccess(context, extensionId, { production: true, staging: true });
  await visit(staging, 'https://app.staging.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'role-missing');
});
