/**
 * The test harness, shared by the end-to-end tests, the demo and the benchmarks: a persistent Chromium with the built extension loaded, and a simulated
 * Pleo app served at the real origins (the machine has no network, and every other request is
 * aborted so a stray one shows up as a failure, not a hang).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Environment } from '../../lib/types';
import { DEFAULT_USER, pleoPage, SIMULATED_ORIGINS, type SimulatedUser } from '../../sim/app';
import { builtExtension, CHROMIUM_FLAGS, chromiumPath, loadExtensionFlags } from '../../sim/browser';

/** The extension's storage as seen from its service worker, where `chrome` exists. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

export type PageSource = (path: string) => string | { status: number; body: string } | null;

export interface PleoServer {
  /** Serve this environment's origin as this user sees it (or with a custom page source). */
  serve(environment: Environment, source: Partial<SimulatedUser> | PageSource): void;
  /** Serve any other origin (look-alike hosts, plain http, third-party frames) with a page source. */
  serveOrigin(origin: string, source: PageSource): void;
  /** Every http(s) request that was not to a served Pleo origin. */
  strayRequests: string[];
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

/** Stops every service worker through the DevTools protocol and waits until ours has really stopped. */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL.endsWith('/background.js'));
      if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

export function routePleo(context: BrowserContext): Promise<PleoServer> {
  const sources = new Map<string, PageSource>();
  const strayRequests: string[] = [];
  const server: PleoServer = {
    serve(environment, source) {
      const page: PageSource =
        typeof source === 'function' ? source : (path) => pleoPage(path, { ...DEFAULT_USER, ...source });
      sources.set(SIMULATED_ORIGINS[environment], page);
    },
    serveOrigin(origin, source) {
      sources.set(new URL(origin).origin, source);
    },
    strayRequests,
  };
  return context
    .route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
      const source = sources.get(url.origin);
      const served =
        source && route.request().resourceType() === 'document' ? source(url.pathname + url.search) : null;
      if (served === null || served === undefined) {
        if (!source) strayRequests.push(url.href);
        return route.abort();
      }
      const { status, body } = typeof served === 'string' ? { status: 200, body: served } : served;
      return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
    })
    .then(() => server);
}

export function storedCheckedAt(serviceWorker: Worker, environment: Environment): Promise<number | null> {
  return serviceWorker.evaluate(async (key) => {
    const stored = await chrome.storage.local.get(key);
    return (stored[key] as { checkedAt?: number } | undefined)?.checkedAt ?? null;
  }, `environment:${environment}`);
}
