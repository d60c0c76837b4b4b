import { describe, expect, it } from 'vitest';
import { type CurrentTab, currentTab, popupLayout, popupParams } from '../../../lib/guidance/popup';
import type { EnvironmentView } from '../../../lib/guidance/view';

describe('popupParams', () => {
  it('reads the environment and the tab view, ignoring anything else', () => {
    expect(popupParams('?environment=staging&view=tab')).toEqual({ environment: 'staging', tabView: true });
    expect(popupParams('')).toEqual({ environment: null, tabView: false });
    expect(popupParams('?environment=evil&view=window')).toEqual({ environment: null, tabView: false });
  });
});

describe('currentTab', () => {
  it('a Pleo tab: its environment and path, never its query', () => {
    expect(currentTab('https://app.staging.pleo.io/settings/general?x=1')).toEqual({
      environment: 'staging',
      path: '/settings/general',
    });
  });

  it('any other tab, or one whose URL the browser hides: nothing', () => {
    expect(currentTab('https://example.com/settings')).toEqual({ environment: null, path: null });
    expect(currentTab(undefined)).toEqual({ environment: null, path: null });
  });
});

describe('popupLayout', () => {
  const view = (
    environment: EnvironmentView['environment'],
    checkedAt: number | null,
    audienceMatters = false,
  ) => ({ environment, checkedAt, audienceMatters }) as EnvironmentView;
  const views = [view('production', 1), view('staging', 2)];
  const granted = { production: 'granted', staging: 'granted' } as const;
  const noParams = { environment: null, tabView: false };
  const noTab: CurrentTab = { environment: null, path: null };

  it('shows the environment the user chose, else the one asked for, else the active tab’s, else the one checked last', () => {
    const stagingTab: CurrentTab = { environment: 'staging', path: '/' };
    const asked = { environment: 'production' as const, tabView: true };
    expect(popupLayout(views, granted, 'production', asked, stagingTab).shown).toBe('production');
    expect(popupLayout(views, granted, null, asked, stagingTab).shown).toBe('production');
    expect(
      popupLayout([view('production', 9), view('staging', 2)], granted, null, noParams, stagingTab).shown,
    ).toBe('staging');
    expect(popupLayout(views, granted, null, noParams, noTab).shown).toBe('staging');
    expect(
      popupLayout([view('production', null), view('staging', null)], granted, null, noParams, noTab).shown,
    ).toBe('production');
  });

  it('one banner only when both environments are withheld', () => {
    expect(popupLayout(views, granted, null, noParams, noTab).bothWithheld).toBe(false);
    expect(
      popupLayout(views, { production: 'withheld', staging: 'granted' }, null, noParams, noTab).bothWithheld,
    ).toBe(false);
    expect(
      popupLayout(views, { production: 'withheld', staging: 'withheld' }, null, noParams, noTab).bothWithheld,
    ).toBe(true);
  });

  it('asks Partner or Customer when any card’s steps depend on it', () => {
    expect(popupLayout(views, granted, null, noParams, noTab).askAudience).toBe(false);
    expect(
      popupLayout([view('production', 1), view('staging', 2, true)], granted, null, noParams, noTab)
        .askAudience,
    ).toBe(true);
  });
});
