/**
 * `npm run demo`: loads the built extension into Chromium, walks the main scenarios on the
 * simulated Pleo app, and writes what a user would see (the page with its in-page hint, the popup
 * in light and dark and its footer, the stored state) into demo-output/ (or DEMO_OUTPUT), then the
 * store listing's images into demo-output/listing/ (docs/store-listing.md), and the popup and the
 * hint in each of the eleven languages into demo-output/locales/, and each answer of the key check
 * (against the simulated External API) into demo-output/key-check/. Headed when a display
 * exists, headless otherwise. WXT_OUT_DIR picks the build to load.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { type Environment, LANGUAGES, type Language } from '../lib/types';
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  extensionWorker,
  launchWithExtension,
  setSiteAccess,
  storedCheckedAt,
} from '../sim/browser';
import { allowApiAccess, routeExternalApi, SIMULATED_KEYS } from '../sim/external-api';
import type { SimulatedUser } from '../sim/pages';
import { routePleo } from '../sim/serve';

interface Scenario {
  name: string;
  what: string;
  user: Partial<SimulatedUser>;
  /** The Production page visited first; null visits nothing. */
  path: string | null;
  /** Environments whose site access the browser withholds ("On click"), as a user or a policy may set it. */
  withheld?: Environment[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'ready',
    what: 'Admin, access enabled',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings',
  },
  {
    name: 'role-missing',
    what: 'Employee, access enabled',
    user: { role: 'employee', apiKeysEnabled: true },
    path: '/settings',
  },
  {
    name: 'not-enabled',
    what: 'Admin, access not enabled',
    user: { role: 'admin', apiKeysEnabled: false },
    path: '/settings',
  },
  { name: 'signed-out', what: 'Not signed in', user: { signedIn: false }, path: '/access' },
  {
    name: 'unknown',
    what: 'Admin on a settings page without the list of settings',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings/export',
  },
  { name: 'not-checked', what: 'Pleo never opened', user: {}, path: null },
  {
    name: 'site-access-withheld',
    what: 'Admin, access enabled, but site access for Production set to "On click"',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings',
    withheld: ['production'],
  },
];

/**
 * The store listing's screenshots (1280 × 800, as the Chrome Web Store takes them): a scenario's
 * Pleo page with its popup open over it, as a user sees both.
 */
const LISTING_SCREENSHOTS = ['ready', 'role-missing', 'not-enabled', 'unknown', 'site-access-withheld'];

const OUTPUT = resolve(process.env.DEMO_OUTPUT ?? 'demo-output');
const COLOR_SCHEMES = ['light', 'dark'] as const;

async function runScenario(scenario: Scenario): Promise<string[]> {
  const context = await launchWithExtension({ headed: !!process.env.DISPLAY });
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const pleo = await routePleo(context);
    pleo.serve('production', scenario.user);
    if (scenario.withheld) {
      await setSiteAccess(
        context,
        extensionId,
        Object.fromEntries(
          (['production', 'staging'] as const).map((e) => [e, !scenario.withheld?.includes(e)]),
        ),
      );
    }
    const dir = join(OUTPUT, scenario.name);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    if (scenario.path !== null) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      const before = await storedCheckedAt(worker, 'production');
      await page.goto(`https://app.pleo.io${scenario.path}`);
      // With site access withheld the page is never read: there is nothing to wait for.
      if (!scenario.withheld?.includes('production')) {
        await waitFor(async () => (await storedCheckedAt(worker, 'production')) !== before);
      }
      await page.waitForTimeout(300);
      files.push(join(dir, 'page.png'));
      await page.screenshot({ path: files.at(-1) });
    }
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForSelector('[data-verdict]');
    for (const colorScheme of COLOR_SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      files.push(join(dir, `popup-${colorScheme}.png`));
      await popup.screenshot({ path: files.at(-1), fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    files.push(join(dir, 'popup-footer.png'));
    await popup.locator('footer.popup-footer').screenshot({ path: files.at(-1) });
    if (scenario.withheld) {
      files.push(join(dir, 'popup-withheld-card.png'));
      await popup.locator(`[data-environment="${scenario.withheld[0]}"]`).screenshot({ path: files.at(-1) });
    }
    const state = await worker.evaluate(() => chrome.storage.local.get(null));
    files.push(join(dir, 'state.json'));
    writeFileSync(files.at(-1)!, `${JSON.stringify(state, null, 2)}\n`);
    // The diagnostic reports, downloaded with the popup's own buttons, as a user would share them.
    for (const [format, name] of [
      ['JSON', 'report.json'],
      ['Markdown', 'report.md'],
    ] as const) {
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: new RegExp(format) }).click(),
      ]);
      files.push(join(dir, name));
      await download.saveAs(files.at(-1)!);
    }
    return files;
  } finally {
    await context.close();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('The extension stored no observation in time.');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The popup in a browser of each language, over Pleo pages in that language (Production not
 * enabled, Staging not yet known), and the hint on the Production page; it stops when the popup
 * does not speak the language.
 */
async function renderLocale(language: Language): Promise<string[]> {
  const context = await launchWithExtension({ headed: !!process.env.DISPLAY, language });
  try {
    const worker = await extensionWorker(context);
    const pleo = await routePleo(context);
    pleo.serve('production', { role: 'admin', apiKeysEnabled: false, lang: language });
    pleo.serve('staging', { role: 'admin', apiKeysEnabled: false, lang: language });
    const dir = join(OUTPUT, 'locales');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [environment, url] of [
      ['staging', 'https://app.staging.pleo.io/expenses'],
      ['production', 'https://app.pleo.io/settings'],
    ] as const) {
      const before = await storedCheckedAt(worker, environment);
      await page.goto(url);
      await waitFor(async () => (await storedCheckedAt(worker, environment)) !== before);
    }
    await page.locator('[data-pleo-access-hint] aside').waitFor();
    await page.waitForTimeout(300);
    files.push(join(dir, `${language}-hint.png`));
    await page.screenshot({ path: files.at(-1) });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await popup.waitForSelector('[data-verdict]');
    const spoken = await popup.evaluate(() => document.documentElement.lang);
    if (spoken !== language) throw new Error(`The popup speaks ${spoken} in a browser set to ${language}.`);
    files.push(join(dir, `${language}.png`));
    await popup.screenshot({ path: files.at(-1), fullPage: true });
    return files;
  } finally {
    await context.close();
  }
}

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

/** The store listing's images, from what the scenarios wrote: screenshots and the promo tile. */
async function renderListing(): Promise<string[]> {
  const dir = join(OUTPUT, 'listing');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.setViewportSize({ width: 1280, height: 800 });
    const dataUrl = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    for (const [index, name] of LISTING_SCREENSHOTS.entries()) {
      // The popup drops down from the toolbar at the top right, over the page.
      await page.setContent(
        `<html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">
          <img alt="" src="${dataUrl(join(OUTPUT, name, 'page.png'))}" style="display:block">
          <div style="position:absolute;top:0;right:24px;width:400px;height:780px;overflow:hidden;border-radius:0 0 10px 10px;box-shadow:0 12px 40px rgba(0,0,0,.35)">
            <img alt="" src="${dataUrl(join(OUTPUT, name, 'popup-light.png'))}" style="display:block;width:400px">
          </div></body></html>`,
      );
      await page
        .locator('img')
        .last()
        .evaluate((img: HTMLImageElement) => img.decode());
      files.push(join(dir, `screenshot-${index + 1}-${name}-1280x800.png`));
      await page.screenshot({ path: files.at(-1) });
    }
    await page.setViewportSize({ width: 440, height: 280 });
    await page.goto(pathToFileURL(resolve('assets/promo-tile.svg')).href);
    await page.waitForTimeout(200);
    files.push(join(dir, 'promo-tile-440x280.png'));
    await page.screenshot({ path: files.at(-1) });
  } finally {
    await browser.close();
  }
  return files;
}

/** The key check page (opened from a Production card) with each answer the External API can give. */
const KEY_CHECK_CASES: { name: string; key: string; unreachable?: boolean }[] = [
  { name: 'valid-production', key: SIMULATED_KEYS.production },
  { name: 'valid-in-other-environment', key: SIMULATED_KEYS.staging },
  { name: 'invalid-401', key: SIMULATED_KEYS.unknown },
  { name: 'inactive', key: SIMULATED_KEYS.inactive },
  { name: 'not-allowed-403', key: SIMULATED_KEYS.forbidden },
  { name: 'server-error-500', key: SIMULATED_KEYS.serverError },
  { name: 'unreachable', key: SIMULATED_KEYS.production, unreachable: true },
  { name: 'refused-input', key: 'a key with spaces' },
];

async function renderKeyCheck(): Promise<string[]> {
  const context = await launchWithExtension({ headed: !!process.env.DISPLAY });
  try {
    const extensionId = new URL((await extensionWorker(context)).url()).host;
    await routePleo(context);
    const api = await routeExternalApi(context);
    await allowApiAccess(context, extensionId);
    const dir = join(OUTPUT, 'key-check');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const page = await context.newPage();
    await page.setViewportSize({ width: 720, height: 800 });
    await page.goto(`chrome-extension://${extensionId}/check-key.html?environment=production`);
    files.push(join(dir, 'empty.png'));
    await page.screenshot({ path: files.at(-1), fullPage: true });
    for (const { name, key, unreachable = false } of KEY_CHECK_CASES) {
      api.unreachable = unreachable;
      const answered = api.requests.length + 2;
      await page.locator('#key').fill(key);
      await page.getByRole('button', { name: 'Check key' }).click();
      if (name !== 'refused-input') await waitFor(async () => api.requests.length >= answered);
      await page.waitForTimeout(300);
      files.push(join(dir, `${name}.png`));
      await page.screenshot({ path: files.at(-1), fullPage: true });
    }
    return files;
  } finally {
    await context.close();
  }
}

rmSync(OUTPUT, { recursive: true, force: true });
for (const scenario of SCENARIOS) {
  process.stdout.write(`${scenario.name.padEnd(14)} ${scenario.what}\n`);
  for (const file of await runScenario(scenario))
    process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
}
process.stdout.write("listing        the store listing's screenshots and promo tile\n");
for (const file of await renderListing()) process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
process.stdout.write('locales        the popup and the hint in each language\n');
for (const language of LANGUAGES) {
  for (const file of await renderLocale(language))
    process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
}
process.stdout.write('key-check      each answer of "Check key", against the simulated External API\n');
for (const file of await renderKeyCheck()) process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
process.stdout.write(`\nDemo output written to ${relative(process.cwd(), OUTPUT)}/\n`);
