import { describe, expect, it } from 'vitest';
import { placeHint } from '../../../lib/hint/place';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const NO_SCROLL = { x: 0, y: 0 };

describe('placeHint', () => {
  it('stands beside the list of settings when the window leaves room, in the document’s coordinates', () => {
    expect(placeHint(box(224, 120, 784, 400), box(12, 150, 188, 180), 1280, { x: 0, y: 50 })).toEqual({
      at: 'settings-list',
      left: 796,
      top: 170,
      width: 360,
    });
  });

  it('stands under the list when the window is narrow', () => {
    expect(placeHint(box(224, 120, 784, 400), null, 1024, NO_SCROLL)).toEqual({
      at: 'settings-list',
      left: 224,
      top: 412,
      width: 360,
    });
  });

  it('without a list, stands under the menu’s Settings entry', () => {
    expect(placeHint(null, box(12, 150, 188, 180), 1280, NO_SCROLL)).toEqual({
      at: 'settings-entry',
      left: 12,
      top: 186,
      width: 180,
    });
  });

  it('with neither, falls back to the corner', () => {
    expect(placeHint(null, null, 1280, NO_SCROLL)).toEqual({ at: 'corner' });
  });
});
