import type { EntryState, Environment, Evidence, Observation, RoleFact, SignedIn } from './types';
import { UNKNOWN_ROLE } from './types';

/** A fact with the time it was last seen (null when never seen). */
export interface Fact<T> {
  value: T;
  seenAt: number | null;
}

/** Everything known about one environment, merged from every observation so far. */
export interface EnvironmentRecord {
  environment: Environment;
  signedIn: Fact<SignedIn>;
  apiKeysEntry: Fact<EntryState>;
  legacyApiEntry: Fact<EntryState>;
  role: Fact<RoleFact>;
  evidence: Evidence[];
  /** When the last observation for this environment arrived; null when never visited. */
  checkedAt: number | null;
  rulesVersion: number;
}

export function emptyRecord(environment: Environment, rulesVersion: number): EnvironmentRecord {
  return {
    environment,
    signedIn: { value: 'unknown', seenAt: null },
    apiKeysEntry: { value: 'unknown', seenAt: null },
    legacyApiEntry: { value: 'unknown', seenAt: null },
    role: { value: UNKNOWN_ROLE, seenAt: null },
    evidence: [],
    checkedAt: null,
    rulesVersion,
  };
}

function mergeFact<T>(old: Fact<T>, next: T, isDefinite: boolean, now: number): Fact<T> {
  return isDefinite ? { value: next, seenAt: now } : old;
}

/**
 * Folds one observation into the record: a definite value replaces an older one, `unknown`
 * never replaces a definite one, and a signed-out page clears what belonged to the ended session.
 */
export function merge(
  record: EnvironmentRecord,
  observation: Observation,
  now: number,
  rulesVersion: number,
): EnvironmentRecord {
  if (observation.signedIn === 'no') {
    return {
      ...emptyRecord(record.environment, rulesVersion),
      signedIn: { value: 'no', seenAt: now },
      evidence: observation.evidence.filter((e) => e.check === 'signedIn'),
      checkedAt: now,
    };
  }
  const signedIn = mergeFact(record.signedIn, observation.signedIn, observation.signedIn !== 'unknown', now);
  const apiKeysEntry = mergeFact(
    record.apiKeysEntry,
    observation.apiKeysEntry,
    observation.apiKeysEntry !== 'unknown',
    now,
  );
  const legacyApiEntry = mergeFact(
    record.legacyApiEntry,
    observation.legacyApiEntry,
    observation.legacyApiEntry !== 'unknown',
    now,
  );
  const role = mergeFact(record.role, observation.role, observation.role.value !== 'unknown', now);
  const changedChecks = new Set(observation.evidence.map((e) => e.check));
  const evidence = [...record.evidence.filter((e) => !changedChecks.has(e.check)), ...observation.evidence];
  return { ...record, signedIn, apiKeysEntry, legacyApiEntry, role, evidence, checkedAt: now, rulesVersion };
}
