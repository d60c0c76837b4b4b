/**
 * Reliability 13 — a page that keeps changing its company. A switcher whose name changes every
 * 100 ms, 100 times in 10 s: the extension keeps a record only for names the page showed, never
 * more than 50 per environment; and a company called like markup stays text in the popup.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from '../fixtures';
import { PopupPage } from '../pages/popup';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const HOSTILE = '<img src=x onerror="window.pwned=1">';

const page = (
  script: string,
  name = 'Company 0',
) => `<!doctype html><html lang="en"><head><title>Pleo</title></head><body>
<header><button type="button" aria-label="Switch company" id="switcher"></button>
<div aria-label="Account menu"><span>Alex Example</span> <span>Admin</span></div></header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/settings">Settings</a></nav>
<main><h1>Expenses</h1></main>
<script>document.getElementById('switcher').textContent = ${JSON.stringify(name)};${script}</script></body></html>`;

async function organisations(worker: Worker): Promise<{ name: string }[]> {
  return worker.evaluate(
    async () =>
      ((await chrome.storage.local.get('organisations:production'))['organisations:production'] ?? []) as {
        name: string;
      }[],
  );
}

test('reliability 13: a company name changed 100 times in 10 s: only names shown, at most 50; a markup-like name stays text', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(60_000);
  pleo.serve('production', () =>
    page(`let i = 0; const timer = setInterval(() => {
      i += 1; document.getElementById('switcher').textContent = 'Client ' + i + ' Ltd';
      if (i === 100) { clearInterval(timer); window.changesDone = true; }
    }, 100);`),
  );
  const tab = await context.newPage();
  await tab.goto('https://app.pleo.io/expenses');
  await tab.waitForFunction(
    () => (window as unknown as { changesDone?: boolean }).changesDone === true,
    null,
    {
      timeout: 20_000,
    },
  );
  // The last name, once the page settles.
  await expect
    .poll(async () => (await organisations(serviceWorker)).map((o) => o.name))
    .toContain('Client 100 Ltd');
  const stored = (await organisations(serviceWorker)).map((o) => o.name);
  const shown = new Set(Array.from({ length: 101 }, (_, i) => `Client ${i} Ltd`));
  expect(stored.filter((name) => !shown.has(name))).toEqual([]);
  expect(stored.length).toBeLessThanOrEqual(50);
  expect(new Set(stored).size).toBe(stored.length);
  console.info(
    `reliability 13: 100 name changes in 10 s: ${stored.length} companies stored, all of them names the page showed`,
  );

  pleo.serve('production', () => page('', HOSTILE));
  await tab.goto('https://app.pleo.io/expenses?hostile');
  await expect.poll(async () => (await organisations(serviceWorker)).map((o) => o.name)).toContain(HOSTILE);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const card = popup.environment('production');
  await expect(card.locator('[data-organisation="current"]')).toContainText(HOSTILE);
  await expect(popup.page.locator('main img')).toHaveCount(0);
  expect(await popup.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await tab.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(pleo.strayRequests).toEqual([]);
});
