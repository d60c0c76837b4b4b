/**
 * How fast the popup answers: the time from opening popup.html to both environments' verdicts
 * painted, over 20 opens, with a full verdict history stored for both environments (the most the
 * popup ever reads). Also the gzip sizes of what the popup and the in-page hint load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExtension, extensionWorker, launchWithExtension, storedCheckedAt } from '../../sim/browser';
import { routePleo } from '../../sim/serve';
import { filesLoadedByHtml, gzipSize, modulesImportedBy } from '../build-checks';
import { type Benchmark, summarise } from './stats';

const OPENS = 20;
const HISTORY = 20;

declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/** Runs in the popup before its scripts: notes when both verdicts are in the DOM. */
const MARK_PAINT = `(() => {
  const done = () => document.querySelectorAll('[data-environment] [data-verdict]').length >= 2;
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); globalThis.__verdictsPaintedAt = performance.now(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The files an extension page or script loads, with the modules they import, once each. */
function closure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const path = file.replace(/^\//, '');
    if (seen.has(path)) return;
    seen.add(path);
    if (path.endsWith('.js')) {
      for (const imported of modulesImportedBy(readFileSync(join(root, path), 'utf8'))) {
        visit(join(path, '..', imported));
      }
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

function gzipBytes(root: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSize(readFileSync(join(root, file))), 0);
}

export const popupPaint: Benchmark = {
  name: 'popup-paint',
  async run({ log }) {
    const root = builtExtension('chrome-mv3');
    const popupFiles = [
      'popup.html',
      ...closure(root, filesLoadedByHtml(readFileSync(join(root, 'popup.html'), 'utf8'))),
    ];
    const contentFiles = closure(root, ['content-scripts/pleo.js']);

    const context = await launchWithExtension();
    try {
      const worker = await extensionWorker(context);
      const extensionId = new URL(worker.url()).host;
      const pleo = await routePleo(context);
      pleo.serve('production', { role: 'admin', apiKeysEnabled: false });
      pleo.serve('staging', { role: 'employee' });
      const page = await context.newPage();
      for (const [environment, url] of [
        ['production', 'https://app.pleo.io/settings'],
        ['staging', 'https://app.staging.pleo.io/settings'],
      ] as const) {
        await page.goto(url);
        for (let i = 0; i < 100 && (await storedCheckedAt(worker, environment)) === null; i++) {
          await page.waitForTimeout(50);
        }
      }
      await page.close();
      // A full history: the most verdict changes a record keeps.
      await worker.evaluate(async (limit) => {
        const verdicts = ['unknown', 'not-enabled', 'ready', 'role-missing'];
        for (const key of ['environment:production', 'environment:staging']) {
          const record = (await chrome.storage.local.get(key))[key] as {
            history: unknown[];
            checkedAt: number;
          };
          record.history = Array.from({ length: limit }, (_, i) => ({
            verdict: verdicts[i % verdicts.length],
            at: record.checkedAt - (limit - i) * 60_000,
          }));
          await chrome.storage.local.set({ [key]: record });
        }
      }, HISTORY);

      await context.addInitScript(MARK_PAINT);
      const samples: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const popup = await context.newPage();
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await popup.waitForFunction(() => '__verdictsPaintedAt' in globalThis);
        samples.push(
          await popup.evaluate(() => (globalThis as { __verdictsPaintedAt?: number }).__verdictsPaintedAt!),
        );
        await popup.close();
      }
      log(`popup-paint: ${OPENS} opens measured`);
      return {
        opens: OPENS,
        historyEntriesPerEnvironment: HISTORY,
        msFromNavigationStartToVerdictsPainted: summarise(samples),
        targetMedianMs: 100,
        gzipBytes: {
          popup: gzipBytes(root, popupFiles),
          contentScriptWithHint: gzipBytes(root, contentFiles),
        },
      };
    } finally {
      await context.close();
    }
  },
};
