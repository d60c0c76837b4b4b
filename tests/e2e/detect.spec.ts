/**
 * Detection through the built extension in Chromium: the representative fixtures served at the real
 * Pleo origins, read back from what the background stored; a single-page app navigating with
 * history.pushState; and a freshly created key that must reach neither messages, storage nor the report.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import type { Environment } from '../../lib/types';
import { type DetectCase, type ExpectedObservation, FRESH_KEY, html } from '../fixtures/detect/build';
import { MATRIX_CASES } from '../fixtures/detect/matrix';
import { SHAPE_CASES } from '../fixtures/detect/shapes';
import { VOCABULARY_CASES } from '../fixtures/detect/vocabulary';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';
import { storedValue } from './storage';

declare const chrome: {
  storage: { local: { get(keys: null | string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
};

interface StoredRecord {
  signedIn: { value: string };
  apiKeysEntry: { value: string };
  legacyApiEntry: { value: string };
  role: { value: { value: string } };
}

const REPRESENTATIVE = [...MATRIX_CASES, ...SHAPE_CASES, ...VOCABULARY_CASES].filter(
  (fixture) => fixture.e2e,
);

function environmentOf(url: string): Environment {
  return new URL(url).hostname === 'app.staging.pleo.io' ? 'staging' : 'production';
}

async function storedRecord(serviceWorker: Worker, environment: Environment): Promise<StoredRecord | null> {
  return (await storedValue<StoredRecord>(serviceWorker, `environment:${environment}`)) ?? null;
}

/** The stored values in the shape of a fixture's expectation. */
async function storedValues(serviceWorker: Worker, environment: Environment) {
  const record = await storedRecord(serviceWorker, environment);
  return (
    record && {
      signedIn: record.signedIn.value,
      apiKeysEntry: record.apiKeysEntry.value,
      legacyApiEntry: record.legacyApiEntry.value,
      role: record.role.value.value,
    }
  );
}

function expectedValues(expected: ExpectedObservation) {
  return {
    signedIn: expected.signedIn,
    apiKeysEntry: expected.apiKeysEntry,
    legacyApiEntry: expected.legacyApiEntry,
    role: expected.role.value,
  };
}

test(`${REPRESENTATIVE.length} representative fixtures: the stored facts are the fixture's observation`, async ({
  context,
  serviceWorker,
  pleo,
}) => {
  expect(REPRESENTATIVE.length).toBeGreaterThanOrEqual(25);
  let current: DetectCase = REPRESENTATIVE[0]!;
  pleo.serve('production', () => current.html);
  pleo.serve('staging', () => current.html);
  const page = await context.newPage();
  for (const fixture of REPRESENTATIVE) {
    await test.step(fixture.name, async () => {
      current = fixture;
      // Each fixture starts from nothing known, so the stored facts are this page's alone.
      await serviceWorker.evaluate(() => chrome.storage.local.clear());
      await visit(page, fixture.url, serviceWorker);
      expect(await storedValues(serviceWorker, environmentOf(fixture.url))).toEqual(
        expectedValues(fixture.expected),
      );
    });
  }
  expect(pleo.strayRequests).toEqual([]);
});

/** A single-page app: renders late, navigates with history.pushState, adds entries later. */
const SPA = html(`<div id="root"></div>
<script>
  const SECTIONS = '<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>'
    + '<li><a href="/settings/integrations">Integrations</a></li>';
  function render() {
    const main = document.querySelector('main');
    if (main) main.innerHTML = location.pathname === '/settings' ? '<ul aria-label="Settings">' + SECTIONS + '</ul>' : '<h1>Expenses</h1>';
  }
  setTimeout(() => {
    document.getElementById('root').innerHTML = '<header><div aria-label="Account menu"><span>Admin</span></div></header>'
      + '<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/settings">Settings</a></nav><main></main>';
    render();
  }, 300);
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render();
  });
  window.addApiKeys = () => document.querySelector('ul').insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
</script>`);

test('a single-page app: late render, pushState navigation, an entry added later', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SPA);
  const page = await context.newPage();
  await page.goto('https://app.pleo.io/expenses');
  await expect
    .poll(() => storedValues(serviceWorker, 'production'))
    .toMatchObject({ signedIn: 'yes', role: 'admin' });
  expect((await storedValues(serviceWorker, 'production'))?.apiKeysEntry).toBe('unknown');

  // Absent can only be concluded on /settings: this proves the pushState navigation was seen.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect
    .poll(() => storedValues(serviceWorker, 'production'))
    .toMatchObject({ apiKeysEntry: 'absent' });

  await page.evaluate(() => (window as unknown as { addApiKeys(): void }).addApiKeys());
  await expect
    .poll(() => storedValues(serviceWorker, 'production'))
    .toMatchObject({ apiKeysEntry: 'visible' });
});

test('a pushState navigation with no change to the page is still seen', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () =>
    html(`<nav aria-label="Main menu"><a href="/settings">Settings</a></nav>
<ul aria-label="Settings"><li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul>`),
  );
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  expect((await storedValues(serviceWorker, 'production'))?.apiKeysEntry).toBe('unknown');
  await page.evaluate(() => history.pushState(null, '', '/settings'));
  await expect
    .poll(() => storedValues(serviceWorker, 'production'))
    .toMatchObject({ apiKeysEntry: 'absent' });
});

/** Every 8-character piece of the key: none may appear anywhere. */
function piecesOfKey(): string[] {
  return Array.from({ length: FRESH_KEY.length - 7 }, (_, i) => FRESH_KEY.slice(i, i + 8));
}

async function downloadText(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

test('a freshly created key reaches no message, no storage and no report', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const fixture = SHAPE_CASES.find((c) => c.html.includes(FRESH_KEY))!;
  pleo.serve('production', () => fixture.html);
  await serviceWorker.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { seenMessages: string[] }).seenMessages = seen;
    chrome.runtime.onMessage.addListener((message) => {
      seen.push(JSON.stringify(message));
    });
  });
  const page = await context.newPage();
  await visit(page, fixture.url, serviceWorker);
  expect((await storedValues(serviceWorker, 'production'))?.apiKeysEntry).toBe('visible');

  const messages = await serviceWorker.evaluate(
    () => (globalThis as unknown as { seenMessages: string[] }).seenMessages,
  );
  const storage = await serviceWorker.evaluate(async () =>
    JSON.stringify(await chrome.storage.local.get(null)),
  );
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  const reports = [await downloadText(popup.page, /JSON/), await downloadText(popup.page, /Markdown/)];

  expect(messages.length).toBeGreaterThan(0);
  expect(reports[0]).toContain('"schemaVersion"');
  for (const [where, text] of [
    ['messages', messages.join('\n')],
    ['storage', storage],
    ['JSON report', reports[0]!],
    ['Markdown report', reports[1]!],
  ] as const) {
    for (const piece of piecesOfKey()) expect(text, `${where} holds part of the key`).not.toContain(piece);
  }
});
