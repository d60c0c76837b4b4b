/**
 * Where the in-page hint stands: beside the list of settings, where API Keys would be (under it
 * when the window leaves no room beside it); else under the menu's Settings entry; else the corner.
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
const BESIDE_MIN = 260;
const MAX_WIDTH = 360;

export function placeHint(
  list: AnchorBox | null,
  entry: AnchorBox | null,
  viewportWidth: number,
  scroll: { x: number; y: number },
): HintPlacement {
  if (list) {
    const room = viewportWidth - list.right - 2 * GAP;
    if (room >= BESIDE_MIN) {
      return {
        at: 'settings-list',
        left: list.right + GAP + scroll.x,
        top: list.top + scroll.y,
        width: Math.min(MAX_WIDTH, room),
      };
    }
    return {
      at: 'settings-list',
      left: list.left + scroll.x,
      top: list.bottom + GAP + scroll.y,
      width: Math.min(MAX_WIDTH, list.right - list.left),
    };
  }
  if (entry) {
    return {
      at: 'settings-entry',
      left: entry.left + scroll.x,
      top: entry.bottom + GAP / 2 + scroll.y,
      width: Math.max(180, Math.min(MAX_WIDTH, entry.right - entry.left)),
    };
  }
  return { at: 'corner' };
}
