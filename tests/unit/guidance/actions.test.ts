import { describe, expect, it } from 'vitest';
import {
  initialEnvironment,
  isSettingsList,
  PRIMARY_ACTIONS,
  primaryAction,
} from '../../../lib/guidance/actions';
import { VERDICTS, type Verdict } from '../../../lib/types';

const verdict = (kind: Verdict['kind'], missing: Verdict['missing'] = []): Verdict => ({ kind, missing });

describe('primaryAction', () => {
  it('gives every verdict exactly the action of the table', () => {
    expect(Object.keys(PRIMARY_ACTIONS).sort()).toEqual([...VERDICTS].sort());
    expect(primaryAction(verdict('ready'), 'granted', null)).toBe('open-api-keys');
    expect(primaryAction(verdict('role-missing'), 'granted', null)).toBe('copy-request');
    expect(primaryAction(verdict('not-enabled'), 'granted', null)).toBe('copy-request');
    expect(primaryAction(verdict('signed-out'), 'granted', null)).toBe('sign-in');
    expect(primaryAction(verdict('not-checked'), 'granted', null)).toBe('open-settings');
    expect(primaryAction(verdict('unknown', ['open-settings']), 'granted', null)).toBe('open-settings');
  });

  it('asks for site access first, whatever was seen before', () => {
    for (const kind of VERDICTS)
      expect(primaryAction(verdict(kind), 'withheld', '/settings')).toBe('grant-access');
  });

  it('on the list of settings, points at the entry rather than opening the page again', () => {
    expect(primaryAction(verdict('unknown', ['open-settings']), 'granted', '/settings')).toBe(
      'point-at-api-keys',
    );
    expect(primaryAction(verdict('unknown', ['open-settings']), 'granted', '/settings/export')).toBe(
      'open-settings',
    );
    expect(primaryAction(verdict('unknown', ['role-not-seen']), 'granted', null)).toBe('point-at-role');
    expect(primaryAction(verdict('unknown', ['sign-in-state']), 'granted', null)).toBe('open-settings');
  });

  it('knows the list of settings by its path alone', () => {
    expect(isSettingsList('/settings')).toBe(true);
    expect(isSettingsList('/settings/')).toBe(true);
    expect(isSettingsList('/settings/api-keys')).toBe(false);
    expect(isSettingsList('/expenses')).toBe(false);
    expect(isSettingsList(null)).toBe(false);
  });
});

describe('initialEnvironment', () => {
  it('starts on the active tab’s environment, else the one checked last, else Production', () => {
    expect(initialEnvironment('staging', { production: 2, staging: 1 })).toBe('staging');
    expect(initialEnvironment(null, { production: 1, staging: 2 })).toBe('staging');
    expect(initialEnvironment(null, { production: 2, staging: 1 })).toBe('production');
    expect(initialEnvironment(null, { production: null, staging: 1 })).toBe('staging');
    expect(initialEnvironment(null, { production: null, staging: null })).toBe('production');
  });
});
