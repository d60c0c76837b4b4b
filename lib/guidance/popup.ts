/**
 * What the popup decides across its cards, without the browser: what it was opened for, the
 * active tab's place, which environment it shows, the one banner and the Partner/Customer question.
 */

import { environmentOf } from '../environments';
import type { Environment } from '../types';
import { ENVIRONMENTS } from '../types';
import { initialEnvironment } from './actions';
import type { SiteAccess } from './site-access';
import type { EnvironmentView } from './view';

/** What the popup was opened for: `popup.html?environment=staging&view=tab` opens one environment's guidance in a tab. */
export interface PopupParams {
  environment: Environment | null;
  tabView: boolean;
}

export function popupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const environment = ENVIRONMENTS.find((e) => e === params.get('environment')) ?? null;
  return { environment, tabView: params.get('view') === 'tab' };
}

/** The active tab, as far as the popup may know it (the URL is visible only for Pleo tabs). */
export interface CurrentTab {
  environment: Environment | null;
  /** Its path, for a Pleo tab: on the list of settings, pointing at the entry beats opening it. */
  path: string | null;
}

export function currentTab(url: string | undefined): CurrentTab {
  const environment = environmentOf(url);
  return { environment, path: environment && url ? new URL(url).pathname : null };
}

export interface PopupLayout {
  /** The environment whose card shows: the one the user chose, else the one asked for, else lib/guidance/actions.ts's first. */
  shown: Environment;
  /** Site access withheld for both environments: one banner above the switch says so. */
  bothWithheld: boolean;
  /** Whether any card's next steps depend on the Partner/Customer answer: the question is offered. */
  askAudience: boolean;
}

export function popupLayout(
  views: readonly EnvironmentView[],
  siteAccess: Record<Environment, SiteAccess>,
  chosen: Environment | null,
  params: PopupParams,
  tab: CurrentTab,
): PopupLayout {
  const checkedAt = (environment: Environment) =>
    views.find((view) => view.environment === environment)?.checkedAt ?? null;
  return {
    shown:
      chosen ??
      params.environment ??
      initialEnvironment(tab.environment, {
        production: checkedAt('production'),
        staging: checkedAt('staging'),
      }),
    bothWithheld: ENVIRONMENTS.every((environment) => siteAccess[environment] === 'withheld'),
    askAudience: views.some((view) => view.audienceMatters),
  };
}
