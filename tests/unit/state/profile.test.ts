import { describe, expect, it } from 'vitest';
import { type EnvironmentRecord, emptyRecord } from '../../../lib/state/merge';
import { suggestedKind, withAudience, withDeclaredRole, withDismissedHint } from '../../../lib/state/profile';
import { DEFAULT_PROFILE } from '../../../lib/types';

const staging = (signedIn: EnvironmentRecord['signedIn']['value']): EnvironmentRecord => ({
  ...emptyRecord('staging', 1),
  signedIn: { value: signedIn, seenAt: 1 },
  checkedAt: 1,
});

describe('suggestedKind', () => {
  it('a signed-in Staging page suggests Partner while the user has not answered', () => {
    expect(suggestedKind(staging('yes'), DEFAULT_PROFILE)).toBe('partner');
  });

  it.each([
    ['signed out of Staging', staging('no')],
    ['Staging not seen signed in', staging('unknown')],
    ['Staging never visited', undefined],
  ])('suggests nothing when %s', (_, record) => {
    expect(suggestedKind(record, DEFAULT_PROFILE)).toBeNull();
  });

  it("never overrides the user's answer, and never sets it", () => {
    const customer = withAudience(DEFAULT_PROFILE, 'customer', 'existing');
    expect(suggestedKind(staging('yes'), customer)).toBeNull();
    expect(suggestedKind(staging('yes'), DEFAULT_PROFILE)).toBe('partner');
    expect(DEFAULT_PROFILE.kind).toBe('unknown');
  });
});

describe('profile updates', () => {
  it('sets who the user is', () => {
    expect(withAudience(DEFAULT_PROFILE, 'partner', 'new')).toEqual({
      kind: 'partner',
      stage: 'new',
      declaredRoles: {},
    });
  });

  it('declares and withdraws a role per environment', () => {
    const declared = withDeclaredRole(DEFAULT_PROFILE, 'staging', 'bookkeeper');
    expect(declared.declaredRoles).toEqual({ staging: 'bookkeeper' });
    const both = withDeclaredRole(declared, 'production', 'employee');
    expect(both.declaredRoles).toEqual({ staging: 'bookkeeper', production: 'employee' });
    expect(withDeclaredRole(both, 'staging', null).declaredRoles).toEqual({ production: 'employee' });
    expect(declared.declaredRoles).toEqual({ staging: 'bookkeeper' });
  });

  it('remembers a dismissed hint once per environment and verdict', () => {
    const once = withDismissedHint([], 'production', 'not-enabled');
    expect(once).toEqual(['production:not-enabled']);
    expect(withDismissedHint(once, 'production', 'not-enabled')).toBe(once);
    expect(withDismissedHint(once, 'staging', 'not-enabled')).toEqual([
      'production:not-enabled',
      'staging:not-enabled',
    ]);
  });
});
