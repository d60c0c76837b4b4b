/**
 * The hint's drawing (its bar, styles and place by the page's menu) is not in the content script:
 * most Pleo page loads show no hint, and the content script every Pleo page parses is held to its
 * budget. When the content script has a hint to draw, the background injects the drawing
 * (entrypoints/hint-drawing/) into the tab's top frame, as it injects pick mode
 * (../picker/inject.ts): an unlisted script, not a web-accessible resource, in the content scripts'
 * isolated world, where the page can neither see nor call it. The `scripting` API is passed in.
 */

/** The drawing's script, as the build names it. */
const HINT_DRAWING_SCRIPT = '/hint-drawing.js';

/** The name the drawing's script gives itself in the isolated world, where the content script finds it. */
export const HINT_DRAWING_GLOBAL = 'pleoAccessHintDrawing';

/** The part of `browser.scripting` this needs. */
export interface Scripting {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] };
    files: [typeof HINT_DRAWING_SCRIPT];
  }): Promise<unknown>;
}

/** Loads the hint's drawing into the tab's top frame; rejects when the tab cannot be scripted. */
export async function injectHintDrawing(scripting: Scripting, tabId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [HINT_DRAWING_SCRIPT] });
}
