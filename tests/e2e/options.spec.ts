import AxeBuilder from '@axe-core/playwright';
import type { Worker } from '@playwright/test';
import { expect, test, visit } from './fixtures';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { storedValue } from './storage';

const stored = (serviceWorker: Worker, key: string) => storedValue(serviceWorker, key);

declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

test('the options page has no axe violations in light or dark', async ({ context, extensionId }) => {
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: options.page }).analyze();
    expect(
      results.violations.map((v) => v.id),
      `axe in ${colorScheme}`,
    ).toEqual([]);
  }
});

test('the profile answers are stored and change the popup’s next steps', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.radio('Pleo Partner').check();
  await options.radio("Already using Pleo's API").check();
  await expect
    .poll(() => stored(serviceWorker, 'profile'))
    .toEqual({ kind: 'partner', stage: 'existing', declaredRoles: {} });

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  expect((await popup.steps('production'))[0]).toBe('askPartnerContact');
  await popup.openAudience();
  await expect(popup.audience().getByRole('radio', { name: 'Pleo Partner' })).toBeChecked();
});

test('"forget everything" works from the keyboard, asks once, and leaves nothing stored', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'employee' });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  expect(await stored(serviceWorker, 'environment:production')).toBeTruthy();

  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.forgetButton().focus();
  await options.page.keyboard.press('Enter');
  const confirm = options.page.getByRole('button', { name: /yes, forget everything/i });
  await expect(confirm).toBeFocused();
  // Cancel returns the focus to where it was; nothing is forgotten.
  await options.page.keyboard.press('Tab');
  await options.page.keyboard.press('Enter');
  await expect(options.forgetButton()).toBeFocused();
  expect(await stored(serviceWorker, 'environment:production')).toBeTruthy();

  await options.page.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await options.page.keyboard.press('Enter');
  await expect(options.page.getByRole('status')).toHaveText(/forgotten/i);
  // Only WXT's schema-version markers ("<key>$": { v }) may remain: they hold nothing about the user.
  const left = await serviceWorker.evaluate(() => chrome.storage.local.get(null as unknown as string));
  for (const [key, value] of Object.entries(left)) {
    expect(key.endsWith('$'), key).toBe(true);
    expect(Object.keys(value as object)).toEqual(['v']);
  }

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-checked');
});

test('what the user taught is listed per environment, and "Forget" removes exactly that label', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  const section = options.page.getByRole('region', { name: 'What you taught the checker' });
  await expect(section).toContainText('Nothing taught yet.');

  const day = 86_400_000;
  const keys = { kind: 'apiKeys', label: 'Udviklernøgler', language: 'da', learnedAt: Date.now() - day };
  const chef = { kind: 'role', label: 'Chef', language: 'da', role: 'admin', learnedAt: Date.now() };
  const setup = { kind: 'settings', label: 'Setup', language: 'en', learnedAt: Date.now() - 2 * day };
  // As the background stores them: the item and WXT's version marker.
  await serviceWorker.evaluate(
    (learnedLabels) => chrome.storage.local.set({ learnedLabels, learnedLabels$: { v: 1 } }),
    { production: [keys, chef], staging: [setup] },
  );

  // The open page follows storage: newest first, each environment under its own heading.
  const production = section.getByRole('list', { name: 'Production' }).getByRole('listitem');
  await expect(production).toHaveText([
    /^Chef\s*Role name for Admin · Danish · taught .+Forget “Chef”$/,
    /^Udviklernøgler\s*API Keys entry · Danish · taught .+Forget “Udviklernøgler”$/,
  ]);
  await expect(section.getByRole('list', { name: 'Staging' }).getByRole('listitem')).toHaveText([
    /^Setup\s*Settings entry · English/,
  ]);
  await expect(section).not.toContainText('Nothing taught yet.');
  const results = await new AxeBuilder({ page: options.page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await section.getByRole('button', { name: 'Forget “Chef”' }).click();
  await expect(section.getByRole('status')).toHaveText('“Chef” is forgotten.');
  await expect
    .poll(() => stored(serviceWorker, 'learnedLabels'))
    .toEqual({ production: [keys], staging: [setup] });
  await expect(production).toHaveCount(1);
  // The focus stays in the list, on the label now where the forgotten one was.
  await expect(section.getByRole('button', { name: 'Forget “Udviklernøgler”' })).toBeFocused();

  // "Forget everything" takes what was taught with it.
  await options.page.getByRole('button', { name: 'Forget everything stored' }).click();
  await options.page.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect.poll(() => stored(serviceWorker, 'learnedLabels')).toBeUndefined();
  await expect(section).toContainText('Nothing taught yet.');
});
