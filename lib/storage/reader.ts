/**
 * Read-only access for the popup, options page and report: migrates in memory, validates, and
 * falls back to the default when stored data is unusable, without writing (only the background
 * writes, see ./writer.ts).
 */
import { storage } from '@wxt-dev/storage';
import type { ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import type { Settings } from '../state/profile';
import type { SentRequests } from '../state/requests';
import type { Environment, Profile, StorageReset, WriteFailure } from '../types';
import { isObject } from '../types';
import { type KeyChecks, type LearnedLabels, STORED } from './items';
import { parseStored } from './repair';
import type { StoredItem } from './stored-item';

/** Read-only access for the popup, options page and in-page hint: never writes. */
export interface StoredReader<T> {
  getValue(): Promise<T>;
  /** Calls back with every new value (the default when it was removed or is unusable). */
  watch(callback: (value: T) => void): () => void;
  /** Where it is stored, and its value from what that key and its version mark held (see readAll). */
  readonly key: StorageKey;
  fromStored(stored: unknown, meta: unknown): T;
}

/** The key of an item's version mark, as @wxt-dev/storage keeps it. */
const metaKey = (key: StorageKey): StorageKey => `${key}$`;

type StorageKey = StoredItem<unknown>['key'];

function reader<T>(item: StoredItem<T>): StoredReader<T> {
  const read = (stored: unknown, version: number | undefined) =>
    stored === null || stored === undefined
      ? item.fallback()
      : (parseStored(item, stored, version ?? 1) ?? item.fallback());
  const fromStored = (stored: unknown, meta: unknown) =>
    read(stored, isObject(meta) && typeof meta.v === 'number' ? meta.v : undefined);
  return {
    key: item.key,
    fromStored,
    async getValue() {
      const [stored, meta] = await Promise.all([
        storage.getItem<unknown>(item.key),
        storage.getMeta(item.key),
      ]);
      return fromStored(stored, meta);
    },
    // The background writes only values of the current version, so a change needs no migration.
    watch: (callback) => storage.watch<unknown>(item.key, (stored) => callback(read(stored, item.version))),
  };
}

export const environmentItems: Record<Environment, StoredReader<ObservationRecord>> = {
  production: reader(STORED.production),
  staging: reader(STORED.staging),
};
/** The organisations pages of each environment showed, each with its own record. */
export const organisationItems: Record<Environment, StoredReader<OrganisationRecord[]>> = {
  production: reader(STORED.productionOrganisations),
  staging: reader(STORED.stagingOrganisations),
};
export const profileItem: StoredReader<Profile> = reader(STORED.profile);
export const settingsItem: StoredReader<Settings> = reader(STORED.settings);
export const learnedLabelsItem: StoredReader<LearnedLabels> = reader(STORED.learnedLabels);
export const requestsItem: StoredReader<SentRequests> = reader(STORED.requests);
export const keyChecksItem: StoredReader<KeyChecks> = reader(STORED.keyChecks);
export const resetsItem: StoredReader<StorageReset[]> = reader(STORED.resets);
export const writeFailureItem: StoredReader<WriteFailure | null> = reader(STORED.writeFailure);

type ValueOf<R> = R extends StoredReader<infer T> ? T : never;

/**
 * Several items at once, in one storage read per area instead of two reads for each: the popup
 * shows nothing until it has all of them, and each read is a round trip to the browser.
 */
export async function readAll<R extends Record<string, StoredReader<unknown>>>(
  readers: R,
): Promise<{ [K in keyof R]: ValueOf<R[K]> }> {
  const named = Object.entries(readers);
  const found = await storage.getItems(named.flatMap(([, { key }]) => [key, metaKey(key)]));
  const held = new Map(found.map(({ key, value }) => [key, value as unknown]));
  return Object.fromEntries(
    named.map(([name, item]) => [name, item.fromStored(held.get(item.key), held.get(metaKey(item.key)))]),
  ) as { [K in keyof R]: ValueOf<R[K]> };
}
