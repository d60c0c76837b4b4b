/**
 * The Chrome and Edge store packages, not the build folders: unzip what `npm run zip` made and load
 * each into Chromium (Edge's engine), so a zip with a missing or stale file fails here before a
 * store review does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, OUT_DIR } from '../../sim/browser';
import { test as base, expect, visit } from './fixtures';
import { PopupPage } from './pages/popup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

/** The runtime's own view of the loaded extension, from its service worker. */
declare const chrome: {
  runtime: {
    getManifest(): {
      version: string;
      icons?: Record<string, string>;
      minimum_chrome_version?: string;
      incognito?: string;
    };
  };
  action: { getTitle(details: object): Promise<string> };
  i18n: { getMessage(name: string): string };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

for (const store of ['chrome', 'edge'] as const) {
  const zip = join(OUT_DIR, `${pkg.name}-${pkg.version}-${store}.zip`);
  const test = base.extend<{ unzipped: string }>({
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
    unzipped: async ({}, use) => {
      if (!existsSync(zip)) throw new Error(`No ${zip}: run "npm run zip" first.`);
      const dir = mkdtempSync(join(tmpdir(), 'pleo-checker-zip-'));
      execFileSync('unzip', ['-q', zip, '-d', dir]);
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    context: async ({ unzipped }, use) => {
      const context = await launchWithExtension({ extensionDir: unzipped });
      await use(context);
      await context.close();
    },
  });

  test(`the unzipped ${store} package loads in Chromium and works`, async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
  }) => {
    const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.version).toBe(pkg.version);
    expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
    expect(manifest.minimum_chrome_version).toMatch(/^\d+$/);
    expect(manifest.incognito).toBe('not_allowed');
    // The toolbar button is titled with the name in the browser's language (the manifest says __MSG_extName__).
    const [title, name] = await serviceWorker.evaluate(async () => [
      await chrome.action.getTitle({}),
      chrome.i18n.getMessage('extName'),
    ]);
    expect(title).toBe(name);
    // The browser assigned the suggested shortcut (no other extension here holds it).
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((command) => command.name === '_execute_action')?.shortcut).toBe('Alt+Shift+Y');

    pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
    await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
    expect(pleo.strayRequests).toEqual([]);
  });
}
