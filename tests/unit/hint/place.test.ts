import { describe, expect, it } from 'vitest';
import { placeHint } from '../../../lib/hint/place';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const NO_SCROLL = { x: 0, y: 0 };

describe('placeHint', () => {
  it('stands under the list of settings, where its next entry would be, in the document’s coordinates', () => {
    expect(placeHint(box(224, 120, 784, 400), box(12, 150, 188, 180), { x: 0, y: 50 })).toEqual({
      at: 'settings-list',
      left: 224,
      top: 462,
      width: 360,
    });
  });

  it('never narrower than a short sentence, and in whole pixels', () => {
    expect(placeHint(box(12.4, 100, 132.4, 300.6), null, NO_SCROLL)).toEqual({
      at: 'settings-list',
      left: 12,
      top: 313,
      width: 180,
    });
  });

  it('without a list, stands under the menu’s Settings entry', () => {
    expect(placeHint(null, box(12, 150, 188, 180), NO_SCROLL)).toEqual({
      at: 'settings-entry',
      left: 12,
      top: 186,
      width: 180,
    });
  });

  it('with neither, falls back to the corner', () => {
    expect(placeHint(null, null, NO_SCROLL)).toEqual({ at: 'corner' });
  });
});
