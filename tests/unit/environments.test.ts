import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../lib/detect/rules';
import { environmentOf } from '../../lib/environments';
import { emptyRecord, merge } from '../../lib/state/merge';
import { verdict } from '../../lib/state/verdict';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION } from '../../lib/types';

describe('environmentOf', () => {
  it.each([
    ['https://app.pleo.io/settings', 'production'],
    ['https://app.staging.pleo.io/', 'staging'],
    ['http://app.pleo.io/', null],
    ['https://app.pleo.io.evil.example/', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(environmentOf(url)).toBe(expected);
  });
});

describe('the slice', () => {
  it('an environment never visited is not checked, one with API Keys seen is ready', () => {
    const record = emptyRecord('production', RULES_VERSION);
    expect(verdict(record, DEFAULT_PROFILE).kind).toBe('not-checked');
    const seen = merge(
      record,
      { ...EMPTY_OBSERVATION, signedIn: 'yes', apiKeysEntry: 'visible' },
      1,
      RULES_VERSION,
    );
    expect(verdict(seen, DEFAULT_PROFILE).kind).toBe('ready');
  });
});
