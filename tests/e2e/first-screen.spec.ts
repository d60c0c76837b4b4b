/**
 * One look, one action: at the size a browser gives a popup (400 × 600), every verdict and its one
 * filled button are on the first screen, without scrolling, in light and dark, in English and German
 * (the longest words) and in every other language; and the shown environment has exactly one
 * visible `data-primary-action`. The records are written straight into storage, the way the
 * background keeps them, so every verdict is one reload away.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { RULES_VERSION } from '../../lib/detect/rules';
import { camelCase } from '../../lib/guidance/translate';
import { type Environment, LANGUAGES, type Language } from '../../lib/types';
import { extensionWorker, launchWithExtension, setSiteAccess } from '../../sim/browser';
import { expect, test } from './fixtures';

declare const chrome: {
  storage: { local: { clear(): Promise<void>; set(items: Record<string, unknown>): Promise<void> } };
};

type Case =
  | 'ready'
  | 'role-missing'
  | 'not-enabled'
  | 'signed-out'
  | 'unknown'
  | 'not-checked'
  | 'withheld'
  | 'both-withheld';

const CASES: Case[] = [
  'ready',
  'role-missing',
  'not-enabled',
  'signed-out',
  'unknown',
  'not-checked',
  'withheld',
  'both-withheld',
];

/** The facts of a Production record that give each verdict; null: nothing stored. */
function facts(verdict: Case): Record<string, unknown> | null {
  const role = (value: string) => ({ value: { value, confidence: 'high', source: 'detected' } });
  switch (verdict) {
    case 'ready':
    case 'withheld':
    case 'both-withheld':
      return { signedIn: { value: 'yes' }, apiKeysEntry: { value: 'visible' }, role: role('admin') };
    case 'role-missing':
      return { signedIn: { value: 'yes' }, apiKeysEntry: { value: 'absent' }, role: role('employee') };
    case 'not-enabled':
      return { signedIn: { value: 'yes' }, apiKeysEntry: { value: 'absent' }, role: role('admin') };
    case 'signed-out':
      return { signedIn: { value: 'no' } };
    case 'unknown':
      return { signedIn: { value: 'yes' }, role: role('admin') };
    case 'not-checked':
      return null;
  }
}

async function store(worker: Worker, verdict: Case): Promise<void> {
  await worker.evaluate(
    async ({ parts, rulesVersion }) => {
      await chrome.storage.local.clear();
      if (!parts) return;
      const now = Date.now();
      const fact = (part: unknown) =>
        part ? { ...(part as object), seenAt: now } : { value: 'unknown', seenAt: null };
      await chrome.storage.local.set({
        'environment:production': {
          environment: 'production',
          signedIn: fact(parts.signedIn),
          apiKeysEntry: fact(parts.apiKeysEntry),
          legacyApiEntry: { value: 'unknown', seenAt: null },
          role: parts.role
            ? fact(parts.role)
            : { value: { value: 'unknown', confidence: 'low', source: 'detected' }, seenAt: null },
          evidence: [],
          checkedAt: now,
          rulesVersion,
          history: [],
        },
        'environment:production$': { v: 2 },
      });
    },
    { parts: facts(verdict) as Record<string, unknown> | null, rulesVersion: RULES_VERSION },
  );
}

const WITHHELD: Partial<Record<Case, Partial<Record<Environment, boolean>>>> = {
  withheld: { production: false, staging: true },
  'both-withheld': { production: false, staging: false },
};

async function text(language: Language, key: string): Promise<string> {
  const messages = await parseMessagesFile(`locales/${language}.yml`);
  const found = messages.find((m) => m.key.join('.') === key);
  if (found?.type !== 'simple') throw new Error(`no ${key} in ${language}`);
  return found.message;
}

/** Where the shown verdict's headline and the visible filled buttons are, and whether the page scrolled. */
function firstScreen(): {
  headline: DOMRect | null;
  primaries: DOMRect[];
  headlineText: string;
  scrollY: number;
} {
  const shown = (element: Element) => (element as HTMLElement).checkVisibility();
  const headline =
    [...document.querySelectorAll('.banner .headline, [data-environment] [data-verdict] .headline')].find(
      shown,
    ) ?? null;
  return {
    headline: headline?.getBoundingClientRect().toJSON() ?? null,
    headlineText: headline?.textContent ?? '',
    primaries: [...document.querySelectorAll('[data-primary-action]')]
      .filter(shown)
      .map((element) => element.getBoundingClientRect().toJSON()),
    scrollY: window.scrollY,
  };
}

async function expectFirstScreen(page: Page, label: string, headline: string): Promise<void> {
  const seen = await page.evaluate(firstScreen);
  expect(seen.scrollY, label).toBe(0);
  expect(seen.headlineText, label).toBe(headline);
  expect(seen.headline!.bottom, `${label}: the verdict is on the first screen`).toBeLessThanOrEqual(600);
  expect(seen.primaries, `${label}: exactly one visible primary action`).toHaveLength(1);
  const primary = seen.primaries[0]!;
  expect(primary.top, label).toBeGreaterThanOrEqual(0);
  expect(primary.bottom, `${label}: the primary action is on the first screen`).toBeLessThanOrEqual(600);
  expect(primary.right, label).toBeLessThanOrEqual(400);
}

async function headlineOf(language: Language, verdict: Case): Promise<string> {
  if (verdict === 'withheld' || verdict === 'both-withheld') return text(language, 'access.withheld');
  return text(language, `verdict.${camelCase(verdict)}`);
}

async function checkEveryCase(
  context: BrowserContext,
  language: Language,
  colorSchemes: readonly ('light' | 'dark')[],
): Promise<void> {
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  let access = '';
  for (const verdict of CASES) {
    // Setting site access takes the extensions page: only when it changes (the withheld cases come last).
    const wanted = WITHHELD[verdict] ?? { production: true, staging: true };
    if (JSON.stringify(wanted) !== access) {
      if (access || verdict in WITHHELD) await setSiteAccess(context, extensionId, wanted);
      access = JSON.stringify(wanted);
    }
    await store(worker, verdict);
    await page.goto(`chrome-extension://${extensionId}/popup.html?environment=production`);
    await page.locator('[data-environment="production"] [data-verdict]').waitFor();
    for (const colorScheme of colorSchemes) {
      await page.emulateMedia({ colorScheme });
      await expectFirstScreen(
        page,
        `${language} ${verdict} ${colorScheme}`,
        await headlineOf(language, verdict),
      );
    }
  }
  await page.close();
}

for (const language of ['en', 'de'] as const) {
  test(`${language}: every verdict and its one primary button are within the first 400 × 600, light and dark`, async () => {
    test.setTimeout(120_000);
    const context = await launchWithExtension({ language });
    try {
      await checkEveryCase(context, language, ['light', 'dark']);
    } finally {
      await context.close();
    }
  });
}

test('every other language: every verdict and its one primary button are within the first 400 × 600', async () => {
  test.setTimeout(600_000);
  for (const language of LANGUAGES.filter((l) => l !== 'en' && l !== 'de')) {
    const context = await launchWithExtension({ language });
    try {
      await checkEveryCase(context, language, ['light']);
    } finally {
      await context.close();
    }
  }
});
