/**
 * Reliability 14–17 — what a hands-on attack from a Pleo page got past the extension (issue 22),
 * each now a test where the page (or a content script it fooled) is the attacker:
 * 14 personal labels reach no storage and no default report, sent by a fooled content script or
 * pointed at in pick mode; 15 a page's clicks on the hint do
 * nothing; 16 a forged "started" event cannot switch the content script off, and no window message
 * names the extension; 17 a page nested 50,000 deep is read.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ENGLISH_HINT_STRINGS } from '../../../lib/hint/strings';
import { normaliseText } from '../../../lib/privacy';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { HintOnPage } from '../pages/hint';
import { PickerOnPage, startPick } from '../pages/picker';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { asHtmlText, PERSONAL_LABELS, PERSONAL_PIECES } from './hostile-strings';
import { type ChromeApi, contentWorld } from './state-helpers';

declare const chrome: ChromeApi;

/** The personal pieces found in a text, read raw and as it reads. */
function piecesIn(text: string): string[] {
  const forms = [text.toLowerCase(), normaliseText(text).toLowerCase()];
  return PERSONAL_PIECES.filter((piece) => forms.some((form) => form.includes(piece)));
}

async function downloaded(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

const stored = async (serviceWorker: Worker) => JSON.stringify(await readLocalStorage(serviceWorker));

test('reliability 14: personal labels sent by the content script are refused, and none reaches a default report', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const world = await contentWorld(context, page, extensionId);
  // What a fooled content script could send: each label to learn, each as the company, each as evidence.
  const answers = await world.run(async (labels: string[]) => {
    const send = (message: unknown) => chrome.runtime.sendMessage(message);
    const observation = (evidence: unknown[]) => ({
      signedIn: 'yes',
      apiKeysEntry: 'unknown',
      legacyApiEntry: 'unknown',
      role: { value: 'unknown', confidence: 'low', source: 'detected' },
      evidence,
    });
    const answers: unknown[] = [];
    for (const label of labels) {
      answers.push(await send({ type: 'learn-label', kind: 'role', label, language: 'en', role: 'admin' }));
      answers.push(await send({ type: 'learn-label', kind: 'apiKeys', label, language: 'en' }));
      await send({
        type: 'observation',
        observation: observation([{ check: 'role', signal: 'learned-label', detail: label }]),
      });
    }
    // The control: a label a user may teach is kept.
    answers.push(
      await send({ type: 'learn-label', kind: 'apiKeys', label: 'Developer access', language: 'en' }),
    );
    return answers;
  }, PERSONAL_LABELS);
  expect(answers).toEqual([
    ...PERSONAL_LABELS.flatMap(() => Array(2).fill({ ok: false, error: 'personal-or-secret' })),
    { ok: true },
  ]);
  await expect.poll(() => stored(serviceWorker)).toContain('Developer access');
  expect(piecesIn(await stored(serviceWorker))).toEqual([]);

  // As an older version kept them: the popup's reading drops them (storage repair), and the
  // reports hold none of them.
  await serviceWorker.evaluate(async (labels) => {
    const learnedAt = Date.now();
    const learned = labels.map((label) => ({ kind: 'apiKeys', label, language: 'en', learnedAt }));
    await chrome.storage.local.set({ learnedLabels: { production: learned, staging: [] } });
  }, PERSONAL_LABELS);
  expect(piecesIn(await stored(serviceWorker)).length).toBeGreaterThan(0);
  const reports = await defaultReports(context, extensionId);
  expect(JSON.parse(reports.json).environments[0].learnedLabels ?? []).toEqual([]);
  expect(piecesIn(reports.json)).toEqual([]);
  expect(piecesIn(reports.markdown)).toEqual([]);
  expect(reports.markdown).not.toContain('lib/detect/words.ts');
});

/** The default reports, downloaded from the popup as the user would. */
async function defaultReports(context: BrowserContext, extensionId: string) {
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  const reports = {
    json: await downloaded(popup.page, /JSON/),
    markdown: await downloaded(popup.page, /Markdown/),
  };
  await popup.page.close();
  return reports;
}

/** Every storage area, as one text. */
const everyArea = (serviceWorker: Worker) =>
  serviceWorker.evaluate(async () =>
    JSON.stringify(
      await Promise.all([
        chrome.storage.local.get(null),
        chrome.storage.session.get(null),
        chrome.storage.sync.get(null),
      ]),
    ),
  );

/**
 * A Settings page that shows each personal label where a user points: an entry of the settings
 * list whose visible text is the label, the account badge "Doe, Jane · Admin", and an icon button
 * whose only label is its aria-label. One entry a user may teach ("Developer access"), the control.
 */
function personalPage(): string {
  const entries = PERSONAL_LABELS.map(
    (label, index) => `<li><button type="button" id="label-${index}">${asHtmlText(label)}</button></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><title>Pleo</title></head><body>
<header><nav aria-label="Main"><a href="/expenses">Expenses</a> <a href="/settings">Settings</a></nav>
<div aria-label="Account menu"><span id="badge">Doe, Jane · Admin</span></div></header>
<main><h1>Settings</h1><ul aria-label="Settings">${entries}
<li><button type="button" id="aria-only" aria-label="Doe, Jane"><svg width="24" height="24"><rect width="24" height="24"/></svg></button></li>
<li><button type="button" id="developer">Developer access</button></li></ul></main></body></html>`;
}

test('reliability 14: each personal label pointed at in pick mode is refused with the visible message, and none is stored, logged or reported', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(90_000);
  const logged: string[] = [];
  context.on('console', (message) => logged.push(message.text()));
  serviceWorker.on('console', (message) => logged.push(message.text()));
  pleo.serve('production', personalPage);
  const page = await context.newPage();
  page.on('console', (message) => logged.push(message.text()));
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const picker = new PickerOnPage(page);
  const targets = [
    ...PERSONAL_LABELS.map((label, index) => ({ label, selector: `#label-${index}` })),
    { label: 'Doe, Jane · Admin', selector: '#badge' },
    { label: 'Doe, Jane (aria-label only)', selector: '#aria-only' },
  ];
  let refused = 0;
  for (const target of ['apiKeys', 'role'] as const) {
    for (const { label, selector } of targets) {
      expect(await startPick(serviceWorker, target)).toEqual({ ok: true });
      await expect(picker.host()).toHaveCount(1);
      await page.locator(selector).click();
      await expect(picker.text(), `${target}: ${label}`).toContainText(ENGLISH_HINT_STRINGS.pickRefused);
      await expect(picker.text()).toBeVisible();
      // Nothing offered to keep, no role asked for, and the label not shown back.
      await expect(picker.keep()).toBeHidden();
      await expect(picker.button('Admin')).toBeHidden();
      expect(piecesIn((await picker.host().textContent()) ?? ''), label).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(picker.host()).toHaveCount(0);
      refused++;
    }
  }
  // The control: pick mode on this page does keep a label a user may teach.
  await startPick(serviceWorker, 'apiKeys');
  await page.locator('#developer').click();
  await picker.keep().click();
  await expect.poll(() => stored(serviceWorker)).toContain('Developer access');

  await page.waitForTimeout(500);
  expect(piecesIn(await everyArea(serviceWorker))).toEqual([]);
  expect(logged.flatMap(piecesIn)).toEqual([]);
  const reports = await defaultReports(context, extensionId);
  expect(JSON.parse(reports.json).environments[0].learnedLabels).toEqual([
    { kind: 'apiKeys', label: 'Developer access', language: 'en' },
  ]);
  const suggestion = reports.markdown.slice(reports.markdown.indexOf('## Suggested rules change'));
  expect(suggestion).toContain("'Developer access'");
  expect(piecesIn(reports.json)).toEqual([]);
  expect(piecesIn(reports.markdown)).toEqual([]);
  expect(piecesIn(suggestion)).toEqual([]);
  console.info(
    `reliability 14 (pick mode): ${refused} of ${targets.length * 2} personal picks refused with the message; 0 personal pieces in 3 storage areas, ${logged.length} console lines and both reports`,
  );
});

test('reliability 15: a page clicking the hint’s buttons 30 times opens no tab and stores nothing', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  // A role that cannot make keys: the hint's one action opens the request in the guidance tab.
  pleo.serve('production', { role: 'employee' });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
  const before = await stored(serviceWorker);
  const tabs = context.pages().length;
  const clicked = await page.evaluate(() => {
    const buttons = [
      ...document.querySelector('[data-pleo-access-hint]')!.shadowRoot!.querySelectorAll('button'),
    ];
    for (let i = 0; i < 30; i++) for (const button of buttons) button.click();
    return buttons.length;
  });
  expect(clicked).toBe(2); // Open the request (the guidance tab), ×
  await page.waitForTimeout(1500);
  expect(context.pages()).toHaveLength(tabs);
  expect(await stored(serviceWorker)).toBe(before);
  await expect(hint.host()).toHaveCount(1);
  await expect(new PickerOnPage(page).host()).toHaveCount(0);

  // The user's own clicks still work; a second click within the pause opens nothing more.
  const [guidance] = await Promise.all([context.waitForEvent('page'), hint.details().click()]);
  expect(guidance.url()).toBe(`chrome-extension://${extensionId}/popup.html?environment=production&view=tab`);
  await hint.details().click();
  await page.waitForTimeout(2500);
  await hint.details().click();
  await page.waitForTimeout(500);
  expect(context.pages()).toHaveLength(tabs + 1);
});

test('reliability 16: a forged "started" event leaves the content script observing, and no window message names the extension', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const listening = `<script>window.seen = []; addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));</script>`;
  pleo.serve('production', (path) =>
    pleoPage(path, { ...DEFAULT_USER, role: 'admin', apiKeysEnabled: false }).replace(
      '<head>',
      `<head>${listening}`,
    ),
  );
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const apiKeysEntry = async () =>
    ((await readLocalStorage(serviceWorker))['environment:production'] as { apiKeysEntry: { value: string } })
      .apiKeysEntry.value;
  expect(await apiKeysEntry()).toBe('absent');
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'))).not.toContain(
    extensionId,
  );

  // The event WXT listens for to stop an older copy, named as it names it (the id is public in a store).
  await page.evaluate((id) => {
    const forged = () =>
      document.dispatchEvent(
        new CustomEvent(`${id}:pleo:wxt:content-script-started`, {
          detail: { contentScriptName: 'pleo', messageId: 'forged' },
        }),
      );
    forged();
    setTimeout(forged, 100);
  }, extensionId);
  await page.waitForTimeout(500);
  await page.evaluate(() =>
    document
      .querySelector('ul.settings-list')!
      .insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>'),
  );
  await expect.poll(apiKeysEntry, { timeout: 5000 }).toBe('visible');
});

const DEPTH = 50_000;

test(`reliability 17: a page nested ${DEPTH.toLocaleString('en')} deep is read`, async ({
  context,
  serviceWorker,
  pleo,
}) => {
  // Before the content script starts, the page moves everything to the bottom of the chain. The
  // chain is not drawn: Chromium's renderer crashes drawing a few thousand levels, extension or not.
  const nest = `<script>(() => {
    let bottom = document.body;
    const content = [...document.body.childNodes];
    bottom = bottom.appendChild(document.createElement('div'));
    bottom.style.display = 'none';
    for (let i = 1; i < ${DEPTH}; i++) bottom = bottom.appendChild(document.createElement('div'));
    bottom.append(...content);
  })();</script>`;
  pleo.serve('production', (path) =>
    pleoPage(path, { ...DEFAULT_USER, role: 'admin', apiKeysEnabled: true }).replace(
      '</body>',
      `${nest}</body>`,
    ),
  );
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  expect(await page.evaluate(() => document.querySelector('main')!.closest('body > div') !== null)).toBe(
    true,
  );
  const record = (await readLocalStorage(serviceWorker))['environment:production'] as {
    apiKeysEntry: { value: string };
    role: { value: { value: string } };
  };
  expect(record.apiKeysEntry.value).toBe('visible');
  expect(record.role.value.value).toBe('admin');
});
