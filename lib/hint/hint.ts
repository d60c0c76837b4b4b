/**
 * When the in-page hint shows, what it says, and in which language. Pure: the content script
 * passes the verdict, the page's path and <html lang>, and what the user chose.
 */

import { type KnownRole, PATHS, RULES_VERSION } from '../detect/rules';
import { type EnvironmentRecord, emptyRecord } from '../state/merge';
import { DEFAULT_SETTINGS, dismissalKey } from '../state/profile';
import { verdict } from '../state/verdict';
import type { Environment, Profile, Verdict, VerdictKind } from '../types';
import { DEFAULT_PROFILE, ENVIRONMENTS, ROLE_VALUES } from '../types';
import { HINT_STRINGS } from './strings';

export type HintText = keyof (typeof HINT_STRINGS)['en'];
export type HintStrings = Record<HintText, string>;
export type HintMessage = Exclude<HintText, 'label' | 'details' | 'dismiss'>;
export type HintLanguage = keyof typeof HINT_STRINGS;

export interface Hint {
  verdict: VerdictKind;
  message: HintMessage;
}

function trimmed(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

function isSettingsPage(path: string): boolean {
  return path === PATHS.settings || path.startsWith(`${PATHS.settings}/`);
}

/**
 * The hint a page would show for a verdict, before the user's choices: what is missing on any
 * Pleo page, what to open on Settings pages when unsure, and a tip on the API Keys page.
 */
export function hintFor(verdict: Verdict, pathname: string): Hint | null {
  const path = trimmed(pathname);
  switch (verdict.kind) {
    case 'role-missing':
      return { verdict: verdict.kind, message: 'roleMissing' };
    case 'not-enabled':
      return { verdict: verdict.kind, message: 'notEnabled' };
    case 'unknown':
      if (!isSettingsPage(path)) return null;
      if (verdict.missing.includes('open-settings'))
        return { verdict: verdict.kind, message: 'unknownOpenSettings' };
      if (verdict.missing.includes('role-not-seen')) return { verdict: verdict.kind, message: 'unknownRole' };
      return null;
    case 'ready':
      return path === PATHS.apiKeys ? { verdict: verdict.kind, message: 'ready' } : null;
    default:
      return null;
  }
}

export interface HintChoices {
  enabled: boolean;
  dismissed: readonly string[];
}

/** The hint to show now, or null when there is none or the user turned it off or dismissed it. */
export function visibleHint(
  environment: Environment,
  verdict: Verdict,
  pathname: string,
  choices: HintChoices,
): Hint | null {
  if (!choices.enabled) return null;
  const hint = hintFor(verdict, pathname);
  if (!hint || choices.dismissed.includes(dismissalKey(environment, hint.verdict))) return null;
  return hint;
}

/** The hint speaks the page's language when it has it (from <html lang>, e.g. "da-DK"), else English. */
export function hintLanguage(htmlLang: string | null | undefined): HintLanguage {
  const primary = (htmlLang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(HINT_STRINGS, primary) ? (primary as HintLanguage) : 'en';
}

export function hintStrings(language: HintLanguage): HintStrings {
  return HINT_STRINGS[language];
}

/**
 * The stored items the hint reads, by their keys in `storage.local`. The content script reads them
 * directly rather than through lib/storage.ts, whose validators and wrapper would not fit its size
 * budget; a unit test checks these keys against lib/storage.ts.
 */
export function hintStorageKeys(environment: Environment) {
  return {
    record: `environment:${environment}`,
    profile: 'profile',
    settings: 'settings',
    dismissed: 'dismissedHints',
  } as const;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = (value: unknown, allowed: readonly string[]) =>
  typeof value === 'string' && allowed.includes(value);
const factOf = (value: unknown, allowed: readonly string[]) => isObject(value) && oneOf(value.value, allowed);
const KNOWN_ROLES = ROLE_VALUES.filter((role) => role !== 'unknown');

/** The record as far as the verdict reads it; null when it is not one (then no hint is shown). */
function readRecord(environment: Environment, stored: unknown): EnvironmentRecord | null {
  if (stored === undefined || stored === null) return emptyRecord(environment, RULES_VERSION);
  if (!isObject(stored) || stored.environment !== environment) return null;
  const role = isObject(stored.role) ? stored.role.value : undefined;
  const valid =
    factOf(stored.signedIn, ['yes', 'no', 'unknown']) &&
    factOf(stored.apiKeysEntry, ['visible', 'absent', 'unknown']) &&
    isObject(role) &&
    oneOf(role.value, ROLE_VALUES) &&
    oneOf(role.confidence, ['high', 'medium', 'low']) &&
    oneOf(role.source, ['detected', 'declared']) &&
    (stored.checkedAt === null || typeof stored.checkedAt === 'number');
  return valid ? (stored as unknown as EnvironmentRecord) : null;
}

/** Only the declared roles matter to the verdict; anything unusable counts as none declared. */
function readProfile(stored: unknown): Profile {
  const declared = isObject(stored) && isObject(stored.declaredRoles) ? stored.declaredRoles : {};
  const declaredRoles: Profile['declaredRoles'] = {};
  for (const environment of ENVIRONMENTS) {
    const role = declared[environment];
    if (oneOf(role, KNOWN_ROLES)) declaredRoles[environment] = role as KnownRole;
  }
  return { ...DEFAULT_PROFILE, declaredRoles };
}

/** The hint for this page from the raw stored values (keyed as in hintStorageKeys), or null. */
export function hintFromStorage(
  environment: Environment,
  stored: Record<string, unknown>,
  pathname: string,
): Hint | null {
  const keys = hintStorageKeys(environment);
  const record = readRecord(environment, stored[keys.record]);
  if (!record) return null;
  const settings = stored[keys.settings];
  const dismissed = stored[keys.dismissed];
  return visibleHint(environment, verdict(record, readProfile(stored[keys.profile])), pathname, {
    enabled:
      isObject(settings) && typeof settings.hintEnabled === 'boolean'
        ? settings.hintEnabled
        : DEFAULT_SETTINGS.hintEnabled,
    dismissed: Array.isArray(dismissed) ? dismissed.filter((key) => typeof key === 'string') : [],
  });
}
