// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.pleo.io/"}
/**
 * The content script's page watching, wired to a real (happy-dom) page: its mutations, its
 * navigations, what the user taught, and the extension context's end. When and in which tasks it
 * scans is lib/detect/page-scans.ts's, tested there on fake timers alone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../../../../entrypoints/pleo.content/watch';
import { FIRST_SCAN_WAIT_MS, READ_WAIT_MS } from '../../../../lib/detect/page-scans';
import type { Observation } from '../../../../lib/types';

describe('watchPage in a single-page app', () => {
  let ctx: ContentScriptContext;
  let reports: Observation[];

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    });
    history.replaceState(null, '', '/expenses');
    document.body.innerHTML = '<div id="root"></div>';
    ctx = new ContentScriptContext('pleo-test');
    reports = [];
    // happy-dom has no idle callbacks: this one runs at its deadline, on the faked clock.
    vi.stubGlobal('requestIdleCallback', (run: () => void, options: { timeout: number }) =>
      setTimeout(run, options.timeout),
    );
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const settle = () => vi.advanceTimersByTimeAsync(600);

  it('reports once idle after start, after a late render and after pushState navigation, and only changes', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    // Not in the script's first task, and within the first-scan deadline.
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.signedIn).toBe('unknown');

    const root = document.getElementById('root')!;
    root.innerHTML = '<nav><a href="/settings">Settings</a></nav><main></main>';
    await settle();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.signedIn).toBe('yes');

    // A change that changes nothing detected sends nothing.
    root.querySelector('main')!.innerHTML = '<h1>Expenses</h1><p>Nothing to review.</p>';
    await settle();
    expect(reports).toHaveLength(2);

    history.pushState(null, '', '/settings');
    root.querySelector('main')!.innerHTML = `<ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul>`;
    await settle();
    expect(reports).toHaveLength(3);
    expect(reports[2]!.apiKeysEntry).toBe('absent');

    root
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
    await settle();
    expect(reports).toHaveLength(4);
    expect(reports[3]!.apiKeysEntry).toBe('visible');
  });

  it('notices a navigation without any DOM change through the location-change event', async () => {
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul></main>`;
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports.at(-1)!.apiKeysEntry).toBe('unknown');
    history.pushState(null, '', '/settings');
    await vi.advanceTimersByTimeAsync(1500);
    expect(reports.at(-1)!.apiKeysEntry).toBe('absent');
  });

  it('stops observing and scanning when the context is invalidated', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    document.getElementById('root')!.innerHTML = '<nav><a href="/settings">Settings</a></nav>';
    ctx.abort();
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<a href="/settings/api-keys">API Keys</a>');
    history.pushState(null, '', '/settings/api-keys');
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports).toHaveLength(1);
  });

  it('gathers the page and reads it in two tasks, and reads it afresh when it changed in between', async () => {
    history.replaceState(null, '', '/settings');
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><a href="/settings/general">General</a></li><li><a href="/settings/export">Export</a></li>
<li><a href="/settings/integrations">Integrations</a></li></ul></main>`;
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS - READ_WAIT_MS);
    // Gathered, not yet read: nothing reported. An entry added now is in no gathering made so far.
    expect(reports).toHaveLength(0);
    document
      .querySelector('ul')!
      .insertAdjacentHTML('beforeend', '<li><a href="/settings/api-keys">API Keys</a></li>');
    // The read gathers afresh, and reads what it gathered in a task of its own, as every later scan does.
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['visible']);
  });

  it('makes no first scan when the context is invalidated before the page is idle', async () => {
    watchPage(ctx, (seen) => reports.push(seen.observation));
    ctx.abort();
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS + 3000);
    expect(reports).toHaveLength(0);
  });

  it('reads the labels taught for its environment first, and scans again as soon as one is taught', async () => {
    history.replaceState(null, '', '/settings');
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><button>General</button></li><li><button>Developer access</button></li><li><button>Dev keys</button></li></ul></main>`;
    const taught = (label: string) => ({ kind: 'apiKeys', label, language: 'en', learnedAt: 1 });
    // Taught for Staging only: on this Production page it counts for nothing.
    await fakeBrowser.storage.local.set({
      learnedLabels: { production: [], staging: [taught('Developer access')] },
    });
    watchPage(ctx, (seen) => reports.push(seen.observation));
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['absent']);

    await fakeBrowser.storage.local.set({ learnedLabels: { production: [taught('dev KEYS')], staging: [] } });
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['absent', 'visible']);
    expect(reports[1]!.evidence).toContainEqual({
      check: 'apiKeysEntry',
      signal: 'learned-label',
      detail: 'dev KEYS',
    });
  });

  it('takes what the user taught from the start’s one storage read when the content script passes it', async () => {
    history.replaceState(null, '', '/settings');
    document.body.innerHTML = `<nav><a href="/settings">Settings</a></nav><main><ul aria-label="Settings">
<li><button>General</button></li><li><button>Developer access</button></li><li><button>Dev keys</button></li></ul></main>`;
    const taught = { kind: 'apiKeys', label: 'Developer access', language: 'en', learnedAt: 1 };
    // Storage itself holds nothing: the label can only come from the read passed in.
    watchPage(
      ctx,
      (seen) => reports.push(seen.observation),
      Promise.resolve({ learnedLabels: { production: [taught], staging: [] } }),
    );
    await vi.advanceTimersByTimeAsync(FIRST_SCAN_WAIT_MS);
    expect(reports.map((r) => r.apiKeysEntry)).toEqual(['visible']);
  });
});
