/**
 * Reliability 1 — no network. The browser starts without the extension, every request of the
 * context is recorded (pages, frames and the extension's service worker alike), and only then is the
 * extension installed, through the DevTools protocol (Extensions.loadUnpacked), so the recording
 * covers a real first install. Then detection on every simulated page, the hint, the popup with
 * both exports and the copy buttons, and the options page. Pass: every http(s) request recorded is
 * one of the navigations the test itself made. Controls at the end prove the recorder sees a
 * request from the service worker, the popup and the content script's isolated world.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, test, type Worker } from '@playwright/test';
import { chromium } from 'playwright-core';
import { builtExtension, CHROMIUM_FLAGS, chromiumPath } from '../../../sim/browser';
import { DEFAULT_USER, pleoPage, type SimulatedUser } from '../../../sim/pages';
import { routePleo } from '../../../sim/serve';
import { SIMULATED_LANGUAGES } from '../../../sim/texts';
import { expect, visit } from '../fixtures';
import { HintOnPage } from '../pages/hint';
import { OptionsPage } from '../pages/options';
import { PopupPage } from '../pages/popup';

interface Recorded {
  url: string;
  resourceType: string;
  navigation: boolean;
  from: string;
}

/**
 * The shared launcher's browser (sim/browser.ts), without the extension: it is installed later,
 * while the recorder runs.
 */
async function launchWithoutExtension(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pleo-checker-network-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // real headless comes from --headless=new; headless-shell cannot load extensions
    acceptDownloads: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      '--enable-unsafe-extension-debugging', // lets the DevTools protocol install an unpacked extension
      ...CHROMIUM_FLAGS,
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

function recordRequests(context: BrowserContext): Recorded[] {
  const recorded: Recorded[] = [];
  context.on('request', (request) => {
    const frame = request.serviceWorker() ? null : request.frame();
    recorded.push({
      url: request.url(),
      resourceType: request.resourceType(),
      navigation: request.isNavigationRequest(),
      from: request.serviceWorker() ? 'service worker' : (frame?.url() ?? 'unknown'),
    });
  });
  return recorded;
}

const isWeb = (url: string) => /^(https?|wss?):/i.test(url);

/** What the extension requested: every web request that is not one of the test's own navigations. */
function extensionRequests(recorded: Recorded[], navigations: string[]): Recorded[] {
  const allowed = [...navigations];
  return recorded.filter((request) => {
    if (!isWeb(request.url)) return false;
    const index =
      request.navigation && request.resourceType === 'document' ? allowed.indexOf(request.url) : -1;
    if (index === -1) return true;
    allowed.splice(index, 1);
    return false;
  });
}

const USERS: Partial<SimulatedUser>[] = [
  { role: 'admin', apiKeysEnabled: true, legacyApi: true },
  { role: 'admin', apiKeysEnabled: false },
  { role: 'bookkeeper', apiKeysEnabled: true },
  { role: 'employee' },
  { signedIn: false },
];
const PATHS = ['/expenses', '/cards', '/settings', '/settings/api-keys', '/settings/open-api', '/access'];

declare const chrome: { runtime: { id: string } };

test('reliability 1: the extension makes no http(s) request: install, detection on every simulated page, hint, popup, exports, options', async () => {
  test.setTimeout(240_000);
  const browser = await launchWithoutExtension();
  const { context } = browser;
  try {
    const recorded = recordRequests(context);
    const webSockets: string[] = [];
    await context.routeWebSocket(/.*/, (socket) => {
      webSockets.push(socket.url());
      void socket.close();
    });
    const pleo = await routePleo(context);
    const navigations: string[] = [];
    const goto = async (page: Page, url: string, serviceWorker: Worker) => {
      navigations.push(url);
      await visit(page, url, serviceWorker);
    };

    const cdp = await context.browser()!.newBrowserCDPSession();
    const started = context.waitForEvent('serviceworker');
    const { id: extensionId } = await cdp.send('Extensions.loadUnpacked', {
      path: builtExtension('chrome-mv3'),
    });
    const serviceWorker = await started;
    expect(await serviceWorker.evaluate(() => chrome.runtime.id)).toBe(extensionId);
    await serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000))); // onInstalled work

    // Both origins serve the simulated app as `user` sees it at the moment of each request.
    let user: Partial<SimulatedUser> = {};
    const simulated = (path: string) => pleoPage(path, { ...DEFAULT_USER, ...user });
    pleo.serve('production', simulated);
    pleo.serve('staging', simulated);
    const page = await context.newPage();
    let visits = 0;
    await test.step('detection on every simulated page, both environments', async () => {
      for (const origin of ['https://app.pleo.io', 'https://app.staging.pleo.io']) {
        for (const next of USERS) {
          user = next;
          for (const path of PATHS) {
            await goto(page, `${origin}${path}`, serviceWorker);
            visits++;
          }
        }
      }
      for (const lang of SIMULATED_LANGUAGES) {
        user = { role: 'admin', apiKeysEnabled: false, lang };
        await goto(page, `https://app.pleo.io/settings?lang=${lang}`, serviceWorker);
        visits++;
      }
    });

    await test.step('the hint: Details and dismiss', async () => {
      user = { role: 'employee' };
      await goto(page, 'https://app.pleo.io/expenses', serviceWorker);
      const hint = new HintOnPage(page);
      await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
      const guidanceTab = context.waitForEvent('page');
      await hint.details().click();
      await (await guidanceTab).close();
      await hint.dismiss().click();
      await expect(hint.host()).toHaveCount(0);
    });

    await test.step('the popup: evidence, audience, copy buttons, company name, both exports', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: 'https://app.pleo.io',
      });
      const popup = await new PopupPage(await context.newPage(), extensionId).open();
      await popup.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      await popup.audience().getByRole('radio', { name: 'Pleo Customer' }).check();
      await popup.button('production', /copy request/i).click();
      await popup.page.getByRole('button', { name: /copy report/i }).click();
      await popup.page.getByLabel(/company name/i).fill('Example Widgets ApS');
      for (const name of [/JSON/, /Markdown/]) {
        const [download] = await Promise.all([
          popup.page.waitForEvent('download'),
          popup.page.getByRole('button', { name }).click(),
        ]);
        expect(await download.failure()).toBeNull();
      }
      await popup.page.close();
    });

    await test.step('the options page: profile, hint switch, forget everything', async () => {
      const options = await new OptionsPage(await context.newPage(), extensionId).open();
      await options.radio('Pleo Partner').check();
      await options.hintSwitch().uncheck();
      await options.hintSwitch().check();
      await options.forgetButton().click();
      await options.page.getByRole('button', { name: /yes, forget everything/i }).click();
      await expect(options.page.getByRole('status')).toHaveText(/forgotten/i);
      await options.page.close();
    });

    await page.waitForTimeout(1000); // anything sent late still shows up
    const fromExtension = extensionRequests(recorded, navigations);
    const web = recorded.filter((r) => isWeb(r.url)).length;
    const figure = `${visits} page visits; ${web} web requests recorded, ${web - fromExtension.length} of them the test's own navigations, ${fromExtension.length} from the extension`;
    test.info().annotations.push({ type: 'measured', description: figure });
    console.log(`[reliability 1] ${figure}`);
    expect(fromExtension).toEqual([]);
    expect(webSockets).toEqual([]);
    expect(pleo.strayRequests).toEqual([]);
    expect(visits).toBeGreaterThanOrEqual(60);

    await test.step('control: the recorder sees the service worker, an extension page and the content script', async () => {
      const before = recorded.length;
      await serviceWorker.evaluate(() => fetch('https://control.example/service-worker').catch(() => null));
      const popup = await new PopupPage(await context.newPage(), extensionId).open();
      await popup.page.evaluate(() => fetch('https://control.example/popup').catch(() => null));
      await fetchFromContentScript(context, extensionId, 'https://control.example/content-script');
      await expect
        .poll(() => extensionRequests(recorded.slice(before), []).map((r) => r.url))
        .toEqual(
          expect.arrayContaining([
            'https://control.example/service-worker',
            'https://control.example/popup',
            'https://control.example/content-script',
          ]),
        );
    });
  } finally {
    await browser.close();
  }
});

/** Evaluates a fetch inside the content script's isolated world of a fresh Pleo tab. */
async function fetchFromContentScript(
  context: BrowserContext,
  extensionId: string,
  url: string,
): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const aux = created.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && created.origin.includes(extensionId)) worlds.push(created.id);
  });
  await cdp.send('Runtime.enable');
  await page.goto('https://app.pleo.io/expenses');
  await expect.poll(() => worlds.length).toBe(1);
  await cdp.send('Runtime.evaluate', {
    expression: `fetch(${JSON.stringify(url)}).catch(() => null)`,
    contextId: worlds[0]!,
    awaitPromise: true,
  });
}
