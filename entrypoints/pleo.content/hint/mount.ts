import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { environmentOf } from '../../../lib/environments';
import { isSettingsList } from '../../../lib/guidance/actions';
import { type Hint, hintAction, pageLanguage, pickTarget } from '../../../lib/hint/hint';
import { HINT_DRAWING_GLOBAL } from '../../../lib/hint/inject';
import { hintFromStorage, hintStorageKeys } from '../../../lib/hint/stored';
import type { PickTarget } from '../../../lib/types';
import type { HintDrawing } from '../../hint-drawing/drawing';
import { tellBackground } from '../tell';
import { hintStringsFromBackground } from './strings';

const scope = globalThis as unknown as Record<string, HintDrawing | undefined>;

/**
 * Shows the in-page hint when the stored verdict and this page call for one (lib/hint/), and
 * keeps it current as storage changes and the app navigates. It only reads storage; dismissing
 * and "Details" go to the background as messages. The host and its shadow root are made only
 * when there is a hint to show: on most page loads there is none.
 */
export function showHint(
  ctx: ContentScriptContext,
  point: (target: PickTarget) => void,
  organisation: () => string | null,
  /** The start's storage read, when the content script makes one for all its parts. */
  storedAtStart?: Promise<Record<string, unknown>>,
): { organisationChanged(): void } {
  const environment = environmentOf(location.href);
  if (!environment) return { organisationChanged: () => undefined };
  const keys = Object.values(hintStorageKeys(environment));
  // The drawing is injected by the background at the first hint to draw (lib/hint/inject.ts).
  let loading: Promise<void> | null = null;
  let drawn: HintDrawing | undefined;
  const drawing = async () => {
    loading ??= tellBackground({ type: 'load-hint' });
    await loading;
    drawn = scope[HINT_DRAWING_GLOBAL];
    // Not there (the background could not inject it): the next update asks again.
    if (!drawn) loading = null;
    return drawn;
  };
  ctx.onInvalidated(() => drawn?.remove());
  let stored: Record<string, unknown> = {};
  // News that a request arrived stays on this page until dismissed; storage already says it was told.
  let arrival: Hint | null = null;

  // Strings in another language (or the drawing) arrive a moment later: only the newest update draws.
  let updates = 0;
  const update = async () => {
    const current = ++updates;
    if (ctx.isInvalid) return;
    const hint = arrival ?? hintFromStorage(environment, stored, location.pathname, organisation());
    if (!hint) {
      drawn?.remove();
      return;
    }
    const language = pageLanguage(document.documentElement.lang);
    const [strings, draw] = await Promise.all([hintStringsFromBackground(language), drawing()]);
    if (!strings || !draw || ctx.isInvalid || current !== updates) return;
    draw.draw({
      hint,
      strings,
      language,
      action: hintAction(hint, isSettingsList(location.pathname)),
      onAction: (action) => {
        const target = pickTarget(action);
        if (target) point(target);
        else location.assign(`${location.origin}/settings`);
      },
      onDetails: () => tellBackground({ type: 'open-guidance' }),
      onDismiss: () => {
        draw.remove();
        if (hint === arrival) arrival = null;
        else tellBackground({ type: 'dismiss-hint', verdict: hint.verdict });
      },
    });
    if (hint.askedAt !== undefined && !arrival) {
      arrival = hint;
      const shown = organisation();
      tellBackground({ type: 'arrival-shown', ...(shown ? { organisation: shown } : {}) });
    }
  };

  // Listen first, then read: a write landing between the two is never missed.
  const refresh = async (read = browser.storage.local.get(keys)) => {
    stored = await read;
    await update();
  };
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => key in changes)) void refresh();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());
  ctx.addEventListener(window, 'popstate', () => void update());
  // Its anchors move with the window's width: stand by them again.
  ctx.addEventListener(window, 'resize', () => void update());
  void refresh(storedAtStart);
  return { organisationChanged: () => void update() };
}
