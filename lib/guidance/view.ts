/**
 * What the popup shows for one environment, decided without the browser so it can be tested: the
 * verdict of the company seen most recently, its conditions (lib/guidance/checklist.ts), next
 * steps, request and one next action, and the other companies seen.
 */

import type { ObservationRecord } from '../state/merge';
import { currentOrganisation, type OrganisationRecord } from '../state/organisations';
import type { SentRequest } from '../state/requests';
import { verdict as verdictOf } from '../state/verdict';
import type { Environment, KnownRole, Profile, Verdict, VerdictKind } from '../types';
import { type PrimaryAction, primaryAction } from './actions';
import { asksForRole, type ChecklistItem, checklist } from './checklist';
import { type FollowUpView, followUpView } from './follow-up';
import { type AccessRequest, accessRequest } from './request';
import type { SiteAccess } from './site-access';
import { API_BASE_URLS, audienceMatters, type NextStep, nextSteps } from './steps';

/** Everything the popup shows for one environment. */
export interface EnvironmentView {
  environment: Environment;
  verdict: Verdict;
  checkedAt: number | null;
  checklist: ChecklistItem[];
  steps: NextStep[];
  request: AccessRequest | null;
  /** The one next action, the card's filled button (lib/guidance/actions.ts). */
  primaryAction: PrimaryAction;
  askRole: boolean;
  declaredRole: KnownRole | null;
  /** Whether the next steps depend on being a Partner or a Customer. */
  audienceMatters: boolean;
  apiBaseUrl: string;
  isCurrentTab: boolean;
  /** Whether the browser lets the checker read this environment's pages (site access "On click" or blocked: withheld). */
  siteAccess: SiteAccess;
  /** The company this view is about, the one seen most recently; null when the page showed none. */
  organisation: string | null;
  /** The other companies seen, most recently checked first (name null: pages that showed no company). */
  otherOrganisations: OrganisationSummary[];
  /** The requests the user sent about this record, and what came of them (issue 26). */
  followUp: FollowUpView;
}

/** The stored requests, and the times a request's state depends on. */
export interface RequestsNow {
  requests: readonly SentRequest[];
  now: number;
  /** When the popup opened: arrivals it shows first stay while it is open. */
  openedAt: number;
}

export interface OrganisationSummary {
  name: string | null;
  verdict: VerdictKind;
  checkedAt: number | null;
}

/**
 * One environment as the popup shows it: about the company seen most recently (`record` is the
 * environment's own record, for pages that showed no company; `organisations` each company's),
 * with the others listed. With no company ever seen it is exactly the environment's own record.
 */
export function environmentView(
  environment: Environment,
  ownRecord: ObservationRecord,
  profile: Profile,
  currentTab: Environment | null,
  siteAccess: SiteAccess = 'granted',
  organisations: readonly OrganisationRecord[] = [],
  /** The active tab's path when that tab is a page of this environment. */
  currentPath: string | null = null,
  requests: RequestsNow = { requests: [], now: 0, openedAt: 0 },
): EnvironmentView {
  const { record, organisation } = currentOrganisation(ownRecord, organisations);
  const verdict = verdictOf(record, profile);
  const summary = (name: string | null, other: ObservationRecord): OrganisationSummary => ({
    name,
    verdict: verdictOf(other, profile).kind,
    checkedAt: other.checkedAt,
  });
  // Pages that showed no company count as one more once a company leads the card.
  const others = [
    ...organisations
      .filter((other) => other !== organisation)
      .map((other) => summary(other.name, other.record)),
    ...(organisation && ownRecord.checkedAt !== null ? [summary(null, ownRecord)] : []),
  ].sort((a, b) => (b.checkedAt ?? 0) - (a.checkedAt ?? 0));
  return {
    environment,
    verdict,
    checkedAt: record.checkedAt,
    checklist: checklist(record, profile),
    steps: nextSteps(verdict, environment, profile, record, siteAccess),
    request: accessRequest(verdict, environment, profile, record),
    primaryAction: primaryAction(verdict, siteAccess, currentTab === environment ? currentPath : null),
    askRole: asksForRole(record, verdict.kind),
    declaredRole: profile.declaredRoles[environment] ?? null,
    audienceMatters: audienceMatters(verdict.kind, environment),
    apiBaseUrl: API_BASE_URLS[environment],
    isCurrentTab: currentTab === environment,
    siteAccess,
    organisation: organisation?.name ?? null,
    otherOrganisations: others,
    followUp: followUpView(
      requests.requests,
      { environment, organisation: organisation?.id ?? null },
      record,
      verdict,
      requests.now,
      requests.openedAt,
    ),
  };
}
