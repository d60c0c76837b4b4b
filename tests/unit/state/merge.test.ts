import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../lib/limits';
import { emptyRecord, lastVerdict, merge, noteVerdict, withoutLearnedFacts } from '../../../lib/state/merge';
import type { Evidence, Observation, RoleFact } from '../../../lib/types';
import { EMPTY_OBSERVATION, UNKNOWN_ROLE, VERDICTS } from '../../../lib/types';

const RULES = 3;
const admin = (confidence: RoleFact['confidence']): RoleFact => ({
  value: 'admin',
  confidence,
  source: 'detected',
});
const seen = (observation: Partial<Observation>): Observation => ({ ...EMPTY_OBSERVATION, ...observation });
const evidence = (check: Evidence['check'], detail: string): Evidence => ({ check, signal: 'test', detail });

function fold(...observations: Partial<Observation>[]) {
  return observations.reduce(
    (record, observation, index) => merge(record, seen(observation), (index + 1) * 100, RULES),
    emptyRecord('staging', 1),
  );
}

describe('merge', () => {
  it('a definite value replaces an older one and records when it was seen', () => {
    const record = fold({ signedIn: 'yes', apiKeysEntry: 'absent' }, { apiKeysEntry: 'visible' });
    expect(record.apiKeysEntry).toEqual({ value: 'visible', seenAt: 200 });
    expect(record.signedIn).toEqual({ value: 'yes', seenAt: 100 });
    expect(record.checkedAt).toBe(200);
    expect(record.rulesVersion).toBe(RULES);
  });

  it('unknown never replaces a definite value', () => {
    const record = fold(
      { signedIn: 'yes', apiKeysEntry: 'visible', legacyApiEntry: 'absent', role: admin('high') },
      { signedIn: 'unknown', apiKeysEntry: 'unknown', legacyApiEntry: 'unknown', role: UNKNOWN_ROLE },
    );
    expect(record.signedIn).toEqual({ value: 'yes', seenAt: 100 });
    expect(record.apiKeysEntry).toEqual({ value: 'visible', seenAt: 100 });
    expect(record.legacyApiEntry).toEqual({ value: 'absent', seenAt: 100 });
    expect(record.role).toEqual({ value: admin('high'), seenAt: 100 });
    expect(record.checkedAt).toBe(200);
  });

  it('signing out clears role and entries, which belonged to the session that ended', () => {
    const record = fold(
      { signedIn: 'yes', apiKeysEntry: 'visible', legacyApiEntry: 'visible', role: admin('high') },
      { signedIn: 'no', evidence: [evidence('signedIn', '/access')] },
    );
    expect(record.signedIn).toEqual({ value: 'no', seenAt: 200 });
    expect(record.apiKeysEntry).toEqual({ value: 'unknown', seenAt: null });
    expect(record.legacyApiEntry).toEqual({ value: 'unknown', seenAt: null });
    expect(record.role).toEqual({ value: UNKNOWN_ROLE, seenAt: null });
    expect(record.evidence).toEqual([evidence('signedIn', '/access')]);
  });

  it('signing out keeps the history of verdicts', () => {
    const withHistory = noteVerdict(fold({ signedIn: 'yes', apiKeysEntry: 'visible' }), 'ready', 150);
    const signedOut = merge(withHistory, seen({ signedIn: 'no' }), 300, RULES);
    expect(signedOut.history).toEqual([{ verdict: 'ready', at: 150 }]);
  });

  it('signing in again after signing out starts from the new session only', () => {
    const record = fold(
      { apiKeysEntry: 'visible', role: admin('high') },
      { signedIn: 'no' },
      { signedIn: 'yes' },
    );
    expect(record.signedIn).toEqual({ value: 'yes', seenAt: 300 });
    expect(record.apiKeysEntry.value).toBe('unknown');
  });

  it('a low-confidence role guess does not replace a role seen clearly', () => {
    const record = fold(
      { role: admin('high') },
      { role: { value: 'employee', confidence: 'low', source: 'detected' } },
    );
    expect(record.role).toEqual({ value: admin('high'), seenAt: 100 });
  });

  it('a clearly seen role replaces another clearly seen one, and a low guess replaces a low guess', () => {
    const employee: RoleFact = { value: 'employee', confidence: 'medium', source: 'detected' };
    expect(fold({ role: admin('high') }, { role: employee }).role).toEqual({ value: employee, seenAt: 200 });
    const guess: RoleFact = { value: 'finance', confidence: 'low', source: 'detected' };
    expect(fold({ role: admin('low') }, { role: guess }).role).toEqual({ value: guess, seenAt: 200 });
  });

  it('keeps the evidence that explains each stored fact', () => {
    const record = fold(
      {
        apiKeysEntry: 'visible',
        role: admin('high'),
        evidence: [evidence('apiKeysEntry', 'first'), evidence('role', 'badge')],
      },
      {
        apiKeysEntry: 'unknown',
        legacyApiEntry: 'visible',
        role: { value: 'employee', confidence: 'low', source: 'detected' },
        evidence: [
          evidence('apiKeysEntry', 'ignored'),
          evidence('legacyApiEntry', 'open api'),
          evidence('role', 'guess'),
        ],
      },
    );
    expect(record.evidence).toEqual([
      evidence('apiKeysEntry', 'first'),
      evidence('role', 'badge'),
      evidence('legacyApiEntry', 'open api'),
    ]);
  });

  it('does not change the record it is given', () => {
    const record = emptyRecord('production', 1);
    const copy = structuredClone(record);
    merge(record, seen({ signedIn: 'yes', apiKeysEntry: 'visible' }), 5, RULES);
    expect(record).toEqual(copy);
  });
});

describe('history of verdict changes', () => {
  it('starts as not checked and appends only changes', () => {
    const record = emptyRecord('production', 1);
    expect(lastVerdict(record)).toBe('not-checked');
    expect(noteVerdict(record, 'not-checked', 1)).toBe(record);
    const once = noteVerdict(record, 'unknown', 2);
    expect(noteVerdict(once, 'unknown', 3)).toBe(once);
    expect(noteVerdict(once, 'ready', 4).history).toEqual([
      { verdict: 'unknown', at: 2 },
      { verdict: 'ready', at: 4 },
    ]);
  });

  it(`keeps the last ${HISTORY_LIMIT} changes`, () => {
    let record = emptyRecord('production', 1);
    for (let at = 1; at <= 50; at++) record = noteVerdict(record, VERDICTS[at % 5]!, at);
    expect(record.history).toHaveLength(HISTORY_LIMIT);
    expect(record.history[0]?.at).toBe(31);
    expect(record.history.at(-1)).toEqual({ verdict: VERDICTS[0], at: 50 });
  });
});

describe('withoutLearnedFacts', () => {
  const learned = (check: 'apiKeysEntry' | 'role', detail: string) => ({
    check,
    signal: 'learned-label',
    detail,
  });
  const taughtRecord = {
    ...emptyRecord('production', RULES),
    signedIn: { value: 'yes' as const, seenAt: 1 },
    apiKeysEntry: { value: 'visible' as const, seenAt: 2 },
    role: {
      value: { value: 'admin' as const, confidence: 'medium' as const, source: 'detected' as const },
      seenAt: 3,
    },
    evidence: [
      { check: 'signedIn' as const, signal: 'app-navigation', detail: 'Settings entry' },
      learned('apiKeysEntry', 'Developer access'),
      learned('role', 'Superuser'),
    ],
    checkedAt: 3,
  };

  it('makes unknown again only the facts the forgotten label supported, case apart', () => {
    const after = withoutLearnedFacts(taughtRecord, 'developer ACCESS');
    expect(after.apiKeysEntry).toEqual({ value: 'unknown', seenAt: null });
    expect(after.role).toEqual(taughtRecord.role);
    expect(after.signedIn).toEqual(taughtRecord.signedIn);
    expect(after.evidence.map((e) => e.check)).toEqual(['signedIn', 'role']);
    expect(after.checkedAt).toBe(3);
  });

  it('leaves a record that never used the label as it is', () => {
    expect(withoutLearnedFacts(taughtRecord, 'Other')).toBe(taughtRecord);
  });
});
