// @vitest-environment happy-dom
/**
 * useStoredAll (components/use-stored.ts): what the popup shows first, read in one go and kept
 * current; a change that lands while the read is under way is not lost to the older value.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useStoredAll } from '../../../components/use-stored';

/** A stored item whose changes the test sends. */
function item<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    getValue: () => Promise.reject(new Error('read through readAll only')),
    watch(callback: (value: T) => void) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    change: (value: T) => {
      for (const listener of listeners) listener(value);
    },
    listening: () => listeners.size,
  };
}

const container = document.createElement('div');
afterEach(() => render(null, container));

describe('useStoredAll', () => {
  it('shows nothing until all is read, then follows every change; a change during the read is kept', async () => {
    const items = { a: item<string>(), b: item<string>() };
    let finishRead: (values: { a: string; b: string }) => void = () => undefined;
    const read = () => new Promise<{ a: string; b: string }>((resolve) => (finishRead = resolve));
    const seen: unknown[] = [];
    function Show() {
      seen.push(useStoredAll(read, items));
      return null;
    }
    await act(() => render(<Show />, container));
    expect(seen.at(-1)).toBeUndefined();

    // Written after the read was made: the read may still bring the older value of b.
    items.b.change('b2');
    await act(async () => {
      finishRead({ a: 'a1', b: 'b1' });
      await Promise.resolve();
    });
    expect(seen.at(-1)).toEqual({ a: 'a1', b: 'b2' });

    await act(() => items.a.change('a2'));
    expect(seen.at(-1)).toEqual({ a: 'a2', b: 'b2' });

    render(null, container);
    expect([items.a.listening(), items.b.listening()]).toEqual([0, 0]);
  });
});
