/**
 * The background's access to storage, the only one that writes. WXT runs an item's migrations, and
 * writes their result, in whichever context defines the item, so the items are defined here alone.
 */
import { storage } from '@wxt-dev/storage';
import { RESETS_LIMIT } from '../limits';
import type { ResetReason, StorageReset, WriteFailure } from '../types';
import { STORED, type StoredName, type StoredValue } from './items';
import { readStored } from './repair';
import { itemName, type StoredItem } from './stored-item';

export interface StorageWriter {
  /** The valid current value; unusable data is reset to the default and the reset logged. */
  get<N extends StoredName>(name: N): Promise<StoredValue<N>>;
  set<N extends StoredName>(name: N, value: StoredValue<N>): Promise<void>;
  /** Reads every item once, so unusable data is reset (and logged) before anyone asks. */
  repairAll(): Promise<void>;
  /** Adds to the resets log, which the popup and the report show (also for data dropped by a limit). */
  logResets(entries: Omit<StorageReset, 'at'>[]): Promise<void>;
  /** Removes every stored value, the resets log and a noted write failure included. */
  forgetEverything(): Promise<void>;
}

/**
 * The background's access. Defining the items here (and only here) runs WXT's migrations in the
 * one context that writes. Callers serialise their own read-modify-write sequences.
 */
export function openStorageForWriting(now: () => number = Date.now): StorageWriter {
  const items = Object.fromEntries(
    Object.entries(STORED).map(([name, item]) => [
      name,
      storage.defineItem<unknown>(item.key, {
        version: item.version,
        migrations: item.migrations,
      }),
    ]),
  ) as Record<StoredName, ReturnType<typeof storage.defineItem<unknown>>>;

  /** Writes, and notes a failed write where the popup and the report can show it. */
  async function set<N extends StoredName>(name: N, value: StoredValue<N>): Promise<void> {
    const item = itemName(STORED[name]);
    try {
      await items[name].setValue(value);
    } catch (error) {
      const reason = /quota/i.test(String(error)) ? 'storage-full' : 'write-failed';
      const failure: WriteFailure = { item, at: now(), reason };
      if (name !== 'writeFailure') await items.writeFailure.setValue(failure).catch(() => undefined);
      throw error;
    }
    // The same item written since: what was lost then is superseded now.
    if (name === 'writeFailure') return;
    const noted = (await items.writeFailure.getValue()) as WriteFailure | null;
    if (noted?.item === item) await items.writeFailure.removeValue();
  }

  async function logResets(entries: Omit<StorageReset, 'at'>[]): Promise<void> {
    const resettingTheLog = entries.some((entry) => entry.item === 'resets');
    // Reading the log may reset it first, and log that: read again what that left.
    if (!resettingTheLog) await get('resets');
    const log = resettingTheLog ? [] : (((await items.resets.getValue()) as StorageReset[] | null) ?? []);
    const at = now();
    await set('resets', [...log, ...entries.map((entry) => ({ ...entry, at }))].slice(-RESETS_LIMIT));
  }

  async function get<N extends StoredName>(name: N): Promise<StoredValue<N>> {
    const item: StoredItem<StoredValue<N>> = STORED[name] as never;
    const stored = await items[name].getValue();
    if (stored === null || stored === undefined) return item.fallback();
    // WXT has migrated by now; a version left behind means a migration failed or a newer build wrote it.
    const { v: storedVersion = 1 } = (await items[name].getMeta()) as { v?: number };
    const read = readStored(item, stored, storedVersion);
    if (read) {
      if (read.repairs.length === 0) return read.value;
      // Some fields were unusable: keep the rest, and say which were reset.
      await set(name, read.value);
      await items[name].setMeta({ v: item.version });
      await logResets(read.repairs);
      return read.value;
    }
    const reason: ResetReason =
      storedVersion > item.version
        ? 'newer-version'
        : storedVersion < item.version
          ? 'unreadable-older-version'
          : 'corrupt';
    await items[name].removeValue();
    await items[name].setMeta({ v: item.version });
    await logResets([{ item: itemName(item), reason }]);
    return item.fallback();
  }

  return {
    get,
    set,
    logResets,
    async repairAll() {
      for (const name of Object.keys(STORED) as StoredName[]) await get(name);
    },
    async forgetEverything() {
      for (const item of Object.values(items)) await item.removeValue();
    },
  };
}
