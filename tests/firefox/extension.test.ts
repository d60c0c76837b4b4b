import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Environment, VerdictKind } from '../../lib/types';
import type { SimulatedUser } from '../../sim/pages';
import { SIMULATED_ORIGINS } from '../../sim/pages';
import {
  clearStorage,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
  startPick,
  storedCheckedAt,
  storedItem,
  waitFor,
} from './firefox';

interface Scenario {
  verdict: VerdictKind;
  environment: Environment;
  /** Who is signed in, for the test's name. */
  who: string;
  user: Partial<SimulatedUser>;
  path: string;
  /** The in-page hint's data-verdict, or null where the hint stays away (lib/hint/ decides). */
  hint: VerdictKind | null;
}

const SCENARIOS: Scenario[] = [
  {
    verdict: 'ready',
    environment: 'production',
    who: 'an Admin, access enabled',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings/api-keys',
    hint: 'ready',
  },
  {
    verdict: 'role-missing',
    environment: 'production',
    who: 'an Employee, access enabled',
    user: { role: 'employee', apiKeysEnabled: true },
    path: '/settings',
    hint: 'role-missing',
  },
  {
    verdict: 'not-enabled',
    environment: 'production',
    who: 'a Bookkeeper, access not enabled',
    user: { role: 'bookkeeper', apiKeysEnabled: false },
    path: '/settings',
    hint: 'not-enabled',
  },
  {
    verdict: 'ready',
    environment: 'staging',
    who: 'a Bookkeeper, access enabled',
    user: { role: 'bookkeeper', apiKeysEnabled: true },
    path: '/settings',
    hint: null,
  },
  {
    verdict: 'signed-out',
    environment: 'staging',
    who: 'nobody',
    user: { signedIn: false },
    path: '/login',
    hint: null,
  },
];

const OTHER: Record<Environment, Environment> = { production: 'staging', staging: 'production' };

describe('the Firefox build in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let extensionPage: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    extensionPage = await firefox.newPage();
    await openExtensionPage(extensionPage, `${firefox.extensionOrigin}/popup.html`);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  beforeEach(async () => {
    await clearStorage(extensionPage);
  });

  test('installs as a temporary add-on under its stable id', () => {
    expect(firefox.addonId).toBe('pleo-api-access-checker@extension');
  });

  test('the popup: site access granted for both environments, and the footer with the shortcut Firefox assigned', async () => {
    const popup = await firefox.newPage();
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`);
    const footer = await waitFor(
      () => popup.evaluate(() => document.querySelector('footer.popup-footer')?.textContent ?? null),
      (text) => text !== null,
    );
    expect(footer).toContain('Shortcut: Alt+Shift+Y');
    expect(footer).toContain('Not made by Pleo');
    expect(
      await popup.evaluate(() => document.querySelectorAll('[data-site-access="withheld"]').length),
    ).toBe(0);
    await popup.close();
  });

  test.each(SCENARIOS)('$environment $path, $who: $verdict, hint $hint', async (scenario) => {
    firefox.serve(scenario.environment, scenario.user);
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS[scenario.environment]}${scenario.path}`);

    // The content script reported and the background stored it.
    const checkedAt = await waitFor(
      () => storedCheckedAt(extensionPage, scenario.environment),
      (value) => value !== null,
    );
    expect(checkedAt, 'no observation stored').not.toBeNull();

    const popup = await firefox.newPage();
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`);
    // The popup paints nothing until it has read storage: until then there is no verdict to read.
    const verdictOf = (environment: Environment) =>
      popup
        .evaluate(
          (selector) => document.querySelector(selector)?.getAttribute('data-verdict') ?? null,
          `[data-environment="${environment}"] [data-verdict]`,
        )
        .catch(() => null);
    const shownVerdict = await waitFor(
      () => verdictOf(scenario.environment),
      (value) => value === scenario.verdict,
    );
    expect(shownVerdict).toBe(scenario.verdict);
    expect(await verdictOf(OTHER[scenario.environment])).toBe('not-checked');
    await popup.close();

    const hint = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-pleo-access-hint]');
        return (
          host && { verdict: host.getAttribute('data-verdict'), text: host.shadowRoot?.textContent ?? '' }
        );
      });
    if (scenario.hint) {
      const shown = await waitFor(hint, (value) => value?.verdict === scenario.hint);
      expect(shown?.verdict).toBe(scenario.hint);
      expect(shown?.text.trim()).not.toBe('');
    } else {
      expect(await hint()).toBeNull();
    }
    await page.close();
    expect(firefox.strayRequests).toEqual([]);
  });

  test('pick mode: a click on an entry whose label the rules do not know teaches it', async () => {
    // Two settings sections and "Developer access": the API Keys entry reads unknown until taught.
    firefox.servePages(
      'production',
      () => `<!doctype html><html lang="en"><head><title>Pleo</title></head><body>
        <nav aria-label="Main"><a href="/expenses">Expenses</a> <a href="/settings">Settings</a></nav>
        <ul aria-label="Settings"><li><a href="/settings/general">General</a></li>
          <li><a href="/settings/export">Export</a></li></ul>
        <main><h1>Settings</h1><button type="button" id="developer">Developer access</button></main>
        <script>window.pageClicks = 0; document.addEventListener('click', () => window.pageClicks++, true);</script>
      </body></html>`,
    );
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS.production}/settings`);
    const entry = () =>
      storedItem(extensionPage, 'environment:production').then(
        (record) => (record as { apiKeysEntry?: { value: string } } | undefined)?.apiKeysEntry?.value,
      );
    expect(await waitFor(entry, (value) => value !== undefined)).toBe('unknown');

    expect(await startPick(extensionPage, SIMULATED_ORIGINS.production, 'apiKeys')).toEqual({ ok: true });
    const picking = () => page.evaluate(() => !!document.querySelector('[data-pleo-access-picker]'));
    expect(await waitFor(picking, (on) => on)).toBe(true);

    await page.click('#developer');
    expect(await waitFor(picking, (on) => !on)).toBe(false);
    const learned = () =>
      storedItem(extensionPage, 'learnedLabels').then((stored) =>
        (
          (stored as { production?: { kind: string; label: string; language: string }[] })?.production ?? []
        ).map(({ kind, label, language }) => ({ kind, label, language })),
      );
    expect(await waitFor(learned, (list) => list.length > 0)).toEqual([
      { kind: 'apiKeys', label: 'Developer access', language: 'en' },
    ]);
    expect(await waitFor(entry, (value) => value === 'visible')).toBe('visible');
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    await page.close();
    expect(firefox.strayRequests).toEqual([]);
  });
});
