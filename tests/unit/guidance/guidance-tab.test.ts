import { describe, expect, it } from 'vitest';
import {
  createGuidanceTabs,
  GUIDANCE_TAB_PAUSE_MS,
  type GuidanceTabsApi,
} from '../../../lib/guidance/guidance-tab';

const URL = 'chrome-extension://our-id/popup.html?environment=production&view=tab';

/** Tabs as the browser keeps them, and what was asked of them. */
function fakeTabs() {
  const open = new Map<number, string>();
  const calls: string[] = [];
  let next = 1;
  const tabs: GuidanceTabsApi = {
    async get(id) {
      if (!open.has(id)) throw new Error('No tab with id');
      return { id, url: open.get(id) };
    },
    async update(id) {
      calls.push(`show ${id}`);
      return {};
    },
    async create({ url }) {
      const id = next++;
      open.set(id, url);
      calls.push(`open ${id}`);
      return { id };
    },
  };
  return { tabs, open, calls };
}

describe('the guidance tab', () => {
  it('opens one tab for 30 asks in a row, however fast', async () => {
    const { tabs, calls } = fakeTabs();
    let now = 1_000;
    const openGuidance = createGuidanceTabs(tabs, () => now);
    for (let i = 0; i < 30; i++) {
      await openGuidance('production', URL);
      now += 100;
    }
    expect(calls).toEqual(['open 1', 'show 1']);
  });

  it('shows the tab already open after the pause, and opens a new one once it was closed or left', async () => {
    const { tabs, open, calls } = fakeTabs();
    let now = 0;
    const openGuidance = createGuidanceTabs(tabs, () => now);
    const ask = async (environment: 'production' | 'staging' = 'production') => {
      now += GUIDANCE_TAB_PAUSE_MS;
      await openGuidance(environment, URL.replace('production', environment));
    };
    await ask();
    await ask();
    await ask('staging');
    open.delete(1);
    await ask();
    open.set(2, 'https://elsewhere.example/');
    await ask('staging');
    expect(calls).toEqual(['open 1', 'show 1', 'open 2', 'open 3', 'open 4']);
  });

  it('ignores an ask within the pause, from either environment', async () => {
    const { tabs, calls } = fakeTabs();
    let now = 0;
    const openGuidance = createGuidanceTabs(tabs, () => now);
    await openGuidance('production', URL);
    now += GUIDANCE_TAB_PAUSE_MS - 1;
    await openGuidance('staging', URL);
    expect(calls).toEqual(['open 1']);
  });
});
