import { describe, expect, it, vi } from 'vitest';
import { renderHintBar } from '../../../../../entrypoints/pleo.content/hint/bar';
import { ENGLISH_HINT_STRINGS } from '../../../../../lib/hint/strings';

/** A click as the user's own: a page's script cannot make one (happy-dom lets a test mark it). */
function userClick(element: Element | undefined): void {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element?.dispatchEvent(event);
}

const GERMAN = {
  ...ENGLISH_HINT_STRINGS,
  label: 'Prüfer',
  notEnabled: 'Nicht aktiviert.',
  dismiss: 'Schließen',
};

describe('renderHintBar', () => {
  it('shows one line, Details and a labelled dismiss button, in the given language', () => {
    const container = document.createElement('div');
    const onDetails = vi.fn();
    const onDismiss = vi.fn();
    renderHintBar(container, {
      hint: { verdict: 'not-enabled', message: 'notEnabled' },
      strings: GERMAN,
      language: 'de',
      onDetails,
      onDismiss,
    });
    const bar = container.querySelector('aside')!;
    expect(bar.getAttribute('lang')).toBe('de');
    expect(bar.getAttribute('aria-label')).toBe(GERMAN.label);
    expect(container.querySelector('.text')?.textContent).toBe(GERMAN.notEnabled);
    const [details, dismiss] = [...container.querySelectorAll('button')];
    expect(details?.textContent).toBe('Details');
    expect(dismiss?.getAttribute('aria-label')).toBe('Schließen');
    userClick(details);
    userClick(dismiss);
    expect(onDetails).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it("answers the user's clicks only: a page's script clicking every button does nothing", () => {
    const container = document.createElement('div');
    const [onDetails, onDismiss, onPoint] = [vi.fn(), vi.fn(), vi.fn()];
    renderHintBar(container, {
      hint: { verdict: 'unknown', message: 'unknownRole' },
      strings: ENGLISH_HINT_STRINGS,
      language: 'en',
      onDetails,
      onDismiss,
      onPoint,
    });
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons).toHaveLength(3);
    for (let i = 0; i < 30; i++) for (const button of buttons) button.click();
    expect([onDetails, onDismiss, onPoint].map((handler) => handler.mock.calls.length)).toEqual([0, 0, 0]);
    for (const button of buttons) userClick(button);
    expect([onDetails, onDismiss, onPoint].map((handler) => handler.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('sets every text as text, and a second render replaces the first', () => {
    const container = document.createElement('div');
    const hostile = { ...ENGLISH_HINT_STRINGS, roleMissing: '<img src=x onerror="alert(1)">' };
    const props = { language: 'en', onDetails() {}, onDismiss() {} };
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
    expect(container.querySelector('aside')?.className).toBe('hint hint-ready');
  });
});
