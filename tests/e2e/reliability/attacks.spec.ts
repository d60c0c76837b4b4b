/**
 * Reliability 14–17 — what a hands-on attack from a Pleo page got past the extension (issue 22),
 * each now a test where the page (or a content script it fooled) is the attacker:
 * 14 personal labels reach no storage and no default report; 15 a page's clicks on the hint do
 * nothing; 16 a forged "started" event cannot switch the content script off, and no window message
 * names the extension; 17 a page nested 50,000 deep is read.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { normaliseText } from '../../../lib/privacy';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { HintOnPage } from '../pages/hint';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { PERSONAL_LABELS, PERSONAL_PIECES } from './hostile-strings';
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

  // As an older version kept them: the reports still hold none of them.
  await serviceWorker.evaluate(async (labels) => {
    const learnedAt = Date.now();
    const learned = labels.map((label) => ({ kind: 'apiKeys', label, language: 'en', learnedAt }));
    await chrome.storage.local.set({ learnedLabels: { production: learned, staging: [] } });
  }, PERSONAL_LABELS);
  expect(piecesIn(await stored(serviceWorker)).length).toBeGreaterThan(0);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  const reports = {
    json: await downloaded(popup.page, /JSON/),
    markdown: await downloaded(popup.page, /Markdown/),
  };
  expect(JSON.parse(reports.json).environments[0].learnedLabels).toHaveLength(PERSONAL_LABELS.length);
  expect(piecesIn(reports.json)).toEqual([]);
  expect(piecesIn(reports.markdown)).toEqual([]);
  expect(reports.markdown).not.toContain('lib/detect/words.ts');
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
  await expect(page.locator('[data-pleo-access-picker]')).toHaveCount(0);

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
