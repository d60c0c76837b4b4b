/**
 * The one thing to do next, per verdict: the popup's filled button (`data-primary-action`) and the
 * in-page hint's button. A table, so a new verdict is one more row (the compiler asks for it).
 */
import { PATHS } from '../detect/rules';
import type { Environment, Verdict, VerdictKind } from '../types';
import type { SiteAccess } from './site-access';

export type PrimaryAction =
  | 'open-api-keys'
  | 'copy-request'
  | 'open-settings'
  | 'point-at-api-keys'
  | 'point-at-role'
  | 'sign-in'
  | 'grant-access';

export const PRIMARY_ACTIONS: Record<VerdictKind, PrimaryAction> = {
  ready: 'open-api-keys',
  'role-missing': 'copy-request',
  'not-enabled': 'copy-request',
  'role-unclear': 'copy-request',
  'signed-out': 'sign-in',
  unknown: 'open-settings',
  'not-checked': 'open-settings',
};

/** Whether a path is the list of settings itself, where the API Keys entry would be. */
export function isSettingsList(pathname: string | null): boolean {
  return pathname !== null && (pathname.replace(/\/+$/, '') || '/') === PATHS.settings;
}

/**
 * The verdict's one next action. Nothing can be checked while site access is withheld, so granting
 * it comes first; on an unknown verdict, what the checker could not see is better pointed at than
 * opened when the user already has it in front of them.
 */
export function primaryAction(
  verdict: Verdict,
  siteAccess: SiteAccess,
  /** The path of the active tab when it is a page of this environment, else null. */
  currentPath: string | null,
): PrimaryAction {
  if (siteAccess === 'withheld') return 'grant-access';
  if (verdict.kind === 'unknown') {
    if (verdict.missing.includes('open-settings')) {
      return isSettingsList(currentPath) ? 'point-at-api-keys' : 'open-settings';
    }
    if (verdict.missing.includes('role-not-seen')) return 'point-at-role';
  }
  return PRIMARY_ACTIONS[verdict.kind];
}

/**
 * The environment the popup shows first: the active tab's, else the one checked most recently,
 * else Production.
 */
export function initialEnvironment(
  currentTab: Environment | null,
  checkedAt: Record<Environment, number | null>,
): Environment {
  if (currentTab) return currentTab;
  const { production, staging } = checkedAt;
  return staging !== null && (production === null || staging > production) ? 'staging' : 'production';
}
