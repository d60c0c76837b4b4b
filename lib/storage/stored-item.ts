/**
 * What every stored item declares (./items.ts): its key, version, migrations, schema and fallback,
 * and how its reading is repaired (./repair.ts, ./personal.ts).
 */
import * as v from 'valibot';

type Migration = (stored: unknown) => unknown;

export interface StoredItem<T> {
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
  /** The value without what the privacy rule refuses (./personal.ts), or null when nothing had to go. */
  withoutPersonal?: (value: T) => T | null;
}

/** A time in milliseconds since the epoch, as every stored item keeps it. */
export const Time = v.pipe(v.number(), v.integer(), v.minValue(0));

/** An item's key within its storage area, as the resets log and the report name it. */
export function itemName(item: { key: string }): string {
  return item.key.replace(/^\w+:/, '');
}
