/**
 * The key check in Firefox (MV2: the External API origins are optional permissions there), against
 * the simulated External API: a Production key and a 401 key, the key kept nowhere.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SIMULATED_COMPANIES, SIMULATED_KEYS } from '../../sim/external-api';
import { type FirefoxWithExtension, launchFirefoxWithExtension, openExtensionPage, waitFor } from './firefox';

declare const browser: {
  storage: { local: { get(key: null): Promise<Record<string, unknown>> } };
  runtime: { getManifest(): Record<string, unknown> };
};

async function checkKey(page: Page, key: string): Promise<string | null> {
  const before = await headline(page);
  await page.type('#key', key);
  await page.click('button[type="submit"]');
  return waitFor(
    () => headline(page),
    (text) => text !== null && text !== before,
  );
}

const headline = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-key-result] h2')?.textContent ?? null).catch(() => null);

describe('the key check in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    page = await firefox.newPage();
    await openExtensionPage(page, `${firefox.extensionOrigin}/check-key.html?environment=production`);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  test('the External API origins are optional permissions, not required ones', async () => {
    const manifest = await page.evaluate(() => browser.runtime.getManifest());
    expect(manifest.optional_permissions).toEqual([
      'https://external.pleo.io/*',
      'https://external.staging.pleo.io/*',
    ]);
    expect(JSON.stringify(manifest.permissions)).not.toContain('external');
  });

  test('a Production key: works in Production, with its company; the field is cleared and the key kept nowhere', async () => {
    expect(await checkKey(page, SIMULATED_KEYS.production)).toBe('The key works in Production');
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(SIMULATED_COMPANIES.production.slice(0, 8));
    expect(text).toContain('Use https://external.pleo.io as the base URL.');
    expect(await page.evaluate(() => (document.querySelector('#key') as HTMLInputElement).value)).toBe('');
    expect(await page.content()).not.toContain(SIMULATED_KEYS.production);
    expect(firefox.api.requests.map((r) => [r.environment, r.key, r.password, r.cookie]).sort()).toEqual([
      ['production', SIMULATED_KEYS.production, '', null],
      ['staging', SIMULATED_KEYS.production, '', null],
    ]);
    const stored = await waitFor(
      () => page.evaluate(async () => JSON.stringify(await browser.storage.local.get(null))),
      (json) => json.includes('keyChecks'),
    );
    expect(JSON.parse(stored).keyChecks.production).toMatchObject({ result: 'valid' });
    expect(stored).not.toContain(SIMULATED_KEYS.production);
  });

  test('a 401 key: not a valid key in either environment', async () => {
    expect(await checkKey(page, SIMULATED_KEYS.unknown)).toBe(
      'Not a valid Standalone API Key in Production or Staging',
    );
    expect(firefox.strayRequests).toEqual([]);
  });
});
