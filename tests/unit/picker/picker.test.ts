// @vitest-environment happy-dom
/**
 * Pick mode's DOM wiring in happy-dom, whose events are all untrusted: so this proves what a page's
 * own script cannot do (choose, cancel, or be stopped), and that everything goes when it ends.
 * The user's trusted clicks and keys are proved in a real browser (tests/e2e/picker.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPicker } from '../../../entrypoints/picker/picker';
import type { HintStrings } from '../../../lib/hint/hint';
import { ENGLISH_HINT_STRINGS } from '../../../lib/hint/strings';
import type { Language } from '../../../lib/types';

const DANISH: HintStrings = {
  ...ENGLISH_HINT_STRINGS,
  pointRole: 'Peg på din rolle',
  pickCancel: 'Annuller',
};
/** What the content script's strings source gives: English at once, Danish as the background would. */
const stringsIn = vi.fn(async (language: Language) => (language === 'da' ? DANISH : ENGLISH_HINT_STRINGS));

const host = () => document.querySelector('[data-pleo-access-picker]');
const barText = () => host()?.shadowRoot?.querySelector('.text')?.textContent;

let added: { type: string; signal?: AbortSignal }[] = [];
/** Whether the extension is still there, as the picker asks it. */
let extensionThere = true;
const alive = () => extensionThere;

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<nav><button id="entry">Developer access</button></nav>';
  added = [];
  extensionThere = true;
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
  it('draws its bar in an open shadow root after <body>, in the page’s language', async () => {
    const picker = createPicker(vi.fn(), stringsIn, alive);
    await picker.start('apiKeys');
    expect(host()?.shadowRoot?.mode).toBe('open');
    expect(document.documentElement.lastElementChild).toBe(host());
    expect(barText()).toBe(`${ENGLISH_HINT_STRINGS.pointApiKeys}: ${ENGLISH_HINT_STRINGS.pickHow}`);
    expect(host()?.shadowRoot?.querySelector('section')?.getAttribute('lang')).toBe('en');
    picker.stop();

    document.documentElement.lang = 'da-DK';
    await picker.start('role');
    expect(barText()).toBe(`${DANISH.pointRole}: ${DANISH.pickHow}`);
    const buttons = [...(host()?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(buttons).toContain(DANISH.pickCancel);
    picker.stop();
  });

  it('answers no event a page’s script sends: it chooses nothing, cancels nothing, stops nothing', async () => {
    const send = vi.fn();
    const picker = createPicker(send, stringsIn, alive);
    await picker.start('apiKeys');
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

  it('leaves nothing behind when it ends: no host, no listener', async () => {
    const picker = createPicker(vi.fn(), stringsIn, alive);
    await picker.start('role');
    expect(added.length).toBeGreaterThan(10);
    expect(added.every(({ signal }) => signal && !signal.aborted)).toBe(true);
    picker.stop();
    expect(host()).toBeNull();
    expect(added.every(({ signal }) => signal?.aborted)).toBe(true);
  });

  it('starting again restarts it: one host, the old listeners gone', async () => {
    const picker = createPicker(vi.fn(), stringsIn, alive);
    await picker.start('apiKeys');
    const first = added.length;
    await picker.start('role');
    expect(document.querySelectorAll('[data-pleo-access-picker]')).toHaveLength(1);
    expect(barText()).toContain(ENGLISH_HINT_STRINGS.pointRole);
    expect(added.slice(0, first).every(({ signal }) => signal?.aborted)).toBe(true);
    expect(added.slice(first).every(({ signal }) => !signal?.aborted)).toBe(true);
    picker.stop();
  });

  it('asks for the page language’s strings, and draws nothing when it ended while they were on their way', async () => {
    let deliver: (strings: HintStrings) => void = () => undefined;
    const slow = vi.fn(() => new Promise<HintStrings>((resolve) => (deliver = resolve)));
    document.documentElement.lang = 'fi-FI';
    const picker = createPicker(vi.fn(), slow, alive);
    const starting = picker.start('apiKeys');
    expect(slow).toHaveBeenCalledWith('fi');
    picker.stop();
    deliver(ENGLISH_HINT_STRINGS);
    await starting;
    expect(host()).toBeNull();
    expect(added.filter((entry) => entry.type === 'click')).toEqual([]);
  });

  it('without strings (the background could not answer) draws nothing and listens to nothing', async () => {
    const picker = createPicker(vi.fn(), async () => null, alive);
    await picker.start('apiKeys');
    expect(host()).toBeNull();
    expect(added.filter((entry) => entry.type === 'click')).toEqual([]);
  });

  it('ends when the address changes, the extension goes away, and after 60 s; not on events a script sends', async () => {
    vi.useFakeTimers();
    const picker = createPicker(vi.fn(), stringsIn, alive);
    await picker.start('apiKeys');
    // A page's script can dispatch these; WXT's location-change event is always dispatched by a script.
    for (const event of [
      new PopStateEvent('popstate'),
      new HashChangeEvent('hashchange'),
      new Event('wxt:locationchange'),
    ]) {
      window.dispatchEvent(event);
      vi.advanceTimersByTime(1_000);
      expect(host(), event.type).not.toBeNull();
    }
    history.pushState({}, '', '/settings/general');
    vi.advanceTimersByTime(250);
    expect(host()).toBeNull();

    await picker.start('role');
    extensionThere = false;
    vi.advanceTimersByTime(250);
    expect(host()).toBeNull();

    extensionThere = true;
    await picker.start('apiKeys');
    vi.advanceTimersByTime(59_000);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(host()).toBeNull();
  });

  it('ends when the page removes its host: nothing stays armed', async () => {
    const picker = createPicker(vi.fn(), stringsIn, alive);
    await picker.start('apiKeys');
    const listening = added.length;
    host()!.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(added.slice(0, listening).every(({ signal }) => signal?.aborted)).toBe(true);
  });
});
