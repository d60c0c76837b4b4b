/**
 * Pick mode is not in the content script (it would be parsed on every Pleo page load, and almost no
 * load uses it): the popup's "Point at …" and the background, for the hint's offer, inject its
 * script (entrypoints/picker/) into the tab's top frame and then start it. Both share the content
 * scripts' isolated world, so the page can neither see nor call it. The browser's `scripting` API
 * is passed in: this module stays pure.
 */
import type { PickTarget } from '../types';

/** Pick mode's script, as the build names it (an unlisted script, not a web-accessible resource). */
const PICKER_SCRIPT = '/picker.js';

/** The name pick mode's script gives itself in the isolated world, where the next injection finds it. */
export const PICKER_GLOBAL = 'pleoAccessPicker';

type Target = { tabId: number; frameIds: number[] };
type Injection =
  | { target: Target; files: [typeof PICKER_SCRIPT]; func?: undefined }
  | {
      target: Target;
      func: (name: string, target: PickTarget) => boolean;
      args: [string, PickTarget];
      files?: undefined;
    };

/** The part of `browser.scripting` this needs. */
export interface Scripting {
  executeScript(injection: Injection): Promise<{ result?: unknown }[]>;
}

/** What the injected function does in the tab: runs apart from this module, so it names nothing outside itself. */
function startInjected(name: string, target: PickTarget): boolean {
  const picker = (
    globalThis as unknown as Record<string, { start(target: PickTarget): unknown } | undefined>
  )[name];
  void picker?.start(target);
  return picker !== undefined;
}

/**
 * Loads pick mode into the tab's top frame (a fresh instance each time, which ends any pick still
 * on) and starts it for this target. True once it started; rejects when the tab cannot be scripted
 * (no Pleo page in it, or site access withheld).
 */
export async function injectPicker(
  scripting: Scripting,
  tabId: number,
  target: PickTarget,
): Promise<boolean> {
  const into = { tabId, frameIds: [0] };
  await scripting.executeScript({ target: into, files: [PICKER_SCRIPT] });
  const [started] = await scripting.executeScript({
    target: into,
    func: startInjected,
    args: [PICKER_GLOBAL, target],
  });
  return started?.result === true;
}
