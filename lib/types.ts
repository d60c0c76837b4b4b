/**
 * The shapes every part of the extension agrees on, each enum defined once as a constant with its
 * type derived from it. The Observation, Verdict and report shapes are contracts (see
 * docs/architecture.md): change them only with a schema version bump.
 */

export const ENVIRONMENTS = ['production', 'staging'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The languages of the Pleo web app, which the rules read. */
export const LANGUAGES = ['en', 'da', 'sv', 'nb', 'fi', 'de', 'es', 'fr', 'nl', 'pt', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SIGNED_IN_STATES = ['yes', 'no', 'unknown'] as const;
export type SignedIn = (typeof SIGNED_IN_STATES)[number];

export const ENTRY_STATES = ['visible', 'absent', 'unknown'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const ROLE_VALUES = [
  'admin',
  'bookkeeper',
  'controller',
  'reviewer',
  'finance',
  'employee',
  'unknown',
] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];
export type KnownRole = Exclude<RoleValue, 'unknown'>;
export const KNOWN_ROLES = ROLE_VALUES.filter((role): role is KnownRole => role !== 'unknown');
/** The roles Pleo shows API Keys to. */
export const KEY_ROLES: ReadonlySet<RoleValue> = new Set<KnownRole>(['admin', 'bookkeeper']);
/**
 * The roles Pleo's docs say do not see API Keys. A known role in neither set (Controller) is one no
 * public source speaks of: its verdict says so (`role-unclear`) rather than guess.
 */
export const NO_KEY_ROLES: ReadonlySet<RoleValue> = new Set<KnownRole>(['reviewer', 'finance', 'employee']);
/** A role Pleo adds on top of a main role: shown beside a main role, the main role is the user's. */
export const ADD_ON_ROLES: ReadonlySet<RoleValue> = new Set<KnownRole>(['reviewer']);

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const ROLE_SOURCES = ['detected', 'declared'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

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
  'role-unclear',
  'signed-out',
  'unknown',
  'not-checked',
] as const;
export type VerdictKind = (typeof VERDICTS)[number];

/** What is needed before an `unknown` verdict can become a definite one. */
export const MISSING = ['open-settings', 'role-not-seen', 'sign-in-state'] as const;
export type Missing = (typeof MISSING)[number];

export interface Verdict {
  kind: VerdictKind;
  /** Non-empty only for `unknown`: what the user should open or tell us. */
  missing: Missing[];
}

export const AUDIENCE_KINDS = ['partner', 'customer', 'unknown'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_STAGES = ['new', 'existing', 'unknown'] as const;
export type AudienceStage = (typeof AUDIENCE_STAGES)[number];

/** Who the user is, as only the user can say; nothing here is detected. */
export interface Profile {
  kind: AudienceKind;
  stage: AudienceStage;
  /** A role the user declared per environment, used when the page does not show one. */
  declaredRoles: Partial<Record<Environment, KnownRole>>;
}

/** What a user can point at to teach the checker a label it missed. */
export const LEARNED_KINDS = ['apiKeys', 'openApi', 'settings', 'role'] as const;
export type LearnedKind = (typeof LEARNED_KINDS)[number];

/**
 * A label the user taught by pointing at it on a Pleo page: read beside the rules' own vocabulary
 * from then on, and offered to the maintainers as a rules change in the report.
 */
export interface LearnedLabel {
  kind: LearnedKind;
  /** The element's label as rule 1 reads it (at most 80 characters), never personal or key-like. */
  label: string;
  /** The page's language when it was taught (English when the page's is not one of LANGUAGES). */
  language: Language;
  /** For kind `role`: the role the user said the label names. */
  role?: KnownRole;
  learnedAt: number;
}

/** What the popup's "Point at …" buttons ask the user to point at on the page. */
export const PICK_TARGETS = ['apiKeys', 'role'] as const;
export type PickTarget = (typeof PICK_TARGETS)[number];

export const RESET_REASONS = [
  'corrupt',
  'unreadable-older-version',
  'newer-version',
  'unknown-fields',
  // More organisations than an environment keeps: the one checked longest ago was dropped.
  'organisation-limit',
  // Kept by an earlier version, refused by the privacy rule now (a taught label, a company name, evidence).
  'personal-or-secret',
] as const;
export type ResetReason = (typeof RESET_REASONS)[number];

/** One entry of the storage resets log: which item was reset, when, and why. The report shows them. */
export interface StorageReset {
  item: string;
  at: number;
  reason: ResetReason;
}

export const WRITE_FAILURE_REASONS = ['storage-full', 'write-failed'] as const;

/**
 * The last write the background could not make. Kept in session storage (memory): when local
 * storage is full, that is the one place that still takes it.
 */
export interface WriteFailure {
  item: string;
  at: number;
  reason: (typeof WRITE_FAILURE_REASONS)[number];
}

/** What a request the user sent asked for (lib/state/requests.ts). */
export const REQUEST_KINDS = ['enabling', 'role'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Who a request went to, as the request named them (never a person's name). */
export const RECIPIENTS = [
  'administrator',
  'partner-contact',
  'customer-success',
  'pleo-support',
  'partner-or-customer-contact',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/**
 * What the External API answered a key check, per environment (lib/keycheck/): a valid key, a valid
 * key of an inactive installation, no valid key (401), valid but not allowed (403), no answer (5xx,
 * timeout, offline, blocked), or an answer that makes no sense. Only this, when, and the company id
 * are kept; never the key.
 */
export const KEY_CHECK_RESULTS = [
  'valid',
  'inactive',
  'invalid',
  'not-allowed',
  'unreachable',
  'unexpected',
] as const;
export type KeyCheckResult = (typeof KEY_CHECK_RESULTS)[number];

/** A company or organisation id as a key check keeps and reports it: the characters of a UUID, nothing else. */
export const COMPANY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

/** The last key check in one environment, as stored and reported. */
export interface KeyCheckRecord {
  result: KeyCheckResult;
  checkedAt: number;
  /** The id from the installation's `resource` URN (valid or inactive only); reported only when the user includes it. */
  companyId?: string;
}

/** The report's `schemaVersion` (lib/report/): readers outside this repository rely on its shape. */
export const REPORT_SCHEMA_VERSION = 1;

export const UNKNOWN_ROLE: RoleFact = { value: 'unknown', confidence: 'low', source: 'detected' };

export const EMPTY_OBSERVATION: Observation = {
  signedIn: 'unknown',
  apiKeysEntry: 'unknown',
  legacyApiEntry: 'unknown',
  role: UNKNOWN_ROLE,
  evidence: [],
};

export const DEFAULT_PROFILE: Profile = { kind: 'unknown', stage: 'unknown', declaredRoles: {} };

/** A plain object, as parsed JSON or stored data may or may not be. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value read from outside is one of an enum's values. */
export const isOneOf = (value: unknown, allowed: readonly string[]): value is string =>
  typeof value === 'string' && allowed.includes(value);
