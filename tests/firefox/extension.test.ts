import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Environment, VerdictKind } from '../../lib/types';
import { readHintStrings } from '../../scripts/hint-strings';
import type { SimulatedUser } from '../../sim/pages';
import { SIMULATED_ORIGINS } from '../../sim/pages';
import {
  clearStorage,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
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
    // Read as the bookkeeper role only through the rules' German gender-inclusive ending.
    verdict: 'not-enabled',
    environment: 'production',
    who: 'a German Buchhalter:in, access not enabled',
    user: { lang: 'de', role: 'bookkeeper', apiKeysEnabled: false },
    path: '/settings',
    hint: 'not-enabled',
  },
  {
    verdict: 'role-unclear',
    environment: 'production',
    who: 'a Controller, access enabled, no API Keys in the settings list',
    user: { role: 'controller', apiKeysEnabled: true },
    path: '/settings',
    hint: 'role-unclear',
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

interface FirefoxApi {
  tabs: { query(query: { url: string }): Promise<{ id: number; url?: string }[]> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
}

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
    // One environment on one screen: exactly one filled button shows, within the first 600 px.
    const primaries = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-primary-action]')]
        .filter((element) => (element as HTMLElement).checkVisibility())
        .map((element) => element.getBoundingClientRect().bottom),
    );
    expect(primaries).toHaveLength(1);
    expect(primaries[0]).toBeLessThanOrEqual(600);
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

  test.each(['fi', 'de'] as const)(
    'the hint speaks the page’s language (%s), its texts read by the background',
    async (lang) => {
      const strings = await readHintStrings(lang);
      firefox.serve('production', { role: 'employee', lang });
      const page = await firefox.newPage();
      await page.goto(`${SIMULATED_ORIGINS.production}/expenses`);
      const shown = await waitFor(
        () =>
          page.evaluate(
            () => document.querySelector('[data-pleo-access-hint]')?.shadowRoot?.textContent ?? null,
          ),
        (text) => !!text?.includes(strings.roleMissing!),
      );
      expect(shown).toContain(strings.roleMissing);
      // The verdict's one action: the request, opened in the guidance tab.
      expect(shown).toContain(strings.request);
      await page.close();
      expect(firefox.strayRequests).toEqual([]);
    },
  );

  test('a page that shows its company: that company’s own record, named on the card', async () => {
    firefox.serve('production', {
      role: 'admin',
      apiKeysEnabled: false,
      organisation: 'switcher',
      company: 'Acme ApS',
    });
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS.production}/settings`);
    const companies = () =>
      storedItem(extensionPage, 'organisations:production') as Promise<
        { name: string; id: string }[] | undefined
      >;
    const stored = await waitFor(companies, (list) => (list?.length ?? 0) > 0);
    expect(stored?.map((o) => o.name)).toEqual(['Acme ApS']);
    expect(stored?.[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await storedItem(extensionPage, 'environment:production')).toBeUndefined();
    const popup = await firefox.newPage();
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`);
    const current = await waitFor(
      () =>
        popup
          .evaluate(
            () =>
              document.querySelector('[data-environment="production"] [data-organisation="current"]')
                ?.textContent ?? null,
          )
          .catch(() => null),
      (text) => !!text,
    );
    expect(current).toContain('Acme ApS');
    await Promise.all([popup.close(), page.close()]);
    expect(firefox.strayRequests).toEqual([]);
  });

  /** Settings with an API Keys entry called something the rules do not know, and a role word they do not know. */
  const unknownWordsPage = (role: string) => () =>
    `<!doctype html><html lang="en"><head><title>Pleo</title></head><body>
      <header><div aria-label="Account menu"><span>Alex Example</span> <span id="role">${role}</span></div></header>
      <nav aria-label="Main"><a href="/expenses">Expenses</a> <a href="/settings">Settings</a></nav>
      <main><h1>Settings</h1><ul aria-label="Settings"><li><button type="button">General</button></li>
        <li><button type="button" id="developer">Developer access</button></li></ul></main>
      <script>window.pageClicks = 0; document.addEventListener('click', () => window.pageClicks++, true);</script>
    </body></html>`;

  type StoredRecord = { apiKeysEntry?: { value: string }; role?: { value: { value: string } } };
  const record = () =>
    storedItem(extensionPage, 'environment:production') as Promise<StoredRecord | undefined>;
  const learned = () =>
    storedItem(extensionPage, 'learnedLabels').then((stored) =>
      (
        (stored as { production?: { kind: string; label: string; language: string; role?: string }[] })
          ?.production ?? []
      ).map(({ learnedAt: _, ...rest }: { learnedAt?: number } & Record<string, unknown>) => rest),
    );
  const text = (page: Page, selector: string) =>
    page
      .evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector)
      .catch(() => null);
  const picking = (page: Page) => page.evaluate(() => !!document.querySelector('[data-pleo-access-picker]'));

  /** The popup in a tab, as a user would use it: the "Point at …" button of the Production card. */
  async function pointAt(name: RegExp): Promise<Page> {
    const popup = await firefox.newPage();
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html?view=tab`);
    const button = await waitFor(
      () =>
        popup.$$('[data-environment="production"] button').then(async (buttons) => {
          for (const button of buttons) {
            if (name.test(await button.evaluate((element) => element.textContent ?? ''))) return button;
          }
          return null;
        }),
      (found) => found !== null,
    );
    expect(button, `no button ${name} in the Production card`).not.toBeNull();
    await button!.click();
    return popup;
  }

  test('pick mode: an API Keys entry the rules do not know, pointed at and kept; in both reports; forgotten, unknown again', async () => {
    firefox.servePages('production', unknownWordsPage('Admin'));
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS.production}/settings`);
    expect(
      await waitFor(record, (value) => value?.apiKeysEntry !== undefined).then((r) => r?.apiKeysEntry?.value),
    ).toBe('unknown');

    const popup = await pointAt(/^Point at .*API Keys/);
    expect(
      await waitFor(
        () => picking(page),
        (on) => on,
      ),
    ).toBe(true);
    await page.click('#developer');
    // Pick mode shows the label it would keep; its "Keep …" button keeps it.
    const keep = await waitFor(
      () => page.$('[data-pleo-access-picker] >>> button::-p-text(Keep)'),
      (found) => found !== null,
    );
    expect(keep, 'no "Keep" button in the picker').not.toBeNull();
    await keep!.click();
    expect(
      await waitFor(
        () => picking(page),
        (on) => !on,
      ),
    ).toBe(false);
    expect(await waitFor(learned, (list) => list.length > 0)).toEqual([
      { kind: 'apiKeys', label: 'Developer access', language: 'en' },
    ]);
    expect(
      (await waitFor(record, (value) => value?.apiKeysEntry?.value === 'visible'))?.apiKeysEntry?.value,
    ).toBe('visible');
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    const verdict = () =>
      popup
        .evaluate(() =>
          document
            .querySelector('[data-environment="production"] [data-verdict]')
            ?.getAttribute('data-verdict'),
        )
        .catch(() => null);
    expect(await waitFor(verdict, (value) => value === 'ready')).toBe('ready');

    // The report the popup would share holds what was taught: its preview is the exact text.
    const json = await waitFor(
      () => text(popup, '[data-report-preview="json"]'),
      (shown) => !!shown && shown.includes('Developer access'),
    );
    const report = JSON.parse(json!) as {
      schemaVersion: number;
      environments: { environment: string; learnedLabels?: unknown }[];
    };
    expect(report.schemaVersion).toBe(1);
    expect(report.environments.find((entry) => entry.environment === 'production')?.learnedLabels).toEqual([
      { kind: 'apiKeys', label: 'Developer access', language: 'en' },
    ]);
    const markdown = await text(popup, '[data-report-preview="markdown"]');
    expect(markdown).toContain('## Suggested rules change');
    expect(markdown).toContain("+    apiKeys: ['API Keys', 'Developer access'],");

    // Forgotten on the options page: the page reads as before.
    const options = await firefox.newPage();
    await openExtensionPage(options, `${firefox.extensionOrigin}/options.html`);
    const forget = await waitFor(
      () => options.$('button[type="button"]::-p-text(Forget “Developer access”)'),
      (found) => found !== null,
    );
    await forget!.click();
    expect(await waitFor(learned, (list) => list.length === 0)).toEqual([]);
    await page.reload();
    expect(
      (await waitFor(record, (value) => value?.apiKeysEntry?.value === 'unknown'))?.apiKeysEntry?.value,
    ).toBe('unknown');
    expect(await waitFor(verdict, (value) => value === 'unknown')).toBe('unknown');
    await Promise.all([options.close(), popup.close(), page.close()]);
    expect(firefox.strayRequests).toEqual([]);
  });

  test('pick mode: a role word the rules do not know, then which role it is; the verdict follows', async () => {
    firefox.servePages('production', unknownWordsPage('Superuser'));
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS.production}/settings`);
    expect((await waitFor(record, (value) => value?.role !== undefined))?.role?.value.value).toBe('unknown');

    const popup = await pointAt(/^Point at .*role/);
    expect(
      await waitFor(
        () => picking(page),
        (on) => on,
      ),
    ).toBe(true);
    await page.click('#role');
    // The picker asks which role the word means: one button per role, in its shadow root.
    const admin = await waitFor(
      () => page.$('[data-pleo-access-picker] >>> button::-p-text(Admin)'),
      (found) => found !== null,
    );
    expect(admin, 'no "Admin" button in the picker').not.toBeNull();
    await admin!.click();
    expect((await waitFor(record, (value) => value?.role?.value.value === 'admin'))?.role?.value.value).toBe(
      'admin',
    );
    expect(await learned()).toEqual([{ kind: 'role', label: 'Superuser', language: 'en', role: 'admin' }]);
    expect(
      await waitFor(
        () => picking(page),
        (on) => !on,
      ),
    ).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    await Promise.all([popup.close(), page.close()]);
    expect(firefox.strayRequests).toEqual([]);
  });

  test('a request: "I sent it", the follow-up after a week with its date, then API Keys arrives: popup, hint and badge tell it with the date asked', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    // The helper page is a popup, and an open popup shows the news at once (the badge stops telling
    // it): here it reads storage from the options page instead.
    await openExtensionPage(extensionPage, `${firefox.extensionOrigin}/options.html`);
    const user = { role: 'admin', organisation: 'switcher', company: 'Acme ApS' } as const;
    firefox.serve('production', { ...user, apiKeysEnabled: false });
    const page = await firefox.newPage();
    await page.goto(`${SIMULATED_ORIGINS.production}/settings`);
    await waitFor(
      () => storedItem(extensionPage, 'organisations:production') as Promise<unknown[] | undefined>,
      (list) => (list?.length ?? 0) > 0,
    );
    const popup = await firefox.newPage();
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`);
    const clickSent = () =>
      popup.evaluate(() => {
        const button = [...document.querySelectorAll('[data-environment="production"] button')].find(
          (b) => b.textContent === 'I sent it',
        ) as HTMLButtonElement | undefined;
        button?.click();
        return !!button;
      });
    expect(await waitFor(clickSent, (clicked) => clicked)).toBe(true);
    type Stored = { production: { sentAt: number; resolvedAt: number | null }[] } | undefined;
    const requests = () => storedItem(extensionPage, 'requests') as Promise<Stored>;
    const [sent] = (await waitFor(requests, (r) => (r?.production.length ?? 0) === 1))!.production;

    // A week and a day later, as far as the stored request knows: the follow-up names its date.
    const sentAt = sent!.sentAt - 8 * DAY;
    await extensionPage.evaluate(async (sentAt) => {
      const { requests } = (await browser.storage.local.get('requests')) as { requests: Stored };
      requests!.production[0]!.sentAt = sentAt;
      await browser.storage.local.set({ requests });
    }, sentAt);
    const followUp = await waitFor(
      () => popup.evaluate(() => document.querySelector('.follow-up-body')?.textContent ?? ''),
      (text) => text !== '',
    );
    expect(followUp).toContain(`On ${new Date(sentAt).toISOString().slice(0, 10)} I asked`);
    expect(followUp).not.toContain('Acme');
    await popup.close();

    // The same company's page now shows API Keys.
    firefox.serve('production', { ...user, apiKeysEnabled: true });
    // An address of its own (a query, so the page loads again): other tests' Pleo tabs may still be open, and the badge read is this tab's.
    await page.goto(`${SIMULATED_ORIGINS.production}/settings?follow-up`);
    const closed = await waitFor(requests, (r) => typeof r?.production[0]?.resolvedAt === 'number');
    expect(closed?.production[0]?.resolvedAt).toEqual(expect.any(Number));
    const askedOn = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(sentAt);
    const hint = await waitFor(
      () =>
        page.evaluate(() => document.querySelector('[data-pleo-access-hint]')?.shadowRoot?.textContent ?? ''),
      (text) => text.includes('You asked on'),
    );
    expect(hint).toContain(`You asked on ${askedOn}.`);
    const badge = () =>
      extensionPage.evaluate(async () => {
        // Firefox's MV2 names, which the shared types do not declare.
        const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
        const tabs = await api.tabs.query({ url: 'https://app.pleo.io/*' });
        const tab = tabs.find((candidate) => candidate.url?.endsWith('?follow-up'));
        return api.browserAction.getBadgeText({ tabId: tab!.id });
      });
    expect(await waitFor(badge, (text) => text === '1')).toBe('1');

    const news = await firefox.newPage();
    await openExtensionPage(news, `${firefox.extensionOrigin}/popup.html`);
    const line = await waitFor(
      () => news.evaluate(() => document.querySelector('.arrival')?.textContent ?? ''),
      (text) => text !== '',
    );
    expect(line).toBe(`API Keys is now enabled for Acme ApS — you asked on ${askedOn}.`);
    expect(await waitFor(badge, (text) => text !== '1')).toBe('✓');
    await Promise.all([news.close(), page.close()]);
    await openExtensionPage(extensionPage, `${firefox.extensionOrigin}/popup.html`);
    expect(firefox.strayRequests).toEqual([]);
  });
});
