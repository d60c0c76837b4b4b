/**
 * Reliability 13 — a page that keeps changing its company. A switcher whose name changes every
 * 100 ms, 100 times in 10 s: the scans, which wait for the page to settle, see a few of them (about
 * six), and the extension keeps a record only for names the page showed, each once. Then the limit
 * itself: 55 companies shown one after another, each until it is stored, leave the 50 seen last and
 * log each drop. And a company called like markup stays text in the popup.
 */
import type { Worker } from '@playwright/test';
import { ORGANISATIONS_LIMIT } from '../../../lib/limits';
import { expect, test } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { storedValue } from '../storage';

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
  return (await storedValue<{ name: string }[]>(worker, 'organisations:production')) ?? [];
}

test('reliability 13: a company name changed 100 times in 10 s: only names shown, each once; 55 companies keep the last 50; a markup-like name stays text', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(120_000);
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
  expect(new Set(stored).size).toBe(stored.length);
  console.info(
    `reliability 13: 100 name changes in 10 s: ${stored.length} companies stored, all of them names the page showed`,
  );

  // The limit: more companies than it keeps, each shown until its record is written.
  const companies = ORGANISATIONS_LIMIT + 5;
  for (let i = 1; i <= companies; i++) {
    const name = `Limit ${i} AS`;
    await tab.evaluate((shown) => {
      document.getElementById('switcher')!.textContent = shown;
    }, name);
    await expect.poll(async () => (await organisations(serviceWorker)).map((o) => o.name)).toContain(name);
  }
  const kept = (await organisations(serviceWorker)).map((o) => o.name);
  expect(kept).toHaveLength(ORGANISATIONS_LIMIT);
  // The ones checked longest ago went: what is kept is the last 50 written, in order.
  const written = [...stored, ...Array.from({ length: companies }, (_, i) => `Limit ${i + 1} AS`)];
  expect(kept).toEqual(written.slice(-ORGANISATIONS_LIMIT));
  const resets = (await storedValue<{ reason: string }[]>(serviceWorker, 'resets')) ?? [];
  const dropped = written.length - ORGANISATIONS_LIMIT;
  expect(resets.filter((reset) => reset.reason === 'organisation-limit')).toHaveLength(dropped);
  console.info(
    `reliability 13: ${companies} more companies shown: ${kept.length} kept, ${dropped} dropped and logged`,
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
