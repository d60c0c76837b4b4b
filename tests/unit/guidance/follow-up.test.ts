/**
 * What the popup says about a request the user sent (lib/guidance/follow-up.ts): the decision
 * whether the follow-up is the card's primary action, "Asked N days ago", the follow-up text (no
 * more than the request holds: the request tests' hostile names never get in) and the news.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import {
  arrivalBadge,
  arrivalText,
  askedText,
  type FollowUpView,
  followUpIsPrimary,
  followUpView,
  renderFollowUp,
} from '../../../lib/guidance/follow-up';
import { type AccessRequest, accessRequest } from '../../../lib/guidance/request';
import type { Translate } from '../../../lib/guidance/translate';
import { environmentView } from '../../../lib/guidance/view';
import { emptyRecord, merge } from '../../../lib/state/merge';
import { type SentRequest, withArrivals, withSentRequest } from '../../../lib/state/requests';
import { verdict } from '../../../lib/state/verdict';
import type { Observation, Profile } from '../../../lib/types';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION } from '../../../lib/types';
import { englishT, HOSTILE } from '../report/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const SENT = Date.UTC(2026, 11, 1, 9, 0, 0);
const ID = 'a'.repeat(32);
const WHERE = { environment: 'production', organisation: ID } as const;
const customer: Profile = { ...DEFAULT_PROFILE, kind: 'customer', stage: 'existing' };

// The names a hostile page or user could put in front of the checker, as the request tests use them.
const PERSONAL = ['Maria Jensen', 'maria.jensen@acme.example', 'Acme ApS', ...HOSTILE];
const evidence = PERSONAL.map((detail) => ({ check: 'role' as const, signal: 'role-label', detail }));

const seen = (facts: Partial<Observation>, at = SENT - DAY) =>
  merge(
    emptyRecord('production', RULES_VERSION),
    { ...EMPTY_OBSERVATION, ...facts, evidence },
    at,
    RULES_VERSION,
  );
const admin = { value: 'admin', confidence: 'high', source: 'detected' } as const;
const notEnabled = seen({ signedIn: 'yes', apiKeysEntry: 'absent', role: admin });
const ready = seen({ signedIn: 'yes', apiKeysEntry: 'visible', role: admin });

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

const sent = withSentRequest([], WHERE, 'enabling', 'customer-success', SENT);
const viewAt = (now: number, requests: readonly SentRequest[] = sent, record = notEnabled, openedAt = now) =>
  followUpView(requests, WHERE, record, verdict(record, customer), now, openedAt);

describe('the decision table: is the follow-up the primary action?', () => {
  const cases: [string, FollowUpView | null, boolean][] = [
    ['no request view', null, false],
    ['not sent', viewAt(SENT, []), false],
    ['sent a moment ago', viewAt(SENT), false],
    ['sent 6 days 23 hours ago', viewAt(SENT + 7 * DAY - 3_600_000), false],
    ['sent 7 days ago', viewAt(SENT + 7 * DAY), true],
    ['sent 8 days ago', viewAt(SENT + 8 * DAY), true],
    [
      'sent 8 days ago, and it arrived',
      viewAt(SENT + 8 * DAY, withArrivals(sent, WHERE, ready, customer, SENT + 2 * DAY).requests, ready),
      false,
    ],
    [
      'sent for another company',
      followUpView(
        sent,
        { ...WHERE, organisation: 'b'.repeat(32) },
        notEnabled,
        verdict(notEnabled, customer),
        SENT + 8 * DAY,
        0,
      ),
      false,
    ],
    // A role request is not the request a not-enabled verdict calls for.
    [
      'a role request, 8 days, while the verdict asks for enabling',
      viewAt(SENT + 8 * DAY, withSentRequest([], WHERE, 'role', 'administrator', SENT)),
      false,
    ],
  ];
  it.each(cases)('%s', (_, view, primary) => {
    expect(followUpIsPrimary(view)).toBe(primary);
  });
});

describe('while waiting', () => {
  it('says when and of whom, in the platform words of the language', () => {
    const [request] = sent as [SentRequest];
    expect(askedText(request, SENT + 3 * DAY + 5, t)).toBe(
      'Asked 3 days ago (your Customer Success Manager)',
    );
    expect(askedText(request, SENT + DAY, t)).toBe('Asked yesterday (your Customer Success Manager)');
    expect(askedText(request, SENT + 60_000, t)).toBe('Asked today (your Customer Success Manager)');
    const danish: Translate = (key, values) => (key === 'language' ? 'da' : t(key, values));
    expect(askedText(request, SENT + 3 * DAY, danish)).toContain('for 3 dage siden');
  });
});

describe('the follow-up text', () => {
  const request = accessRequest(verdict(notEnabled, customer), 'production', customer, {
    ...notEnabled,
    checkedAt: SENT + 8 * DAY,
  }) as AccessRequest;
  const [stored] = sent as [SentRequest];

  it('names the date of the first request and what the checker sees now, politely', () => {
    const text = renderFollowUp(request, stored, t);
    expect(text.subject).toBe('Follow-up: Access to Pleo Standalone API Keys in Production');
    expect(text.body).toContain(
      'On 2026-12-01 I asked for Standalone API Key access in Production (https://app.pleo.io).',
    );
    expect(text.body).toContain(
      'Checked on 2026-12-09 with API Access Checker for Pleo: API Keys entry not shown, role Admin.',
    );
    expect(text.body).toMatch(/^Hello,/);
    expect(text.body).toMatch(/Thank you\.$/);
  });

  it('for a role request, says the role was asked for', () => {
    const role = { ...stored, kind: 'role', recipient: 'administrator' } as const;
    expect(renderFollowUp(request, role, t).body).toContain(
      'On 2026-12-01 I asked for the Admin or Bookkeeper role',
    );
  });

  it('holds nothing personal: none of the hostile names the page showed', () => {
    const text = Object.values(renderFollowUp(request, stored, t)).join('\n');
    for (const name of PERSONAL) expect(text).not.toContain(name);
    expect(text).not.toMatch(/@|\{|\$\d/);
  });

  it('names the company only when the user chose to include it', () => {
    expect(renderFollowUp(request, stored, t, 'Acme ApS').body).toContain('Company: Acme ApS');
  });
});

describe('when it arrives', () => {
  const arrived = withArrivals(sent, WHERE, ready, customer, SENT + 2 * DAY).requests;

  it('the card tells it once: in the popup that first shows it, not in the next', () => {
    expect(viewAt(SENT + 2 * DAY, arrived, ready).arrived).toHaveLength(1);
    const shown = arrived.map((r) => ({ ...r, seenInPopupAt: SENT + 2 * DAY + 10 }));
    // Still in the popup that showed it (opened just before) ...
    expect(viewAt(SENT + 2 * DAY + 20, shown, ready, SENT + 2 * DAY).arrived).toHaveLength(1);
    // ... and not in one opened later.
    expect(viewAt(SENT + 3 * DAY, shown, ready, SENT + 3 * DAY).arrived).toEqual([]);
  });

  it('with the date asked, and the company or environment', () => {
    const [request] = arrived as [SentRequest];
    expect(arrivalText(request, 'Acme ApS', SENT + 2 * DAY, t)).toBe(
      'API Keys is now enabled for Acme ApS — you asked on Dec 1.',
    );
    const badge = arrivalBadge(request, 'production', SENT + 2 * DAY, t);
    expect(badge.text).not.toBe('');
    expect(badge.title).toBe('API Keys is now enabled for Production — you asked on Dec 1.');
  });

  it('the popup view of the record leads with it, for the company the card shows', () => {
    const organisations = [{ id: ID, name: 'Acme ApS', record: ready }];
    const view = environmentView(
      'production',
      emptyRecord('production', 1),
      customer,
      null,
      'granted',
      organisations,
      null,
      {
        requests: arrived,
        now: SENT + 2 * DAY,
        openedAt: SENT + 2 * DAY,
      },
    );
    expect(view.followUp.where).toEqual(WHERE);
    expect(view.followUp.arrived.map((r) => r.kind)).toEqual(['enabling']);
  });
});
