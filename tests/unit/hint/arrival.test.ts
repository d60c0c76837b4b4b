// @vitest-environment happy-dom
/**
 * The in-page hint's news that what the user asked for arrived (issue 26): read from the raw
 * stored values for the record of the company the page shows, told until a page says it told it,
 * with the date asked in the page's language.
 */
import { describe, expect, it } from 'vitest';
import { renderHintBar } from '../../../entrypoints/hint-drawing/bar';
import { hintFromStorage, hintStorageKeys } from '../../../lib/hint/stored';
import { ENGLISH_HINT_STRINGS } from '../../../lib/hint/strings';

const keys = hintStorageKeys('production');
const ID = 'a'.repeat(32);
const SENT = Date.UTC(2026, 11, 1, 9);
const ready = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 1 },
  apiKeysEntry: { value: 'visible', seenAt: 1 },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 1 },
  checkedAt: 1,
};
const arrived = {
  environment: 'production',
  organisation: ID,
  kind: 'enabling',
  recipient: 'customer-success',
  sentAt: SENT,
  resolvedAt: SENT + 1,
  seenInPopupAt: null,
  seenInPageAt: null,
};
const storage = (request: Record<string, unknown>, settings: unknown = { hintEnabled: true }) => ({
  [keys.organisations]: [{ id: ID, name: 'Acme ApS', record: ready }],
  [keys.record]: ready,
  [keys.requests]: { production: [request], staging: [] },
  [keys.settings]: settings,
});

describe('the hint tells that a request arrived', () => {
  it('on a page of that company, however the page writes its name', () => {
    expect(hintFromStorage('production', storage(arrived), '/expenses', 'ACME  ApS')).toEqual({
      verdict: 'ready',
      message: 'arrivedEnabling',
      askedAt: SENT,
    });
    const role = { ...arrived, kind: 'role' };
    expect(hintFromStorage('production', storage(role), '/expenses', 'Acme ApS')?.message).toBe(
      'arrivedRole',
    );
  });

  it('not on a page of another company, a company not stored yet, or one that shows none', () => {
    const other = { ...storage(arrived) };
    other[keys.organisations] = [{ id: 'b'.repeat(32), name: 'Beta', record: ready }];
    expect(hintFromStorage('production', other, '/expenses', 'Beta')).toBeNull();
    expect(hintFromStorage('production', storage(arrived), '/expenses', 'Gamma')).toBeNull();
    expect(hintFromStorage('production', storage(arrived), '/expenses')).toBeNull();
  });

  it('not once a page told it, not while open, not with the hint turned off, not from damaged values', () => {
    const page = '/expenses';
    expect(
      hintFromStorage('production', storage({ ...arrived, seenInPageAt: SENT + 2 }), page, 'Acme ApS'),
    ).toBeNull();
    expect(
      hintFromStorage('production', storage({ ...arrived, resolvedAt: null }), page, 'Acme ApS'),
    ).toBeNull();
    expect(
      hintFromStorage('production', storage(arrived, { hintEnabled: false }), page, 'Acme ApS'),
    ).toBeNull();
    expect(hintFromStorage('production', storage({ ...arrived, sentAt: 'x' }), page, 'Acme ApS')).toBeNull();
    expect(
      hintFromStorage('production', { ...storage(arrived), [keys.requests]: 'junk' }, page, 'Acme ApS'),
    ).toBeNull();
  });

  it('says the date asked in the page’s language', () => {
    const container = document.createElement('div');
    const hint = { verdict: 'ready', message: 'arrivedEnabling', askedAt: SENT } as const;
    const props = {
      hint,
      strings: ENGLISH_HINT_STRINGS,
      action: null,
      placement: { at: 'corner' } as const,
      onAction() {},
      onDetails() {},
      onDismiss() {},
    };
    renderHintBar(container, { ...props, language: 'en' });
    expect(container.querySelector('.text')?.textContent).toBe(
      'API Keys is now enabled for this company. You asked on Dec 1.',
    );
    renderHintBar(container, { ...props, language: 'de' });
    expect(container.querySelector('.text')?.textContent).toContain('1. Dez.');
  });
});
