import type { Missing, Profile, RoleFact, Verdict } from '../types';
import { KEY_ROLES, NO_KEY_ROLES } from '../types';
import { noteVerdict, type ObservationRecord } from './merge';

/**
 * The role we may act on: a detected role seen clearly enough, else the one the user declared.
 * A low-confidence guess never decides a verdict.
 */
export function effectiveRole(record: ObservationRecord, profile: Profile): RoleFact | null {
  const detected = record.role.value;
  if (detected.value !== 'unknown' && (detected.confidence !== 'low' || detected.source === 'declared')) {
    return detected;
  }
  const declared = profile.declaredRoles[record.environment];
  return declared ? { value: declared, confidence: 'high', source: 'declared' } : null;
}

export function verdict(record: ObservationRecord | undefined, profile: Profile): Verdict {
  if (!record || record.checkedAt === null) return { kind: 'not-checked', missing: [] };
  if (record.signedIn.value === 'no') return { kind: 'signed-out', missing: [] };
  if (record.apiKeysEntry.value === 'visible') return { kind: 'ready', missing: [] };
  const role = effectiveRole(record, profile);
  if (role && NO_KEY_ROLES.has(role.value)) return { kind: 'role-missing', missing: [] };
  if (role && record.apiKeysEntry.value === 'absent') {
    // A role no source says may or may not open API Keys: stating either cause would be a guess.
    return { kind: KEY_ROLES.has(role.value) ? 'not-enabled' : 'role-unclear', missing: [] };
  }
  const missing: Missing[] = [];
  // Nothing seen proves a session: neither a signed-in page nor the list of settings.
  if (record.signedIn.value === 'unknown' && record.apiKeysEntry.value === 'unknown')
    missing.push('sign-in-state');
  if (record.apiKeysEntry.value === 'unknown') missing.push('open-settings');
  if (!role) missing.push('role-not-seen');
  return { kind: 'unknown', missing };
}

/** The record with its verdict under this profile noted in its history (unchanged when the verdict is). */
export function withCurrentVerdict(
  record: ObservationRecord,
  profile: Profile,
  now: number,
): ObservationRecord {
  return noteVerdict(record, verdict(record, profile).kind, now);
}
