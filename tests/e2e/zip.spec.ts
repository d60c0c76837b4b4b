/**
 * The Chrome store package, not the build folder: unzip what `npm run zip` made and load that
 * into Chromium, so a zip with a missing or stale file fails here before a store review does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, OUT_DIR } from '../../sim/browser';
import { test as base, expect, visit } from './fixtures';
import { PopupPage } from './pages/popup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const chromeZip = join(OUT_DIR, `${pkg.name}-${pkg.version}-chrome.zip`);

/** The runtime's own view of the loaded extension, from its service worker. */
declare const chrome: { runtime: { getManifest(): { version: string; icons?: Record<string, string> } } };

const test = base.extend<{ unzipped: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
  unzipped: async ({}, use) => {
    if (!existsSync(chromeZip)) throw new Error(`No ${chromeZip}: run "npm run zip" first.`);
    const dir = mkdtempSync(join(tmpdir(), 'pleo-checker-zip-'));
    execFileSync('unzip', ['-q', chromeZip, '-d', dir]);
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ unzipped }, use) => {
    const context = await launchWithExtension({ extensionDir: unzipped });
    await use(context);
    await context.close();
  },
});

test('the unzipped Chrome package loads in Chromium and works', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.version).toBe(pkg.version);
  expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);

  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  await visit(await context.newPage(), 'https://app.pleo.io/settings', serviceWorker);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  expect(pleo.strayRequests).toEqual([]);
});
