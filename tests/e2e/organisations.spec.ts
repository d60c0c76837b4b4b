/**
 * One verdict per organisation (company), through the built extension in Chromium: a bookkeeper
 * who sees company A with API Keys and then company B without sees both, each with its own
 * verdict, B's first; the report carries both, and neither name unless the user includes them.
 */
import type { Page, Worker } from '@playwright/test';
import type { Report } from '../../lib/report/schema';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

declare const chrome: { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } };

const A = 'Acme Widgets ApS';
const B = 'Beta Logistics GmbH';

const preview = (popup: Page, format: 'json' | 'markdown') =>
  popup
    .locator(`[data-report-preview="${format}"]`)
    .textContent()
    .then((text) => text ?? '');

/** Opens a Pleo page that shows its company and waits until that company's record is written. */
async function visitCompany(page: Page, url: string, company: string, worker: Worker): Promise<void> {
  const checkedAt = async () =>
    (await storedOrganisations(worker)).find((o) => o.name === company)?.record.checkedAt ?? null;
  const before = await checkedAt();
  await page.goto(url);
  await expect.poll(checkedAt, { message: `no record stored for ${company}` }).not.toBe(before);
}

async function storedOrganisations(
  worker: Worker,
): Promise<{ name: string; record: { checkedAt: number | null } }[]> {
  return worker.evaluate(
    async () =>
      ((await chrome.storage.local.get('organisations:production'))['organisations:production'] ?? []) as {
        name: string;
        record: { checkedAt: number | null };
      }[],
  );
}

test('company A with API Keys, then company B without: two companies, each with its verdict; the report names neither unless asked', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const tab = await context.newPage();
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true, organisation: 'switcher', company: A });
  await visitCompany(tab, 'https://app.pleo.io/settings', A, serviceWorker);
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false, organisation: 'switcher', company: B });
  await visitCompany(tab, 'https://app.pleo.io/settings', B, serviceWorker);
  expect((await storedOrganisations(serviceWorker)).map((o) => o.name)).toEqual([A, B]);
  // The hint on B's page speaks of B.
  await expect(tab.locator('[data-pleo-access-hint]')).toHaveAttribute('data-verdict', 'not-enabled');

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const card = popup.environment('production');
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  await expect(card.locator('[data-organisation="current"]')).toContainText(B);
  const others = card.locator('[data-organisation="other"]');
  await expect(others).toHaveCount(1);
  await expect(others).toContainText(A);
  await expect(others).toHaveAttribute('data-organisation-verdict', 'ready');
  // The switch at the top shows the current company's verdict in a word; the company shows without a click.
  await expect(popup.page.locator('[data-switch="production"]')).toContainText('Not enabled');
  await expect(card.locator('[data-organisation="current"]')).toBeVisible();
  await expect(others).toBeVisible();

  // The request names the company only when the user ticks it.
  const request = card.locator('.request-body');
  await expect(request).not.toContainText(B);
  await card.getByText('Preview the message').click();
  await card.getByRole('checkbox', { name: /company name/i }).check();
  await expect(request).toContainText(B);

  // The report: the environment's fields are B's, and organisations[] has both; no name by default.
  const json = JSON.parse(await preview(popup.page, 'json')) as Report;
  const production = json.environments[0]!;
  expect(production.verdict).toBe('not-enabled');
  expect(production.organisations?.map((o) => [o.id, o.verdict])).toEqual([
    ['org-1', 'not-enabled'],
    ['org-2', 'ready'],
  ]);
  for (const text of [await preview(popup.page, 'json'), await preview(popup.page, 'markdown')]) {
    expect(text).not.toContain('Acme');
    expect(text).not.toContain('Beta');
  }
  await popup.page.getByRole('checkbox', { name: /include company names/i }).check();
  await expect(popup.page.locator('[data-report-preview="json"]')).toContainText(B);
  const named = JSON.parse(await preview(popup.page, 'json')) as Report;
  expect(named.environments[0]!.organisations?.map((o) => o.name)).toEqual([B, A]);
  expect(await preview(popup.page, 'markdown')).toContain(A);
});

test('a page that shows no company keeps one record for the environment, as before', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  expect(await storedOrganisations(serviceWorker)).toEqual([]);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.environment('production').locator('[data-organisation]')).toHaveCount(0);
  const json = JSON.parse(await preview(popup.page, 'json')) as Report;
  expect(json.environments[0]).not.toHaveProperty('organisations');
});
