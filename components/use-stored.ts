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
