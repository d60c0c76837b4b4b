/**
 * The start section's extension-side figures: the popup's CPU from navigation to both
 * environment cards painted, and the service worker's from waking to answering a message. Both
 * read V8 CPU profiles; see start.ts for the content script's.
 */
import type { BrowserContext } from 'playwright-core';
import { type CpuProfile, msByFunction, msWithin, samplesOf, topFunctions } from './cpu-profile';
import { summarise } from './stats';
import { profileServiceWorker, stopServiceWorker } from './worker-profile';

interface Options {
  runs: number;
  samplingUs: number;
  log(message: string): void;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };

/**
 * Runs in the popup before its scripts. Once both verdicts are in the DOM it calls a function the
 * profile can find by name, which spins 10 ms so that a sampler running late still catches it:
 * the popup's start ends at the mark's first sample. (performance.now() shares no clock with the
 * profile, so a time taken in the page could not cut it.)
 */
const MARK_PAINT = `(() => {
  function bothCardsPainted() {
    const until = performance.now() + 10;
    while (performance.now() < until);
    globalThis.__bothCardsPainted = true;
  }
  const done = () => document.querySelectorAll('[data-environment] [data-verdict]').length >= 2;
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); bothCardsPainted(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

async function profilePopupOpen(
  context: BrowserContext,
  url: string,
  samplingUs: number,
): Promise<CpuProfile> {
  const page = await context.newPage();
  try {
    await page.addInitScript(MARK_PAINT);
    // Should the navigation move the page to another process, Chromium restores the profiler there
    // (as it does for a restarted worker), so the profile returned covers the popup's first script.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingUs });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(() => '__bothCardsPainted' in globalThis);
    return (await cdp.send('Profiler.stop')).profile;
  } finally {
    await page.close();
  }
}

function popupFigures(profile: CpuProfile) {
  const samples = samplesOf(profile, (frame) => frame.functionName === 'bothCardsPainted');
  const painted = samples.find((sample) => sample.marked)?.at;
  if (painted === undefined) return null;
  return {
    cpuMs: msWithin(samples, profile.startTime, painted, (sample) => sample.inExtension),
    selfMs: msWithin(samples, profile.startTime, painted, (sample) => sample.own),
    functions: msByFunction(samples, profile.startTime, painted),
  };
}

function workerFigures(profile: CpuProfile) {
  const samples = samplesOf(profile);
  const all = [profile.startTime, profile.endTime + 1] as const;
  return {
    cpuMs: msWithin(samples, ...all, (sample) => sample.inExtension),
    selfMs: msWithin(samples, ...all, (sample) => sample.own),
    threadBusyMs: msWithin(samples, ...all, (sample) => sample.leaf.name !== '(idle)'),
    functions: msByFunction(samples, ...all),
  };
}

async function backgroundWakeUps(context: BrowserContext, extensionId: string, options: Options) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const profiler = await profileServiceWorker(context, '/background.js', options.samplingUs);
  try {
    const runs = [];
    for (let run = 0; run < options.runs; run++) {
      await profiler.start();
      await stopServiceWorker(context, page, '/background.js');
      const sent = performance.now();
      const reply = await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'set-hint-enabled', enabled: true }),
      );
      const replyMs = performance.now() - sent;
      if (!reply?.ok) throw new Error(`start: the woken background answered ${JSON.stringify(reply)}`);
      runs.push({ ...workerFigures(await profiler.stop()), replyMs });
    }
    options.log(`start: ${options.runs} background wake-ups profiled`);
    return {
      what: "the service worker, stopped, woken by the popup's set-hint-enabled message: its profile from the restart to the answer",
      cpuMs: summarise(runs.map((run) => run.cpuMs)),
      selfMs: summarise(runs.map((run) => run.selfMs)),
      // Everything the worker's thread did that was not idle: its own code plus starting V8, compiling, GC.
      threadBusyMs: summarise(runs.map((run) => run.threadBusyMs)),
      topFunctions: topFunctions(runs.map((run) => run.functions)),
      msFromSendToAnswer: summarise(runs.map((run) => run.replyMs)),
    };
  } finally {
    await profiler.detach();
    await page.close();
  }
}

export async function extensionPagesStart(context: BrowserContext, extensionId: string, options: Options) {
  const popupRuns: NonNullable<ReturnType<typeof popupFigures>>[] = [];
  for (let attempt = 0; popupRuns.length < options.runs; attempt++) {
    // On a busy machine the sampler can pause longer than the mark lasts; such a run is repeated.
    if (attempt >= options.runs * 2) throw new Error('start: the popup profiles keep missing the paint mark');
    const url = `chrome-extension://${extensionId}/popup.html`;
    const figures = popupFigures(await profilePopupOpen(context, url, options.samplingUs));
    if (figures) popupRuns.push(figures);
    else options.log('start: no sample caught the popup paint mark; opening it again');
  }
  options.log(`start: ${options.runs} popup opens profiled`);
  const popup = {
    what: 'opening popup.html with a record for both environments, until both verdicts are in the DOM',
    cpuMs: summarise(popupRuns.map((run) => run.cpuMs)),
    selfMs: summarise(popupRuns.map((run) => run.selfMs)),
    topFunctions: topFunctions(popupRuns.map((run) => run.functions)),
  };

  let background: Record<string, unknown>;
  try {
    background = await backgroundWakeUps(context, extensionId, options);
  } catch (error) {
    // Attaching to a service worker goes through a deprecated part of the protocol: should a
    // Chromium drop it, the section says so rather than guess.
    background = { cpuMs: null, why: error instanceof Error ? error.message : String(error) };
  }
  return { popup, background };
}
