import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { ENGLISH_HINT_STRINGS } from '../../lib/hint/strings';
import type { VerdictKind } from '../../lib/types';
import { LANGUAGES } from '../../lib/types';
import { readHintStrings } from '../../scripts/hint-strings';
import type { SimulatedUser } from '../../sim/pages';
import { DEFAULT_USER, pleoPage } from '../../sim/pages';
import { expect, test, visit } from './fixtures';
import { HintOnPage, withHintInCorner } from './pages/hint';
import { OptionsPage } from './pages/options';

interface Case {
  what: string;
  user: Partial<SimulatedUser>;
  path: string;
  /** The hint's data-verdict, or null when no hint may show. */
  hint: VerdictKind | null;
  text?: string;
}

const CASES: Case[] = [
  {
    what: 'role-missing on any Pleo page',
    user: { role: 'employee' },
    path: '/expenses',
    hint: 'role-missing',
    text: ENGLISH_HINT_STRINGS.roleMissing,
  },
  {
    what: 'not-enabled on the Settings page',
    user: { role: 'admin', apiKeysEnabled: false },
    path: '/settings',
    hint: 'not-enabled',
    text: ENGLISH_HINT_STRINGS.notEnabled,
  },
  {
    what: 'unknown on a Settings page, saying what to open',
    user: { role: 'admin' },
    path: '/settings/export',
    hint: 'unknown',
    text: ENGLISH_HINT_STRINGS.unknownOpenSettings,
  },
  {
    what: 'ready on the API Keys page, as a tip',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings/api-keys',
    hint: 'ready',
    text: ENGLISH_HINT_STRINGS.ready,
  },
  { what: 'no hint for unknown away from Settings', user: { role: 'admin' }, path: '/expenses', hint: null },
  { what: 'no hint for ready on the Settings list', user: { role: 'admin' }, path: '/settings', hint: null },
  { what: 'no hint when signed out', user: { signedIn: false }, path: '/access', hint: null },
];

async function settle(page: Page): Promise<void> {
  // The hint follows storage; give a change time to arrive before asserting an absence.
  await page.waitForTimeout(500);
}

function storedDismissals(serviceWorker: Worker): Promise<unknown> {
  return serviceWorker.evaluate(
    async () => (await chrome.storage.local.get('dismissedHints')).dismissedHints,
  );
}

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

for (const c of CASES) {
  test(`hint: ${c.what}`, async ({ context, serviceWorker, pleo }) => {
    pleo.serve('production', c.user);
    const page = await context.newPage();
    await visit(page, `https://app.pleo.io${c.path}`, serviceWorker);
    const hint = new HintOnPage(page);
    if (c.hint === null) {
      await settle(page);
      await expect(hint.host()).toHaveCount(0);
      return;
    }
    await expect(hint.host()).toHaveAttribute('data-verdict', c.hint);
    await expect(hint.text()).toHaveText(c.text!);
    expect(await hint.host().evaluate((host) => host.shadowRoot?.mode)).toBe('open');
    const axe = await new AxeBuilder({ page }).include('[data-pleo-access-hint]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const axeDark = await new AxeBuilder({ page }).include('[data-pleo-access-hint]').analyze();
    expect(axeDark.violations.map((v) => v.id)).toEqual([]);
  });
}

test('a dismissal is remembered per environment and verdict', async ({ context, serviceWorker, pleo }) => {
  pleo.serve('production', { role: 'employee' });
  pleo.serve('staging', { role: 'employee' });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  const hint = new HintOnPage(page);
  await hint.dismiss().click();
  await expect(hint.host()).toHaveCount(0);
  await expect.poll(() => storedDismissals(serviceWorker)).toEqual(['production:role-missing']);

  await visit(page, 'https://app.pleo.io/cards', serviceWorker);
  await settle(page);
  await expect(hint.host()).toHaveCount(0);

  // Another environment, and another verdict in the same environment, still show theirs.
  await visit(page, 'https://app.staging.pleo.io/expenses', serviceWorker);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'not-enabled');
});

test('the option turns the hint off and on, on open pages too', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'employee' });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');

  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.hintSwitch().uncheck();
  await expect(hint.host()).toHaveCount(0);
  await visit(page, 'https://app.pleo.io/cards', serviceWorker);
  await settle(page);
  await expect(hint.host()).toHaveCount(0);

  await options.hintSwitch().check();
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
});

test('the hint speaks the page’s language, in each of the app’s eleven', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  const page = await context.newPage();
  const hint = new HintOnPage(page);
  for (const lang of LANGUAGES) {
    // The locale file is the source: what the background reads from the built _locales.
    const strings = await readHintStrings(lang);
    pleo.serve('production', { role: 'employee', lang });
    await visit(page, `https://app.pleo.io/expenses?lang=${lang}`, serviceWorker);
    await expect(hint.text(), lang).toHaveText(strings.roleMissing!);
    await expect(hint.details(), lang).toHaveText(strings.request!);
    await expect(hint.dismiss(), lang).toHaveAccessibleName(strings.dismiss!);
    await expect(hint.host(), lang).toHaveAttribute('data-verdict', 'role-missing');
  }
});

test('"Open the request" opens the popup’s guidance for this environment in a tab, its copy button first', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: false });
  const page = await context.newPage();
  await visit(page, 'https://app.staging.pleo.io/settings', serviceWorker);
  const [guidance] = await Promise.all([
    context.waitForEvent('page'),
    new HintOnPage(page).details().click(),
  ]);
  await guidance.waitForLoadState();
  expect(guidance.url()).toBe(`chrome-extension://${extensionId}/popup.html?environment=staging&view=tab`);
  const shown = guidance.locator('section[data-environment]:not([hidden])');
  await expect(shown).toHaveAttribute('data-environment', 'staging');
  await expect(shown.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'not-enabled');
  await expect(shown.locator('[data-primary-action]')).toHaveText('Copy request');
});

test('page styles cannot change the hint, and the hint’s styles cannot change the page', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', (path) => withHintInCorner(pleoPage(path, { ...DEFAULT_USER, role: 'employee' })));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const styleSnapshot = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *:not([data-pleo-access-hint])')].map((e) => {
        const s = getComputedStyle(e);
        return [e.tagName, s.color, s.backgroundColor, s.font, s.display, s.margin, s.padding].join('|');
      }),
    );
  // The page with the hint turned off, then with it on: the page's own elements look the same.
  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveCount(1);
  const withHint = await styleSnapshot();
  await expect.poll(() => hint.box()).not.toBeNull();
  const box = await hint.box();
  const textColor = await hint.text().evaluate((e) => getComputedStyle(e).color);
  await hint.host().evaluate((host) => host.remove());
  expect(await styleSnapshot()).toEqual(withHint);

  await page.reload();
  await expect(hint.host()).toHaveCount(1);
  await page.addStyleTag({
    content: `* { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
      pleo-access-hint, [data-pleo-access-hint], aside, .hint, .text, button {
        display: none !important; opacity: 0 !important; transform: scale(0) !important; }`,
  });
  await expect(hint.text()).toBeVisible();
  // Polled: the first scan after the reload may draw the hint once more; the page's styles would
  // keep it hidden or moved for good.
  await expect.poll(() => hint.box()).toEqual(box);
  expect(await hint.text().evaluate((e) => getComputedStyle(e).color)).toBe(textColor);
});

test('keys typed in the hint do not reach the page', async ({ context, serviceWorker, pleo }) => {
  pleo.serve('production', { role: 'employee' });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveCount(1);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { keysSeen: string[] }).keysSeen = seen;
    for (const target of [window, document, document.body]) {
      for (const type of ['keydown', 'keyup', 'keypress']) {
        target.addEventListener(type, (event) => seen.push(`${type}:${(event as KeyboardEvent).key}`));
      }
    }
  });
  const keysSeen = () => page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen.length);

  await hint.details().focus();
  for (const key of ['a', 'Escape', 'Tab', 'ArrowDown', '/']) await page.keyboard.press(key);
  expect(await keysSeen()).toBe(0);

  // The same keys typed on the page itself do reach it: the listeners work.
  await page.locator('nav a').first().focus();
  await page.keyboard.press('a');
  expect(await keysSeen()).toBeGreaterThan(0);
});

test('the hint never covers the app’s controls', async ({ context, serviceWorker, pleo }) => {
  for (const [user, path] of [
    [{ role: 'employee' }, '/settings'],
    [{ role: 'admin', apiKeysEnabled: true }, '/settings/api-keys'],
  ] as const) {
    pleo.serve('production', user);
    const page = await context.newPage();
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1024, height: 640 },
    ]) {
      await page.setViewportSize(viewport);
      await visit(page, `https://app.pleo.io${path}`, serviceWorker);
      const hint = new HintOnPage(page);
      await expect(hint.host()).toHaveCount(1);
      const box = (await hint.box())!;
      const controls = await page
        .locator('body :is(a, button, input, select, [role="button"], [role="link"])')
        .evaluateAll((elements) =>
          // The locator pierces shadow roots: leave out the hint's own buttons.
          elements.filter((e) => e.getRootNode() === document).map((e) => e.getBoundingClientRect().toJSON()),
        );
      expect(controls.length).toBeGreaterThan(3);
      for (const c of controls) {
        const overlaps =
          c.left < box.x + box.width && box.x < c.right && c.top < box.y + box.height && box.y < c.bottom;
        expect(overlaps, `hint ${JSON.stringify(box)} covers ${JSON.stringify(c)}`).toBe(false);
      }
    }
    await page.close();
  }
});

/** Every layout shift the page records from its start, the hint's arrival included. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((a, b) => a + b, 0),
  );

const PLACEMENTS = [
  {
    what: 'on a Settings list, under the list where API Keys would be',
    user: { role: 'admin' as const, apiKeysEnabled: false },
    path: '/settings',
    verdict: 'not-enabled',
    placement: 'settings-list',
    action: 'Open the request',
    anchor: '.settings-list',
  },
  {
    what: 'on a page with a menu, under its Settings entry',
    user: { role: 'employee' as const },
    path: '/expenses',
    verdict: 'role-missing',
    placement: 'settings-entry',
    action: 'Open the request',
    anchor: 'nav.main a[href="/settings"]',
  },
  {
    what: 'on a page with neither, in the corner',
    user: { role: 'employee' as const },
    path: '/expenses',
    withoutMenu: true,
    verdict: 'role-missing',
    placement: 'corner',
    action: 'Open the request',
    anchor: null,
  },
  {
    what: 'unknown on a settings page: "Open Settings" is its one action',
    user: { role: 'admin' as const },
    path: '/settings/export',
    verdict: 'unknown',
    placement: 'settings-entry',
    action: 'Open Settings',
    anchor: 'nav.main a[href="/settings"]',
  },
];

for (const c of PLACEMENTS) {
  test(`the hint stands where it points: ${c.what}; no layout shift, axe finds nothing`, async ({
    context,
    serviceWorker,
    pleo,
  }) => {
    const user = { ...DEFAULT_USER, ...c.user };
    pleo.serve('production', (path) =>
      c.withoutMenu
        ? pleoPage(path, user).replace(/<nav class="main"[\s\S]*?<\/nav>/, '')
        : pleoPage(path, user),
    );
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await recordLayoutShifts(page);
    await visit(page, `https://app.pleo.io${c.path}`, serviceWorker);
    const hint = new HintOnPage(page);
    await expect(hint.host()).toHaveAttribute('data-verdict', c.verdict);
    await expect(hint.host()).toHaveAttribute('data-placement', c.placement);
    const box = (await hint.box())!;
    if (c.anchor === null) {
      // The corner: bottom right, as before.
      expect(box.x + box.width).toBeGreaterThan(1280 - 40);
      expect(box.y + box.height).toBeGreaterThan(800 - 40);
    } else {
      const anchor = (await page.locator(c.anchor).boundingBox())!;
      // Under its anchor (the list, where API Keys would be; or the menu's entry), aligned with it.
      expect(Math.abs(box.x - anchor.x)).toBeLessThan(2);
      expect(box.y).toBeGreaterThanOrEqual(anchor.y + anchor.height);
      expect(box.y - (anchor.y + anchor.height)).toBeLessThan(20);
    }
    // Its one action, and the dismiss button.
    await expect(hint.host().getByRole('button')).toHaveCount(2);
    await expect(hint.host().getByRole('button', { name: c.action })).toBeVisible();
    await page.waitForTimeout(300);
    expect(await layoutShifts(page)).toBe(0);
    const axe = await new AxeBuilder({ page }).include('[data-pleo-access-hint]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
}

test('"Open Settings" in the hint opens the list of settings in the same tab', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin' });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings/export', serviceWorker);
  await new HintOnPage(page).host().getByRole('button', { name: 'Open Settings' }).click();
  await expect.poll(() => page.url()).toBe('https://app.pleo.io/settings');
});

test('ready: a small confirmation beside the entry, dismissed with its one button', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings/api-keys', serviceWorker);
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'ready');
  await expect(hint.host().getByRole('button')).toHaveCount(1);
  await hint.dismiss().click();
  await expect(hint.host()).toHaveCount(0);
  await expect.poll(() => storedDismissals(serviceWorker)).toEqual(['production:ready']);
});
