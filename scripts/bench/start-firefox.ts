/**
 * The content script's start in Firefox ESR, set against the same minimal content script as in
 * Chromium (floor-extension.ts, as a Manifest V2 add-on) on the same changing 30,000-element
 * Settings page. Firefox's own profiler samples every thread from startup (MOZ_PROFILER_STARTUP)
 * and writes its profile at shutdown; the figure is the web content main thread's CPU time (the
 * profiler's per-sample thread CPU delta, so a thread waiting for a core counts nothing) in
 * samples with moz-extension:// code or Firefox's injection of it on the stack, in the 500 ms from
 * the injection's first sample. No build changes: the shipped Firefox build is measured as it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { builtExtension, firefoxPath } from '../../sim/browser';
import { CHANGING_PAGE, changingSettingsPage } from './changing-page';
import { writeFloorExtension } from './floor-extension';
import { contentSamples, type GeckoSample } from './gecko-profile';
import { type Benchmark, summarise } from './stats';

const RUNS = 7;
/** Asked of the profiler; on a busy machine samples come later, and the CPU deltas stay true. */
const SAMPLING_MS = 0.5;
const START_WINDOW_MS = 500;
/** After the load, long enough for the first scan of a busy machine to fall inside the window. */
const TAIL_MS = START_WINDOW_MS + 2500;
const SETTINGS_URL = 'https://app.pleo.io/settings';

interface Profiled {
  browser: Browser;
  page: Page;
  profilePath: string;
  /** Each measured load's span, epoch ms. */
  loads: { from: number; to: number }[];
}

async function launch(extensionDir: string, html: string): Promise<Profiled> {
  const profileDir = mkdtempSync(join(tmpdir(), 'pleo-bench-gecko-'));
  const profilePath = join(profileDir, 'profile.json');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    env: {
      ...process.env,
      MOZ_PROFILER_STARTUP: '1',
      MOZ_PROFILER_STARTUP_INTERVAL: String(SAMPLING_MS),
      // JavaScript frames and each sample's thread CPU time; main threads only.
      MOZ_PROFILER_STARTUP_FEATURES: 'js,cpu',
      MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
      MOZ_PROFILER_STARTUP_ENTRIES: String(64 * 2 ** 20),
      MOZ_PROFILER_SHUTDOWN: profilePath,
    },
  });
  await browser.installExtension(extensionDir);
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().startsWith('https://app.pleo.io/'))
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort();
  });
  return { browser, page, profilePath, loads: [] };
}

async function load(profiled: Profiled): Promise<void> {
  // From a blank page, so the last load's document and its content script are gone before this one.
  await profiled.page.goto('about:blank');
  const from = Date.now();
  await profiled.page.goto(SETTINGS_URL);
  await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
  profiled.loads.push({ from, to: Date.now() });
}

/**
 * Quits Firefox the way that lets it write the profile: puppeteer's close kills the process once
 * the quit is asked, which cuts the file short, so the quit is asked over the WebDriver BiDi
 * connection itself and the process awaited.
 */
async function quit(profiled: Profiled): Promise<GeckoSample[]> {
  const process = profiled.browser.process();
  const exited = new Promise<void>((resolve) => process?.once('exit', () => resolve()));
  const connection = (
    profiled.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }
  ).connection;
  await connection.send('browser.close', {}).catch(() => undefined);
  await exited;
  await profiled.browser.close();
  return contentSamples(profiled.profilePath);
}

/** One load's figures: the start window's, and the whole load's for a check on the window. */
function loadFigures(samples: GeckoSample[], span: { from: number; to: number }) {
  const inLoad = samples.filter((sample) => sample.at >= span.from && sample.at < span.to);
  // The start is Firefox injecting the script, not the first sample with extension code: a stray
  // one can come before the page is there.
  const first = inLoad.find((sample) => sample.injecting);
  if (!first) throw new Error('start-firefox: no sample caught the content script being injected');
  const cpuMs = (some: GeckoSample[]) =>
    some
      .filter((sample) => sample.inExtension || sample.injecting)
      .reduce((sum, sample) => sum + sample.cpuMs, 0);
  const onThread = inLoad.filter((sample) => sample.thread === first.thread);
  const gaps = onThread.slice(1).map((sample, i) => sample.at - onThread[i]!.at);
  return {
    startCpuMs: cpuMs(
      onThread.filter((sample) => sample.at >= first.at && sample.at < first.at + START_WINDOW_MS),
    ),
    loadCpuMs: cpuMs(onThread),
    injectedAfterNavigationMs: first.at - span.from,
    sampleGapMs: summarise(gaps).median,
  };
}

export const startFirefox: Benchmark = {
  name: 'start-firefox',
  async run({ log }) {
    const html = changingSettingsPage();
    const floorExtension = writeFloorExtension('firefox');
    const browsers: Partial<Record<'product' | 'floor', Profiled>> = {};
    const profileDirs: string[] = [];
    try {
      browsers.product = await launch(builtExtension('firefox-mv2'), html);
      profileDirs.push(join(browsers.product.profilePath, '..'));
      browsers.floor = await launch(floorExtension.dir, html);
      profileDirs.push(join(browsers.floor.profilePath, '..'));
      const both = { product: browsers.product, floor: browsers.floor };
      // One unmeasured load each, so the measured ones find the scripts compiled once.
      for (const profiled of Object.values(both)) {
        await profiled.page.goto(SETTINGS_URL);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      for (let run = 0; run < RUNS; run++) {
        log(`start-firefox: pair ${run + 1} of ${RUNS}`);
        const order = run % 2 === 0 ? (['product', 'floor'] as const) : (['floor', 'product'] as const);
        for (const which of order) await load(both[which]);
      }
      log('start-firefox: quitting Firefox to have its profiles written');
      const figures = {} as Record<'product' | 'floor', ReturnType<typeof loadFigures>[]>;
      for (const which of ['product', 'floor'] as const) {
        const profiled = both[which];
        delete browsers[which];
        const samples = await quit(profiled);
        figures[which] = profiled.loads.map((span) => loadFigures(samples, span));
      }
      const summary = (runs: ReturnType<typeof loadFigures>[]) => ({
        startCpuMs: summarise(runs.map((run) => run.startCpuMs)),
        loadCpuMs: summarise(runs.map((run) => run.loadCpuMs)),
        injectedAfterNavigationMs: summarise(runs.map((run) => run.injectedAfterNavigationMs)),
      });
      const product = summary(figures.product);
      const floor = summary(figures.floor);
      return {
        what: `Firefox ESR: the page's main thread's CPU time in profiler samples with moz-extension:// code, or Firefox injecting it, on the stack, median of ${RUNS} alternating pairs of loads; each sample's CPU time is the thread's own since the sample before (so it counts the browser code the script calls, and GC or compiling that fell between samples of its code), never time spent waiting for a core`,
        page: `${SETTINGS_URL}: ${CHANGING_PAGE}`,
        runs: RUNS,
        measures: {
          startCpuMs: `in the ${START_WINDOW_MS} ms from the first sample of Firefox injecting the content script (its compile and evaluation counted too)`,
          loadCpuMs: `the same on the page's main thread over the whole load, from navigating to ${TAIL_MS} ms after the page loaded (later scans of the changing page included)`,
          injectedAfterNavigationMs: 'when the injection was first sampled, from navigating',
        },
        sampleGapMs: {
          asked: SAMPLING_MS,
          median: summarise([...figures.product, ...figures.floor].map((run) => run.sampleGapMs)).median,
        },
        product,
        floor,
        ratios: {
          startCpu: Number((product.startCpuMs.median / floor.startCpuMs.median).toFixed(2)),
          loadCpu: Number((product.loadCpuMs.median / floor.loadCpuMs.median).toFixed(2)),
        },
      };
    } finally {
      for (const profiled of Object.values(browsers)) await profiled.browser.close().catch(() => undefined);
      floorExtension.remove();
      for (const dir of profileDirs) rmSync(dir, { recursive: true, force: true });
    }
  },
};
