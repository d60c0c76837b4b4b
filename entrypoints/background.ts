import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '../components/translate';
import { createBadgePainter } from '../lib/guidance/badge-painter';
import { createGuidanceTabs } from '../lib/guidance/guidance-tab';
import { injectHintDrawing } from '../lib/hint/inject';
import { hintTextsFromMessages } from '../lib/hint/translations';
import { admit, createRefusalLog } from '../lib/messages/admission';
import { createWriteQueue, type Handlers, handle } from '../lib/messages/handlers';
import type { HintStringsResponse, Response } from '../lib/messages/protocol';
import { injectPicker } from '../lib/picker/inject';
import { storedChoices } from '../lib/storage/choices';
import { storedRecords } from '../lib/storage/records';
import { storedRequests } from '../lib/storage/sent-requests';
import { openStorageForWriting } from '../lib/storage/writer';
import type { Language } from '../lib/types';

// Everything the background knows lives in storage: the service worker may stop at any moment.
export default defineBackground(() => {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const store = openStorageForWriting();
  const records = storedRecords(store);
  const requests = storedRequests(store);
  const choices = storedChoices(store);
  const write = createWriteQueue();
  const logRefusal = createRefusalLog((message) => console.warn(message));
  const openGuidanceTab = createGuidanceTabs(browser.tabs, Date.now);
  // Firefox MV2 has only browserAction; the polyfill does not alias it.
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  const badges = createBadgePainter({
    action,
    queryTabs: (query) => browser.tabs.query(query),
    latest: records.latest,
    unseenArrival: requests.unseenArrival,
    now: Date.now,
    t,
  });

  /** A change to what the user stated: every open Pleo tab's badge follows. */
  const writeAndRepaint = (task: () => Promise<unknown>) =>
    write(async () => {
      await task();
      await badges.paintPleoTabs();
    });

  /** The hint's strings in a language, from this extension's own `_locales` (no network). */
  const hintStringsFromLocales = (language: Language): Promise<HintStringsResponse> =>
    fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'))
      .then(async (answer) => ({ ok: true as const, strings: hintTextsFromMessages(await answer.json()) }))
      .catch(() => ({ ok: false, error: 'read-failed' }));

  const handlers: Handlers = {
    observation: ({ observation, organisation }, { environment, tabId }) =>
      write(async () =>
        badges.paintRecord(tabId, await records.observe(environment, observation, organisation)),
      ),
    'dismiss-hint': ({ verdict }, { environment }) => write(() => choices.dismissHint(environment, verdict)),
    'learn-label': ({ type: _, ...taught }, { environment }) =>
      write(() => records.learnLabel(environment, taught)),
    // Read-only, and from the extension's own files: not queued behind the writes.
    'hint-strings': ({ language }) => hintStringsFromLocales(language),
    // The hint's "what to do": the popup in a tab, for the page's environment (an open one shown again).
    'open-guidance': (_, { environment }) =>
      write(() =>
        openGuidanceTab(
          environment,
          `${browser.runtime.getURL('/popup.html')}?environment=${environment}&view=tab`,
        ),
      ),
    'arrival-shown': ({ organisation }, { environment }) =>
      write(() => requests.markArrivalShownInPage(environment, organisation)),
    // The hint's "Point at …": pick mode injected into the sender's tab; not queued, it writes nothing.
    'start-pick': ({ target }, { tabId }) =>
      injectPicker(browser.scripting, tabId, target)
        .catch(() => false)
        .then((started): Response => (started ? { ok: true } : { ok: false, error: 'pick-failed' })),
    // A hint to draw: its drawing injected into the sender's tab, as pick mode is; it writes nothing.
    'load-hint': (_, { tabId }) =>
      injectHintDrawing(browser.scripting, tabId).then(
        (): Response => ({ ok: true }),
        (): Response => ({ ok: false, error: 'inject-failed' }),
      ),
    'set-profile': ({ kind, stage }) => write(() => choices.setAudience(kind, stage)),
    'set-hint-enabled': ({ enabled }) => write(() => choices.setHintEnabled(enabled)),
    'declare-role': ({ environment, role }) => writeAndRepaint(() => records.declareRole(environment, role)),
    'declare-no-api-keys': ({ environment }) => writeAndRepaint(() => records.declareNoApiKeys(environment)),
    'forget-learned-label': ({ environment, kind, label }) =>
      writeAndRepaint(() => records.forgetLabel(environment, kind, label)),
    'request-sent': ({ type: _, ...sent }) => write(() => requests.markSent(sent)),
    'request-unsent': ({ type: _, ...unsent }) => write(() => requests.undoSent(unsent)),
    // The popup showed the arrivals: the badges go back to the verdicts.
    'arrivals-seen': () => writeAndRepaint(requests.markArrivalsSeen),
    'record-key-check': ({ type: _, ...checked }) => write(() => choices.recordKeyCheck(checked)),
    'forget-everything': () => writeAndRepaint(records.forgetEverything),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const admitted = admit(message, sender, self);
    if (admitted.ok) return handle(handlers, admitted);
    logRefusal(admitted.error);
    return Promise.resolve(admitted);
  });

  // A new page in a tab: a Pleo page shows its environment's stored verdict until its content script
  // reports; any other page shows no badge. The URL is visible only for the Pleo origins we may access.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === 'loading') void write(() => badges.paintTab(tabId, tab.url));
  });

  browser.runtime.onInstalled.addListener(() => void write(store.repairAll));
  browser.runtime.onStartup.addListener(() => void write(store.repairAll));
});
