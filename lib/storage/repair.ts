/**
 * Reading a stored value as the current version understands it: migrate in memory, validate, and
 * keep what is usable of a damaged value. Pure: the reader and the writer pass what they read.
 */
import * as v from 'valibot';
import { isObject, type StorageReset } from '../types';
import { itemName, type StoredItem } from './stored-item';

/** A stored value as the current version reads it, and what had to be reset to read it. */
export interface ReadResult<T> {
  value: T;
  /**
   * For the resets log: each unusable field (now its default), fields this version does not know,
   * and what the privacy rule now refuses (./personal.ts).
   */
  repairs: Omit<StorageReset, 'at'>[];
}

/**
 * Migrates in memory from the stored version, then validates. An object with some unusable
 * fields keeps its good ones, and loses what the privacy rule refuses; `null` when nothing can be
 * kept (the caller decides whether to reset).
 */
export function readStored<T>(
  item: StoredItem<T>,
  stored: unknown,
  storedVersion: number,
): ReadResult<T> | null {
  if (storedVersion > item.version) return null;
  let value = stored;
  try {
    for (let version = storedVersion + 1; version <= item.version; version++) {
      value = item.migrations[version]?.(value) ?? value;
    }
  } catch {
    return null;
  }
  const parsed = v.safeParse(item.schema, value);
  const read = parsed.success ? { value: parsed.output, repairs: [] } : keepGoodFields(item, value);
  const kept = read && item.withoutPersonal?.(read.value);
  if (!read || !kept) return read;
  // Logged by item and reason alone: the log and the report must not repeat what was removed.
  return { value: kept, repairs: [...read.repairs, { item: itemName(item), reason: 'personal-or-secret' }] };
}

function keepGoodFields<T>(item: StoredItem<T>, value: unknown): ReadResult<T> | null {
  const fields = (item.schema as { entries?: Record<string, v.GenericSchema> }).entries;
  const fallback = item.fallback() as Record<string, unknown>;
  if (!fields || !isObject(value)) return null;
  const names = Object.keys(fields);
  const resetFields = names.filter((name) => !v.is(fields[name]!, value[name]));
  const kept = Object.fromEntries(
    names.map((name) => [name, resetFields.includes(name) ? fallback[name] : value[name]]),
  ) as T;
  const repaired = item.afterFieldReset ? item.afterFieldReset(kept, resetFields) : kept;
  if (repaired === null || !v.is(item.schema, repaired)) return null;
  const repairs: ReadResult<T>['repairs'] = resetFields.map((field) => ({
    item: `${itemName(item)}.${field}`,
    reason: 'corrupt',
  }));
  if (Object.keys(value).some((name) => !names.includes(name))) {
    repairs.push({ item: itemName(item), reason: 'unknown-fields' });
  }
  return { value: repaired, repairs };
}

/** The stored value as the current version reads it, or `null` when nothing of it can be kept. */
export function parseStored<T>(item: StoredItem<T>, stored: unknown, storedVersion: number): T | null {
  return readStored(item, stored, storedVersion)?.value ?? null;
}
