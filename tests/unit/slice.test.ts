import { describe, expect, it } from 'vitest';
import { environmentOf } from '../../lib/environments';
import { emptyRecord, merge } from '../../lib/merge';
import { RULES_VERSION } from '../../lib/rules';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION } from '../../lib/types';
import { verdict } from '../../lib/verdict';

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
