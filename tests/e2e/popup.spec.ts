import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { camelCase } from '../../lib/guidance/translate';
import type { VerdictKind } from '../../lib/types';
import { launchWithExtension } from '../../sim/browser';
import { DEFAULT_USER, pleoPage, type SimulatedUser } from '../../sim/pages';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

interface Scenario {
  verdict: VerdictKind;
  user: Partial<SimulatedUser>;
  /** The Production page visited before the popup opens; null visits none. */
  path: string | null;
  states: { signedIn: string; role: string; enabled: string } | null;
  firstStep: string;
  /** The card's one filled button. */
  primary: string;
}

const SCENARIOS: Scenario[] = [
  {
    verdict: 'ready',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings',
    states: { signedIn: 'met', role: 'met', enabled: 'met' },
    firstStep: 'createKey',
    primary: 'open-api-keys',
  },
  {
    verdict: 'role-missing',
    user: { role: 'employee', apiKeysEnabled: true },
    path: '/settings',
    states: { signedIn: 'met', role: 'not-met', enabled: 'not-seen' },
    firstStep: 'askAdminForRole',
    primary: 'copy-request',
  },
  {
    verdict: 'not-enabled',
    user: { role: 'admin', apiKeysEnabled: false },
    path: '/settings',
    states: { signedIn: 'met', role: 'met', enabled: 'not-met' },
    firstStep: 'askPartnerOrCustomerContact',
    primary: 'copy-request',
  },
  {
    verdict: 'signed-out',
    user: { signedIn: false },
    path: '/access',
    states: { signedIn: 'not-met', role: 'not-seen', enabled: 'not-seen' },
    firstStep: 'signIn',
    primary: 'sign-in',
  },
  {
    verdict: 'unknown',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings/export',
    states: { signedIn: 'met', role: 'met', enabled: 'not-seen' },
    firstStep: 'openSettings',
    primary: 'open-settings',
  },
  {
    verdict: 'not-checked',
    user: {},
    path: null,
    states: null,
    firstStep: 'openSettingsToCheck',
    primary: 'open-settings',
  },
];

/** The English texts, from the locale file the popup is built from. */
async function englishTexts(): Promise<Record<string, string>> {
  const messages = await parseMessagesFile('locales/en.yml');
  return Object.fromEntries(
    messages.flatMap((m) => (m.type === 'simple' ? [[m.key.join('.'), m.message] as const] : [])),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openPopupAfter(
  scenario: Scenario,
  context: import('@playwright/test').BrowserContext,
  extensionId: string,
  serviceWorker: Worker,
  pleo: import('../../sim/serve').PleoServer,
): Promise<PopupPage> {
  pleo.serve('production', scenario.user);
  if (scenario.path !== null)
    await visit(await context.newPage(), `https://app.pleo.io${scenario.path}`, serviceWorker);
  return new PopupPage(await context.newPage(), extensionId).open();
}

for (const scenario of SCENARIOS) {
  test(`${scenario.verdict}: headline, checklist, first next step and the one primary action; axe finds nothing in light or dark`, async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
  }) => {
    const texts = await englishTexts();
    const popup = await openPopupAfter(scenario, context, extensionId, serviceWorker, pleo);

    await expect(popup.verdict('production')).toHaveAttribute('data-verdict', scenario.verdict);
    await expect(popup.headline('production')).toHaveText(texts[`verdict.${camelCase(scenario.verdict)}`]!);
    if (scenario.states) {
      expect(await popup.conditionStates('production')).toEqual(scenario.states);
      await expect(popup.environment('production').locator('.checked')).toHaveText(texts['checked.justNow']!);
    } else {
      await expect(popup.condition('production', 'signedIn')).toHaveCount(0);
      await expect(popup.environment('production').locator('.checked')).toHaveText(texts['checked.never']!);
    }
    expect((await popup.steps('production'))[0]).toBe(scenario.firstStep);
    await expect(popup.primary('production')).toHaveAttribute('data-primary-action', scenario.primary);
    await expect(popup.page.locator('[data-primary-action]:visible')).toHaveCount(1);
    await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');

    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      expect(await axeViolations(popup.page), `axe in ${colorScheme}`).toEqual([]);
    }
    expect(pleo.strayRequests).toEqual([]);
  });
}

test('evidence is on demand, and every link to the web opens a new tab without a referrer', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const popup = await openPopupAfter(SCENARIOS[1]!, context, extensionId, serviceWorker, pleo);
  const role = popup.condition('production', 'role');
  const evidence = role.locator('details.evidence');
  await expect(evidence.locator('li').first()).toBeHidden();
  await evidence.locator('summary').click();
  await expect(evidence.locator('li').first()).toBeVisible();
  await expect(role).toContainText('Employee');

  const links = await popup.page
    .locator('a[href^="http"]')
    .evaluateAll((as) => as.map((a) => ({ target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toEqual({ target: '_blank', rel: 'noreferrer' });
});

test('the request is ready to send and the Copy button puts exactly it on the clipboard', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const popup = await openPopupAfter(SCENARIOS[2]!, context, extensionId, serviceWorker, pleo);
  const body = (await popup.requestText('production').textContent()) ?? '';
  expect(body).toContain('https://app.pleo.io');
  expect(body).toContain('Admin');
  await popup.button('production', /copy request/i).click();
  await expect(popup.environment('production').getByRole('status')).toHaveText(/copied/i);
  // Chromium grants clipboard reading only to web origins in tests: read it back on a Pleo tab.
  await context.grantPermissions(['clipboard-read'], { origin: 'https://app.pleo.io' });
  const pleoTab = context.pages().find((page) => page.url().startsWith('https://app.pleo.io'))!;
  const copied = await pleoTab.evaluate(() => navigator.clipboard.readText());
  expect(copied.endsWith(body.trim())).toBe(true);
  expect(copied.split('\n')[0]).toContain('Production');
});

test('the audience answer changes the next step at once', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const popup = await openPopupAfter(SCENARIOS[2]!, context, extensionId, serviceWorker, pleo);
  expect(await popup.steps('production')).toContain('tellAudience');
  await popup.openAudience();
  await popup.audience().getByRole('radio', { name: 'Pleo Customer' }).check();
  await popup.audience().getByRole('radio', { name: "New to Pleo's API" }).check();
  await expect.poll(async () => (await popup.steps('production'))[0]).toBe('askPleoChat');
  expect(await popup.steps('production')).not.toContain('tellAudience');
});

test("the request's recipient is chosen in place and kept as the Partner/Customer answer", async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const popup = await openPopupAfter(SCENARIOS[2]!, context, extensionId, serviceWorker, pleo);
  const card = popup.environment('production');
  // Until the user says, nobody is named: the hedged "partner contact or Customer Success Manager" is gone.
  await expect(card.locator('.request-to')).toHaveCount(0);
  await card.getByRole('radio', { name: /Customer Success Manager/ }).check();
  await expect(card.locator('.request-to')).toContainText('Customer Success Manager');
  await expect.poll(async () => (await popup.steps('production'))[0]).toBe('askCustomerSuccess');
  // The same answer as the question's: opened again, the popup remembers it.
  const again = await new PopupPage(await context.newPage(), extensionId).open();
  await again.openAudience();
  await expect(again.audience().getByRole('radio', { name: 'Pleo Customer' })).toBeChecked();
  await expect(
    again.environment('production').getByRole('radio', { name: /Customer Success Manager/ }),
  ).toBeChecked();
  // The message is one click away, and the copy button is the card's one filled button.
  await expect(card.locator('.request-body')).toBeHidden();
  await card.getByText('Preview the message').click();
  await expect(card.locator('.request-body')).toBeVisible();
  await expect(popup.primary('production')).toHaveText('Copy request');
});

test('a role the page did not show is asked for, and the declared role shows as declared', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const user = { ...DEFAULT_USER, role: 'admin' as const, apiKeysEnabled: false };
  // The same app with the role badge taken away: nothing on the page names the role.
  pleo.serve('production', (path) => pleoPage(path, user).replace(/<span class="badge">[^<]*<\/span>/, ''));
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
  expect((await popup.conditionStates('production')).role).toBe('not-seen');

  await popup.openDetails('production');
  await popup.roleSelect('production').selectOption('bookkeeper');
  await popup.button('production', /save role/i).click();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  await expect(popup.condition('production', 'role')).toContainText('You said: Bookkeeper');
  // Still offered, so a wrong answer can be corrected.
  await expect(popup.roleSelect('production')).toHaveValue('bookkeeper');
});

test('"Open Settings in Pleo" navigates the open Pleo tab; without one it opens a new tab', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: false });
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/expenses', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();

  await popup.button('production', /open settings/i).click();
  await expect.poll(() => pleoTab.url()).toBe('https://app.pleo.io/settings');

  await popup.show('staging');
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    popup.button('staging', /open settings/i).click(),
  ]);
  await expect.poll(() => opened.url()).toBe('https://app.staging.pleo.io/settings');
});

test('"Check again" reloads the environment\'s Pleo tab, so its page is read again', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');

  // Pleo enables access meanwhile; checking again shows it without leaving the popup.
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  await popup.button('production', /check again/i).click();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
});

test('opened for one environment as a tab, that environment is shown', async ({ context, extensionId }) => {
  const popup = await new PopupPage(await context.newPage(), extensionId).open(
    '?environment=staging&view=tab',
  );
  expect(await popup.shown()).toBe('staging');
  // The guidance tab is not the Pleo tab: it claims no environment as "open in this tab".
  await expect(popup.page.locator('.tag')).toHaveCount(0);
  const normal = await new PopupPage(await context.newPage(), extensionId).open();
  expect(await normal.shown()).toBe('production');
});

test("the popup starts on the active Pleo tab's environment, else the one checked last; the switch shows both", async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  pleo.serve('staging', { role: 'employee', apiKeysEnabled: true });
  const productionTab = await context.newPage();
  await visit(productionTab, 'https://app.pleo.io/settings', serviceWorker);
  await visit(await context.newPage(), 'https://app.staging.pleo.io/settings', serviceWorker);
  // Opened as a tab, no Pleo tab is active: Staging was checked last.
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  expect(await popup.shown()).toBe('staging');
  // With the Production tab in front, it starts there.
  await productionTab.bringToFront();
  await popup.page.reload();
  await expect.poll(() => popup.shown()).toBe('production');
  await popup.page.bringToFront();
  await popup.show('staging');
  await expect(popup.page.locator('[data-switch="production"]')).toContainText('Ready');
  await expect(popup.page.locator('[data-switch="staging"]')).toContainText('Role missing');
  await expect(popup.page.locator('[data-switch="staging"]')).toHaveAttribute('aria-pressed', 'true');
  await popup.show('production');
  await expect(popup.environment('staging')).toBeHidden();
  await expect(popup.primary('production')).toHaveText('Open API Keys in Pleo');
  await expect(popup.page.locator('[data-primary-action]:visible')).toHaveCount(1);
});

test('every control is reachable by keyboard and shows where the focus is', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const popup = await openPopupAfter(SCENARIOS[2]!, context, extensionId, serviceWorker, pleo);
  const page = popup.page;
  await page.evaluate(() => {
    // A stable name for each element: its path of child indexes.
    (window as unknown as { pathOf(e: Element): string }).pathOf = (element: Element) => {
      const path: number[] = [];
      for (let e: Element | null = element; e?.parentElement; e = e.parentElement) {
        path.unshift(Array.prototype.indexOf.call(e.parentElement.children, e));
      }
      return path.join('/');
    };
  });
  // Every visible control; a radio group is one stop, at its checked radio.
  const expected = await page
    .locator('main :is(a[href], button, select, input, summary)')
    .evaluateAll((elements) =>
      elements
        .filter((e) => e.checkVisibility())
        .filter(
          (e) =>
            !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked) ||
            // With nothing checked, a radio group's one stop is its first radio.
            (!document.querySelector(`input[type="radio"][name="${e.name}"]:checked`) &&
              document.querySelector(`input[type="radio"][name="${e.name}"]`) === e),
        )
        .map((e) => (window as unknown as { pathOf(e: Element): string }).pathOf(e)),
    );
  const reached: string[] = [];
  for (let i = 0; i < expected.length * 3 && reached.length < expected.length; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        path: (window as unknown as { pathOf(e: Element): string }).pathOf(element),
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });
    if (!focused || reached.includes(focused.path)) continue;
    expect(focused.outline, `visible focus on ${focused.path}`).toBe(true);
    reached.push(focused.path);
  }
  expect(expected.length).toBeGreaterThan(15);
  expect(reached).toEqual(expected);
});

test('text from the page is shown as text, never as markup', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const hostile = '<img src=x onerror="document.title=\'pwned\'">';
  await serviceWorker.evaluate(
    async ({ detail }) => {
      const seen = { seenAt: Date.now() };
      await chrome.storage.local.set({
        'environment:production': {
          environment: 'production',
          signedIn: { value: 'yes', ...seen },
          apiKeysEntry: { value: 'absent', ...seen },
          legacyApiEntry: { value: 'unknown', seenAt: null },
          role: { value: { value: 'employee', confidence: 'high', source: 'detected' }, ...seen },
          evidence: [{ check: 'role', signal: 'role-label', detail }],
          checkedAt: Date.now(),
          rulesVersion: 2,
          history: [],
        },
        'environment:production$': { v: 2 },
      });
    },
    { detail: hostile },
  );
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'role-missing');
  await popup.condition('production', 'role').locator('summary').click();
  await expect(popup.condition('production', 'role').locator('.evidence li')).toContainText(hostile);
  await expect(popup.page.locator('main img')).toHaveCount(0);
  expect(await popup.page.title()).not.toBe('pwned');
});

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

// Each of the eleven languages: ./languages.spec.ts.
test('the popup speaks English in a browser whose language it has not got', async () => {
  const context = await launchWithExtension({ language: 'pl' });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const popup = await new PopupPage(await context.newPage(), new URL(worker.url()).host).open();
    await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(
      (await englishTexts())['popup.title']!,
    );
    expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe('en');
  } finally {
    await context.close();
  }
});

test('ready: how to create a key, the API base URL, and the legacy-token note when Open API was seen', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true, legacyApi: true });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: true, legacyApi: false });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  await visit(await context.newPage(), 'https://app.staging.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  expect(await popup.steps('production')).toEqual([
    'createKey',
    'useBaseUrl',
    'legacyTokensDiffer',
    'continueWorkflow',
  ]);
  expect(await popup.steps('staging')).toEqual(['createKey', 'useBaseUrl', 'continueWorkflow']);
  await expect(popup.environment('production').locator('.base-url code')).toHaveText(
    'https://external.pleo.io',
  );
  await expect(popup.environment('staging').locator('.base-url code')).toHaveText(
    'https://external.staging.pleo.io',
  );
});
