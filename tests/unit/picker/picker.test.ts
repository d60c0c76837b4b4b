/**
 * Pick mode's DOM wiring in happy-dom, whose events are all untrusted: so this proves what a page's
 * own script cannot do (choose, cancel, or be stopped), and that everything goes when it ends.
 * The user's trusted clicks and keys are proved in a real browser (tests/e2e/picker.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPicker } from '../../../entrypoints/pleo.content/picker/picker';
import { HINT_STRINGS } from '../../../lib/hint/strings';

const host = () => document.querySelector('[data-pleo-access-picker]');
const barText = () => host()?.shadowRoot?.querySelector('.text')?.textContent;

let added: { type: string; signal?: AbortSignal }[] = [];

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<nav><button id="entry">Developer access</button></nav>';
  added = [];
  const original = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    added.push({ type, signal: typeof options === 'object' ? options.signal : undefined });
    original(type, listener, options);
  });
});

afterEach(() => {
  vi.useRealTimers();
  host()?.remove();
});

describe('pick mode in the page', () => {
  it('draws its bar in an open shadow root after <body>, in the page’s language', () => {
    const picker = createPicker(vi.fn());
    picker.start('apiKeys');
    expect(host()?.shadowRoot?.mode).toBe('open');
    expect(document.documentElement.lastElementChild).toBe(host());
    expect(barText()).toBe(`${HINT_STRINGS.en.pointApiKeys}: ${HINT_STRINGS.en.pickHow}`);
    expect(host()?.shadowRoot?.querySelector('section')?.getAttribute('lang')).toBe('en');
    picker.stop();

    document.documentElement.lang = 'da-DK';
    picker.start('role');
    expect(barText()).toBe(`${HINT_STRINGS.da.pointRole}: ${HINT_STRINGS.da.pickHow}`);
    const buttons = [...(host()?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(buttons).toContain(HINT_STRINGS.da.pickCancel);
    picker.stop();
  });

  it('answers no event a page’s script sends: it chooses nothing, cancels nothing, stops nothing', () => {
    const send = vi.fn();
    const picker = createPicker(send);
    picker.start('apiKeys');
    const entry = document.getElementById('entry')!;
    let pageClicks = 0;
    entry.addEventListener('click', () => pageClicks++);
    entry.click();
    entry.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    for (const key of ['Enter', 'Escape', 'ArrowDown']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      entry.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(false);
    }
    entry.focus();
    // The page's own events reach the page as they would without pick mode.
    expect(pageClicks).toBe(2);
    expect(send).not.toHaveBeenCalled();
    expect(host()).not.toBeNull();
    // Nor can it press the bar's buttons, in a shadow root it can open.
    for (const button of host()?.shadowRoot?.querySelectorAll('button') ?? [])
      (button as HTMLElement).click();
    expect(host()).not.toBeNull();
    picker.stop();
  });

  it('leaves nothing behind when it ends: no host, no listener', () => {
    const picker = createPicker(vi.fn());
    picker.start('role');
    expect(added.length).toBeGreaterThan(10);
    expect(added.every(({ signal }) => signal && !signal.aborted)).toBe(true);
    picker.stop();
    expect(host()).toBeNull();
    expect(added.every(({ signal }) => signal?.aborted)).toBe(true);
  });

  it('starting again restarts it: one host, the old listeners gone', () => {
    const picker = createPicker(vi.fn());
    picker.start('apiKeys');
    const first = added.length;
    picker.start('role');
    expect(document.querySelectorAll('[data-pleo-access-picker]')).toHaveLength(1);
    expect(barText()).toContain(HINT_STRINGS.en.pointRole);
    expect(added.slice(0, first).every(({ signal }) => signal?.aborted)).toBe(true);
    expect(added.slice(first).every(({ signal }) => !signal?.aborted)).toBe(true);
    picker.stop();
  });

  it('ends on navigation and after 60 s', () => {
    vi.useFakeTimers();
    const picker = createPicker(vi.fn());
    for (const event of ['popstate', 'hashchange']) {
      picker.start('apiKeys');
      window.dispatchEvent(new Event(event));
      expect(host(), event).toBeNull();
    }
    picker.start('apiKeys');
    vi.advanceTimersByTime(59_000);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(host()).toBeNull();
  });
});
