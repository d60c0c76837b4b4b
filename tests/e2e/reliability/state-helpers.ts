/**
 * Shared by the state reliability tests (worker, races, corrupt state, update, storage full): run
 * code inside our content script's own world, stop the service worker, and launch Chromium on a
 * profile folder that outlives one browser (reading storage: ../storage.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import type { Observation } from '../../../lib/types';
import { EMPTY_OBSERVATION } from '../../../lib/types';
import { CHROMIUM_FLAGS, chromiumPath, loadExtensionFlags } from '../../../sim/browser';

export { stopServiceWorker } from '../harness';

/**
 * The extension APIs the tests call, as the service worker, our pages and our content script see
 * them. Each spec declares `chrome` with this type itself: functions run in the browser by their
 * text, so `chrome` there must be the browser's global, never an imported binding.
 */
export interface ChromeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    reload(): void;
    getManifest(): { version: string };
  };
  storage: {
    local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
      getBytesInUse(keys?: string | string[] | null): Promise<number>;
      QUOTA_BYTES: number;
    };
    session: { get(keys?: string | null): Promise<Record<string, unknown>> };
    sync: { get(keys?: string | null): Promise<Record<string, unknown>> };
  };
}

declare const chrome: ChromeApi;

/** An observation with only the given facts; the rest unknown. */
export function observation(facts: Partial<Observation>): Observation {
  return { ...EMPTY_OBSERVATION, ...facts };
}

export interface ContentWorld {
  /**
   * Runs `fn(arg)` in the isolated world of our content script in the page's top frame: messages
   * sent from there come from our real content script, with the tab, frame and origin Chrome gives it.
   */
  run<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

/** Finds our content script's world in a page (waiting for it to be injected after each navigation). */
export async function contentWorld(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<ContentWorld> {
  const cdp = await context.newCDPSession(page);
  const worlds = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const aux = created.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && created.origin.includes(extensionId))
      worlds.set(created.id, aux.frameId ?? '');
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  await cdp.send('Runtime.enable');

  async function topFrameWorld(): Promise<number> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const world = [...worlds].reverse().find(([, frameId]) => frameId === frameTree.frame.id);
      if (world) return world[0];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no content script world in ${page.url()}`);
  }

  return {
    async run(fn, arg) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
        contextId: await topFrameWorld(),
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) {
        throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
      return result.value;
    },
  };
}

/**
 * Chromium with an unpacked extension, on a profile folder the caller owns, so a test can close
 * the browser and start it again on the same profile (what a restart or a crash leaves on disk).
 * `developerMode`: Chromium reloads an unpacked extension (`runtime.reload()`) only in developer
 * mode; without it the extension is unloaded and stays away.
 */
export async function launchOnProfile(
  extensionDir: string,
  profileDir: string,
  options: { developerMode?: boolean } = {},
): Promise<BrowserContext> {
  if (options.developerMode) {
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(
      join(profileDir, 'Default', 'Preferences'),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: false, // real headless comes from --headless=new; headless-shell cannot load extensions
    acceptDownloads: true,
    args: ['--headless=new', ...loadExtensionFlags(extensionDir), ...CHROMIUM_FLAGS],
  });
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every uncaught error and console error of a page, in every world (the page's and our content script's). */
export async function collectErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error' || type === 'warning') {
      errors.push(`console.${type}: ${args.map((arg) => arg.value ?? arg.description ?? '').join(' ')}`);
    }
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    // The served pages ask for no favicon; an aborted one is the test server's doing, not ours.
    if (entry.level === 'error' && !entry.url?.endsWith('/favicon.ico')) errors.push(`log: ${entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return errors;
}
