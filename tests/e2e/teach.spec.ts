/**
 * Teaching the checker what it missed, through the built extension in Chromium: the popup's
 * "Point at …" buttons put the Pleo tab into pick mode, a click there shows the label, "Keep"
 * teaches it and the verdict follows; "I opened Settings and there is no API Keys entry" is a declared fact; with no
 * Pleo tab open the popup says so.
 */
import type { Page, Worker } from '@playwright/test';
import type { ObservationRecord } from '../../lib/state/merge';
import type { LearnedLabel } from '../../lib/types';
import { expect, test, visit } from './fixtures';
import { PickerOnPage } from './pages/picker';
import { PopupPage } from './pages/popup';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * A Settings page the rules cannot finish reading: its API Keys entry is called something they do
 * not know ("Developer access", a button, so no path tells it), one other section (too few to say
 * "absent"), and the role shown as a word they do not know ("Superuser") in the account menu.
 */
const SETTINGS_WITH_UNKNOWN_WORDS = `<!doctype html><html lang="en"><head><title>Pleo</title></head><body>
<header><div aria-label="Account menu"><span>Alex Example</span> <span id="role">Superuser</span></div></header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/settings">Settings</a></nav>
<main><h1>Settings</h1><ul aria-label="Settings"><li><button>General</button></li>
<li><button id="entry">Developer access</button></li></ul></main></body></html>`;

async function stored<T>(worker: Worker, key: string): Promise<T | undefined> {
  return worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], key) as Promise<
    T | undefined
  >;
}

const record = (worker: Worker) => stored<ObservationRecord>(worker, 'environment:production');
const learned = async (worker: Worker) =>
  (await stored<{ production: LearnedLabel[] }>(worker, 'learnedLabels'))?.production ?? [];

/** The popup in a tab of its own (it stays open while the Pleo tab is used). */
async function popupTab(page: Page, extensionId: string): Promise<PopupPage> {
  return new PopupPage(page, extensionId).open('?view=tab');
}

test('with no Pleo tab open, "Point at" says so and offers to open Settings', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SETTINGS_WITH_UNKNOWN_WORDS);
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  await pleoTab.close();
  const popup = await popupTab(await context.newPage(), extensionId);
  const card = popup.environment('production');
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
  await card.getByRole('button', { name: /^Point at .*API Keys/ }).click();
  await expect(card.getByRole('status')).toContainText('No Production tab of Pleo is open');
  await expect(card.getByRole('status').getByRole('button', { name: 'Open Settings in Pleo' })).toBeVisible();
  // Staging was never visited: nothing to point at there.
  await expect(popup.environment('staging').getByRole('button', { name: /^Point at/ })).toHaveCount(0);
});

test('on the list of settings, "Point at the API Keys entry" is the one filled button; elsewhere "Open Settings in Pleo"', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SETTINGS_WITH_UNKNOWN_WORDS);
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
  // The popup is the active tab here: the user is not on the list, so opening it comes first.
  await expect(popup.primary('production')).toHaveText('Open Settings in Pleo');
  await expect(popup.button('production', /^Point at .*API Keys/)).toBeVisible();
  // With the Pleo tab on the list of settings in front, pointing at the entry comes first.
  await pleoTab.bringToFront();
  await popup.page.reload();
  await expect(popup.primary('production')).toHaveText('Point at the API Keys entry');
  await expect(popup.button('production', /^Point at .*API Keys/)).toHaveCount(1);
  await expect(popup.button('production', 'Open Settings in Pleo')).toBeVisible();
});

test('"I opened Settings and there is no API Keys entry" is a declared fact: with the role known, not enabled', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SETTINGS_WITH_UNKNOWN_WORDS.replace('Superuser', 'Admin'));
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const popup = await popupTab(await context.newPage(), extensionId);
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
  await popup
    .environment('production')
    .getByRole('button', { name: /no API Keys entry/ })
    .click();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  const after = await record(serviceWorker);
  expect(after?.apiKeysEntry.value).toBe('absent');
  expect(after?.evidence).toContainEqual(
    expect.objectContaining({ check: 'apiKeysEntry', signal: 'declared' }),
  );
});

test('point at an API Keys entry the rules do not know: ready within 2 s; forgotten, unknown again', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SETTINGS_WITH_UNKNOWN_WORDS.replace('Superuser', 'Admin'));
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  expect((await record(serviceWorker))?.apiKeysEntry.value).toBe('unknown');

  const popup = await popupTab(await context.newPage(), extensionId);
  await popup
    .environment('production')
    .getByRole('button', { name: /^Point at .*API Keys/ })
    .click();
  const picker = new PickerOnPage(pleoTab);
  await expect(picker.host()).toHaveCount(1);
  await pleoTab.locator('#entry').click();
  // Pick mode shows the label it would keep; "Keep" keeps it.
  await picker.keep().click();
  const clicked = Date.now();
  await expect
    .poll(async () => (await record(serviceWorker))?.apiKeysEntry.value, { timeout: 2000 })
    .toBe('visible');
  console.log(`[teach] API Keys entry visible in storage ${Date.now() - clicked} ms after the click`);
  expect(await learned(serviceWorker)).toEqual([
    expect.objectContaining({ kind: 'apiKeys', label: 'Developer access', language: 'en' }),
  ]);
  await expect(picker.host()).toHaveCount(0);
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');

  // The report the popup would share holds what was taught (its preview is the exact text shared).
  const json = JSON.parse((await popup.page.locator('[data-report-preview="json"]').textContent()) ?? '{}');
  expect(
    json.environments.find((entry: { environment: string }) => entry.environment === 'production'),
  ).toMatchObject({ learnedLabels: [{ kind: 'apiKeys', label: 'Developer access', language: 'en' }] });
  const markdown = await popup.page.locator('[data-report-preview="markdown"]').textContent();
  expect(markdown).toContain('## Suggested rules change');
  expect(markdown).toContain("+    apiKeys: ['API Keys', 'Developer access'],");

  // Forgotten on the options page: the page reads as before.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: /Forget.*Developer access/ }).click();
  await expect.poll(() => learned(serviceWorker)).toEqual([]);
  await pleoTab.reload();
  await expect.poll(async () => (await record(serviceWorker))?.apiKeysEntry.value).toBe('unknown');
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
});

test('point at a role word the rules do not know and say which role it is: the verdict follows', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', () => SETTINGS_WITH_UNKNOWN_WORDS);
  const pleoTab = await context.newPage();
  await visit(pleoTab, 'https://app.pleo.io/settings', serviceWorker);
  expect((await record(serviceWorker))?.role.value.value).toBe('unknown');

  const popup = await popupTab(await context.newPage(), extensionId);
  await popup
    .environment('production')
    .getByRole('button', { name: /^Point at .*role/ })
    .click();
  await pleoTab.locator('#role').click();
  await new PickerOnPage(pleoTab).button('Admin').click();
  const chosen = Date.now();
  await expect
    .poll(async () => (await record(serviceWorker))?.role.value.value, { timeout: 2000 })
    .toBe('admin');
  console.log(`[teach] role in storage ${Date.now() - chosen} ms after choosing it`);
  expect(await learned(serviceWorker)).toEqual([
    expect.objectContaining({ kind: 'role', label: 'Superuser', role: 'admin' }),
  ]);
  // An Admin, the entry still not seen: unknown until Settings shows it or the user says it is not there.
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'unknown');
});
