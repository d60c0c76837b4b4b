import { readFileSync } from 'node:fs';
import type { Download, Page, Worker } from '@playwright/test';
import type { Report } from '../../lib/report/schema';
import { DEFAULT_USER, pleoPage } from '../../sim/pages';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

const FILE_NAME = /^pleo-access-report-\d{8}-\d{6}\.(json|md)$/;

/** The report panel of the popup, as a user works it. */
function reportPanel(page: Page) {
  const panel = page.getByRole('region', { name: 'Share a report' });
  return {
    downloadJson: page.getByRole('button', { name: /JSON/ }),
    downloadMarkdown: page.getByRole('button', { name: /Markdown/ }),
    copy: page.getByRole('button', { name: /copy report/i }),
    status: panel.getByRole('status'),
    preview: panel.locator('details'),
    previewJson: panel.locator('[data-report-preview="json"]'),
    previewMarkdown: panel.locator('[data-report-preview="markdown"]'),
    companyName: panel.getByLabel(/company name/i),
  };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: (download as Download).suggestedFilename(), text: readText(await download.path()) };
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function storedEverything(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

declare const chrome: {
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

test('both downloads and the copy work from the popup, and the JSON is what the popup shows', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  // Chromium grants no permission to extension origins from outside; the clipboard is read back on
  // the Pleo tab instead, which is the same browser clipboard.
  await context.grantPermissions(['clipboard-read'], { origin: 'https://app.pleo.io' });

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  const panel = reportPanel(popup.page);
  await expect(panel.downloadJson).toBeVisible();
  await expect(panel.downloadMarkdown).toBeVisible();
  await expect(panel.copy).toBeVisible();

  await panel.preview.locator('summary').click();
  const shownJson = await panel.previewJson.textContent();
  const shownMarkdown = await panel.previewMarkdown.textContent();

  const json = await downloaded(popup.page, () => panel.downloadJson.click());
  expect(json.name).toMatch(FILE_NAME);
  expect(json.name).toMatch(/\.json$/);
  expect(json.text).toBe(shownJson);
  const report = JSON.parse(json.text) as Report;
  const shownVerdicts = await Promise.all(
    (['production', 'staging'] as const).map((environment) =>
      popup.verdict(environment).getAttribute('data-verdict'),
    ),
  );
  expect(report.environments.map((e) => e.verdict)).toEqual(shownVerdicts);
  expect(report.environments.map((e) => e.verdict)).toEqual(['not-enabled', 'not-checked']);
  expect(report.environments[0]!.checks).toMatchObject({ signedIn: 'yes', apiKeysEntry: 'absent' });
  expect(report.environments[0]!.checks.role.value).toBe('admin');
  expect(report.browser.name).toBe('Chrome');
  expect(report.extension.name).toBe('API Access Checker for Pleo');

  const markdown = await downloaded(popup.page, () => panel.downloadMarkdown.click());
  expect(markdown.name).toMatch(FILE_NAME);
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toBe(shownMarkdown);
  expect(markdown.name.replace(/\.md$/, '')).toBe(json.name.replace(/\.json$/, ''));

  await panel.copy.click();
  await expect(panel.status).toHaveText('Report copied to the clipboard.');
  await pleoTab.bringToFront();
  expect(await pleoTab.evaluate(() => navigator.clipboard.readText())).toBe(shownMarkdown);
  expect(pleo.strayRequests).toEqual([]);
});

test('a page showing a new API key, an e-mail address and a name leaves none of them in the report or storage', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const newKey = 'pleo_live_8Hq2Zr5Xw9Tn4Lm7Kd3Vb6Yc1Fg0Js';
  const user = { ...DEFAULT_USER, role: 'admin' as const, apiKeysEnabled: true };
  pleo.serve('production', (path) =>
    pleoPage(path, user).replace(
      '</main>',
      `<div role="dialog" aria-label="Your new API key"><p>Copy your key now: ${newKey}</p>
       <input readonly value="${newKey}"><code>${newKey}</code>
       <a href="mailto:${user.email}">${user.email}</a></div></main>`,
    ),
  );
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings/api-keys', serviceWorker);
  for (const shown of [newKey, user.name, user.email, user.company]) {
    await expect(pleoTab.locator('body')).toContainText(shown);
  }

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  const panel = reportPanel(popup.page);
  const json = await downloaded(popup.page, () => panel.downloadJson.click());
  const markdown = await downloaded(popup.page, () => panel.downloadMarkdown.click());
  const stored = await storedEverything(serviceWorker);
  expect(JSON.parse(json.text).environments[0].verdict).toBe('ready');
  for (const secret of [newKey, user.name, user.email, user.company, 'Alex', 'Widgets']) {
    expect(json.text, secret).not.toContain(secret);
    expect(markdown.text, secret).not.toContain(secret);
    expect(stored, secret).not.toContain(secret);
  }
});

test('the company name is in the report only when typed, and is not remembered', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'employee' });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const panel = reportPanel(popup.page);
  await expect(panel.previewJson).toContainText('"verdict": "role-missing"');
  await expect(panel.previewJson).not.toContainText('companyName');

  await panel.preview.locator('summary').click();
  await panel.companyName.fill('Example Widgets ApS');
  await expect(panel.previewJson).toContainText('"companyName": "Example Widgets ApS"');
  await expect(panel.previewMarkdown).toContainText('Example Widgets ApS');
  const json = await downloaded(popup.page, () => panel.downloadJson.click());
  expect(JSON.parse(json.text).companyName).toBe('Example Widgets ApS');

  await popup.page.reload();
  await expect(panel.companyName).toHaveValue('');
  await expect(panel.previewJson).not.toContainText('companyName');
  expect(await storedEverything(serviceWorker)).not.toContain('Example Widgets');
});

test('hostile text stored as evidence stays text in the preview and inert in the Markdown', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const hostile = [
    '<img src=x onerror="window.pwned=1">',
    '[click](javascript:window.pwned=2)',
    '`code` | cell | ![i](https://evil.example/i.png)',
  ];
  // As if a page had slipped these past the detector: the stored record is what the report reads.
  await serviceWorker.evaluate(async (details) => {
    const key = 'environment:production';
    const record = (await chrome.storage.local.get(key))[key] as { evidence: { detail: string }[] };
    record.evidence = details.map((detail) => ({ check: 'role', signal: 'label', detail }));
    await chrome.storage.local.set({ [key]: record });
  }, hostile);

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const panel = reportPanel(popup.page);
  await panel.preview.locator('summary').click();
  for (const text of hostile) {
    await expect(panel.previewJson).toContainText(JSON.stringify(text).slice(1, -1));
  }
  expect(await popup.page.locator('img[src="x"], a[href^="javascript"]').count()).toBe(0);
  expect(await popup.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  const markdown = await downloaded(popup.page, () => panel.downloadMarkdown.click());
  expect(markdown.text).toContain('| \\<img src=x onerror="window\\.pwned=1"\\> |');
  expect(markdown.text).toContain('| \\[click\\]\\(javascript:window\\.pwned=2\\) |');
  expect(markdown.text).toContain(
    '| \\`code\\` \\| cell \\| \\!\\[i\\]\\(https\\://evil\\.example/i\\.png\\) |',
  );
});

test('what the user taught is in the JSON report and, as a suggested rules change, in the Markdown', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const learnedAt = Date.now();
  await serviceWorker.evaluate(
    (learnedLabels) => chrome.storage.local.set({ learnedLabels, learnedLabels$: { v: 1 } }),
    {
      production: [{ kind: 'apiKeys', label: 'Udviklernøgler', language: 'da', learnedAt }],
      staging: [{ kind: 'role', label: 'Chef', language: 'da', role: 'admin', learnedAt }],
    },
  );

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const panel = reportPanel(popup.page);
  const json = JSON.parse((await downloaded(popup.page, () => panel.downloadJson.click())).text) as Report;
  expect(json.schemaVersion).toBe(1);
  expect(json.environments.map((entry) => entry.learnedLabels)).toEqual([
    [{ kind: 'apiKeys', label: 'Udviklernøgler', language: 'da' }],
    [{ kind: 'role', label: 'Chef', language: 'da', role: 'admin' }],
  ]);

  const markdown = (await downloaded(popup.page, () => panel.downloadMarkdown.click())).text;
  expect(markdown).toContain('| `apiKeys` | Udviklernøgler | `da` | — |');
  expect(markdown).toContain('## Suggested rules change');
  expect(markdown).toContain(
    [
      '```diff',
      '--- lib/detect/words.ts',
      '+++ lib/detect/words.ts',
      '@@ VOCABULARY.da @@',
      "-    apiKeys: ['API-nøgler'],",
      "+    apiKeys: ['API-nøgler', 'Udviklernøgler'],",
      '@@ VOCABULARY.da.roles @@',
      "-      admin: ['Administrator', 'Admin'],",
      "+      admin: ['Administrator', 'Admin', 'Chef'],",
      '```',
    ].join('\n'),
  );
  expect(markdown).toMatch(/bumps `RULES_VERSION` in `lib\/detect\/rules\.ts`/);
});
