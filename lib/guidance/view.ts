/**
 * What the popup shows for one environment, decided without the browser so it can be tested:
 * the three conditions with their state and evidence, the age of the last check, the order of
 * the environments.
 */

import type { ObservationRecord } from '../state/merge';
import { currentOrganisation, type OrganisationRecord } from '../state/organisations';
import type { SentRequest } from '../state/requests';
import { effectiveRole, verdict as verdictOf } from '../state/verdict';
import type { Environment, Evidence, KnownRole, Profile, RoleFact, Verdict, VerdictKind } from '../types';
import { ENVIRONMENTS, KEY_ROLES, NO_KEY_ROLES } from '../types';
import { type PrimaryAction, primaryAction } from './actions';
import { type FollowUpView, followUpView } from './follow-up';
import { type AccessRequest, accessRequest } from './request';
import type { SiteAccess } from './site-access';
import { API_BASE_URLS, audienceMatters, type NextStep, nextSteps } from './steps';

export type Condition = 'signedIn' | 'role' | 'enabled';
/** `unclear`: the role was seen, but no source says whether it sees API Keys (Controller). */
export type ConditionState = 'met' | 'not-met' | 'not-seen' | 'unclear';

export interface ChecklistItem {
  condition: Condition;
  state: ConditionState;
  /** The role the verdict acts on, for the role condition only. */
  role: RoleFact | null;
  /** True when the state follows from the API Keys entry being visible, not from seeing it directly. */
  implied: boolean;
  evidence: Evidence[];
  /** When the fact behind this condition was last seen; null when never. */
  seenAt: number | null;
}

/** The three conditions for an API key, as far as the record shows them. */
export function checklist(record: ObservationRecord, profile: Profile): ChecklistItem[] {
  const entrySeen = record.apiKeysEntry.value === 'visible';
  const role = effectiveRole(record, profile);
  const evidenceFor = (...checks: Evidence['check'][]) =>
    record.evidence.filter((e) => checks.includes(e.check));

  const signedIn: ConditionState =
    record.signedIn.value === 'yes' || entrySeen
      ? 'met'
      : record.signedIn.value === 'no'
        ? 'not-met'
        : 'not-seen';
  // Pleo shows API Keys only to Admins and Bookkeepers, so a visible entry proves the role.
  // A role no source speaks of (Controller) is proved enough by a visible entry, else unclear.
  const roleState: ConditionState = role
    ? KEY_ROLES.has(role.value)
      ? 'met'
      : NO_KEY_ROLES.has(role.value)
        ? 'not-met'
        : entrySeen
          ? 'met'
          : 'unclear'
    : entrySeen
      ? 'met'
      : 'not-seen';
  // A missing entry means "not enabled" only when the role would have shown it.
  const enabled: ConditionState = entrySeen
    ? 'met'
    : record.apiKeysEntry.value === 'absent' && roleState === 'met'
      ? 'not-met'
      : 'not-seen';

  return [
    {
      condition: 'signedIn',
      state: signedIn,
      role: null,
      implied: signedIn === 'met' && record.signedIn.value !== 'yes',
      evidence: evidenceFor('signedIn'),
      seenAt: record.signedIn.seenAt,
    },
    {
      condition: 'role',
      state: roleState,
      role,
      implied: !role && entrySeen,
      evidence: evidenceFor('role'),
      seenAt: role?.source === 'declared' ? null : record.role.seenAt,
    },
    {
      condition: 'enabled',
      state: enabled,
      role: null,
      implied: false,
      evidence: evidenceFor('apiKeysEntry', 'legacyApiEntry'),
      seenAt: record.apiKeysEntry.seenAt,
    },
  ];
}

/** Whether the user should be asked for their role: the page never showed it, or they declared one. */
export function asksForRole(record: ObservationRecord, verdict: VerdictKind): boolean {
  if (verdict === 'not-checked' || verdict === 'signed-out' || verdict === 'ready') return false;
  const detected = record.role.value;
  return detected.value === 'unknown' || detected.confidence === 'low';
}

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

/** What the popup was opened for: `popup.html?environment=staging&view=tab` opens one environment's guidance in a tab. */
export interface PopupParams {
  environment: Environment | null;
  tabView: boolean;
}

export function popupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const environment = ENVIRONMENTS.find((e) => e === params.get('environment')) ?? null;
  return { environment, tabView: params.get('view') === 'tab' };
}
