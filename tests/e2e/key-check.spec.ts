/**
 * "Does my key work?" (check-key.html) in Chromium against the simulated External API: each answer,
 * the optional permission, the key never kept anywhere, accessibility and the keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';
import type { Environment } from '../../lib/types';
import {
  allowApiAccess,
  SIMULATED_COMPANIES,
  SIMULATED_KEYS,
  type SimulatedApi,
} from '../../sim/external-api';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

declare const chrome: {
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
};

/** The key check page as a user works it. */
function keyCheckPage(page: Page) {
  return {
    page,
    field: page.getByLabel('Your Standalone API Key'),
    button: page.getByRole('button', { name: 'Check key' }),
    answer: page.locator('[data-key-result]'),
    headline: page.locator('[data-key-result] h2'),
    async check(key: string) {
      await this.field.fill(key);
      await this.button.click();
    },
  };
}

async function openKeyCheck(context: BrowserContext, extensionId: string, workingIn?: Environment) {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/check-key.html${workingIn ? `?environment=${workingIn}` : ''}`,
  );
  await page.getByRole('button', { name: 'Check key' }).waitFor();
  return keyCheckPage(page);
}

/** Both requests went to the installation endpoint as Pleo documents it, and carried nothing else of ours. */
function expectDocumentedRequests(api: SimulatedApi, key: string) {
  expect(api.requests.map((r) => r.environment).sort()).toEqual(['production', 'staging']);
  for (const request of api.requests) {
    expect(request).toMatchObject({
      method: 'GET',
      path: '/v1/installations/me',
      key,
      password: '',
      accept: 'application/json;charset=UTF-8',
      cookie: null,
      referer: null,
    });
  }
}

test.describe('with access to the External API allowed', () => {
  test.beforeEach(async ({ context, extensionId, pleoApi: _ }) => {
    await allowApiAccess(context, extensionId);
  });

  test('a Production key, from the ready card: works in Production, the company, the base URL and a first call without the key', async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
    pleoApi,
  }) => {
    pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
    await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      popup.button('production', /check.*key/i).click(),
    ]);
    expect(new URL(tab.url()).pathname).toBe('/check-key.html');
    expect(new URL(tab.url()).searchParams.get('environment')).toBe('production');
    const check = keyCheckPage(tab);
    await expect(check.field).toHaveAttribute('type', 'password');
    await expect(check.field).toHaveAttribute('autocomplete', 'off');
    await expect(check.field).toHaveAttribute('spellcheck', 'false');

    await check.check(SIMULATED_KEYS.production);
    await expect(check.headline).toHaveText('The key works in Production');
    await expect(check.field).toHaveValue('');
    await expect(check.answer).toContainText('Company id');
    await expect(check.answer).toContainText(SIMULATED_COMPANIES.production.slice(0, 8));
    await expect(check.answer).toContainText('ACTIVATED');
    await expect(check.answer).toContainText('Use https://external.pleo.io as the base URL.');
    await expect(check.answer.locator('pre')).toHaveText(
      'curl -u "$PLEO_API_KEY:" -H "Accept: application/json;charset=UTF-8" https://external.pleo.io/v1/installations/me',
    );
    await expect(check.answer).not.toContainText('belongs to');
    await expect(check.answer.locator('[data-environment="staging"]')).toContainText('not a valid key here');
    expectDocumentedRequests(pleoApi, SIMULATED_KEYS.production);

    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get(null)).keyChecks))
      .toEqual({
        production: {
          result: 'valid',
          checkedAt: expect.any(Number),
          companyId: SIMULATED_COMPANIES.production,
        },
        staging: { result: 'invalid', checkedAt: expect.any(Number) },
      });
  });

  test('a Staging key checked while working in Production: it says where the key belongs', async ({
    context,
    extensionId,
    pleoApi,
  }) => {
    const check = await openKeyCheck(context, extensionId, 'production');
    await check.check(SIMULATED_KEYS.staging);
    await expect(check.headline).toHaveText('The key works in Staging');
    await expect(check.answer).toContainText(
      'You are working in Production, but this key belongs to Staging. A key works only in the environment where it was made.',
    );
    await expect(check.answer).toContainText('Use https://external.staging.pleo.io as the base URL.');
    await expect(check.answer.locator('pre')).toContainText(
      'https://external.staging.pleo.io/v1/installations/me',
    );
    expectDocumentedRequests(pleoApi, SIMULATED_KEYS.staging);
  });

  test('a 401 key: valid in neither, and why it may be (mistyped, expired, a legacy token)', async ({
    context,
    extensionId,
  }) => {
    const check = await openKeyCheck(context, extensionId, 'production');
    await check.check(SIMULATED_KEYS.unknown);
    await expect(check.headline).toHaveText('Not a valid Standalone API Key in Production or Staging');
    await expect(check.answer).toContainText('Mistyped or cut short');
    await expect(check.answer).toContainText('Expired or deleted');
    await expect(check.answer).toContainText('openapi.pleo.io');
    await expect(check.answer.locator('pre')).toHaveCount(0);
  });

  test('an inactive installation: valid credential, inactive, Pleo’s reason and whom to ask', async ({
    context,
    extensionId,
  }) => {
    const check = await openKeyCheck(context, extensionId);
    await check.check(SIMULATED_KEYS.inactive);
    await expect(check.headline).toHaveText(
      'The key is valid in Production, but its installation is inactive',
    );
    await expect(check.answer).toContainText("Pleo's reason: NOT_ENTITLED");
    await expect(check.answer).toContainText('Ask an Admin of the company');
  });

  test('403, 500 and an unreachable API: each said plainly, none as "invalid"', async ({
    context,
    extensionId,
    pleoApi,
  }) => {
    const check = await openKeyCheck(context, extensionId);
    await check.check(SIMULATED_KEYS.forbidden);
    await expect(check.headline).toHaveText(
      'The key is valid in Production, but it is not allowed to do this',
    );

    await check.check(SIMULATED_KEYS.serverError);
    await expect(check.headline).toHaveText('Pleo could not answer');
    await expect(check.answer).toContainText("This is not the key's fault.");
    await expect(check.answer.locator('[data-environment="production"]')).toContainText(
      "Pleo's side had an error.",
    );

    pleoApi.unreachable = true;
    pleoApi.requests.length = 0;
    await check.check(SIMULATED_KEYS.production);
    await expect(check.answer.locator('[data-environment="production"]')).toContainText('No connection');
    await expect(check.headline).toHaveText('Pleo could not answer');
    await expect(check.answer).not.toContainText('valid');
    // No retries: one request per environment, whatever the answer.
    expect(pleoApi.requests).toHaveLength(2);
  });

  test('a slow API: after 10 seconds, no answer; one request each, no retry', async ({
    context,
    extensionId,
    pleoApi,
  }) => {
    test.slow();
    pleoApi.slowMs = 12_000;
    const check = await openKeyCheck(context, extensionId);
    await check.check(SIMULATED_KEYS.slow);
    await expect(check.page.getByText('Asking Pleo…')).toBeVisible();
    await expect(check.headline).toHaveText('Pleo could not answer', { timeout: 15_000 });
    await expect(check.answer.locator('[data-environment="production"]')).toContainText(
      'No answer within 10 seconds.',
    );
    expect(pleoApi.requests).toHaveLength(2);
  });

  test('input that cannot be a key is refused before any request, with why, and stays to be fixed', async ({
    context,
    extensionId,
    pleoApi,
  }) => {
    const check = await openKeyCheck(context, extensionId);
    await check.button.click();
    await expect(check.page.getByText('Paste a key first.')).toBeVisible();
    await check.check('pleo key with spaces');
    await expect(check.page.getByText('The key has spaces in it')).toBeVisible();
    await expect(check.field).toHaveAttribute('aria-invalid', 'true');
    await expect(check.field).toHaveValue('pleo key with spaces');
    await check.check('x'.repeat(513));
    await expect(check.page.getByText('at most 512 characters')).toBeVisible();
    expect(pleoApi.requests).toEqual([]);
  });

  test('the key is nowhere after a check: storage, both reports, every console, the page', async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
    pleoApi,
  }) => {
    const key = SIMULATED_KEYS.production;
    const consoleTexts: string[] = [];
    const listen = (message: ConsoleMessage) => consoleTexts.push(message.text());
    serviceWorker.on('console', listen);
    context.on('page', (page) => page.on('console', listen));
    pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
    const pleoTab = await context.newPage();
    pleoTab.on('console', listen);
    await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);

    const check = await openKeyCheck(context, extensionId, 'production');
    check.page.on('console', listen);
    const historyBefore = await check.page.evaluate(() => history.length);
    await check.check(key);
    await expect(check.headline).toHaveText('The key works in Production');
    expect(pleoApi.requests.every((request) => request.key === key)).toBe(true);

    // The page: the field is empty, and neither the DOM nor the address holds the key.
    await expect(check.field).toHaveValue('');
    expect(await check.page.content()).not.toContain(key);
    expect(check.page.url()).not.toContain(key);
    // No navigation, so no history entry, came from the check.
    expect(await check.page.evaluate(() => history.length)).toBe(historyBefore);

    // Every storage area of the extension.
    const stored = await serviceWorker.evaluate(async () =>
      JSON.stringify(
        await Promise.all([
          chrome.storage.local.get(null),
          chrome.storage.session.get(null),
          chrome.storage.sync.get(null),
        ]),
      ),
    );
    expect(stored).toContain('"keyChecks"');
    expect(stored).not.toContain(key);

    // Both reports, with company names (and the key check's company id) included.
    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    const panel = popup.page.getByRole('region', { name: 'Share a report' });
    await panel.locator('details summary').click();
    await panel.getByLabel('Include company names').check();
    const json = (await panel.locator('[data-report-preview="json"]').textContent()) ?? '';
    const markdown = (await panel.locator('[data-report-preview="markdown"]').textContent()) ?? '';
    const report = JSON.parse(json);
    expect(report.environments[0].keyCheck).toEqual({
      result: 'valid',
      checkedAt: expect.any(String),
      companyId: SIMULATED_COMPANIES.production,
    });
    expect(report.environments[1].keyCheck).toMatchObject({ result: 'invalid' });
    expect(markdown).toContain('A key was checked: valid in Production');
    expect(json).not.toContain(key);
    expect(markdown).not.toContain(key);
    // Redacted by default: the company id goes in only when the user includes it.
    await panel.getByLabel('Include company names').uncheck();
    await expect(panel.locator('[data-report-preview="json"]')).not.toContainText(
      SIMULATED_COMPANIES.production,
    );

    // The page going away empties a field that still held a key.
    await check.field.fill(key);
    await check.page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect(check.field).toHaveValue('');

    expect(consoleTexts.join('\n')).not.toContain(key);
    expect(pleo.strayRequests).toEqual([]);
  });

  test('axe finds nothing on the page, before and after an answer; it works by keyboard alone', async ({
    context,
    extensionId,
  }) => {
    const check = await openKeyCheck(context, extensionId, 'production');
    expect((await new AxeBuilder({ page: check.page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await check.page.keyboard.press('Tab');
    await expect(check.field).toBeFocused();
    await check.page.keyboard.type(SIMULATED_KEYS.staging);
    await check.page.keyboard.press('Tab');
    await expect(check.button).toBeFocused();
    await check.page.keyboard.press('Enter');
    await expect(check.headline).toHaveText('The key works in Staging');
    // Enter in the field checks too.
    await check.field.focus();
    await check.page.keyboard.type(SIMULATED_KEYS.inactive);
    await check.page.keyboard.press('Enter');
    await expect(check.headline).toContainText('inactive');
    await check.page.getByRole('button', { name: 'Copy full id' }).focus();
    await expect(check.page.getByRole('button', { name: 'Copy full id' })).toBeFocused();
    expect((await new AxeBuilder({ page: check.page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });
});

test('the External API permission: asked on the first check only; refused, nothing is sent; allowed, not asked again', async ({
  context,
  extensionId,
  pleoApi,
}) => {
  const page = await context.newPage();
  // The browser's prompt cannot be clicked from a test: a stand-in records what is asked and answers.
  await page.addInitScript(() => {
    const permissions = (
      globalThis as unknown as { chrome: { permissions: { request(p: unknown): Promise<boolean> } } }
    ).chrome.permissions;
    const request = permissions.request.bind(permissions);
    const prompt = { requests: [] as unknown[], answer: null as 'allow' | 'deny' | null };
    (window as unknown as { prompt_: typeof prompt }).prompt_ = prompt;
    permissions.request = async (asked: unknown) => {
      prompt.requests.push(asked);
      while (prompt.answer === null) await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = prompt.answer;
      prompt.answer = null;
      return answer === 'allow' ? request(asked) : false;
    };
  });
  const check = keyCheckPage(page);
  await page.goto(`chrome-extension://${extensionId}/check-key.html`);
  const answerPrompt = (answer: 'allow' | 'deny') =>
    page.evaluate((answer) => {
      (window as unknown as { prompt_: { answer: string } }).prompt_.answer = answer;
    }, answer);
  const asked = () =>
    page.evaluate(() => (window as unknown as { prompt_: { requests: unknown[] } }).prompt_.requests);

  await check.check(SIMULATED_KEYS.production);
  await answerPrompt('deny');
  await expect(page.locator('[data-key-result="permission-refused"]')).toContainText(
    "The checker was not allowed to talk to Pleo's API, so nothing was sent.",
  );
  expect(pleoApi.requests).toEqual([]);

  await allowApiAccess(context, extensionId);
  await check.check(SIMULATED_KEYS.production);
  await answerPrompt('allow');
  await expect(check.headline).toHaveText('The key works in Production');
  const both = { origins: ['https://external.pleo.io/*', 'https://external.staging.pleo.io/*'] };
  expect(await asked()).toEqual([both, both]);

  // Granted now: the next check goes straight to Pleo.
  await check.check(SIMULATED_KEYS.staging);
  await expect(check.headline).toHaveText('The key works in Staging');
  expect(await asked()).toHaveLength(2);
  expect(pleoApi.requests).toHaveLength(4);
});

test('the options page opens the key check in a tab', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    options.getByRole('button', { name: 'Check a key you made' }).click(),
  ]);
  await expect(keyCheckPage(tab).button).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe('/check-key.html');
});

test('the manifest: the External API origins are optional, the required permissions unchanged', async ({
  serviceWorker,
}) => {
  const manifest = await serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.permissions).toContain('storage');
  expect(JSON.stringify(manifest.permissions)).not.toContain('external');
  expect(manifest.host_permissions).toEqual(['https://app.pleo.io/*', 'https://app.staging.pleo.io/*']);
  expect(manifest.optional_host_permissions).toEqual([
    'https://external.pleo.io/*',
    'https://external.staging.pleo.io/*',
  ]);
});
