/**
 * Reliability 5 — the service worker stopped. Chrome stops an idle extension worker whenever it
 * likes; here it is stopped (DevTools protocol) in the middle of a burst of writes. Pass: every
 * acknowledged fact is in storage right after its acknowledgement and still there after every stop
 * (facts lost: 0), and the next message or page change wakes the worker and is stored.
 * (tests/e2e/state.spec.ts covers a stop between one detection and the popup.)
 */
import type { Page } from '@playwright/test';
import type { ObservationRecord } from '../../../lib/state/merge';
import type { Environment } from '../../../lib/types';
import { pleoPage, SIMULATED_ORIGINS } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { type ChromeApi, collectErrors, contentWorld, observation, stopServiceWorker } from './state-helpers';

declare const chrome: ChromeApi;

const BURST = 150;
const STOPS = 5;

interface BurstResult {
  acknowledged: number;
  unacknowledged: string[];
  /** Acknowledged reports not found in storage right after their acknowledgement. */
  lostAfterAcknowledgement: string[];
  /** Times storage held something older than the last acknowledged report before the next one was sent. */
  lostLater: string[];
  lastAcknowledged: string | null;
}

/**
 * Runs in our content script's world: sends the reports one after another, each tagged in its API
 * Keys evidence, and reads storage (which content scripts may) around each one.
 */
async function burst(arg: { key: string; reports: unknown[] }): Promise<BurstResult> {
  const tagOf = (record: unknown) =>
    (record as { evidence?: { check: string; detail: string }[] } | undefined)?.evidence?.find(
      (line) => line.check === 'apiKeysEntry',
    )?.detail ?? null;
  const storedTag = async () => tagOf((await chrome.storage.local.get(arg.key))[arg.key]);
  const result: BurstResult = {
    acknowledged: 0,
    unacknowledged: [],
    lostAfterAcknowledgement: [],
    lostLater: [],
    lastAcknowledged: null,
  };
  // A report that was not acknowledged may still have been written before the worker stopped.
  let mayBeStored: (string | null)[] = [null];
  for (const report of arg.reports) {
    const tag = tagOf((report as { observation: unknown }).observation);
    const before = await storedTag();
    if (!mayBeStored.includes(before))
      result.lostLater.push(`${before} instead of ${result.lastAcknowledged}`);
    const answer = await chrome.runtime.sendMessage(report).then(
      (response) => JSON.stringify(response),
      (error: Error) => `rejected: ${error.message}`,
    );
    if (answer === '{"ok":true}') {
      result.acknowledged++;
      result.lastAcknowledged = tag;
      mayBeStored = [tag];
      const after = await storedTag();
      if (after !== tag) result.lostAfterAcknowledgement.push(`${tag}: stored ${after}`);
    } else {
      result.unacknowledged.push(`${tag}: ${answer}`);
      mayBeStored.push(tag);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return result;
}

/** Report i: the API Keys entry seen or not, in turn, so every report changes the stored fact. */
function reports(environment: Environment) {
  return Array.from({ length: BURST }, (_, i) => ({
    type: 'observation',
    observation: observation({
      signedIn: 'yes',
      apiKeysEntry: i % 2 === 0 ? 'visible' : 'absent',
      role: { value: 'admin', confidence: 'high', source: 'detected' },
      evidence: [{ check: 'apiKeysEntry', signal: 'burst', detail: `${environment} report ${i}` }],
    }),
  }));
}

test(`reliability 5: a burst of ${BURST} writes in each environment with the worker stopped ${STOPS} times: no acknowledged fact lost`, async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(120_000);
  pleo.serve('production', { role: 'admin' });
  pleo.serve('staging', { role: 'admin' });
  const tabs: { environment: Environment; page: Page }[] = [];
  for (const environment of ['production', 'staging'] as const) {
    const page = await context.newPage();
    await visit(page, `${SIMULATED_ORIGINS[environment]}/expenses`, serviceWorker);
    tabs.push({ environment, page });
  }
  const worlds = await Promise.all(tabs.map(({ page }) => contentWorld(context, page, extensionId)));

  let running = true;
  const bursts = Promise.all(
    tabs.map(({ environment }, index) =>
      worlds[index]!.run(burst, { key: `environment:${environment}`, reports: reports(environment) }),
    ),
  ).finally(() => {
    running = false;
  });
  let stops = 0;
  while (running && stops < STOPS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!running) break;
    await stopServiceWorker(context, tabs[0]!.page);
    stops++;
  }
  const results = await bursts;
  expect(stops, 'the burst outlasted the stops').toBe(STOPS);

  // Stopped once more with nothing in flight: the popup reads what the acknowledged reports left.
  await stopServiceWorker(context, tabs[0]!.page);
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const stored = await readLocalStorage(popup.page);
  for (const [index, { environment }] of tabs.entries()) {
    const result = results[index]!;
    expect(result.lostAfterAcknowledgement, environment).toEqual([]);
    expect(result.lostLater, environment).toEqual([]);
    // A report in flight at a stop may go unanswered; the next one always wakes the worker.
    expect(result.unacknowledged.length, `${environment}: ${result.unacknowledged}`).toBeLessThanOrEqual(
      STOPS + 1,
    );
    expect(result.acknowledged + result.unacknowledged.length).toBe(BURST);
    const record = stored[`environment:${environment}`] as ObservationRecord;
    const last = reports(environment).findLast(
      (report) => report.observation.evidence[0]!.detail === result.lastAcknowledged,
    )!;
    expect(record.evidence.find((line) => line.check === 'apiKeysEntry')?.detail).toBe(
      result.lastAcknowledged,
    );
    expect(record.apiKeysEntry.value).toBe(last.observation.apiKeysEntry);
    await expect(popup.verdict(environment)).toHaveAttribute(
      'data-verdict',
      last.observation.apiKeysEntry === 'visible' ? 'ready' : 'not-enabled',
    );
    console.info(
      `reliability 5: ${environment}: ${result.acknowledged}/${BURST} acknowledged, ${result.unacknowledged.length} in flight at a stop (${result.unacknowledged.join('; ') || 'none'}), acknowledged facts lost: ${result.lostAfterAcknowledgement.length + result.lostLater.length}, worker stops: ${stops + 1}`,
    );
  }

  // The next event after a stop wakes the worker: a page load while it is stopped is stored.
  const checkedAt = async () =>
    ((await readLocalStorage(popup.page))['environment:production'] as ObservationRecord).checkedAt;
  const before = await checkedAt();
  await tabs[0]!.page.goto('https://app.pleo.io/settings');
  await expect.poll(checkedAt).not.toBe(before);
  expect(pleo.strayRequests).toEqual([]);
});

/** A settings page whose API Keys entry the test shows and hides, as a single-page app re-renders. */
const TOGGLING_SETTINGS = pleoPage('/settings', {
  signedIn: true,
  role: 'admin',
  apiKeysEnabled: true,
  legacyApi: false,
  name: 'Alex Example',
  email: 'alex@example.com',
  company: 'Example Widgets ApS',
}).replace(
  '</body>',
  `<script>
  const entry = document.querySelector('a[href="/settings/api-keys"]').closest('li');
  const list = entry.parentElement;
  window.showApiKeys = (shown) => { if (shown) list.append(entry); else entry.remove(); };
  // A state the page never showed before: the legacy entry, without API Keys.
  window.showOpenApiOnly = () => {
    entry.remove();
    list.insertAdjacentHTML('beforeend', '<li><a href="/settings/open-api">Open API</a></li>');
  };
</script></body>`,
);

test('reliability 5: real detections: the page changes 40 times while the worker is stopped twice; its last state is stored', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(90_000);
  pleo.serve('production', () => TOGGLING_SETTINGS);
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const stored = async () => {
    const record = (await readLocalStorage(storagePage))['environment:production'] as ObservationRecord;
    return `API Keys ${record.apiKeysEntry.value}, Open API ${record.legacyApiEntry.value}`;
  };
  // Storage is read from an extension page, so reading never wakes the worker.
  const storagePage = (await new PopupPage(await context.newPage(), extensionId).open()).page;
  expect(await stored()).toBe('API Keys visible, Open API absent');

  const started = Date.now();
  for (let change = 1; change < 40; change++) {
    await page.evaluate(
      (shown) => (window as unknown as { showApiKeys(shown: boolean): void }).showApiKeys(shown),
      change % 2 === 0,
    );
    if (change === 13 || change === 27) await stopServiceWorker(context, page);
    await page.waitForTimeout(100);
  }
  await page.evaluate(() => (window as unknown as { showOpenApiOnly(): void }).showOpenApiOnly());
  const lastChange = Date.now();
  await expect.poll(stored, { timeout: 10_000 }).toBe('API Keys absent, Open API visible');
  const settled = Date.now() - lastChange;
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'not-enabled');
  console.info(
    `reliability 5: 40 page changes in ${lastChange - started} ms with 2 worker stops: last state stored within ${settled} ms of the last change`,
  );
});

test('reliability 5: a page change reported just before the worker stops is not lost: the content script reports it again', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(90_000);
  pleo.serve('production', () => TOGGLING_SETTINGS);
  const page = await context.newPage();
  const errors = await collectErrors(context, page);
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  const storagePage = (await new PopupPage(await context.newPage(), extensionId).open()).page;
  const stored = async () => {
    const record = (await readLocalStorage(storagePage))['environment:production'] as ObservationRecord;
    return `API Keys ${record.apiKeysEntry.value}, Open API ${record.legacyApiEntry.value}`;
  };
  expect(await stored()).toBe('API Keys visible, Open API absent');

  // Keep the worker busy, so the content script's report waits in its queue when the worker stops.
  const world = await contentWorld(context, page, extensionId);
  const queued = world.run((count) => {
    const report = {
      type: 'observation',
      observation: {
        signedIn: 'yes',
        apiKeysEntry: 'unknown',
        legacyApiEntry: 'unknown',
        role: { value: 'unknown', confidence: 'low', source: 'detected' },
        evidence: [],
      },
    };
    return Promise.all(
      Array.from({ length: count }, () =>
        chrome.runtime.sendMessage(report).then(
          () => 'answered',
          () => 'dropped',
        ),
      ),
    );
  }, 1500);
  await page.waitForTimeout(100);
  await page.evaluate(() => (window as unknown as { showOpenApiOnly(): void }).showOpenApiOnly());
  await page.waitForTimeout(800);
  await stopServiceWorker(context, page);
  const answers = await queued;
  const dropped = answers.filter((answer) => answer === 'dropped').length;
  expect(dropped, 'the stop came while reports were queued').toBeGreaterThan(0);

  // No further change on the page: only a report sent again can bring the new state.
  await expect.poll(stored, { timeout: 10_000 }).toBe('API Keys absent, Open API visible');
  expect(errors).toEqual([]);
  console.info(
    `reliability 5: worker stopped with ${dropped} reports queued; the page's own report was sent again and stored`,
  );
});
