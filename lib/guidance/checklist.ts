/**
 * The three conditions for an API key as the popup lists them: each met, not met, not seen or
 * unclear, with the evidence behind it and when it was seen; and whether to ask for the role.
 */

import type { ObservationRecord } from '../state/merge';
import { effectiveRole } from '../state/verdict';
import type { Evidence, Profile, RoleFact, VerdictKind } from '../types';
import { KEY_ROLES, NO_KEY_ROLES } from '../types';

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
