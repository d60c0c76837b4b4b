/**
 * Painting the toolbar badge of Pleo tabs, with the browser's action and tabs passed in (the
 * background hands them over): a tab shows what the user asked for that arrived, until the popup is
 * opened, else the verdict of the record its page reported.
 */
import { environmentOf, MATCH_PATTERNS } from '../environments';
import type { ObservationRecord } from '../state/merge';
import type { RequestRecord, SentRequest } from '../state/requests';
import { verdict } from '../state/verdict';
import type { Environment, Profile } from '../types';
import { type Badge, badgeFor } from './badge';
import { arrivalBadge } from './follow-up';
import type { Translate } from './translate';

/** A record as written, with the profile its verdict was judged by and where it is kept. */
export interface BadgeSource {
  record: ObservationRecord;
  profile: Profile;
  where: RequestRecord;
}

export interface BadgeApis {
  action: {
    setBadgeText(details: { tabId: number; text: string }): Promise<unknown>;
    setTitle(details: { tabId: number; title: string }): Promise<unknown>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<unknown>;
  };
  queryTabs(query: { url: string[] }): Promise<{ id?: number; url?: string }[]>;
  /** The record of the organisation seen most recently in an environment. */
  latest(environment: Environment): Promise<BadgeSource>;
  unseenArrival(where: RequestRecord): Promise<SentRequest | undefined>;
  now(): number;
  t: Translate;
}

export function createBadgePainter(apis: BadgeApis) {
  const { action, t } = apis;

  async function paint(tabId: number, { text, title, color }: Badge): Promise<void> {
    try {
      await action.setBadgeText({ tabId, text });
      await action.setTitle({ tabId, title });
      if (color) await action.setBadgeBackgroundColor({ tabId, color });
    } catch {
      // The tab closed meanwhile and its badge went with it; the stored record is what matters.
    }
  }

  async function paintRecord(tabId: number, { record, profile, where }: BadgeSource): Promise<void> {
    const arrival = await apis.unseenArrival(where);
    await paint(
      tabId,
      arrival
        ? arrivalBadge(arrival, where.environment, apis.now(), t)
        : badgeFor(verdict(record, profile).kind, where.environment, t),
    );
  }

  /** A tab not yet read shows the verdict of the organisation seen most recently; its content script then reports its own. */
  async function paintTab(tabId: number, url: string | undefined): Promise<void> {
    const environment = environmentOf(url);
    if (environment) await paintRecord(tabId, await apis.latest(environment));
    else await paint(tabId, { text: '', title: t('extName'), color: '' });
  }

  return {
    paintRecord,
    paintTab,
    /** After a change that is not an observation: the host permission lets us find the Pleo tabs. */
    async paintPleoTabs(): Promise<void> {
      const tabs = await apis.queryTabs({ url: MATCH_PATTERNS }).catch(() => []);
      for (const tab of tabs)
        if (tab.id !== undefined && environmentOf(tab.url)) await paintTab(tab.id, tab.url);
    },
  };
}
