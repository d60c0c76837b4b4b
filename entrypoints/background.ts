import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '../components/translate';
import { RULES_VERSION } from '../lib/detect/rules';
import { environmentOf, MATCH_PATTERNS } from '../lib/environments';
import { badgeFor } from '../lib/guidance/badge';
import { hintTextsFromMessages } from '../lib/hint/translations';
import { admit, createRefusalLog } from '../lib/messages/admission';
import type { ContentMessage, HintStringsResponse, PageMessage, Response } from '../lib/messages/protocol';
import { withLearnedLabel, withoutLearnedLabel } from '../lib/state/learned';
import { merge, withoutLearnedFacts } from '../lib/state/merge';
import {
  DECLARED_NO_API_KEYS,
  withAudience,
  withDeclaredRole,
  withDismissedHint,
} from '../lib/state/profile';
import { verdict, withCurrentVerdict } from '../lib/state/verdict';
import { openStorageForWriting } from '../lib/storage/writer';
import type { Environment, Language, LearnedLabel, Observation } from '../lib/types';

// Everything the background knows lives in storage: the service worker may stop at any moment.
export default defineBackground(() => {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const store = openStorageForWriting();
  const logRefusal = createRefusalLog((message) => console.warn(message));
  // Firefox MV2 has only browserAction; the polyfill does not alias it.
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  // Writes run one after another, so two tabs reporting at once cannot overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function paintBadge(tabId: number, text: string, title: string, color?: string): Promise<void> {
    try {
      await action.setBadgeText({ tabId, text });
      await action.setTitle({ tabId, title });
      if (color) await action.setBadgeBackgroundColor({ tabId, color });
    } catch {
      // The tab closed meanwhile and its badge went with it; the stored record is what matters.
    }
  }

  async function showBadge(tabId: number, environment: Environment): Promise<void> {
    const kind = verdict(await store.get(environment), await store.get('profile')).kind;
    const badge = badgeFor(kind, environment, t);
    await paintBadge(tabId, badge.text, badge.title, badge.color);
  }

  const clearBadge = (tabId: number) => paintBadge(tabId, '', t('extName'));

  /** After a change that is not an observation: the host permission lets us find the Pleo tabs. */
  async function refreshPleoBadges(): Promise<void> {
    const tabs = await browser.tabs.query({ url: MATCH_PATTERNS }).catch(() => []);
    for (const tab of tabs) {
      const environment = environmentOf(tab.url);
      if (tab.id !== undefined && environment) await showBadge(tab.id, environment);
    }
  }

  /** Merges what a page showed (or the user stated) into the environment's record. */
  async function record(environment: Environment, observation: Observation): Promise<void> {
    const now = Date.now();
    const merged = merge(await store.get(environment), observation, now, RULES_VERSION);
    await store.set(environment, withCurrentVerdict(merged, await store.get('profile'), now));
  }

  async function changeLearned(
    environment: Environment,
    change: (list: LearnedLabel[]) => LearnedLabel[],
  ): Promise<void> {
    const learned = await store.get('learnedLabels');
    await store.set('learnedLabels', { ...learned, [environment]: change(learned[environment]) });
  }

  /** The hint's strings in a language, from this extension's own `_locales` (no network). */
  async function hintStringsIn(language: Language): Promise<HintStringsResponse> {
    try {
      const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/');
      return { ok: true, strings: hintTextsFromMessages(await (await fetch(url)).json()) };
    } catch {
      return { ok: false, error: 'read-failed' };
    }
  }

  async function fromContent(
    message: ContentMessage,
    environment: Environment,
    tabId: number,
  ): Promise<void> {
    switch (message.type) {
      case 'observation':
        await record(environment, message.observation);
        await showBadge(tabId, environment);
        return;
      case 'dismiss-hint':
        await store.set(
          'dismissedHints',
          withDismissedHint(await store.get('dismissedHints'), environment, message.verdict),
        );
        return;
      case 'learn-label': {
        const { type: _, ...taught } = message;
        await changeLearned(environment, (list) =>
          withLearnedLabel(list, { ...taught, learnedAt: Date.now() }),
        );
        return;
      }
      case 'hint-strings':
        return; // answered before the queue, above
      case 'open-guidance':
        await browser.tabs.create({
          url: `${browser.runtime.getURL('/popup.html')}?environment=${environment}&view=tab`,
        });
        return;
    }
  }

  async function fromPage(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'set-profile':
        await store.set('profile', withAudience(await store.get('profile'), message.kind, message.stage));
        return;
      case 'declare-role': {
        const profile = withDeclaredRole(await store.get('profile'), message.environment, message.role);
        await store.set('profile', profile);
        const record = await store.get(message.environment);
        await store.set(message.environment, withCurrentVerdict(record, profile, Date.now()));
        await refreshPleoBadges();
        return;
      }
      case 'set-hint-enabled':
        await store.set('settings', { ...(await store.get('settings')), hintEnabled: message.enabled });
        return;
      case 'forget-learned-label': {
        // The facts that rested on the label alone go with it: the page reads as before it was taught.
        const { environment, kind, label } = message;
        await changeLearned(environment, (list) => withoutLearnedLabel(list, kind, label));
        const record = withoutLearnedFacts(await store.get(environment), label);
        await store.set(environment, withCurrentVerdict(record, await store.get('profile'), Date.now()));
        await refreshPleoBadges();
        return;
      }
      case 'declare-no-api-keys':
        await record(message.environment, DECLARED_NO_API_KEYS);
        await refreshPleoBadges();
        return;
      case 'forget-everything':
        await store.forgetEverything();
        await refreshPleoBadges();
        return;
    }
  }

  browser.runtime.onMessage.addListener(
    (message: unknown, sender): Promise<Response | HintStringsResponse> => {
      const admitted = admit(message, sender, self);
      if (!admitted.ok) {
        logRefusal(admitted.error);
        return Promise.resolve(admitted);
      }
      // Read-only, and from the extension's own files: not queued behind the writes.
      if (admitted.from === 'content' && admitted.message.type === 'hint-strings') {
        return hintStringsIn(admitted.message.language);
      }
      return serialised(() =>
        admitted.from === 'content'
          ? fromContent(admitted.message, admitted.environment, admitted.tabId)
          : fromPage(admitted.message),
      ).then(
        (): Response => ({ ok: true }),
        (): Response => ({ ok: false, error: 'write-failed' }),
      );
    },
  );

  // A new page in a tab: a Pleo page shows its environment's stored verdict until its content script
  // reports; any other page shows no badge. The URL is visible only for the Pleo origins we may access.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'loading') return;
    const environment = environmentOf(tab.url);
    void serialised(() => (environment ? showBadge(tabId, environment) : clearBadge(tabId)));
  });

  browser.runtime.onInstalled.addListener(() => void serialised(() => store.repairAll()));
  browser.runtime.onStartup.addListener(() => void serialised(() => store.repairAll()));
});
