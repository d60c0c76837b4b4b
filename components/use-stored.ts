import { useEffect, useState } from 'preact/hooks';
import type { StoredReader } from '../lib/storage/reader';

/** A stored value, kept current as storage changes; undefined until it has been read. */
export function useStored<T>(item: StoredReader<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}
