import { HISTORY_LIMIT } from '../limits';
import type {
  Check,
  Confidence,
  EntryState,
  Environment,
  Evidence,
  Observation,
  RoleFact,
  SignedIn,
  VerdictKind,
} from '../types';
import { UNKNOWN_ROLE } from '../types';

/** A fact with the time it was last seen (null when never seen). */
interface Fact<T> {
  value: T;
  seenAt: number | null;
}

/** One change of an environment's verdict, kept so the report can show how it came about. */
interface VerdictChange {
  verdict: VerdictKind;
  at: number;
}

/** What is known of an environment's own pages, or of one company's: every observation of them merged. */
export interface ObservationRecord {
  environment: Environment;
  signedIn: Fact<SignedIn>;
  apiKeysEntry: Fact<EntryState>;
  legacyApiEntry: Fact<EntryState>;
  role: Fact<RoleFact>;
  evidence: Evidence[];
  /** When the last observation for this environment arrived; null when never visited. */
  checkedAt: number | null;
  rulesVersion: number;
  /** The last HISTORY_LIMIT verdict changes, oldest first. */
  history: VerdictChange[];
}

export function emptyRecord(environment: Environment, rulesVersion: number): ObservationRecord {
  return {
    environment,
    signedIn: { value: 'unknown', seenAt: null },
    apiKeysEntry: { value: 'unknown', seenAt: null },
    legacyApiEntry: { value: 'unknown', seenAt: null },
    role: { value: UNKNOWN_ROLE, seenAt: null },
    evidence: [],
    checkedAt: null,
    rulesVersion,
    history: [],
  };
}

function mergeFact<T>(old: Fact<T>, next: T, isDefinite: boolean, now: number): Fact<T> {
  return isDefinite ? { value: next, seenAt: now } : old;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** A role worth acting on is never replaced by a low-confidence guess from a later page. */
function isRoleDefinite(old: RoleFact, next: RoleFact): boolean {
  if (next.value === 'unknown') return false;
  return (
    old.value === 'unknown' ||
    CONFIDENCE_RANK[next.confidence] >= Math.min(CONFIDENCE_RANK[old.confidence], 1)
  );
}

/**
 * Folds one observation into the record: a definite value replaces an older one, `unknown`
 * never replaces a definite one, and a signed-out page clears what belonged to the ended session.
 * The history of verdicts is kept: it describes the user's journey, not the session.
 */
export function merge(
  record: ObservationRecord,
  observation: Observation,
  now: number,
  rulesVersion: number,
): ObservationRecord {
  if (observation.signedIn === 'no') {
    return {
      ...emptyRecord(record.environment, rulesVersion),
      signedIn: { value: 'no', seenAt: now },
      evidence: observation.evidence.filter((e) => e.check === 'signedIn'),
      checkedAt: now,
      history: record.history,
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
  const role = mergeFact(
    record.role,
    observation.role,
    isRoleDefinite(record.role.value, observation.role),
    now,
  );
  const merged = { signedIn, apiKeysEntry, legacyApiEntry, role };
  // Evidence explains the stored fact: a check's evidence is replaced only when its fact was.
  const explains = (check: Check) => merged[check] !== record[check] || record[check].seenAt === null;
  const evidence = [
    ...record.evidence.filter((e) => !explains(e.check)),
    ...observation.evidence.filter((e) => explains(e.check)),
  ];
  return { ...record, signedIn, apiKeysEntry, legacyApiEntry, role, evidence, checkedAt: now, rulesVersion };
}

/** The verdict the record last had: `not-checked` before its first change. */
export function lastVerdict(record: ObservationRecord): VerdictKind {
  return record.history.at(-1)?.verdict ?? 'not-checked';
}

/** Appends a verdict change when the verdict differs from the last one, keeping the last HISTORY_LIMIT. */
export function noteVerdict(record: ObservationRecord, verdict: VerdictKind, now: number): ObservationRecord {
  if (verdict === lastVerdict(record)) return record;
  return { ...record, history: [...record.history, { verdict, at: now }].slice(-HISTORY_LIMIT) };
}

/**
 * The record without the facts a forgotten taught label alone supported: each check whose
 * evidence is that label (signal `learned-label`) is unknown again, as if never seen.
 */
export function withoutLearnedFacts(record: ObservationRecord, label: string): ObservationRecord {
  const rested = (e: Evidence) =>
    e.signal === 'learned-label' && e.detail.toLowerCase() === label.toLowerCase();
  const checks = new Set(record.evidence.filter(rested).map((e) => e.check));
  if (checks.size === 0) return record;
  const empty = emptyRecord(record.environment, record.rulesVersion);
  const reset = Object.fromEntries([...checks].map((check) => [check, empty[check]]));
  return { ...record, ...reset, evidence: record.evidence.filter((e) => !checks.has(e.check)) };
}
