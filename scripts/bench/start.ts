/**
 * What starting costs, read from V8 CPU profiles of real loads in Chromium (profiling starts
 * before the navigation): the content script on a large Settings page that keeps changing, set
 * against a minimal content script on the same page (the floor); the popup until both
 * environment cards are painted; the service worker from waking to answering a message.
 * Product and floor each run in their own browser, in turn; medians are compared.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { builtExtension, extensionWorker, launchWithExtension, storedCheckedAt } from '../../sim/browser';
import { routePleo } from '../../sim/serve';
import { CHANGING_PAGE, changingSettingsPage } from './changing-page';
import {
  type CpuProfile,
  longestTaskMs,
  msByFunction,
  msWithin,
  type Sample,
  samplesOf,
  topFunctions,
} from './cpu-profile';
import { writeFloorExtension } from './floor-extension';
import { extensionPagesStart } from './start-pages';
import { type Benchmark, type Summary, summarise } from './stats';
import { tasksOf, traceDuring, urlOf } from './trace';
import { checkTaskBoundaries } from './trace-check';

/** Pairs of product and floor loads; also the popup opens and the worker wake-ups. */
const RUNS = 7;
const SAMPLING_US = 100;
const START_WINDOW_MS = 500;
/** Steady cost: from 1 s to 4 s after the extension's first sample, while the page changes. */
const STEADY_FROM_MS = 1000;
const STEADY_TO_MS = 4000;
/** Samples of the extension's work closer than this are one task (see longestTaskMs). */
const TASK_GAP_US = 1000;
const SETTINGS_URL = 'https://app.pleo.io/settings';
/** A traced load lasts the start window and this much more (a late first scan on a busy machine). */
const TRACE_TAIL_MS = 2000;

/** The product under test: BENCH_EXTENSION_DIR (another build, say), else the usual build. */
function productDir(): string {
  const dir = process.env.BENCH_EXTENSION_DIR;
  if (!dir) return builtExtension('chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`BENCH_EXTENSION_DIR has no manifest.json: ${dir}`);
  return resolve(dir);
}

/** One load of the Settings page, profiled from before the navigation to the end of the steady window. */
async function profileLoad(context: BrowserContext): Promise<CpuProfile> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await page.goto(SETTINGS_URL);
    // Content scripts run at document_idle, after the load goto waits for; then the steady window.
    await page.waitForTimeout(STEADY_TO_MS + 1500);
    return (await cdp.send('Profiler.stop')).profile;
  } finally {
    await page.close();
  }
}

/**
 * One load of the Settings page traced (no sampler running), until well past the start window:
 * the content script's tasks, each whole from the trace's task boundaries.
 */
async function traceLoad(context: BrowserContext) {
  const page = await context.newPage();
  try {
    const events = await traceDuring(context, async () => {
      await page.goto(SETTINGS_URL);
      await page.waitForTimeout(START_WINDOW_MS + TRACE_TAIL_MS);
    });
    // On the page's main thread the only chrome-extension:// scripts are content scripts.
    const tasks = tasksOf(events, (event) => urlOf(event).startsWith('chrome-extension://')).filter(
      (task) => task.ours,
    );
    const first = tasks[0];
    if (!first) throw new Error('start: the trace shows no task of the content script');
    const inStart = tasks.filter((task) => task.start < first.start + START_WINDOW_MS * 1000);
    const longest = (some: typeof tasks) => Math.max(...some.map((task) => task.ms));
    return {
      longestStartTaskMs: longest(inStart),
      startTaskMs: inStart.reduce((sum, task) => sum + task.ms, 0),
      startTasks: inStart.length,
      longestTaskMs: longest(tasks),
    };
  } finally {
    await page.close();
  }
}

type TraceFigures = Awaited<ReturnType<typeof traceLoad>>;

function summariseTraces(runs: TraceFigures[]) {
  return {
    longestStartTaskMs: summarise(runs.map((run) => run.longestStartTaskMs)),
    startTaskMs: summarise(runs.map((run) => run.startTaskMs)),
    startTasks: summarise(runs.map((run) => run.startTasks)),
    longestTaskMs: summarise(runs.map((run) => run.longestTaskMs)),
  };
}

interface ContentFigures {
  startCpuMs: number;
  startSelfMs: number;
  functions: Map<string, number>;
  longestTaskMs: number;
  longestStartTaskMs: number;
  steadyMsPerSecond: number;
  medianSampleUs: number;
}

function contentFigures(profile: CpuProfile): ContentFigures {
  const samples = samplesOf(profile);
  const first = samples.find((sample) => sample.inExtension)?.at;
  if (first === undefined) throw new Error('start: no sample ran the content script');
  const steadyTo = first + STEADY_TO_MS * 1000;
  if (profile.endTime < steadyTo) throw new Error('start: the profile ended before the steady window did');
  const startTo = first + START_WINDOW_MS * 1000;
  const inExtension = (sample: Sample) => sample.inExtension;
  return {
    startCpuMs: msWithin(samples, first, startTo, inExtension),
    startSelfMs: msWithin(samples, first, startTo, (sample) => sample.own),
    functions: msByFunction(samples, first, startTo),
    longestTaskMs: longestTaskMs(samples, TASK_GAP_US),
    longestStartTaskMs: longestTaskMs(
      samples.filter((sample) => sample.at < startTo),
      TASK_GAP_US,
    ),
    steadyMsPerSecond:
      msWithin(samples, first + STEADY_FROM_MS * 1000, steadyTo, inExtension) /
      ((STEADY_TO_MS - STEADY_FROM_MS) / 1000),
    medianSampleUs: summarise(samples.map((sample) => sample.us)).median,
  };
}

function summariseContent(runs: ContentFigures[]) {
  return {
    startCpuMs: summarise(runs.map((run) => run.startCpuMs)),
    startSelfMs: summarise(runs.map((run) => run.startSelfMs)),
    topFunctionsAtStart: topFunctions(runs.map((run) => run.functions)),
    longestTaskMs: summarise(runs.map((run) => run.longestTaskMs)),
    longestStartTaskMs: summarise(runs.map((run) => run.longestStartTaskMs)),
    steadyMsPerSecond: summarise(runs.map((run) => run.steadyMsPerSecond)),
  };
}

const ratio = (product: Summary, floor: Summary) => Number((product.median / floor.median).toFixed(2));

export const start: Benchmark = {
  name: 'start',
  async run({ browser, log }) {
    log('start: checking that the trace tells apart tasks under 0.5 ms apart');
    const taskBoundaryCheck = await checkTaskBoundaries(browser);
    const floorExtension = writeFloorExtension();
    const contexts = {
      product: await launchWithExtension({ extensionDir: productDir() }),
      floor: await launchWithExtension({ extensionDir: floorExtension.dir }),
    };
    try {
      const page = changingSettingsPage();
      for (const context of Object.values(contexts)) {
        const pleo = await routePleo(context);
        pleo.serve('production', () => page);
        pleo.serve('staging', () => page);
      }
      // A record for each environment, so the popup paints two verdicts; and one unmeasured load in
      // each browser, so every measured load finds the extension's scripts already compiled once.
      const worker = await extensionWorker(contexts.product);
      const warmUp = await contexts.product.newPage();
      for (const url of ['https://app.staging.pleo.io/settings', SETTINGS_URL]) {
        await warmUp.goto(url);
        const environment = url.includes('staging') ? 'staging' : 'production';
        for (let i = 0; i < 100 && (await storedCheckedAt(worker, environment)) === null; i++) {
          await warmUp.waitForTimeout(50);
        }
      }
      const elements = await warmUp.evaluate(() => document.getElementsByTagName('*').length);
      await warmUp.close();
      const floorWarmUp = await contexts.floor.newPage();
      await floorWarmUp.goto(SETTINGS_URL);
      await floorWarmUp.waitForTimeout(1000);
      await floorWarmUp.close();

      const runs = { product: [] as ContentFigures[], floor: [] as ContentFigures[] };
      for (let run = 0; run < RUNS; run++) {
        log(`start: content script pair ${run + 1} of ${RUNS}`);
        // Alternate which goes first, so neither always follows the other's load.
        const order = run % 2 === 0 ? (['product', 'floor'] as const) : (['floor', 'product'] as const);
        for (const which of order) runs[which].push(contentFigures(await profileLoad(contexts[which])));
      }
      const traces = { product: [] as TraceFigures[], floor: [] as TraceFigures[] };
      for (let run = 0; run < RUNS; run++) {
        log(`start: traced pair ${run + 1} of ${RUNS}`);
        const order = run % 2 === 0 ? (['product', 'floor'] as const) : (['floor', 'product'] as const);
        for (const which of order) traces[which].push(await traceLoad(contexts[which]));
      }
      const traced = { product: summariseTraces(traces.product), floor: summariseTraces(traces.floor) };

      const product = summariseContent(runs.product);
      const floor = summariseContent(runs.floor);
      const sampleUs = summarise([...runs.product, ...runs.floor].map((run) => run.medianSampleUs)).median;

      const extensionId = new URL(worker.url()).host;
      const pages = await extensionPagesStart(contexts.product, extensionId, {
        runs: RUNS,
        samplingUs: SAMPLING_US,
        log,
      });
      return {
        what: `CPU time in the extension's code, from V8 CPU profiles of real loads (sampling every ${SAMPLING_US} µs asked), median of ${RUNS}`,
        runs: RUNS,
        // A sampled profile counts the time between samples, so on a busy machine a thread that waits
        // for a core in the middle of the extension's work has the wait counted too.
        machineNote: `samples came every ${sampleUs} µs (median) rather than ${SAMPLING_US}: the sampler shares the cores with the page and any other work, and a thread waiting for a core counts as running; on a busy machine (machine.loadAverage1m) compare the ratios, measured side by side, rather than figures from different runs`,
        contentScript: {
          page: `${SETTINGS_URL}: ${CHANGING_PAGE}, ${elements} elements`,
          measures: {
            startCpuMs: `samples with the extension's code on the stack (its frames and the browser code they call) in the ${START_WINDOW_MS} ms from its first sample`,
            startSelfMs: 'the same, counting only its own chrome-extension:// frames',
            topFunctionsAtStart:
              'running functions in the start window, by self time; natives (no script) as (native)',
            longestTaskMs: `consecutive samples with its code on the stack, joined across gaps under ${TASK_GAP_US / 1000} ms, over the whole profile (start and the scans of the changing page)`,
            longestStartTaskMs: 'the same, in the start window only',
            steadyMsPerSecond: `its CPU per second from ${STEADY_FROM_MS / 1000} s to ${STEADY_TO_MS / 1000} s after its first sample`,
          },
          product,
          floor,
          ratios: {
            startCpu: ratio(product.startCpuMs, floor.startCpuMs),
            startSelf: ratio(product.startSelfMs, floor.startSelfMs),
            longestTask: ratio(product.longestTaskMs, floor.longestTaskMs),
            longestStartTask: ratio(product.longestStartTaskMs, floor.longestStartTaskMs),
            steady: ratio(product.steadyMsPerSecond, floor.steadyMsPerSecond),
          },
          byTrace: {
            what: `tasks of the renderer main thread (ThreadControllerImpl::RunTask, whole, from a Chromium trace with no sampler running) in which an event names a chrome-extension:// script (EvaluateScript, FunctionCall, v8.compile), over ${RUNS} alternating pairs of loads of their own; the start window is ${START_WINDOW_MS} ms from the start of its first such task. A task's time counts all it did (style, layout, garbage collection the script caused), not only script; a task where the script ran only as a promise's continuation names no script and is not counted`,
            measures: {
              longestStartTaskMs: 'its longest task starting in the start window',
              startTaskMs: 'the sum of its tasks starting in the start window',
              startTasks: 'how many they were',
              longestTaskMs: `its longest task in the traced load (${START_WINDOW_MS + TRACE_TAIL_MS} ms after navigating)`,
            },
            ...traced,
            ratios: {
              longestStartTask: ratio(traced.product.longestStartTaskMs, traced.floor.longestStartTaskMs),
              startTask: ratio(traced.product.startTaskMs, traced.floor.startTaskMs),
            },
            taskBoundaryCheck,
          },
        },
        ...pages,
      };
    } finally {
      await contexts.product.close();
      await contexts.floor.close();
      floorExtension.remove();
    }
  },
};
