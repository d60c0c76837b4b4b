import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { asksForRole, checklist } from '../../../lib/guidance/checklist';
import { emptyRecord, type ObservationRecord } from '../../../lib/state/merge';
import type { Profile, RoleFact } from '../../../lib/types';
import { DEFAULT_PROFILE } from '../../../lib/types';

const NOW = 1_800_000_000_000;

function record(parts: {
  signedIn?: ObservationRecord['signedIn']['value'];
  entry?: ObservationRecord['apiKeysEntry']['value'];
  role?: Partial<RoleFact>;
}): ObservationRecord {
  const base = emptyRecord('production', RULES_VERSION);
  return {
    ...base,
    signedIn: { value: parts.signedIn ?? 'yes', seenAt: NOW },
    apiKeysEntry: { value: parts.entry ?? 'unknown', seenAt: NOW },
    role: { value: { value: 'unknown', confidence: 'low', source: 'detected', ...parts.role }, seenAt: NOW },
    evidence: [
      { check: 'signedIn', signal: 'account-menu', detail: 'Account menu' },
      { check: 'apiKeysEntry', signal: 'entry', detail: 'API Keys' },
      { check: 'role', signal: 'role-label', detail: 'Admin' },
    ],
    checkedAt: NOW,
  };
}

const states = (r: ObservationRecord, profile: Profile = DEFAULT_PROFILE) =>
  checklist(r, profile).map((item) => `${item.condition}:${item.state}`);

describe('checklist: the three conditions', () => {
  it('an Admin with API Keys visible meets all three', () => {
    expect(states(record({ entry: 'visible', role: { value: 'admin', confidence: 'high' } }))).toEqual([
      'signedIn:met',
      'role:met',
      'enabled:met',
    ]);
  });

  it('a visible entry proves the role even when the role was not seen, and says so', () => {
    const items = checklist(record({ entry: 'visible' }), DEFAULT_PROFILE);
    expect(items.map((i) => i.state)).toEqual(['met', 'met', 'met']);
    expect(items[1]).toMatchObject({ condition: 'role', implied: true, role: null });
  });

  it('an Employee: role not met, enablement not seen (the entry would be hidden anyway)', () => {
    expect(states(record({ entry: 'absent', role: { value: 'employee', confidence: 'high' } }))).toEqual([
      'signedIn:met',
      'role:not-met',
      'enabled:not-seen',
    ]);
  });

  it('a Bookkeeper without the entry: access not enabled', () => {
    expect(states(record({ entry: 'absent', role: { value: 'bookkeeper', confidence: 'medium' } }))).toEqual([
      'signedIn:met',
      'role:met',
      'enabled:not-met',
    ]);
  });

  it('a low-confidence role counts as not seen; a declared one counts and is shown as declared', () => {
    const guessed = record({ entry: 'absent', role: { value: 'admin', confidence: 'low' } });
    expect(states(guessed)).toEqual(['signedIn:met', 'role:not-seen', 'enabled:not-seen']);
    const declared: Profile = { ...DEFAULT_PROFILE, declaredRoles: { production: 'admin' } };
    const items = checklist(guessed, declared);
    expect(items.map((i) => i.state)).toEqual(['met', 'met', 'not-met']);
    expect(items[1]?.role).toEqual({ value: 'admin', confidence: 'high', source: 'declared' });
  });

  it('signed out: not met, and nothing else seen', () => {
    expect(states(record({ signedIn: 'no' }))).toEqual([
      'signedIn:not-met',
      'role:not-seen',
      'enabled:not-seen',
    ]);
  });

  it('each condition carries only its own evidence', () => {
    const items = checklist(record({ entry: 'visible' }), DEFAULT_PROFILE);
    expect(items.map((i) => i.evidence.map((e) => e.check))).toEqual([
      ['signedIn'],
      ['role'],
      ['apiKeysEntry'],
    ]);
  });
});

describe('asksForRole', () => {
  it('asks when the page never showed the role clearly, except when nothing depends on it', () => {
    expect(asksForRole(record({ entry: 'absent' }), 'unknown')).toBe(true);
    expect(asksForRole(record({ role: { value: 'admin', confidence: 'low' } }), 'unknown')).toBe(true);
    expect(asksForRole(record({ role: { value: 'employee', confidence: 'high' } }), 'role-missing')).toBe(
      false,
    );
    expect(asksForRole(record({ entry: 'visible' }), 'ready')).toBe(false);
    expect(asksForRole(record({ signedIn: 'no' }), 'signed-out')).toBe(false);
  });

  it('keeps asking after a declaration, so a declared role can be changed', () => {
    expect(asksForRole(record({ entry: 'absent' }), 'not-enabled')).toBe(true);
  });
});
