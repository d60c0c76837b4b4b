/**
 * A request's life (lib/state/requests.ts): sent, undone, due for a follow-up at 7 days, closed by
 * the change it asked for and by no other, and only in its own record.
 */
import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { REQUESTS_LIMIT } from '../../../lib/limits';
import { emptyRecord, merge, type ObservationRecord } from '../../../lib/state/merge';
import {
  FOLLOW_UP_AFTER,
  hasUnseenArrival,
  isFollowUpDue,
  openRequest,
  type RequestRecord,
  reportedRequest,
  type SentRequest,
  unseenArrival,
  withArrivals,
  withArrivalsSeenInPage,
  withArrivalsSeenInPopup,
  withoutSentRequest,
  withSentRequest,
  worsening,
} from '../../../lib/state/requests';
import { withCurrentVerdict } from '../../../lib/state/verdict';
import type { Observation, Profile } from '../../../lib/types';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION } from '../../../lib/types';

const DAY = 24 * 60 * 60 * 1000;
const SENT = Date.UTC(2026, 11, 1, 9, 0, 0);
const ACME: RequestRecord = { environment: 'production', organisation: 'a'.repeat(32) };
const OTHER: RequestRecord = { environment: 'production', organisation: 'b'.repeat(32) };
const OWN: RequestRecord = { environment: 'production', organisation: null };

const seen = (
  facts: Partial<Observation>,
  record = emptyRecord('production', RULES_VERSION),
  at = SENT + DAY,
) =>
  withCurrentVerdict(
    merge(record, { ...EMPTY_OBSERVATION, ...facts }, at, RULES_VERSION),
    DEFAULT_PROFILE,
    at,
  );
const admin = { value: 'admin', confidence: 'high', source: 'detected' } as const;
const employee = { value: 'employee', confidence: 'high', source: 'detected' } as const;
const notEnabled = seen({ signedIn: 'yes', apiKeysEntry: 'absent', role: admin });
const roleMissing = seen({ signedIn: 'yes', apiKeysEntry: 'absent', role: employee });
const apiKeysShown = seen({ signedIn: 'yes', apiKeysEntry: 'visible', role: admin });

const sent = (where = ACME, kind: SentRequest['kind'] = 'enabling') =>
  withSentRequest([], where, kind, kind === 'role' ? 'administrator' : 'customer-success', SENT);

describe('the life of a request', () => {
  it('"I sent it" keeps what was asked, of whom and when, open', () => {
    expect(sent()).toEqual([
      {
        ...ACME,
        kind: 'enabling',
        recipient: 'customer-success',
        sentAt: SENT,
        resolvedAt: null,
        seenInPopupAt: null,
        seenInPageAt: null,
      },
    ]);
  });

  it('keeps at most one open request per kind and record: the first date stays', () => {
    const again = withSentRequest(sent(), ACME, 'enabling', 'pleo-support', SENT + 3 * DAY);
    expect(again).toHaveLength(1);
    expect(again[0]?.sentAt).toBe(SENT);
    // Another kind, and another record, are requests of their own.
    expect(withSentRequest(again, ACME, 'role', 'administrator', SENT)).toHaveLength(2);
    expect(withSentRequest(again, OTHER, 'enabling', 'pleo-support', SENT)).toHaveLength(2);
  });

  it('undo takes the open request away, and only it', () => {
    const both = withSentRequest(sent(), ACME, 'role', 'administrator', SENT);
    expect(withoutSentRequest(both, ACME, 'enabling').map((r) => r.kind)).toEqual(['role']);
    expect(withoutSentRequest(both, OTHER, 'enabling')).toEqual(both);
  });

  it('is due for a follow-up from 7 days on, not a moment before, and never once closed', () => {
    const [request] = sent() as [SentRequest];
    expect(FOLLOW_UP_AFTER).toBe(7 * DAY);
    expect(isFollowUpDue(request, SENT + 7 * DAY - 1)).toBe(false);
    expect(isFollowUpDue(request, SENT + 7 * DAY)).toBe(true);
    expect(isFollowUpDue({ ...request, resolvedAt: SENT + DAY }, SENT + 9 * DAY)).toBe(false);
  });

  it('an enabling request is closed by API Keys shown, dated then', () => {
    const { requests, arrived } = withArrivals(sent(), ACME, apiKeysShown, DEFAULT_PROFILE, SENT + 2 * DAY);
    expect(arrived).toHaveLength(1);
    expect(requests[0]?.resolvedAt).toBe(SENT + 2 * DAY);
    expect(openRequest(requests, ACME, 'enabling')).toBeUndefined();
  });

  it('a role request is closed by an Admin or Bookkeeper role', () => {
    const role = sent(ACME, 'role');
    expect(withArrivals(role, ACME, notEnabled, DEFAULT_PROFILE, SENT + DAY).arrived).toHaveLength(1);
    const bookkeeper = seen({ signedIn: 'yes', role: { ...admin, value: 'bookkeeper' } });
    expect(withArrivals(role, ACME, bookkeeper, DEFAULT_PROFILE, SENT + DAY).arrived).toHaveLength(1);
  });

  it.each([
    ['an enabling request', 'enabling', roleMissing],
    ['an enabling request', 'enabling', notEnabled],
    ['an enabling request', 'enabling', seen({ signedIn: 'no' })],
    ['a role request', 'role', roleMissing],
    ['a role request', 'role', seen({ signedIn: 'yes' })],
  ] as const)('%s stays open after a change that is not the one asked for', (_, kind, record) => {
    const { requests, arrived } = withArrivals(sent(ACME, kind), ACME, record, DEFAULT_PROFILE, SENT + DAY);
    expect(arrived).toEqual([]);
    expect(openRequest(requests, ACME, kind)).toBeDefined();
  });

  it('a role seen only at low confidence does not close it; one the user declared does', () => {
    const guessed = seen({ signedIn: 'yes', role: { ...admin, confidence: 'low' } });
    expect(withArrivals(sent(ACME, 'role'), ACME, guessed, DEFAULT_PROFILE, SENT).arrived).toEqual([]);
    const declared: Profile = { ...DEFAULT_PROFILE, declaredRoles: { production: 'admin' } };
    expect(withArrivals(sent(ACME, 'role'), ACME, guessed, declared, SENT).arrived).toHaveLength(1);
  });

  it("another company's change, or the environment's own record's, leaves it open", () => {
    for (const where of [OTHER, OWN, { environment: 'staging', organisation: ACME.organisation } as const]) {
      const { requests, arrived } = withArrivals(sent(), where, apiKeysShown, DEFAULT_PROFILE, SENT + DAY);
      expect(arrived).toEqual([]);
      expect(openRequest(requests, ACME, 'enabling')).toBeDefined();
    }
  });

  it("the environment's own record keeps requests when no company is shown", () => {
    const { arrived } = withArrivals(sent(OWN), OWN, apiKeysShown, DEFAULT_PROFILE, SENT + DAY);
    expect(arrived).toHaveLength(1);
  });

  it('an arrival is news until the popup shows it; a page of its record tells it once', () => {
    const { requests } = withArrivals(sent(), ACME, apiKeysShown, DEFAULT_PROFILE, SENT + DAY);
    expect(unseenArrival(requests, ACME)?.kind).toBe('enabling');
    expect(unseenArrival(requests, OTHER)).toBeUndefined();
    expect(unseenArrival(withArrivalsSeenInPopup(requests, SENT + 2 * DAY), ACME)).toBeUndefined();
    // The popup asks about every record at once: any news marks them all seen.
    expect(hasUnseenArrival(requests)).toBe(true);
    expect(hasUnseenArrival(sent())).toBe(false);
    expect(hasUnseenArrival(withArrivalsSeenInPopup(requests, SENT + 2 * DAY))).toBe(false);
    expect(withArrivalsSeenInPage(requests, OTHER, SENT)[0]?.seenInPageAt).toBeNull();
    expect(withArrivalsSeenInPage(requests, ACME, SENT + 2 * DAY)[0]?.seenInPageAt).toBe(SENT + 2 * DAY);
    // An open request is not news.
    expect(withArrivalsSeenInPopup(sent(), SENT)[0]?.seenInPopupAt).toBeNull();
  });

  it('a report carries the open request, else the one sent last', () => {
    const closed = withArrivals(sent(), ACME, apiKeysShown, DEFAULT_PROFILE, SENT + DAY).requests;
    expect(reportedRequest(closed, ACME)?.resolvedAt).toBe(SENT + DAY);
    const reopened = withSentRequest(closed, ACME, 'enabling', 'pleo-support', SENT + 5 * DAY);
    expect(reportedRequest(reopened, ACME)).toMatchObject({ sentAt: SENT + 5 * DAY, resolvedAt: null });
    expect(reportedRequest(reopened, OTHER)).toBeUndefined();
  });

  it('keeps no more than the limit, dropping the oldest closed ones first', () => {
    const many: SentRequest[] = Array.from({ length: REQUESTS_LIMIT }, (_, i) => ({
      ...sent()[0]!,
      organisation: i.toString(16).padStart(32, '0'),
      sentAt: SENT + i,
      resolvedAt: SENT + i + 1,
    }));
    const next = withSentRequest(many, ACME, 'enabling', 'pleo-support', SENT + DAY);
    expect(next).toHaveLength(REQUESTS_LIMIT);
    expect(next.some((r) => r.sentAt === SENT)).toBe(false);
    expect(openRequest(next, ACME, 'enabling')).toBeDefined();
  });
});

describe('a ready verdict that gets worse', () => {
  it('is the last change, with its date', () => {
    const ready = apiKeysShown;
    const gone: ObservationRecord = seen({ apiKeysEntry: 'absent' }, ready, SENT + 3 * DAY);
    expect(worsening(gone)).toEqual({ verdict: 'not-enabled', at: SENT + 3 * DAY });
    const lowered = seen({ apiKeysEntry: 'absent', role: employee }, ready, SENT + 4 * DAY);
    expect(worsening(lowered)).toEqual({ verdict: 'role-missing', at: SENT + 4 * DAY });
  });

  it('is nothing when the verdict got better, or was never ready', () => {
    expect(worsening(apiKeysShown)).toBeNull();
    expect(worsening(seen({ apiKeysEntry: 'visible' }, notEnabled))).toBeNull();
    expect(worsening(seen({ role: employee }, notEnabled))).toBeNull();
  });
});
