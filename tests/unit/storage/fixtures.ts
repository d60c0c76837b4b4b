/** Shared by the storage tests: stored values of every version, and access to the fake browser's storage. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ObservationRecord } from '../../../lib/state/merge';
import { STORED, type StoredName } from '../../../lib/storage/items';

export const NOW = 1_700_000_000_000;

/** Everything in local storage, as the tests check it. */
export const raw = () => fakeBrowser.storage.local.get();

/** An item's key within its storage area. */
export const keyOf = (name: StoredName) => STORED[name].key.replace(/^\w+:/, '');

/**
 * Empty storage before each test. WXT reports a failed migration on the console; the tests check
 * what follows from it instead.
 */
export function resetStorage(): void {
  fakeBrowser.reset();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

/** JSON drops `undefined` fields, as storage does. */
export const asStored = (value: unknown) => JSON.parse(JSON.stringify(value));

/** Writes straight into local storage, as a stored value of any version or state would be found there. */
export async function store(values: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.local.set(asStored(values));
}

/** A record as the first release (storage version 1) wrote it: no history. */
export const VERSION_1_RECORD = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 10 },
  apiKeysEntry: { value: 'visible', seenAt: 10 },
  legacyApiEntry: { value: 'unknown', seenAt: null },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 10 },
  evidence: [{ check: 'apiKeysEntry', signal: 'href', detail: '/settings/api-keys' }],
  checkedAt: 10,
  rulesVersion: 1,
};

/** A production record as the current version (storage version 2) writes it. */
export const GOOD_RECORD: ObservationRecord = {
  environment: 'production',
  signedIn: { value: 'yes', seenAt: 30 },
  apiKeysEntry: { value: 'absent', seenAt: 20 },
  legacyApiEntry: { value: 'visible', seenAt: 20 },
  role: { value: { value: 'admin', confidence: 'high', source: 'detected' }, seenAt: 10 },
  evidence: [
    { check: 'apiKeysEntry', signal: 'settings-list', detail: 'Settings list without API Keys' },
    { check: 'role', signal: 'role-label', detail: 'Admin' },
  ],
  // The last page showed none of the facts for certain: it is later than every fact's time.
  checkedAt: 35,
  rulesVersion: 1,
  history: [{ verdict: 'not-enabled', at: 20 }],
};

/**
 * Every earlier storage version of every item, as that version wrote it, and what it reads as now.
 * A new version without an entry here fails the first test of ./migrations.test.ts.
 */
export const EARLIER_VERSIONS: {
  [N in StoredName]: Record<number, { stored: unknown; current: unknown }>;
} = {
  production: {
    // Version 1, the first release, kept no history.
    1: {
      stored: { ...GOOD_RECORD, history: undefined },
      current: { ...GOOD_RECORD, history: [] },
    },
  },
  staging: {
    1: {
      stored: { ...GOOD_RECORD, environment: 'staging', history: undefined },
      current: { ...GOOD_RECORD, environment: 'staging', history: [] },
    },
  },
  profile: {},
  settings: {},
  dismissedHints: {},
  resets: {},
  learnedLabels: {},
  requests: {},
  keyChecks: {},
  productionOrganisations: {},
  stagingOrganisations: {},
  writeFailure: {},
};
