import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { hintFor, pageLanguage, visibleHint } from '../../../lib/hint/hint';
import { hintFromStorage, hintStorageKeys } from '../../../lib/hint/stored';
import { emptyRecord, type ObservationRecord } from '../../../lib/state/merge';
import { dismissalKey } from '../../../lib/state/profile';
import { STORED } from '../../../lib/storage/items';
import type { Verdict, VerdictKind } from '../../../lib/types';
import { UNKNOWN_ROLE } from '../../../lib/types';

const verdict = (kind: VerdictKind, missing: Verdict['missing'] = []): Verdict => ({ kind, missing });
const ON = { enabled: true, dismissed: [] };

describe('hintFor: when the hint shows and what it says', () => {
  it.each([
    ['role-missing on any Pleo page', verdict('role-missing'), '/expenses', 'roleMissing'],
    ['role-missing on Settings', verdict('role-missing'), '/settings', 'roleMissing'],
    ['not-enabled on any Pleo page', verdict('not-enabled'), '/cards', 'notEnabled'],
    [
      'unknown on Settings, list not seen',
      verdict('unknown', ['open-settings']),
      '/settings/export',
      'unknownOpenSettings',
    ],
    [
      'unknown on Settings, role not seen',
      verdict('unknown', ['role-not-seen']),
      '/settings/',
      'unknownRole',
    ],
    [
      'unknown on Settings, both missing: the list first',
      verdict('unknown', ['open-settings', 'role-not-seen']),
      '/settings',
      'unknownOpenSettings',
    ],
    ['ready on the API Keys page', verdict('ready'), '/settings/api-keys', 'ready'],
    ['ready on the API Keys page with a trailing slash', verdict('ready'), '/settings/api-keys/', 'ready'],
  ])('%s', (_, given, path, message) => {
    expect(hintFor(given, path)).toEqual({ verdict: given.kind, message });
  });

  it.each([
    ['unknown away from Settings', verdict('unknown', ['open-settings']), '/expenses'],
    ['unknown on a path that only starts like Settings', verdict('unknown', ['open-settings']), '/settingsx'],
    ['unknown with only the sign-in state missing', verdict('unknown', ['sign-in-state']), '/settings'],
    ['ready on the Settings list', verdict('ready'), '/settings'],
    ['ready elsewhere', verdict('ready'), '/expenses'],
    ['signed-out', verdict('signed-out'), '/access'],
    ['not-checked', verdict('not-checked'), '/settings'],
  ])('no hint: %s', (_, given, path) => {
    expect(hintFor(given, path)).toBeNull();
  });
});

describe('visibleHint: the user’s choices', () => {
  it('shows the hint when it is on and not dismissed', () => {
    expect(visibleHint('production', verdict('not-enabled'), '/settings', ON)).toEqual({
      verdict: 'not-enabled',
      message: 'notEnabled',
    });
  });

  it('shows nothing when the option is off', () => {
    expect(
      visibleHint('production', verdict('not-enabled'), '/settings', { enabled: false, dismissed: [] }),
    ).toBeNull();
  });

  it('remembers a dismissal per environment and verdict', () => {
    const dismissed = [dismissalKey('production', 'not-enabled')];
    expect(
      visibleHint('production', verdict('not-enabled'), '/settings', { enabled: true, dismissed }),
    ).toBeNull();
    expect(
      visibleHint('staging', verdict('not-enabled'), '/settings', { enabled: true, dismissed }),
    ).not.toBeNull();
    expect(
      visibleHint('production', verdict('role-missing'), '/settings', { enabled: true, dismissed }),
    ).not.toBeNull();
  });
});

describe('pageLanguage: the language the hint speaks, the page’s when it is one of the app’s', () => {
  it.each([
    ['da', 'da'],
    ['da-DK', 'da'],
    ['sv_SE', 'sv'],
    ['DE-at', 'de'],
    ['en-GB', 'en'],
    [' de ', 'de'],
    ['nb', 'nb'],
    ['fr-FR', 'fr'],
    ['pt-BR', 'pt'],
    ['pl', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['constructor', 'en'],
    ['__proto__', 'en'],
  ])('<html lang="%s"> → %s', (lang, expected) => {
    expect(pageLanguage(lang)).toBe(expected);
  });
});

describe('hintFromStorage: the hint from the raw stored values', () => {
  const keys = hintStorageKeys('production');
  const record = (parts: Partial<ObservationRecord> = {}): ObservationRecord => ({
    ...emptyRecord('production', RULES_VERSION),
    signedIn: { value: 'yes', seenAt: 1 },
    apiKeysEntry: { value: 'absent', seenAt: 1 },
    role: { value: { value: 'employee', confidence: 'high', source: 'detected' }, seenAt: 1 },
    checkedAt: 1,
    ...parts,
  });

  it('reads the same keys lib/storage.ts writes', () => {
    const local = (key: string) => key.replace(/^local:/, '');
    expect(keys).toEqual({
      record: local(STORED.production.key),
      organisations: local(STORED.productionOrganisations.key),
      profile: local(STORED.profile.key),
      settings: local(STORED.settings.key),
      dismissed: local(STORED.dismissedHints.key),
      requests: local(STORED.requests.key),
    });
    expect(hintStorageKeys('staging').record).toBe(local(STORED.staging.key));
  });

  it('shows the verdict’s hint from a stored record', () => {
    expect(hintFromStorage('production', { [keys.record]: record() }, '/expenses')).toEqual({
      verdict: 'role-missing',
      message: 'roleMissing',
    });
  });

  it('on a page that shows its company, that company’s verdict; with none shown, the environment’s own', () => {
    const ready = record({ apiKeysEntry: { value: 'visible', seenAt: 1 } });
    const stored = {
      [keys.record]: record(),
      [keys.organisations]: [{ id: '0'.repeat(32), name: 'Acme ApS', record: ready }],
    };
    expect(hintFromStorage('production', stored, '/settings/api-keys', ' ACME  aps')?.verdict).toBe('ready');
    expect(hintFromStorage('production', stored, '/settings/api-keys')?.verdict).toBe('role-missing');
    // A company not stored yet has nothing to show until its first report is written.
    expect(hintFromStorage('production', stored, '/settings/api-keys', 'Beta GmbH')).toBeNull();
    expect(hintFromStorage('production', { [keys.organisations]: 'corrupt' }, '/', 'Acme ApS')).toBeNull();
  });

  it('uses a declared role, the hint setting and dismissals', () => {
    const unseenRole = record({ role: { value: UNKNOWN_ROLE, seenAt: null } });
    const declared = { declaredRoles: { production: 'admin' }, kind: 'unknown', stage: 'unknown' };
    expect(
      hintFromStorage('production', { [keys.record]: unseenRole, [keys.profile]: declared }, '/'),
    ).toEqual({
      verdict: 'not-enabled',
      message: 'notEnabled',
    });
    expect(
      hintFromStorage(
        'production',
        { [keys.record]: record(), [keys.settings]: { hintEnabled: false } },
        '/',
      ),
    ).toBeNull();
    expect(
      hintFromStorage(
        'production',
        { [keys.record]: record(), [keys.dismissed]: ['production:role-missing'] },
        '/',
      ),
    ).toBeNull();
  });

  it('shows nothing for nothing stored, and nothing for a record that is not one', () => {
    expect(hintFromStorage('production', {}, '/settings')).toBeNull();
    expect(
      hintFromStorage('production', { [keys.record]: { ...record(), environment: 'staging' } }, '/'),
    ).toBeNull();
    expect(
      hintFromStorage('production', { [keys.record]: { ...record(), signedIn: 'yes' } }, '/'),
    ).toBeNull();
    expect(hintFromStorage('production', { [keys.record]: 'corrupt' }, '/')).toBeNull();
  });

  it('ignores unusable profile, settings and dismissals rather than failing', () => {
    expect(
      hintFromStorage(
        'production',
        {
          [keys.record]: record(),
          [keys.profile]: { declaredRoles: { production: 'wizard' } },
          [keys.settings]: { hintEnabled: 'no' },
          [keys.dismissed]: 'production:role-missing',
        },
        '/',
      ),
    ).toEqual({ verdict: 'role-missing', message: 'roleMissing' });
  });
});
