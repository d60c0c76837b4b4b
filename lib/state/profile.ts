/**
 * What only the user can tell: who they are, their role when the page does not show it, and
 * their choices about the in-page hint. Pure updates; the background stores the results.
 */

import type {
  AudienceKind,
  AudienceStage,
  Environment,
  KnownRole,
  Observation,
  Profile,
  VerdictKind,
} from '../types';
import { EMPTY_OBSERVATION } from '../types';

export interface Settings {
  hintEnabled: boolean;
}

export const DEFAULT_SETTINGS: Settings = { hintEnabled: true };

/** Hints the user dismissed, one `<environment>:<verdict>` each: a new verdict shows its hint again. */
export type DismissedHints = string[];

export function dismissalKey(environment: Environment, verdict: VerdictKind): string {
  return `${environment}:${verdict}`;
}

export function withDismissedHint(
  dismissed: DismissedHints,
  environment: Environment,
  verdict: VerdictKind,
): DismissedHints {
  const key = dismissalKey(environment, verdict);
  return dismissed.includes(key) ? dismissed : [...dismissed, key];
}

export function withAudience(profile: Profile, kind: AudienceKind, stage: AudienceStage): Profile {
  return { ...profile, kind, stage };
}

/** Sets (or, with null, withdraws) the role the user declared for one environment. */
export function withDeclaredRole(
  profile: Profile,
  environment: Environment,
  role: KnownRole | null,
): Profile {
  const declaredRoles = { ...profile.declaredRoles };
  if (role) declaredRoles[environment] = role;
  else delete declaredRoles[environment];
  return { ...profile, declaredRoles };
}

/**
 * "I opened Settings and there is no API Keys entry", when the page could not show it: merged as a
 * page's observation would be, so a later page that shows the entry replaces it. Its evidence says
 * who said so, in the popup and in both reports.
 */
export const DECLARED_NO_API_KEYS: Observation = {
  ...EMPTY_OBSERVATION,
  apiKeysEntry: 'absent',
  evidence: [
    { check: 'apiKeysEntry', signal: 'declared', detail: 'no API Keys entry in Settings, as the user said' },
  ],
};
