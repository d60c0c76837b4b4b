/**
 * Every item the extension stores, declared once with its schema, version and migrations.
 *
 * Only the background writes (`openStorageForWriting`): WXT runs an item's migrations, and writes
 * their result, in whichever context defines it, so the items are defined there alone. The popup,
 * options page and in-page hint read through `readers`, which migrate in memory, validate, and fall
 * back to the default when stored data is unusable, without writing.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { RULES_VERSION } from '../detect/rules';
import { EvidenceSchema } from '../messages/protocol';
import { type EnvironmentRecord, emptyRecord, HISTORY_LIMIT } from '../state/merge';
import { DEFAULT_SETTINGS, type DismissedHints, type Settings } from '../state/profile';
import type { Environment, Profile } from '../types';
import { DEFAULT_PROFILE, ENVIRONMENTS, ROLE_VALUES, VERDICTS } from '../types';

/** One entry of the resets log: which item was reset, when, and why. The report shows them. */
export interface StorageReset {
  item: string;
  at: number;
  reason: ResetReason;
}

export type ResetReason = 'corrupt' | 'unreadable-older-version' | 'newer-version' | 'unknown-fields';
const RESET_REASONS = ['corrupt', 'unreadable-older-version', 'newer-version', 'unknown-fields'] as const;

/**
 * The last write the background could not make. Kept in session storage (memory): when local
 * storage is full, that is the one place that still takes it.
 */
export interface WriteFailure {
  item: string;
  at: number;
  reason: 'storage-full' | 'write-failed';
}

export const RESETS_LIMIT = 20;

type Migration = (stored: unknown) => unknown;

interface StoredItem<T> {
  key: `local:${string}` | `session:${string}`;
  version: number;
  /** Version n's migration turns a value of version n - 1 into version n. */
  migrations: Record<number, Migration>;
  schema: v.GenericSchema<unknown, T>;
  fallback: () => T;
  /**
   * Given a value whose unusable fields were reset to the default: what else must go with them,
   * or null when the rest cannot be trusted either.
   */
  afterFieldReset?: (value: T, resetFields: string[]) => T | null;
}

const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const fact = <T extends v.GenericSchema>(value: T) => v.strictObject({ value, seenAt: v.nullable(Time) });
const EntryStateSchema = v.picklist(['visible', 'absent', 'unknown']);
const KnownRoleSchema = v.picklist(ROLE_VALUES.filter((role) => role !== 'unknown'));

function recordSchema(environment: Environment) {
  return v.strictObject({
    environment: v.literal(environment),
    signedIn: fact(v.picklist(['yes', 'no', 'unknown'])),
    apiKeysEntry: fact(EntryStateSchema),
    legacyApiEntry: fact(EntryStateSchema),
    role: fact(
      v.strictObject({
        value: v.picklist(ROLE_VALUES),
        confidence: v.picklist(['high', 'medium', 'low']),
        source: v.picklist(['detected', 'declared']),
      }),
    ),
    evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(4 * 24)),
    checkedAt: v.nullable(Time),
    rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    history: v.pipe(
      v.array(v.strictObject({ verdict: v.picklist(VERDICTS), at: Time })),
      v.maxLength(HISTORY_LIMIT),
    ),
  }) satisfies v.GenericSchema<unknown, EnvironmentRecord>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function recordItem(environment: Environment): StoredItem<EnvironmentRecord> {
  return {
    key: `local:environment:${environment}`,
    version: 2,
    migrations: {
      // Version 1 (the first release) kept no history of verdict changes.
      2: (stored) => {
        if (!isObject(stored)) throw new Error('not a record');
        return { history: [], ...stored };
      },
    },
    schema: recordSchema(environment),
    fallback: () => emptyRecord(environment, RULES_VERSION),
    // A record of the wrong environment is wholly wrong; evidence goes with the fact it explained,
    // and when the page was last read follows from the facts it left.
    afterFieldReset: (record, resetFields) => {
      if (resetFields.includes('environment')) return null;
      const seen = [record.signedIn, record.apiKeysEntry, record.legacyApiEntry, record.role].flatMap(
        (fact) => (fact.seenAt === null ? [] : [fact.seenAt]),
      );
      return {
        ...record,
        evidence: record.evidence.filter((e) => !resetFields.includes(e.check)),
        checkedAt:
          resetFields.includes('checkedAt') && seen.length > 0 ? Math.max(...seen) : record.checkedAt,
      };
    },
  };
}

export const STORED = {
  production: recordItem('production'),
  staging: recordItem('staging'),
  profile: {
    key: 'local:profile',
    version: 1,
    migrations: {},
    schema: v.strictObject({
      kind: v.picklist(['partner', 'customer', 'unknown']),
      stage: v.picklist(['new', 'existing', 'unknown']),
      declaredRoles: v.strictObject({
        production: v.optional(KnownRoleSchema),
        staging: v.optional(KnownRoleSchema),
      }),
    }),
    fallback: () => structuredClone(DEFAULT_PROFILE),
  } satisfies StoredItem<Profile>,
  settings: {
    key: 'local:settings',
    version: 1,
    migrations: {},
    schema: v.strictObject({ hintEnabled: v.boolean() }),
    fallback: () => ({ ...DEFAULT_SETTINGS }),
  } satisfies StoredItem<Settings>,
  dismissedHints: {
    key: 'local:dismissedHints',
    version: 1,
    migrations: {},
    schema: v.pipe(
      v.array(
        v.picklist(
          ENVIRONMENTS.flatMap((environment) => VERDICTS.map((verdict) => `${environment}:${verdict}`)),
        ),
      ),
      v.maxLength(ENVIRONMENTS.length * VERDICTS.length),
    ),
    fallback: (): DismissedHints => [],
  } satisfies StoredItem<DismissedHints>,
  resets: {
    key: 'local:resets',
    version: 1,
    migrations: {},
    schema: v.pipe(
      v.array(
        v.strictObject({
          item: v.pipe(v.string(), v.maxLength(60)),
          at: Time,
          reason: v.picklist(RESET_REASONS),
        }),
      ),
      v.maxLength(RESETS_LIMIT),
    ),
    fallback: (): StorageReset[] => [],
  } satisfies StoredItem<StorageReset[]>,
  writeFailure: {
    key: 'session:writeFailure',
    version: 1,
    migrations: {},
    schema: v.nullable(
      v.strictObject({
        item: v.pipe(v.string(), v.maxLength(60)),
        at: Time,
        reason: v.picklist(['storage-full', 'write-failed']),
      }),
    ),
    fallback: (): WriteFailure | null => null,
  } satisfies StoredItem<WriteFailure | null>,
};

export type StoredName = keyof typeof STORED;
export type StoredValue<N extends StoredName> = ReturnType<(typeof STORED)[N]['fallback']>;

/** The item's name as the resets log and the report show it. */
function itemName(item: { key: string }): string {
  return item.key.replace(/^\w+:/, '');
}

/** A stored value as the current version reads it, and what had to be reset to read it. */
export interface ReadResult<T> {
  value: T;
  /** For the resets log: each unusable field (now its default), and fields this version does not know. */
  repairs: Omit<StorageReset, 'at'>[];
}

/**
 * Migrates in memory from the stored version, then validates. An object with some unusable
 * fields keeps its good ones; `null` when nothing can be kept (the caller decides whether to reset).
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
  return parsed.success ? { value: parsed.output, repairs: [] } : keepGoodFields(item, value);
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

/** Read-only access for the popup, options page and in-page hint: never writes. */
export interface StoredReader<T> {
  getValue(): Promise<T>;
  /** Calls back with every new value (the default when it was removed or is unusable). */
  watch(callback: (value: T) => void): () => void;
}

function reader<T>(item: StoredItem<T>): StoredReader<T> {
  const read = (stored: unknown, version: number | undefined) =>
    stored === null || stored === undefined
      ? item.fallback()
      : (parseStored(item, stored, version ?? 1) ?? item.fallback());
  return {
    async getValue() {
      const [stored, meta] = await Promise.all([
        storage.getItem<unknown>(item.key),
        storage.getMeta<{ v?: number }>(item.key),
      ]);
      return read(stored, meta.v);
    },
    // The background writes only values of the current version, so a change needs no migration.
    watch: (callback) => storage.watch<unknown>(item.key, (stored) => callback(read(stored, item.version))),
  };
}

export const environmentItems: Record<Environment, StoredReader<EnvironmentRecord>> = {
  production: reader(STORED.production),
  staging: reader(STORED.staging),
};
export const profileItem: StoredReader<Profile> = reader(STORED.profile);
export const settingsItem: StoredReader<Settings> = reader(STORED.settings);
export const resetsItem: StoredReader<StorageReset[]> = reader(STORED.resets);
export const writeFailureItem: StoredReader<WriteFailure | null> = reader(STORED.writeFailure);

export interface StorageWriter {
  /** The valid current value; unusable data is reset to the default and the reset logged. */
  get<N extends StoredName>(name: N): Promise<StoredValue<N>>;
  set<N extends StoredName>(name: N, value: StoredValue<N>): Promise<void>;
  /** Reads every item once, so unusable data is reset (and logged) before anyone asks. */
  repairAll(): Promise<void>;
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
    async repairAll() {
      for (const name of Object.keys(STORED) as StoredName[]) await get(name);
    },
    async forgetEverything() {
      for (const item of Object.values(items)) await item.removeValue();
    },
  };
}
