import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '../components/translate';
import { RULES_VERSION } from '../lib/detect/rules';
import { environmentOf, MATCH_PATTERNS } from '../lib/environments';
import { badgeFor } from '../lib/guidance/badge';
import { arrivalBadge } from '../lib/guidance/follow-up';
import { hintTextsFromMessages } from '../lib/hint/translations';
import { admit, createRefusalLog } from '../lib/messages/admission';
import type {
  ContentMessage,
  HintStringsResponse,
  Message,
  PageMessage,
  Response,
} from '../lib/messages/protocol';
import { withLearnedLabel, withoutLearnedLabel } from '../lib/state/learned';
import { type EnvironmentRecord, emptyRecord, merge, withoutLearnedFacts } from '../lib/state/merge';
import {
  currentOrganisation,
  organisationById,
  organisationId,
  shownOrganisationName,
  withOrganisation,
} from '../lib/state/organisations';
import {
  DECLARED_NO_API_KEYS,
  withAudience,
  withDeclaredRole,
  withDismissedHint,
} from '../lib/state/profile';
import {
  type RequestRecord,
  type SentRequest,
  unseenArrival,
  withArrivals,
  withArrivalsSeenInPage,
  withArrivalsSeenInPopup,
  withoutSentRequest,
  withSentRequest,
} from '../lib/state/requests';
import { verdict, withCurrentVerdict } from '../lib/state/verdict';
import { allRequests, organisationsOf, requestsByEnvironment } from '../lib/storage/items';
import { organisationsKey } from '../lib/storage/keys';
import { openStorageForWriting } from '../lib/storage/writer';
import type { Environment, Language, LearnedLabel, Observation, Profile } from '../lib/types';

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

  async function paintVerdict(
    tabId: number,
    where: RequestRecord,
    record: EnvironmentRecord,
    profile?: Profile,
  ): Promise<void> {
    // What the user asked for arrived: the badge says so until the popup is opened.
    const arrival = unseenArrival(allRequests(await store.get('requests')), where);
    const badge = arrival
      ? arrivalBadge(arrival, where.environment, Date.now(), t)
      : badgeFor(verdict(record, profile ?? (await store.get('profile'))).kind, where.environment, t);
    await paintBadge(tabId, badge.text, badge.title, badge.color);
  }

  /** The environment's records: its own (pages that showed no company) and each organisation's. */
  async function recordsOf(environment: Environment) {
    return {
      unidentified: await store.get(environment),
      organisations: await store.get(organisationsOf(environment)),
    };
  }

  /** A tab not yet read shows the verdict of the organisation seen most recently; its content script then reports its own. */
  async function showBadge(tabId: number, environment: Environment): Promise<void> {
    const { unidentified, organisations } = await recordsOf(environment);
    const { record, organisation } = currentOrganisation(unidentified, organisations);
    await paintVerdict(tabId, { environment, organisation: organisation?.id ?? null }, record);
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

  /**
   * Merges what a page showed (or the user stated) into the record of the organisation the page
   * showed, or into the environment's own record when it showed none; no other record changes.
   * Returns the record it wrote, for the badge of the tab it came from.
   */
  async function record(
    environment: Environment,
    observation: Observation,
    organisationName?: string,
  ): Promise<{ record: EnvironmentRecord; profile: Profile; where: RequestRecord }> {
    const now = Date.now();
    const profile = await store.get('profile');
    const update = (record: EnvironmentRecord) =>
      withCurrentVerdict(merge(record, observation, now, RULES_VERSION), profile, now);
    if (!organisationName) {
      const merged = update(await store.get(environment));
      await store.set(environment, merged);
      return { record: merged, profile, where: { environment, organisation: null } };
    }
    const id = await organisationId(organisationName);
    const list = await store.get(organisationsOf(environment));
    const merged = update(organisationById(list, id)?.record ?? emptyRecord(environment, RULES_VERSION));
    const { organisations, dropped } = withOrganisation(list, {
      id,
      name: shownOrganisationName(organisationName),
      record: merged,
    });
    await store.set(organisationsOf(environment), organisations);
    if (dropped.length > 0) {
      await store.logResets(
        dropped.map(() => ({ item: organisationsKey(environment), reason: 'organisation-limit' })),
      );
    }
    return { record: merged, profile, where: { environment, organisation: id } };
  }

  async function changeRequests(change: (requests: SentRequest[]) => SentRequest[]): Promise<void> {
    await store.set('requests', requestsByEnvironment(change(allRequests(await store.get('requests')))));
  }

  /** After a record changed: the requests whose asked-for change it now shows are closed, dated now. */
  async function noteArrivals(written: Awaited<ReturnType<typeof record>>): Promise<void> {
    const requests = allRequests(await store.get('requests'));
    const next = withArrivals(requests, written.where, written.record, written.profile, Date.now());
    if (next.arrived.length > 0) await store.set('requests', requestsByEnvironment(next.requests));
  }

  type Sent = Extract<Message, { type: 'request-sent' }>;
  const markRequestSent = ({ environment, organisation, kind, recipient }: Sent) =>
    changeRequests((requests) =>
      withSentRequest(requests, { environment, organisation }, kind, recipient, Date.now()),
    );

  type Unsent = Extract<Message, { type: 'request-unsent' }>;
  const undoRequestSent = ({ environment, organisation, kind }: Unsent) =>
    changeRequests((requests) => withoutSentRequest(requests, { environment, organisation }, kind));

  /** The popup showed the arrivals: the badges go back to the verdicts. */
  async function markArrivalsSeen(): Promise<void> {
    await changeRequests((requests) => withArrivalsSeenInPopup(requests, Date.now()));
    await refreshPleoBadges();
  }

  /** A page of the record told the user: the hint does not tell it again. */
  async function markArrivalShownInPage(environment: Environment, organisationName?: string): Promise<void> {
    const organisation = organisationName ? await organisationId(organisationName) : null;
    await changeRequests((requests) =>
      withArrivalsSeenInPage(requests, { environment, organisation }, Date.now()),
    );
  }

  /** Applies a change to every record of the environment (the user's answers count for each company). */
  async function changeAll(
    environment: Environment,
    change: (record: EnvironmentRecord) => EnvironmentRecord,
  ) {
    const { unidentified, organisations } = await recordsOf(environment);
    await store.set(environment, change(unidentified));
    if (organisations.length > 0) {
      await store.set(
        organisationsOf(environment),
        organisations.map((organisation) => ({ ...organisation, record: change(organisation.record) })),
      );
    }
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
      case 'observation': {
        const written = await record(environment, message.observation, message.organisation);
        await noteArrivals(written);
        await paintVerdict(tabId, written.where, written.record, written.profile);
        return;
      }
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
      case 'arrival-shown':
        return markArrivalShownInPage(environment, message.organisation);
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
        const now = Date.now();
        await changeAll(message.environment, (record) => withCurrentVerdict(record, profile, now));
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
        const profile = await store.get('profile');
        const now = Date.now();
        await changeAll(environment, (record) =>
          withCurrentVerdict(withoutLearnedFacts(record, label), profile, now),
        );
        await refreshPleoBadges();
        return;
      }
      case 'declare-no-api-keys': {
        // About the company the user is looking at: the one seen most recently.
        const { unidentified, organisations } = await recordsOf(message.environment);
        const current = currentOrganisation(unidentified, organisations).organisation;
        await record(message.environment, DECLARED_NO_API_KEYS, current?.name);
        await refreshPleoBadges();
        return;
      }
      case 'request-sent':
        return markRequestSent(message);
      case 'request-unsent':
        return undoRequestSent(message);
      case 'arrivals-seen':
        return markArrivalsSeen();
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
