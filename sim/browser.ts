/**
 * Starting the browsers the tests, the demo and the benchmarks drive: where to find them, their
 * flags, and a persistent Chromium with the built extension loaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { ENVIRONMENTS, type Environment } from '../lib/types';
import { SIMULATED_ORIGINS } from './pages';

/** The extension's storage as seen from its service worker, where `chrome` exists. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** Where the extension under test was built; tests may build into their own folder. */
export const OUT_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output');

/**
 * Flags for every Chromium the tests, demo and benchmarks start. This machine has no network: the
 * background-networking flags keep Chromium from trying (and failing) to reach its own services.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Flags that load one unpacked extension and no other. */
export function loadExtensionFlags(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/** Chromium to drive: CHROME_PATH, then Debian's, then Playwright's own if one is installed. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', safe(() => chromium.executablePath())];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH to its executable.',
    );
  }
  return found;
}

/** Firefox to drive: FIREFOX_PATH, then Debian's ESR, then a plain firefox. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found: install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH to its executable.',
    );
  }
  return found;
}

export function builtExtension(target: 'chrome-mv3' | 'firefox-mv2'): string {
  const dir = resolve(OUT_DIR, target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${dir}: run "npm run build${target === 'firefox-mv2' ? ':firefox' : ''}" first.`,
    );
  }
  return dir;
}

export interface LaunchOptions {
  headed?: boolean;
  /** Another build of the extension than the one in the output folder (an unzipped package, say). */
  extensionDir?: string;
  /** The browser's UI language: Chromium on Linux takes it from LANGUAGE, elsewhere from --lang. */
  language?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const dir = options.extensionDir ?? builtExtension('chrome-mv3');
  const userDataDir = mkdtempSync(join(tmpdir(), 'pleo-checker-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // real headless comes from --headless=new; headless-shell cannot load extensions
    acceptDownloads: true,
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      ...loadExtensionFlags(dir),
      ...CHROMIUM_FLAGS,
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  return context;
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Sets the extension's site access the way Chromium's extensions page does ("Site access: On click",
 * then "On specific sites" for the environments allowed): through chrome.developerPrivate, which only
 * chrome://extensions may call. Environments not allowed are withheld: the content script does not
 * run there and `permissions.contains` answers false. docs/browsers.md says why this way.
 */
export async function setSiteAccess(
  context: BrowserContext,
  extensionId: string,
  allowed: Partial<Record<Environment, boolean>>,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    const origins = ENVIRONMENTS.filter((environment) => allowed[environment]).map(
      (environment) => `${SIMULATED_ORIGINS[environment]}/*`,
    );
    await page.evaluate(
      async ({ extensionId, origins }) => {
        const developerPrivate = (globalThis as unknown as DeveloperPrivateHost).chrome.developerPrivate;
        await developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' });
        for (const origin of origins) await developerPrivate.addHostPermission(extensionId, origin);
      },
      { extensionId, origins },
    );
  } finally {
    await page.close();
  }
}

/** The part of chrome://extensions' own API that setSiteAccess uses. */
interface DeveloperPrivateHost {
  chrome: {
    developerPrivate: {
      updateExtensionConfiguration(update: { extensionId: string; hostAccess: 'ON_CLICK' }): Promise<void>;
      addHostPermission(extensionId: string, host: string): Promise<void>;
    };
  };
}

export function storedCheckedAt(serviceWorker: Worker, environment: Environment): Promise<number | null> {
  return serviceWorker.evaluate(async (key) => {
    const stored = await chrome.storage.local.get(key);
    return (stored[key] as { checkedAt?: number } | undefined)?.checkedAt ?? null;
  }, `environment:${environment}`);
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
