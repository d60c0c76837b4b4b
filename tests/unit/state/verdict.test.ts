import { describe, expect, it } from 'vitest';
import { emptyRecord, type ObservationRecord } from '../../../lib/state/merge';
import { effectiveRole, verdict, withCurrentVerdict } from '../../../lib/state/verdict';
import type {
  EntryState,
  Missing,
  Profile,
  RoleFact,
  RoleValue,
  SignedIn,
  VerdictKind,
} from '../../../lib/types';
import { DEFAULT_PROFILE } from '../../../lib/types';

type RoleCase = 'none' | 'key' | 'other' | 'unclear';

/**
 * Every way a record and profile can leave the role unseen, an Admin/Bookkeeper, a role Pleo's docs
 * say sees no API Keys, or one they say nothing about (Controller).
 */
const ROLE_CASES: Record<
  RoleCase,
  { name: string; detected: RoleFact; declared?: Exclude<RoleValue, 'unknown'> }[]
> = {
  none: [
    { name: 'nothing seen', detected: { value: 'unknown', confidence: 'low', source: 'detected' } },
    {
      name: 'a low-confidence Admin guess',
      detected: { value: 'admin', confidence: 'low', source: 'detected' },
    },
    {
      name: 'a low-confidence Employee guess',
      detected: { value: 'employee', confidence: 'low', source: 'detected' },
    },
  ],
  key: [
    { name: 'Admin seen clearly', detected: { value: 'admin', confidence: 'high', source: 'detected' } },
    {
      name: 'Bookkeeper at medium',
      detected: { value: 'bookkeeper', confidence: 'medium', source: 'detected' },
    },
    {
      name: 'Admin declared',
      detected: { value: 'unknown', confidence: 'low', source: 'detected' },
      declared: 'admin',
    },
    {
      name: 'Bookkeeper declared over a low guess',
      detected: { value: 'employee', confidence: 'low', source: 'detected' },
      declared: 'bookkeeper',
    },
    {
      name: 'Admin seen over an Employee declaration',
      detected: { value: 'admin', confidence: 'medium', source: 'detected' },
      declared: 'employee',
    },
  ],
  other: [
    {
      name: 'Employee seen clearly',
      detected: { value: 'employee', confidence: 'high', source: 'detected' },
    },
    { name: 'Reviewer at medium', detected: { value: 'reviewer', confidence: 'medium', source: 'detected' } },
    { name: 'Finance seen clearly', detected: { value: 'finance', confidence: 'high', source: 'detected' } },
    {
      name: 'Employee declared',
      detected: { value: 'unknown', confidence: 'low', source: 'detected' },
      declared: 'employee',
    },
    {
      name: 'Finance declared over a low Admin guess',
      detected: { value: 'admin', confidence: 'low', source: 'detected' },
      declared: 'finance',
    },
  ],
  unclear: [
    {
      name: 'Controller at medium',
      detected: { value: 'controller', confidence: 'medium', source: 'detected' },
    },
    {
      name: 'Controller declared',
      detected: { value: 'unknown', confidence: 'low', source: 'detected' },
      declared: 'controller',
    },
    {
      name: 'Controller seen over an Admin declaration',
      detected: { value: 'controller', confidence: 'high', source: 'detected' },
      declared: 'admin',
    },
  ],
};

/** The truth table of design.md, one row per signed-in state × API Keys entry × role. */
const TABLE: [SignedIn, EntryState, RoleCase, VerdictKind, Missing[]][] = [
  ['no', 'visible', 'none', 'signed-out', []],
  ['no', 'visible', 'key', 'signed-out', []],
  ['no', 'visible', 'other', 'signed-out', []],
  ['no', 'absent', 'none', 'signed-out', []],
  ['no', 'absent', 'key', 'signed-out', []],
  ['no', 'absent', 'other', 'signed-out', []],
  ['no', 'unknown', 'none', 'signed-out', []],
  ['no', 'unknown', 'key', 'signed-out', []],
  ['no', 'unknown', 'other', 'signed-out', []],
  ['no', 'visible', 'unclear', 'signed-out', []],
  ['no', 'absent', 'unclear', 'signed-out', []],
  ['no', 'unknown', 'unclear', 'signed-out', []],
  ['yes', 'visible', 'unclear', 'ready', []],
  ['yes', 'absent', 'unclear', 'role-unclear', []],
  ['yes', 'unknown', 'unclear', 'unknown', ['open-settings']],
  ['unknown', 'visible', 'unclear', 'ready', []],
  ['unknown', 'absent', 'unclear', 'role-unclear', []],
  ['unknown', 'unknown', 'unclear', 'unknown', ['sign-in-state', 'open-settings']],
  ['yes', 'visible', 'none', 'ready', []],
  ['yes', 'visible', 'key', 'ready', []],
  ['yes', 'visible', 'other', 'ready', []],
  ['yes', 'absent', 'none', 'unknown', ['role-not-seen']],
  ['yes', 'absent', 'key', 'not-enabled', []],
  ['yes', 'absent', 'other', 'role-missing', []],
  ['yes', 'unknown', 'none', 'unknown', ['open-settings', 'role-not-seen']],
  ['yes', 'unknown', 'key', 'unknown', ['open-settings']],
  ['yes', 'unknown', 'other', 'role-missing', []],
  ['unknown', 'visible', 'none', 'ready', []],
  ['unknown', 'visible', 'key', 'ready', []],
  ['unknown', 'visible', 'other', 'ready', []],
  ['unknown', 'absent', 'none', 'unknown', ['role-not-seen']],
  ['unknown', 'absent', 'key', 'not-enabled', []],
  ['unknown', 'absent', 'other', 'role-missing', []],
  ['unknown', 'unknown', 'none', 'unknown', ['sign-in-state', 'open-settings', 'role-not-seen']],
  ['unknown', 'unknown', 'key', 'unknown', ['sign-in-state', 'open-settings']],
  ['unknown', 'unknown', 'other', 'role-missing', []],
];

function recordWith(signedIn: SignedIn, apiKeysEntry: EntryState, role: RoleFact): ObservationRecord {
  return {
    ...emptyRecord('production', 1),
    signedIn: { value: signedIn, seenAt: 1 },
    apiKeysEntry: { value: apiKeysEntry, seenAt: 1 },
    role: { value: role, seenAt: 1 },
    checkedAt: 1,
  };
}

function profileWith(declared?: Exclude<RoleValue, 'unknown'>): Profile {
  return { ...DEFAULT_PROFILE, declaredRoles: declared ? { production: declared } : {} };
}

describe('verdict truth table', () => {
  it('the table covers every combination exactly once', () => {
    const rows = new Set(TABLE.map(([signedIn, entry, role]) => `${signedIn}/${entry}/${role}`));
    expect(rows.size).toBe(3 * 3 * 4);
    expect(TABLE).toHaveLength(36);
  });

  for (const [signedIn, entry, roleCase, kind, missing] of TABLE) {
    it.each(ROLE_CASES[roleCase])(
      `signed in ${signedIn}, API Keys ${entry}, role %# (${roleCase}) → ${kind}`,
      (role) => {
        const result = verdict(recordWith(signedIn, entry, role.detected), profileWith(role.declared));
        expect(result, role.name).toEqual({ kind, missing });
      },
    );
  }

  it('a record never visited, or none at all, is not checked whatever else it holds', () => {
    const neverVisited = { ...recordWith('yes', 'visible', ROLE_CASES.key[0]!.detected), checkedAt: null };
    expect(verdict(neverVisited, DEFAULT_PROFILE)).toEqual({ kind: 'not-checked', missing: [] });
    expect(verdict(undefined, profileWith('admin'))).toEqual({ kind: 'not-checked', missing: [] });
  });

  it('a role declared for the other environment does not count here', () => {
    const record = recordWith('yes', 'absent', ROLE_CASES.none[0]!.detected);
    const profile: Profile = { ...DEFAULT_PROFILE, declaredRoles: { staging: 'admin' } };
    expect(verdict(record, profile).kind).toBe('unknown');
  });
});

describe('effectiveRole', () => {
  it('marks a declared role as declared', () => {
    const record = recordWith('yes', 'unknown', ROLE_CASES.none[0]!.detected);
    expect(effectiveRole(record, profileWith('bookkeeper'))).toEqual({
      value: 'bookkeeper',
      confidence: 'high',
      source: 'declared',
    });
  });

  it('ignores a low-confidence guess when nothing was declared', () => {
    expect(
      effectiveRole(recordWith('yes', 'unknown', ROLE_CASES.none[1]!.detected), DEFAULT_PROFILE),
    ).toBeNull();
  });
});

describe('withCurrentVerdict', () => {
  it('notes the verdict only when it changes', () => {
    const record = recordWith('yes', 'absent', ROLE_CASES.none[0]!.detected);
    const first = withCurrentVerdict(record, DEFAULT_PROFILE, 10);
    expect(first.history).toEqual([{ verdict: 'unknown', at: 10 }]);
    expect(withCurrentVerdict(first, DEFAULT_PROFILE, 20)).toBe(first);
    const declared = withCurrentVerdict(first, profileWith('admin'), 30);
    expect(declared.history).toEqual([
      { verdict: 'unknown', at: 10 },
      { verdict: 'not-enabled', at: 30 },
    ]);
  });
});
