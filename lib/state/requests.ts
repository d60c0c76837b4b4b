/**
 * The requests the user said they sent (issue 26): what was asked (the role, or enabling), to whom,
 * when, and when the asked-for change arrived. One list for both environments; each request
 * belongs to one record: a company's (its id) or the environment's own (`organisation: null`), and
 * a record has at most one open request per kind. Pure: the background keeps the list.
 */
import { REQUESTS_LIMIT } from '../limits';
import type { Environment, Profile, Recipient, RequestKind, VerdictKind } from '../types';
import { KEY_ROLES } from '../types';
import type { ObservationRecord } from './merge';
import { effectiveRole } from './verdict';

export interface SentRequest {
  environment: Environment;
  /** The company's id (lib/state/organisations.ts); null: the environment's own record. */
  organisation: string | null;
  kind: RequestKind;
  recipient: Recipient;
  sentAt: number;
  /** When the asked-for change was first seen; null while the request is open. */
  resolvedAt: number | null;
  /** When the popup first showed that it arrived (the toolbar badge says so until then). */
  seenInPopupAt: number | null;
  /** When a page of its record first showed that it arrived. */
  seenInPageAt: number | null;
}

/** The requests per environment, as storage keeps them. */
export type SentRequests = Record<Environment, SentRequest[]>;

/** Both environments' requests in one list, as the functions below take them. */
export const allRequests = (stored: SentRequests): SentRequest[] => [...stored.production, ...stored.staging];

/** One list back into the two environments' lists that storage keeps. */
export const requestsByEnvironment = (requests: readonly SentRequest[]): SentRequests => ({
  production: requests.filter((r) => r.environment === 'production'),
  staging: requests.filter((r) => r.environment === 'staging'),
});

/** The record a request belongs to. */
export interface RequestRecord {
  environment: Environment;
  organisation: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
/** A week without the change: the follow-up is offered. */
export const FOLLOW_UP_AFTER = 7 * DAY;

const isOf = (request: SentRequest, where: RequestRecord) =>
  request.environment === where.environment && request.organisation === where.organisation;

/** The kind of request a verdict calls for; null when it calls for none. */
export function requestKindFor(verdict: VerdictKind): RequestKind | null {
  return verdict === 'not-enabled' ? 'enabling' : verdict === 'role-missing' ? 'role' : null;
}

export function openRequest(
  requests: readonly SentRequest[],
  where: RequestRecord,
  kind: RequestKind,
): SentRequest | undefined {
  return requests.find((r) => isOf(r, where) && r.kind === kind && r.resolvedAt === null);
}

/** The requests of one record, newest first. */
export function requestsOf(requests: readonly SentRequest[], where: RequestRecord): SentRequest[] {
  return requests.filter((r) => isOf(r, where)).sort((a, b) => b.sentAt - a.sentAt);
}

/**
 * "I sent it": a new open request, unless one of this kind is already open for the record (its
 * first date is the one a follow-up names). Beyond the limit the oldest closed ones go first.
 */
export function withSentRequest(
  requests: readonly SentRequest[],
  where: RequestRecord,
  kind: RequestKind,
  recipient: Recipient,
  now: number,
): SentRequest[] {
  if (openRequest(requests, where, kind)) return [...requests];
  const sent: SentRequest = {
    ...where,
    kind,
    recipient,
    sentAt: now,
    resolvedAt: null,
    seenInPopupAt: null,
    seenInPageAt: null,
  };
  const all = [...requests, sent];
  const closed = all.filter((r) => r.resolvedAt !== null).sort((a, b) => a.sentAt - b.sentAt);
  const dropped = new Set(closed.slice(0, Math.max(0, all.length - REQUESTS_LIMIT)));
  return all.filter((r) => !dropped.has(r));
}

/** Undo "I sent it": the open request of this kind goes; a closed one stays (it happened). */
export function withoutSentRequest(
  requests: readonly SentRequest[],
  where: RequestRecord,
  kind: RequestKind,
): SentRequest[] {
  const open = openRequest(requests, where, kind);
  return requests.filter((r) => r !== open);
}

export function isFollowUpDue(request: SentRequest, now: number): boolean {
  return request.resolvedAt === null && now - request.sentAt >= FOLLOW_UP_AFTER;
}

/** Whether the record shows what a request of this kind asked for. */
function hasArrived(kind: RequestKind, record: ObservationRecord, profile: Profile): boolean {
  if (record.signedIn.value === 'no') return false;
  const entryVisible = record.apiKeysEntry.value === 'visible';
  if (kind === 'enabling') return entryVisible;
  // Pleo shows API Keys only to Admins and Bookkeepers, so a visible entry proves the role too.
  const role = effectiveRole(record, profile);
  return entryVisible || (role !== null && KEY_ROLES.has(role.value));
}

/**
 * After an observation was merged into a record: its open requests whose change it shows are
 * closed, dated now. Requests of other records are untouched. Returns the list and the ones closed.
 */
export function withArrivals(
  requests: readonly SentRequest[],
  where: RequestRecord,
  record: ObservationRecord,
  profile: Profile,
  now: number,
): { requests: SentRequest[]; arrived: SentRequest[] } {
  const arrived: SentRequest[] = [];
  const next = requests.map((r) => {
    if (!isOf(r, where) || r.resolvedAt !== null || !hasArrived(r.kind, record, profile)) return r;
    const closed = { ...r, resolvedAt: Math.max(now, r.sentAt) };
    arrived.push(closed);
    return closed;
  });
  return { requests: next, arrived };
}

const isUnseenArrival = (r: SentRequest) => r.resolvedAt !== null && r.seenInPopupAt === null;

/** An arrival the popup has not shown yet, for this record: the toolbar badge announces it. */
export function unseenArrival(
  requests: readonly SentRequest[],
  where: RequestRecord,
): SentRequest | undefined {
  return requests.find((r) => isOf(r, where) && isUnseenArrival(r));
}

/** Whether any record has an arrival no popup has shown yet: the popup that shows it marks it seen. */
export function hasUnseenArrival(requests: readonly SentRequest[]): boolean {
  return requests.some(isUnseenArrival);
}

/** The popup was opened: every arrival not yet shown there counts as shown now. */
export function withArrivalsSeenInPopup(requests: readonly SentRequest[], now: number): SentRequest[] {
  return requests.map((r) => (isUnseenArrival(r) ? { ...r, seenInPopupAt: now } : r));
}

/** A page of this record showed its arrivals: the in-page hint tells it once. */
export function withArrivalsSeenInPage(
  requests: readonly SentRequest[],
  where: RequestRecord,
  now: number,
): SentRequest[] {
  return requests.map((r) =>
    isOf(r, where) && r.resolvedAt !== null && r.seenInPageAt === null ? { ...r, seenInPageAt: now } : r,
  );
}

/** What a report carries for a record: its open request, else the one sent last. */
export function reportedRequest(
  requests: readonly SentRequest[],
  where: RequestRecord,
): SentRequest | undefined {
  const own = requestsOf(requests, where);
  return own.find((r) => r.resolvedAt === null) ?? own[0];
}

const WORSE_THAN_READY: ReadonlySet<VerdictKind> = new Set(['role-missing', 'not-enabled']);

/**
 * The record's last change when it made a ready verdict worse (API Keys gone, role lowered): shown
 * with its date, not silently. Null otherwise.
 */
export function worsening(record: ObservationRecord): { verdict: VerdictKind; at: number } | null {
  const [before, last] = record.history.slice(-2);
  if (!before || !last || before.verdict !== 'ready' || !WORSE_THAN_READY.has(last.verdict)) return null;
  return last;
}
