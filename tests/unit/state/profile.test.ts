import { describe, expect, it } from 'vitest';
import { withAudience, withDeclaredRole, withDismissedHint } from '../../../lib/state/profile';
import { DEFAULT_PROFILE } from '../../../lib/types';

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
