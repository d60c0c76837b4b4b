// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderHintBar } from '../../../../entrypoints/hint-drawing/bar';
import { ENGLISH_HINT_STRINGS } from '../../../../lib/hint/strings';

const GERMAN = {
  ...ENGLISH_HINT_STRINGS,
  label: 'Checker',
  notEnabled: 'Nicht aktiviert.',
  request: 'Anfrage öffnen',
  dismiss: 'Schließen',
};

/** A click as the user's own: the browser sets isTrusted; a script's click() has it false. */
function userClick(element: Element | undefined): void {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element?.dispatchEvent(event);
}

const CALLBACKS = { onAction() {}, onDetails() {}, onDismiss() {} };

describe('renderHintBar', () => {
  it('shows one line, the verdict’s one action and a labelled dismiss button, in the given language', () => {
    const container = document.createElement('div');
    const onDetails = vi.fn();
    const onDismiss = vi.fn();
    renderHintBar(container, {
      hint: { verdict: 'not-enabled', message: 'notEnabled' },
      strings: GERMAN,
      language: 'de',
      action: 'request',
      placement: { at: 'corner' },
      onAction: vi.fn(),
      onDetails,
      onDismiss,
    });
    const bar = container.querySelector('aside')!;
    expect(bar.getAttribute('lang')).toBe('de');
    expect(bar.getAttribute('aria-label')).toBe(GERMAN.label);
    expect(container.querySelector('.text')?.textContent).toBe(GERMAN.notEnabled);
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons).toHaveLength(2);
    const [request, dismiss] = buttons;
    expect(request?.textContent).toBe('Anfrage öffnen');
    expect(dismiss?.getAttribute('aria-label')).toBe('Schließen');
    userClick(request);
    userClick(dismiss);
    expect(onDetails).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('ignores clicks a page script makes: none reaches a handler', () => {
    const container = document.createElement('div');
    const callbacks = { onAction: vi.fn(), onDetails: vi.fn(), onDismiss: vi.fn() };
    renderHintBar(container, {
      hint: { verdict: 'unknown', message: 'unknownRole' },
      strings: ENGLISH_HINT_STRINGS,
      language: 'en',
      action: 'pointRole',
      placement: { at: 'corner' },
      ...callbacks,
    });
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      ENGLISH_HINT_STRINGS.pointRole,
      ENGLISH_HINT_STRINGS.details,
      '×',
    ]);
    for (const button of buttons) button.click();
    expect(callbacks.onAction).not.toHaveBeenCalled();
    expect(callbacks.onDetails).not.toHaveBeenCalled();
    expect(callbacks.onDismiss).not.toHaveBeenCalled();
    userClick(buttons[0]);
    expect(callbacks.onAction).toHaveBeenCalledWith('pointRole');
  });

  it('stands where it is placed; a ready hint only confirms, with its dismiss button', () => {
    const container = document.createElement('div');
    renderHintBar(container, {
      hint: { verdict: 'ready', message: 'ready' },
      strings: ENGLISH_HINT_STRINGS,
      language: 'en',
      action: null,
      placement: { at: 'settings-entry', left: 12, top: 300, width: 200 },
      ...CALLBACKS,
    });
    const bar = container.querySelector('aside')!;
    expect(bar.className).toBe('hint hint-ready at-settings-entry');
    expect([bar.style.left, bar.style.top, bar.style.width]).toEqual(['12px', '300px', '200px']);
    expect(container.querySelectorAll('button')).toHaveLength(1);
  });

  it('sets every text as text, and a second render replaces the first', () => {
    const container = document.createElement('div');
    const hostile = { ...ENGLISH_HINT_STRINGS, roleMissing: '<img src=x onerror="alert(1)">' };
    const props = { language: 'en', action: null, placement: { at: 'corner' as const }, ...CALLBACKS };
    renderHintBar(container, {
      ...props,
      hint: { verdict: 'role-missing', message: 'roleMissing' },
      strings: hostile,
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.text')?.textContent).toBe(hostile.roleMissing);
    renderHintBar(container, {
      ...props,
      hint: { verdict: 'ready', message: 'ready' },
      strings: ENGLISH_HINT_STRINGS,
    });
    expect(container.querySelectorAll('aside')).toHaveLength(1);
    expect(container.querySelector('aside')?.className).toBe('hint hint-ready at-corner');
  });
});
