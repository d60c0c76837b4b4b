import { describe, expect, it } from 'vitest';
import { openPopupShortcut } from '../../../lib/guidance/about';

describe('the shortcut that opens the popup', () => {
  it('is the one the browser assigned to the action, in Chrome (MV3) and Firefox (MV2)', () => {
    expect(
      openPopupShortcut([
        { name: 'other', shortcut: 'Alt+K' },
        { name: '_execute_action', shortcut: 'Alt+Shift+Y' },
      ]),
    ).toBe('Alt+Shift+Y');
    expect(openPopupShortcut([{ name: '_execute_browser_action', shortcut: 'Ctrl+Shift+Y' }])).toBe(
      'Ctrl+Shift+Y',
    );
  });

  it('is none when the user removed it or another extension holds it', () => {
    expect(openPopupShortcut([{ name: '_execute_action', shortcut: '' }])).toBeNull();
    expect(openPopupShortcut([])).toBeNull();
  });
});
