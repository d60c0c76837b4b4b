import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

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

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
