import { useEffect, useState } from 'preact/hooks';

/** Anything that can be read once and watched, as lib/storage/reader.ts's readers can. */
interface Watchable<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** A stored value, kept current as storage changes; undefined until it has been read. */
export function useStored<T>(item: Watchable<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

/**
 * Several stored values read together (`read`, one round trip) and each kept current as storage
 * changes; undefined until all are read. A change that lands while they are read is kept, not
 * overwritten by the older value the read may bring.
 */
export function useStoredAll<T extends Record<string, unknown>>(
  read: () => Promise<T>,
  items: { [K in keyof T]: Watchable<T[K]> },
): T | undefined {
  const [values, setValues] = useState<T>();
  useEffect(() => {
    let current: T | undefined;
    const changed: Partial<T> = {};
    const stops = (Object.keys(items) as (keyof T)[]).map((name) =>
      items[name].watch((value) => {
        if (!current) {
          changed[name] = value;
          return;
        }
        current = { ...current, [name]: value };
        setValues(current);
      }),
    );
    void read().then((values) => {
      current = { ...values, ...changed };
      setValues(current);
    });
    return () => {
      for (const stop of stops) stop();
    };
  }, [read, items]);
  return values;
}
