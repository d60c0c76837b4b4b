/**
 * What only the user can tell: who they are, their role when the page does not show it, and
 * their choices about the in-page hint. Pure updates; the background stores the results.
 */

import type { AudienceKind, AudienceStage, Environment, KnownRole, Profile, VerdictKind } from '../types';

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
