import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HINT_DRAWING_GLOBAL } from '../../lib/hint/inject';
import { createHintDrawing, type HintDrawing } from './drawing';

/**
 * The in-page hint's drawing, injected into a Pleo tab's top frame only when the content script has
 * a hint to draw (lib/hint/inject.ts), into the isolated world the content script runs in. Each
 * injection replaces the one before and takes its hint off the page, so a reloaded extension never
 * draws through an old one.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, HintDrawing | undefined>;
  scope[HINT_DRAWING_GLOBAL]?.remove();
  scope[HINT_DRAWING_GLOBAL] = createHintDrawing();
});
