/**
 * From asking to having (issue 26): what the popup says about a request the user sent, the
 * follow-up it offers after a week, and the news that what was asked for arrived. Pure: the popup
 * passes the stored requests and the time; the texts are the locale files'.
 */
import type { ObservationRecord } from '../state/merge';
import {
  isFollowUpDue,
  openRequest,
  type RequestRecord,
  requestKindFor,
  requestsOf,
  type SentRequest,
  worsening,
} from '../state/requests';
import type { Environment, RequestKind, Verdict, VerdictKind } from '../types';
import type { BadgeLook } from './badge';
import { type AccessRequest, renderAccessRequest } from './request';
import { camelCase, type Translate } from './translate';

/** What the card shows about requests, for the record it is about. */
export interface FollowUpView {
  where: RequestRecord;
  /** The kind of request the verdict calls for; null when it calls for none. */
  kind: RequestKind | null;
  /** The open request of that kind, when the user said they sent it. */
  open: SentRequest | null;
  /** Whether a week passed without the change: the follow-up is offered. */
  due: boolean;
  /** Requests whose change arrived, to announce: not yet shown in a popup, or first shown in this one. */
  arrived: SentRequest[];
  /** The last change, when it made a ready verdict worse. */
  worsened: { verdict: VerdictKind; at: number } | null;
}

/**
 * The card's view of its record's requests. `openedAt` is when this popup opened: an arrival
 * first shown by it keeps showing while it is open, and is never shown by the next one.
 */
export function followUpView(
  requests: readonly SentRequest[],
  where: RequestRecord,
  record: ObservationRecord,
  verdict: Verdict,
  now: number,
  openedAt: number,
): FollowUpView {
  const kind = requestKindFor(verdict.kind);
  const open = (kind && openRequest(requests, where, kind)) ?? null;
  return {
    where,
    kind,
    open,
    due: open !== null && isFollowUpDue(open, now),
    arrived: requestsOf(requests, where).filter(
      (r) => r.resolvedAt !== null && (r.seenInPopupAt === null || r.seenInPopupAt >= openedAt),
    ),
    worsened: worsening(record),
  };
}

/**
 * Whether the card's one primary action is the follow-up: a request is open and a week passed
 * without the change. Otherwise the verdict's usual action stays primary.
 */
export function followUpIsPrimary(view: FollowUpView | null): boolean {
  return view?.due === true;
}

/** A date for the user to read, in the language of `t`: "1 Dec" (the year only when it is not this one's). */
function shortDate(time: number, now: number, t: Translate): string {
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(t('language'), {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(time);
}

/** A date as the request and the follow-up write it, the same in every language: 2026-12-01. */
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

const DAY = 24 * 60 * 60 * 1000;

/**
 * "Asked 3 days ago (your Customer Success Manager)": whole days, counted and put in words by
 * the platform in the popup's language (today, yesterday, N days ago).
 */
export function askedText(request: SentRequest, now: number, t: Translate): string {
  const days = Math.max(0, Math.floor((now - request.sentAt) / DAY));
  const ago = new Intl.RelativeTimeFormat(t('language'), { numeric: 'auto' }).format(-days, 'day');
  return t('followUp.asked', [ago, t(`followUp.recipient.${camelCase(request.recipient)}`)]);
}

/**
 * The follow-up to copy: polite, short, naming the date of the first request and what the
 * checker sees now. Built from the request as it would be written today, so it holds no more
 * than the request does (no names; the company only when the user chose to include it).
 */
export function renderFollowUp(
  request: AccessRequest,
  sent: SentRequest,
  t: Translate,
  company: string | null = null,
): { subject: string; body: string } {
  const original = renderAccessRequest(request, t, company);
  const environmentName = t(`request.environment.${request.environment}`);
  const asked = t(sent.kind === 'role' ? 'followUp.askedRole' : 'followUp.askedEnabling', [
    isoDate(sent.sentAt),
    environmentName,
    request.origin,
  ]);
  // The request's own last line says what was checked, and when: what the checker sees now.
  const checked =
    original.body
      .split('\n')
      .filter((line) => line !== '')
      .at(-2) ?? '';
  return {
    subject: t('followUp.subject', [original.subject]),
    body: [
      t('request.greeting'),
      '',
      asked,
      ...(company ? [t('request.company', [company])] : []),
      checked,
      '',
      t('followUp.howIsItGoing'),
      '',
      t('request.thanks'),
    ].join('\n'),
  };
}

/** "API Keys is now enabled for Acme — you asked on 1 Dec": for the card and the badge's title. */
export function arrivalText(request: SentRequest, about: string, now: number, t: Translate): string {
  return t(request.kind === 'role' ? 'followUp.arrivedRole' : 'followUp.arrivedEnabling', [
    about,
    shortDate(request.sentAt, now, t),
  ]);
}

/** The toolbar badge while an arrival waits for the popup to be opened. */
export function arrivalBadge(
  request: SentRequest,
  environment: Environment,
  now: number,
  t: Translate,
): BadgeLook & { title: string } {
  return {
    text: '1',
    color: '#0b57d0',
    title: arrivalText(request, t(`badge.environment.${environment}`), now, t),
  };
}

/** "Changed on 3 Dec: this was ready before, and is not any more." */
export function worsenedText(worsened: { at: number }, now: number, t: Translate): string {
  return t('followUp.worsened', [shortDate(worsened.at, now, t)]);
}
