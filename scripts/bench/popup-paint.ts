/**
 * How fast the popup answers: the time from opening popup.html to both environments' verdicts
 * painted, over 20 opens, with a full verdict history stored for both environments (the most the
 * popup ever reads), beside a minimal extension page opened in turn with it (the floor). Also the
 * gzip sizes of what the popup and the in-page hint load. With `--before <git ref>`, that commit
 * is built too and its popup opened in turn with this one's, each beside its own floor page.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HISTORY_LIMIT } from '../../lib/limits';
import { builtExtension, extensionWorker, launchWithExtension, storedCheckedAt } from '../../sim/browser';
import { routePleo } from '../../sim/serve';
import { filesLoadedByHtml, gzipSize, modulesImportedBy } from '../build-rules';
import { type Benchmark, summarise } from './stats';

const OPENS = 20;

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

/**
 * The floor the popup is set against: an extension page that does the least any popup of this
 * kind must, one storage read of both environments' records and one element per verdict. It is
 * added to a copy of the built extension, so both pages open in the same browser, extension and
 * storage, in turn.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>Floor</title></head><body><div id="app"></div><script type="module" src="/bench-floor.js"></script></body></html>';
const FLOOR_SCRIPT = `const keys = ['environment:production', 'environment:staging'];
const stored = await chrome.storage.local.get(keys);
for (const key of keys) {
  const card = document.createElement('section');
  card.dataset.environment = key;
  const verdict = document.createElement('p');
  verdict.dataset.verdict = stored[key]?.history?.at(-1)?.verdict ?? 'unknown';
  verdict.textContent = verdict.dataset.verdict;
  card.append(verdict);
  document.getElementById('app').append(card);
}
`;

function withFloorPage(root: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-popup-'));
  cpSync(root, dir, { recursive: true });
  writeFileSync(join(dir, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(dir, 'bench-floor.js'), FLOOR_SCRIPT);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Opener {
  /** The time from navigation start to both verdicts painted, in one open of this page. */
  open(page: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A browser with this build (and the floor page beside its popup) loaded, a record for both
 * environments stored, each with a full history: the most verdict changes a record keeps.
 */
async function openerFor(root: string): Promise<Opener> {
  const withFloor = withFloorPage(root);
  const context = await launchWithExtension({ extensionDir: withFloor.dir });
  const close = async () => {
    await context.close();
    withFloor.remove();
  };
  let extensionId: string;
  try {
    const worker = await extensionWorker(context);
    extensionId = new URL(worker.url()).host;
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
    }, HISTORY_LIMIT);
    await context.addInitScript(MARK_PAINT);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async open(page) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/${page}`);
      await popup.waitForFunction(() => '__verdictsPaintedAt' in globalThis);
      const at = await popup.evaluate(
        () => (globalThis as { __verdictsPaintedAt?: number }).__verdictsPaintedAt!,
      );
      await popup.close();
      return at;
    },
    close,
  };
}

/**
 * Another commit of this repository built in a temporary git worktree outside it (with this
 * checkout's node_modules), for a before-and-after in one run. `remove` deletes the worktree.
 */
function buildRef(
  ref: string,
  log: (message: string) => void,
): { commit: string; root: string; remove(): void } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-before-'));
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
  };
  git('worktree', 'add', '--detach', dir, commit);
  try {
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    log(`popup-paint: building ${ref} (${commit.slice(0, 7)})`);
    const { WXT_OUT_DIR: _, ...env } = process.env;
    // Its own build output, inside the temporary worktree; the build's messages go to stderr.
    execFileSync('npx', ['wxt', 'build'], { cwd: dir, env, stdio: ['ignore', 2, 2] });
    return { commit, root: join(dir, '.output', 'chrome-mv3'), remove };
  } catch (error) {
    remove();
    throw error;
  }
}

function gzipFigures(root: string) {
  const popupFiles = [
    'popup.html',
    ...closure(root, filesLoadedByHtml(readFileSync(join(root, 'popup.html'), 'utf8'))),
  ];
  return {
    popup: gzipBytes(root, popupFiles),
    contentScriptWithHint: gzipBytes(root, closure(root, ['content-scripts/pleo.js'])),
  };
}

export const popupPaint: Benchmark = {
  name: 'popup-paint',
  async run({ log, before }) {
    const root = builtExtension('chrome-mv3');
    const earlier = before ? buildRef(before, log) : null;
    const builds: { name: string; root: string; opener?: Opener; popup: number[]; floor: number[] }[] = [
      { name: 'current', root, popup: [], floor: [] },
      ...(earlier ? [{ name: 'before', root: earlier.root, popup: [], floor: [] }] : []),
    ];
    try {
      for (const build of builds) build.opener = await openerFor(build.root);
      // In turn, so a slower moment of the machine falls on every page; who goes first alternates.
      for (let i = 0; i < OPENS; i++) {
        for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
          build.popup.push(await build.opener!.open('popup.html'));
          build.floor.push(await build.opener!.open(FLOOR_PAGE));
        }
      }
      log(`popup-paint: ${OPENS} opens of each popup and of its floor page measured`);
      const figures = (build: (typeof builds)[number]) => {
        const popup = summarise(build.popup);
        const floor = summarise(build.floor);
        return {
          msFromNavigationStartToVerdictsPainted: popup,
          floor: {
            what: 'an extension page of the same build that reads both records in one storage read and writes one element per verdict',
            msFromNavigationStartToVerdictsPainted: floor,
          },
          ratioToFloor: Number((popup.median / floor.median).toFixed(2)),
          gzipBytes: gzipFigures(build.root),
        };
      };
      const current = figures(builds[0]!);
      const previous = builds[1] ? figures(builds[1]) : null;
      return {
        opens: OPENS,
        historyEntriesPerEnvironment: HISTORY_LIMIT,
        ...current,
        targetMedianMs: 50,
        ...(earlier && previous
          ? {
              before: {
                what: `the same opens of ${before} (${earlier.commit.slice(0, 7)}) built in a temporary worktree, each beside its own floor page, in turn with the current build's`,
                ref: before,
                commit: earlier.commit,
                ...previous,
              },
              ratioToFloorBeforeAndAfter: [previous.ratioToFloor, current.ratioToFloor],
            }
          : {}),
      };
    } finally {
      for (const build of builds) await build.opener?.close();
      earlier?.remove();
    }
  },
};
