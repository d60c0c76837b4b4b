import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '../components/translate';
import { environmentOf, MATCH_PATTERNS } from '../lib/environments';
import { badgeFor } from '../lib/guidance/badge';
import { arrivalBadge } from '../lib/guidance/follow-up';
import { createGuidanceTabs } from '../lib/guidance/guidance-tab';
import { hintTextsFromMessages } from '../lib/hint/translations';
import { admit, createRefusalLog } from '../lib/messages/admission';
import { type ContentSender, createWriteQueue, type Handlers, handle } from '../lib/messages/handlers';
import type { HintStringsResponse, Response } from '../lib/messages/protocol';
import { injectPicker } from '../lib/picker/inject';
import { verdict } from '../lib/state/verdict';
import { storedRecords, type Written } from '../lib/storage/records';
import { openStorageForWriting } from '../lib/storage/writer';
import type { Environment, Language, PickTarget } from '../lib/types';

// Everything the background knows lives in storage: the service worker may stop at any moment.
export default defineBackground(() => {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const store = openStorageForWriting();
  const records = storedRecords(store);
  const write = createWriteQueue();
  const logRefusal = createRefusalLog((message) => console.warn(message));
  const openGuidanceTab = createGuidanceTabs(browser.tabs, Date.now);
  // Firefox MV2 has only browserAction; the polyfill does not alias it.
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  async function paintBadge(tabId: number, text: string, title: string, color?: string): Promise<void> {
    try {
      await action.setBadgeText({ tabId, text });
      await action.setTitle({ tabId, title });
      if (color) await action.setBadgeBackgroundColor({ tabId, color });
    } catch {
      // The tab closed meanwhile and its badge went with it; the stored record is what matters.
    }
  }

  /** What the user asked for arrived: the badge says so until the popup is opened; else the verdict. */
  async function paintVerdict(tabId: number, { record, profile, where }: Written) {
    const arrival = await records.unseenArrival(where);
    const badge = arrival
      ? arrivalBadge(arrival, where.environment, Date.now(), t)
      : badgeFor(verdict(record, profile).kind, where.environment, t);
    await paintBadge(tabId, badge.text, badge.title, badge.color);
  }

  /** A tab not yet read shows the verdict of the organisation seen most recently; its content script then reports its own. */
  async function showBadge(tabId: number, environment: Environment): Promise<void> {
    await paintVerdict(tabId, await records.latest(environment));
  }

  /** After a change that is not an observation: the host permission lets us find the Pleo tabs. */
  async function refreshPleoBadges(): Promise<void> {
    const tabs = await browser.tabs.query({ url: MATCH_PATTERNS }).catch(() => []);
    for (const tab of tabs) {
      const environment = environmentOf(tab.url);
      if (tab.id !== undefined && environment) await showBadge(tab.id, environment);
    }
  }

  /** A change to what the user stated: every open Pleo tab's badge follows. */
  const writeAndRepaint = (task: () => Promise<unknown>) =>
    write(async () => {
      await task();
      await refreshPleoBadges();
    });

  /** The hint's strings in a language, from this extension's own `_locales` (no network). */
  async function hintStrings(language: Language): Promise<HintStringsResponse> {
    try {
      const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/');
      return { ok: true, strings: hintTextsFromMessages(await (await fetch(url)).json()) };
    } catch {
      return { ok: false, error: 'read-failed' };
    }
  }

  /** The hint's "what to do": the popup, in a tab, for the environment of the page that asked (the tab already open is shown again). */
  function openGuidance(_: unknown, { environment }: ContentSender): Promise<Response> {
    const url = `${browser.runtime.getURL('/popup.html')}?environment=${environment}&view=tab`;
    return write(() => openGuidanceTab(environment, url));
  }

  /** The hint's "Point at …" in a Pleo tab: pick mode is injected into that tab (lib/picker/inject.ts). */
  function startPickInTab(tabId: number, target: PickTarget): Promise<Response> {
    return injectPicker(browser.scripting, tabId, target).then(
      (started): Response => (started ? { ok: true } : { ok: false, error: 'pick-failed' }),
      (): Response => ({ ok: false, error: 'pick-failed' }),
    );
  }

  const handlers: Handlers = {
    observation: ({ observation, organisation }, { environment, tabId }) =>
      write(async () => paintVerdict(tabId, await records.observe(environment, observation, organisation))),
    'dismiss-hint': ({ verdict }, { environment }) => write(() => records.dismissHint(environment, verdict)),
    'learn-label': ({ type: _, ...taught }, { environment }) =>
      write(() => records.learnLabel(environment, taught)),
    // Read-only, and from the extension's own files: not queued behind the writes.
    'hint-strings': ({ language }) => hintStrings(language),
    'open-guidance': openGuidance,
    'arrival-shown': ({ organisation }, { environment }) =>
      write(() => records.markArrivalShownInPage(environment, organisation)),
    // Not queued: it writes nothing.
    'start-pick': ({ target }, { tabId }) => startPickInTab(tabId, target),
    'set-profile': ({ kind, stage }) => write(() => records.setAudience(kind, stage)),
    'set-hint-enabled': ({ enabled }) => write(() => records.setHintEnabled(enabled)),
    'declare-role': ({ environment, role }) => writeAndRepaint(() => records.declareRole(environment, role)),
    'declare-no-api-keys': ({ environment }) => writeAndRepaint(() => records.declareNoApiKeys(environment)),
    'forget-learned-label': ({ environment, kind, label }) =>
      writeAndRepaint(() => records.forgetLabel(environment, kind, label)),
    'request-sent': ({ type: _, ...sent }) => write(() => records.markRequestSent(sent)),
    'request-unsent': ({ type: _, ...unsent }) => write(() => records.undoRequestSent(unsent)),
    // The popup showed the arrivals: the badges go back to the verdicts.
    'arrivals-seen': () => writeAndRepaint(records.markArrivalsSeen),
    'record-key-check': ({ type: _, ...checked }) => write(() => records.recordKeyCheck(checked)),
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
    if (changeInfo.status !== 'loading') return;
    const environment = environmentOf(tab.url);
    void write(() => (environment ? showBadge(tabId, environment) : paintBadge(tabId, '', t('extName'))));
  });

  browser.runtime.onInstalled.addListener(() => void write(store.repairAll));
  browser.runtime.onStartup.addListener(() => void write(store.repairAll));
});
