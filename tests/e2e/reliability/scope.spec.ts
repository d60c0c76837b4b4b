/**
 * Reliability 11 — scope: the content script runs only in the top frame of the two Pleo origins.
 * Proof is direct: Chromium reports every isolated world an extension creates (CDP Runtime
 * execution contexts), so "no content script" means no world of ours in that frame, not merely
 * "nothing was stored".
 */
import type { BrowserContext, Page } from '@playwright/test';
import { pleoPage } from '../../../sim/pages';
import { expect, test } from '../fixtures';

interface World {
  frameId: string;
  origin: string;
}

/** Records the extension's isolated worlds created in a page, from before its first navigation. */
async function watchWorlds(context: BrowserContext, page: Page, extensionId: string): Promise<World[]> {
  const worlds: World[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const aux = created.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && created.origin.includes(extensionId)) {
      worlds.push({ frameId: aux.frameId ?? '', origin: created.origin });
    }
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

async function frameIdOf(context: BrowserContext, page: Page, url: string): Promise<string> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string; url: string }; childFrames?: { frame: { id: string; url: string } }[] };
  };
  const frames = [frameTree.frame, ...(frameTree.childFrames ?? []).map((child) => child.frame)];
  const frame = frames.find((f) => f.url.startsWith(url));
  if (!frame) throw new Error(`no frame at ${url}`);
  return frame.id;
}

const SETTINGS = pleoPage('/settings');

test('reliability 11: a Pleo page gets exactly one content script world, in its top frame (control)', async ({
  context,
  extensionId,
  pleo,
}) => {
  pleo.serve('production', {});
  const page = await context.newPage();
  const worlds = await watchWorlds(context, page, extensionId);
  await page.goto('https://app.pleo.io/settings');
  await expect.poll(() => worlds.length).toBe(1);
  expect(worlds[0]?.frameId).toBe(await frameIdOf(context, page, 'https://app.pleo.io/settings'));
});

for (const url of [
  'http://app.pleo.io/settings',
  'https://app.pleo.io.evil.example/settings',
  'https://evil-app.pleo.io.example/settings',
  'https://pleo.io/settings',
  'https://www.pleo.io/en',
  'https://external.pleo.io/settings',
  'https://app.staging.pleo.io.evil.example/settings',
]) {
  test(`reliability 11: no content script and no hint on ${url}`, async ({
    context,
    extensionId,
    pleo,
    serviceWorker,
  }) => {
    pleo.serveOrigin(url, () => SETTINGS);
    const page = await context.newPage();
    const worlds = await watchWorlds(context, page, extensionId);
    await page.goto(url);
    await page.waitForTimeout(1000);
    expect(worlds).toEqual([]);
    await expect(page.locator('[data-pleo-access-hint]')).toHaveCount(0);
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((key) => key.startsWith('environment:'))).toEqual([]);
  });
}

test('reliability 11: a Pleo page framed by another site, and a Pleo frame inside a Pleo page, get no content script', async ({
  context,
  extensionId,
  pleo,
  serviceWorker,
}) => {
  pleo.serveOrigin(
    'https://evil.example',
    () => '<h1>Framing</h1><iframe src="https://app.pleo.io/settings"></iframe>',
  );
  pleo.serve('production', (path) =>
    path.startsWith('/framed')
      ? '<h1>Outer</h1><iframe src="https://app.pleo.io/settings"></iframe><iframe src="https://evil.example/x"></iframe>'
      : SETTINGS,
  );
  const page = await context.newPage();
  const worlds = await watchWorlds(context, page, extensionId);
  await page.goto('https://evil.example/');
  await expect(page.frameLocator('iframe').locator('h1')).toHaveText('Settings');
  await page.waitForTimeout(1000);
  expect(worlds).toEqual([]);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(stored).filter((key) => key.startsWith('environment:'))).toEqual([]);

  const pleoPageWithFrames = await context.newPage();
  const pleoWorlds = await watchWorlds(context, pleoPageWithFrames, extensionId);
  await pleoPageWithFrames.goto('https://app.pleo.io/framed');
  await expect(pleoPageWithFrames.frameLocator('iframe').first().locator('h1')).toHaveText('Settings');
  await page.waitForTimeout(1000);
  const top = await frameIdOf(context, pleoPageWithFrames, 'https://app.pleo.io/framed');
  expect(pleoWorlds.map((world) => world.frameId)).toEqual([top]);
  await expect(
    pleoPageWithFrames.frameLocator('iframe').first().locator('[data-pleo-access-hint]'),
  ).toHaveCount(0);
});

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
