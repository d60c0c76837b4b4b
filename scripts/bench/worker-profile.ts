/**
 * A CPU profile of the extension's service worker from the moment it wakes. Playwright offers a
 * CDP session for pages only, and a browser-level session cannot talk to the flattened sessions
 * auto-attach makes, so the worker is attached the older way: through the browser session, with
 * its commands and answers wrapped in Target.sendMessageToTarget / receivedMessageFromTarget.
 * That session outlives the worker: when a stopped worker starts again, Chromium reattaches it
 * and restores its state, profiling included, before the worker's script runs, so a profile
 * started before the stop covers the whole wake-up.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { CpuProfile } from './cpu-profile';

const ANSWER_TIMEOUT_MS = 10_000;

interface WorkerProfiler {
  /** Starts profiling: the running worker's part is lost when it stops, the restarted one's kept. */
  start(): Promise<void>;
  stop(): Promise<CpuProfile>;
  detach(): Promise<void>;
}

export async function profileServiceWorker(
  context: BrowserContext,
  scriptSuffix: string,
  samplingIntervalUs: number,
): Promise<WorkerProfiler> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser-level CDP session for this context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith(scriptSuffix));
  if (!target) throw new Error(`no service worker running ${scriptSuffix}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  let lastId = 0;
  const waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const caller = message.id === undefined ? undefined : waiting.get(message.id);
    if (!caller) return;
    waiting.delete(message.id!);
    if (message.error) caller.reject(new Error(message.error.message));
    else caller.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++lastId;
      // A worker that never comes back must not hang the bench.
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${method}: no answer from the service worker in ${ANSWER_TIMEOUT_MS} ms`));
      }, ANSWER_TIMEOUT_MS);
      const settle = () => clearTimeout(timer);
      waiting.set(id, {
        resolve: (result) => {
          settle();
          resolve(result as T);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });

  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  return {
    start: () => send('Profiler.start'),
    stop: async () => (await send<{ profile: CpuProfile }>('Profiler.stop')).profile,
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/**
 * Stops every service worker through the DevTools protocol and waits until the one running
 * `scriptSuffix` has really stopped. The same few lines as the end-to-end harness's
 * stopServiceWorker, which scripts may not import.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  page: Page,
  scriptSuffix: string,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL.endsWith(scriptSuffix));
      if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
