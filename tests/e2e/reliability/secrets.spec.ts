/**
 * Reliability 3 — secrets. Pleo pages show a freshly created key in text, in an `<input value>`, in
 * a `data-` attribute, in a code block, in an accessible name, a link, the title and the URL, and
 * e-mail addresses in the account menu, a mailto link, a short label, a title and the URL; on the
 * sign-in page an address and the key are typed into the form. Everything the extension could
 * leave them in is watched from outside: every storage area, every message the background receives
 * (a listener of our own in the service worker, added before the visits), the console of the pages,
 * the popup and the service worker, the popup itself and both downloaded reports.
 * Pass: no 20-character piece of the key (in any letter case) and no address anywhere.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { PopupPage } from '../pages/popup';

const KEY = 'pleo_sk_live_R3dK9vQ2mX7tL4wB8nC1zH6yF0pJ5sGa';
const EMAILS = ['alex@example.com', 'finance.team+pleo@example-widgets.dk', 'a@b.io', 'Ops@Example.COM'];
const PIECE = 20;

/** Every place a secret was found in a text: a 20-character piece of the key, or an address (also %40-encoded). */
function secretsIn(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + PIECE <= KEY.length; i++) {
    const piece = KEY.slice(i, i + PIECE).toLowerCase();
    if (lower.includes(piece)) found.push(`key piece "${piece}"`);
  }
  for (const email of EMAILS.map((e) => e.toLowerCase())) {
    if (lower.includes(email) || lower.includes(email.replace('@', '%40'))) found.push(`address ${email}`);
  }
  return found;
}

/** The simulated app with the new key and the addresses shown in every way a page can show them. */
function pageWithSecrets(path: string, role: 'admin' | 'employee', apiKeysEnabled: boolean): string {
  const [own, team, short, shouting] = EMAILS;
  return pleoPage(path, { ...DEFAULT_USER, role, apiKeysEnabled, email: own! })
    .replace(/<title>[^<]*<\/title>/, `<title>New key ${KEY} for ${own}</title>`)
    .replace('<span class="user-name">', `<span class="user-email">${own}</span><span class="user-name">`)
    .replace(
      '</main>',
      `<div role="dialog" aria-label="Your new API key" data-api-key="${KEY}" data-created-by="${own}">
  <p>Copy your key now, it is shown once: ${KEY}</p>
  <label>Key <input readonly value="${KEY}"></label>
  <pre><code>curl -H "Authorization: Bearer ${KEY}" https://external.pleo.io/v2/expenses</code></pre>
  <button type="button" aria-label="Copy ${KEY}">Copy</button>
  <a href="/settings/api-keys/${KEY}">${KEY}</a>
</div>
<ul aria-label="Team"><li><a href="mailto:${team}">${team}</a></li><li><a href="/settings/users">${short}</a></li>
<li><span title="${shouting}">Ops</span></li></ul>
<script>console.log('the page logs as usual')</script></main>`,
    );
}

/** The extension's isolated world in a page, found through the DevTools protocol, to log from it. */
async function logFromContentScript(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const aux = created.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && created.origin.includes(extensionId)) worlds.push(created.id);
  });
  await cdp.send('Runtime.enable');
  await expect.poll(() => worlds.length).toBeGreaterThan(0);
  await cdp.send('Runtime.evaluate', {
    expression: "console.log('control from the content script')",
    contextId: worlds[0]!,
  });
}

async function downloaded(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

declare const chrome: {
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
};

test('reliability 3: a new key and e-mail addresses on Pleo pages reach no storage area, message, console or report', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  await serviceWorker.evaluate(() => {
    const received: string[] = [];
    (globalThis as unknown as { received: string[] }).received = received;
    chrome.runtime.onMessage.addListener((message) => {
      received.push(JSON.stringify(message));
    });
  });
  const consoleTexts: string[] = [];
  const onConsole = (where: string) => (message: ConsoleMessage) =>
    consoleTexts.push(`${where}: ${message.type()}: ${message.text()}`);
  // The context's console covers its pages, the popup included.
  context.on('console', onConsole('page'));
  context.on('weberror', (error) => consoleTexts.push(`page error: ${error.error().message}`));
  serviceWorker.on('console', onConsole('service worker'));

  pleo.serve('production', (path) => pageWithSecrets(path, 'admin', true));
  pleo.serve('staging', (path) => pageWithSecrets(path, 'admin', false));
  const query = `?created=${KEY}&by=${EMAILS[0]}#${KEY}`;

  const page = await context.newPage();
  // The sign-in page, with an address and the key typed into its fields.
  await visit(page, 'https://app.staging.pleo.io/login', serviceWorker);
  await page.getByLabel('Email').fill(EMAILS[0]!);
  await page.getByLabel('Password').fill(KEY);
  await page.waitForTimeout(600); // longer than the content script's scan interval
  await visit(page, `https://app.staging.pleo.io/settings${query}`, serviceWorker);

  await visit(page, `https://app.pleo.io/settings/api-keys${query}`, serviceWorker);
  // The page really shows the key in each of the four ways, and the addresses.
  expect(await page.locator('[role="dialog"] p').textContent()).toContain(KEY);
  await expect(page.locator('[role="dialog"] input')).toHaveValue(KEY);
  await expect(page.locator('[role="dialog"]')).toHaveAttribute('data-api-key', KEY);
  await expect(page.locator('[role="dialog"] code')).toContainText(KEY);
  await expect(page.locator('body')).toContainText(EMAILS[1]!);
  await logFromContentScript(context, page, extensionId);

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-enabled');
  await popup.page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  const reports = {
    json: await downloaded(popup.page, /JSON/),
    markdown: await downloaded(popup.page, /Markdown/),
  };
  const popupText = await popup.page.evaluate(() => document.documentElement.outerHTML);

  // Controls: each channel watched really records.
  await serviceWorker.evaluate(() => console.log('control from the service worker'));
  await popup.page.evaluate(() => console.log('control from the popup'));
  for (const control of [
    'the page logs as usual',
    'control from the content script',
    'control from the service worker',
    'control from the popup',
  ]) {
    await expect.poll(() => consoleTexts.some((text) => text.includes(control)), control).toBe(true);
  }

  const received = await serviceWorker.evaluate(
    () => (globalThis as unknown as { received: string[] }).received,
  );
  const storage = await serviceWorker.evaluate(async () => {
    const areas = ['local', 'session', 'sync'] as const;
    return Object.fromEntries(
      await Promise.all(
        areas.map(async (area) => [area, JSON.stringify(await chrome.storage[area].get(null))]),
      ),
    ) as Record<(typeof areas)[number], string>;
  });
  expect(received.filter((m) => m.includes('"observation"')).length).toBeGreaterThanOrEqual(3);
  expect(storage.local).toContain('"environment"');
  expect(JSON.parse(reports.json).environments.map((e: { verdict: string }) => e.verdict)).toEqual([
    'ready',
    'not-enabled',
  ]);

  const places: Record<string, string> = {
    'storage.local': storage.local,
    'storage.session': storage.session,
    'storage.sync': storage.sync,
    'messages to the background': received.join('\n'),
    console: consoleTexts.join('\n'),
    popup: popupText,
    'JSON report': reports.json,
    'Markdown report': reports.markdown,
  };
  const found = Object.entries(places).flatMap(([where, text]) =>
    secretsIn(text).map((s) => `${where}: ${s}`),
  );
  const figure = `${found.length} secrets found in ${Object.keys(places).length} places (${received.length} messages, ${consoleTexts.length} console lines, 3 storage areas, popup, 2 reports)`;
  test.info().annotations.push({ type: 'measured', description: figure });
  console.log(`[reliability 3] ${figure}`);
  expect(found).toEqual([]);
  // The check itself finds what it looks for.
  expect(secretsIn(`x${KEY.slice(7, 27).toUpperCase()}y ${EMAILS[3]!.toLowerCase()}`)).toHaveLength(2);
});
