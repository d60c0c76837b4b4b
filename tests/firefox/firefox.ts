/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built Firefox add-on installed
 * as a temporary add-on and the simulated Pleo app served at the real origins. Every other http(s)
 * request is aborted and recorded, so a stray one fails a test instead of hanging it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { Environment } from '../../lib/types';
import { builtExtension, firefoxPath } from '../../sim/browser';
import { type SimulatedApi, serveApiRequest } from '../../sim/external-api';
import { DEFAULT_USER, pleoPage, SIMULATED_ORIGINS, type SimulatedUser } from '../../sim/pages';

/** The extension's APIs as seen from one of its own pages. */
interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
}
declare const browser: ExtensionApi;

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id from the built manifest, as Firefox reported it after installing. */
  addonId: string;
  /** moz-extension://<uuid>: fixed at launch so the popup's address is known. */
  extensionOrigin: string;
  /** Every http(s) request that was not a page of a served Pleo origin. */
  strayRequests: string[];
  /** Pleo's External API at its two origins, for the key check. */
  api: SimulatedApi;
  /** Serve this environment's origin as this user sees it. */
  serve(environment: Environment, user: Partial<SimulatedUser>): void;
  /** Serve this environment's origin with pages of the test's own (by path and query). */
  servePages(environment: Environment, page: (path: string) => string): void;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const extensionDir = builtExtension('firefox-mv2');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  // Firefox gives each add-on a random internal UUID; pinning it makes moz-extension:// URLs predictable.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // WebDriver may open moz-extension:// pages (the popup) only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // The prompt for optional permissions cannot be clicked from a test: granted without it.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  const pages = new Map<string, (path: string) => string>();
  const strayRequests: string[] = [];
  const api: SimulatedApi = { requests: [], unreachable: false, slowMs: 2_000 };

  async function answer(request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return request.continue();
    const served = serveApiRequest(api, {
      url: url.href,
      method: request.method(),
      headers: request.headers(),
    });
    if (served) {
      if (served.answer === 'unreachable') return request.abort();
      await new Promise((resolve) => setTimeout(resolve, served.delayMs));
      return request.respond({ ...served.answer, contentType: 'application/json;charset=UTF-8' });
    }
    const page = pages.get(url.origin);
    if (!page) strayRequests.push(url.href);
    if (!page || !request.isNavigationRequest()) return request.abort();
    return request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: page(url.pathname + url.search),
    });
  }

  return {
    browser,
    addonId,
    extensionOrigin: `moz-extension://${uuid}`,
    strayRequests,
    api,
    serve(environment, user) {
      const served = { ...DEFAULT_USER, ...user };
      pages.set(SIMULATED_ORIGINS[environment], (path) => pleoPage(path, served));
    },
    servePages(environment, page) {
      pages.set(SIMULATED_ORIGINS[environment], page);
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request));
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Opens one of the extension's own pages. Firefox loads it, but WebDriver BiDi never reports a
 * moz-extension:// navigation as finished, so wait for the document instead of the navigation.
 */
export async function openExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  // While the document is being replaced, Firefox's remote agent can fail an evaluation outright
  // ("right-hand side of 'in' should be an object"); that is "not loaded yet", so ask again.
  const loaded = () =>
    page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
  if (!(await waitFor(loaded, (done) => done))) throw new Error(`${url} did not load within 10 s`);
}

/** The stored record's checkedAt for an environment, read through an extension page. */
export function storedCheckedAt(extensionPage: Page, environment: Environment): Promise<number | null> {
  return extensionPage.evaluate(async (key) => {
    const stored = await browser.storage.local.get(key);
    return (stored[key] as { checkedAt?: number } | undefined)?.checkedAt ?? null;
  }, `environment:${environment}`);
}

/** One stored item, read through an extension page. */
export async function storedItem(extensionPage: Page, key: string): Promise<unknown> {
  return extensionPage.evaluate(async (key) => (await browser.storage.local.get(key))[key], key);
}

/** Forget every observation, so each test starts from a fresh install's state. */
export function clearStorage(extensionPage: Page): Promise<void> {
  return extensionPage.evaluate(() => browser.storage.local.clear());
}

/** Polls until the condition holds; returns the last value for the assertion that follows. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
