import { describe, expect, it, vi } from 'vitest';
import { injectPicker, PICKER_GLOBAL, type Scripting } from '../../../lib/picker/inject';

/** A tab's isolated world, as far as the injection sees it: the file defines the picker, the function starts it. */
function fakeTab(loads = true) {
  const world: Record<string, unknown> = {};
  const start = vi.fn();
  const calls: unknown[] = [];
  const scripting: Scripting = {
    async executeScript(injection) {
      calls.push(injection);
      if (injection.files) {
        if (loads) world[PICKER_GLOBAL] = { start };
        return [{ result: undefined }];
      }
      // The function runs in the tab: here, with the tab's globals standing in for its world's.
      const saved = (globalThis as Record<string, unknown>)[PICKER_GLOBAL];
      (globalThis as Record<string, unknown>)[PICKER_GLOBAL] = world[PICKER_GLOBAL];
      try {
        return [{ result: injection.func(...injection.args) }];
      } finally {
        (globalThis as Record<string, unknown>)[PICKER_GLOBAL] = saved;
      }
    },
  };
  return { scripting, start, calls };
}

describe('injectPicker', () => {
  it('loads pick mode into the tab’s top frame, then starts it for the target', async () => {
    const tab = fakeTab();
    expect(await injectPicker(tab.scripting, 7, 'role')).toBe(true);
    expect(tab.calls).toEqual([
      { target: { tabId: 7, frameIds: [0] }, files: ['/picker.js'] },
      expect.objectContaining({ target: { tabId: 7, frameIds: [0] }, args: [PICKER_GLOBAL, 'role'] }),
    ]);
    expect(tab.start).toHaveBeenCalledWith('role');
  });

  it('says so when the script did not define pick mode, and passes on a tab that cannot be scripted', async () => {
    const tab = fakeTab(false);
    expect(await injectPicker(tab.scripting, 7, 'apiKeys')).toBe(false);
    const refusing: Scripting = { executeScript: () => Promise.reject(new Error('Missing host permission')) };
    await expect(injectPicker(refusing, 7, 'apiKeys')).rejects.toThrow('Missing host permission');
  });
});
