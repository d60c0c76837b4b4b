/**
 * The shapes every part of the extension agrees on. The Observation, Verdict and report shapes
 * are contracts (see docs/architecture.md): change them only with a schema version bump.
 */

export const ENVIRONMENTS = ['production', 'staging'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export type SignedIn = 'yes' | 'no' | 'unknown';
export type EntryState = 'visible' | 'absent' | 'unknown';

export const ROLE_VALUES = ['admin', 'bookkeeper', 'reviewer', 'finance', 'employee', 'unknown'] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];
export type Confidence = 'high' | 'medium' | 'low';
export type RoleSource = 'detected' | 'declared';

export interface RoleFact {
  value: RoleValue;
  confidence: Confidence;
  source: RoleSource;
}

export const CHECKS = ['signedIn', 'apiKeysEntry', 'legacyApiEntry', 'role'] as const;
export type Check = (typeof CHECKS)[number];

/** Why a value was concluded: which rule matched and a short, non-personal detail (≤ 80 chars). */
export interface Evidence {
  check: Check;
  signal: string;
  detail: string;
}

/** What one page showed at one moment. */
export interface Observation {
  signedIn: SignedIn;
  apiKeysEntry: EntryState;
  legacyApiEntry: EntryState;
  role: RoleFact;
  evidence: Evidence[];
}

export const VERDICTS = [
  'ready',
  'role-missing',
  'not-enabled',
  'signed-out',
  'unknown',
  'not-checked',
] as const;
export type VerdictKind = (typeof VERDICTS)[number];

/** What is needed before an `unknown` verdict can become a definite one. */
export type Missing = 'open-settings' | 'role-not-seen' | 'sign-in-state';

export interface Verdict {
  kind: VerdictKind;
  /** Non-empty only for `unknown`: what the user should open or tell us. */
  missing: Missing[];
}

export type AudienceKind = 'partner' | 'customer' | 'unknown';
export type AudienceStage = 'new' | 'existing' | 'unknown';

/** Who the user is, as only the user can say; nothing here is detected. */
export interface Profile {
  kind: AudienceKind;
  stage: AudienceStage;
  /** A role the user declared per environment, used when the page does not show one. */
  declaredRoles: Partial<Record<Environment, Exclude<RoleValue, 'unknown'>>>;
}

export const UNKNOWN_ROLE: RoleFact = { value: 'unknown', confidence: 'low', source: 'detected' };

export const EMPTY_OBSERVATION: Observation = {
  signedIn: 'unknown',
  apiKeysEntry: 'unknown',
  legacyApiEntry: 'unknown',
  role: UNKNOWN_ROLE,
  evidence: [],
};

export const DEFAULT_PROFILE: Profile = { kind: 'unknown', stage: 'unknown', declaredRoles: {} };
