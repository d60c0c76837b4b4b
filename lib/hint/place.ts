/**
 * Where the in-page hint stands: under the list of settings, where API Keys would be; else under the
 * menu's Settings entry; else the corner.
 * Pure: the content script passes the anchors' boxes (the viewport's coordinates) and the scroll.
 * The result is in the document's coordinates, so the hint scrolls with the page and never has to
 * move again: no layout shift, no listener on scroll.
 */
export interface AnchorBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type HintPlacement =
  | { at: 'corner' }
  | { at: 'settings-list' | 'settings-entry'; left: number; top: number; width: number };

const GAP = 12;
const MIN_WIDTH = 180;
const MAX_WIDTH = 360;

/** Whole pixels: a hint at a fractional place would be drawn differently from one page to the next. */
const at = (
  where: 'settings-list' | 'settings-entry',
  left: number,
  top: number,
  width: number,
): HintPlacement => ({ at: where, left: Math.round(left), top: Math.round(top), width: Math.round(width) });

export function placeHint(
  list: AnchorBox | null,
  entry: AnchorBox | null,
  scroll: { x: number; y: number },
): HintPlacement {
  // Under the list, where its next entry (API Keys) would be: never over the page's own content
  // beside it, which the user may need to click or point at.
  if (list) {
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, list.right - list.left));
    return at('settings-list', list.left + scroll.x, list.bottom + GAP + scroll.y, width);
  }
  if (entry) {
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, entry.right - entry.left));
    return at('settings-entry', entry.left + scroll.x, entry.bottom + GAP / 2 + scroll.y, width);
  }
  return { at: 'corner' };
}
