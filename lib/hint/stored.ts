/**
 * The hint's verdict from the stored values themselves. The content script reads its few keys
 * straight from `storage.local` rather than through lib/storage/, whose validators and WXT wrapper
 * would not fit its size budget, so this checks only what the verdict reads, with the same enums.
 */
import { RULES_VERSION } from '../detect/rules';
import { emptyRecord, type ObservationRecord } from '../state/merge';
import { organisationByName } from '../state/organisations';
import { DEFAULT_SETTINGS } from '../state/profile';
import { verdict } from '../state/verdict';
import {
  DISMISSED_HINTS_KEY,
  organisationsKey,
  PROFILE_KEY,
  REQUESTS_KEY,
  recordKey,
  SETTINGS_KEY,
} from '../storage/keys';
import type { Environment, KnownRole, Profile } from '../types';
import {
  CONFIDENCES,
  DEFAULT_PROFILE,
  ENTRY_STATES,
  ENVIRONMENTS,
  isObject,
  isOneOf,
  KNOWN_ROLES,
  ROLE_SOURCES,
  ROLE_VALUES,
  SIGNED_IN_STATES,
} from '../types';
import { type Hint, visibleHint } from './hint';

/** The stored items the hint reads, by their keys in `storage.local`. */
export function hintStorageKeys(environment: Environment) {
  return {
    record: recordKey(environment),
    organisations: organisationsKey(environment),
    profile: PROFILE_KEY,
    settings: SETTINGS_KEY,
    dismissed: DISMISSED_HINTS_KEY,
    requests: REQUESTS_KEY,
  } as const;
}

const factOf = (value: unknown, allowed: readonly string[]) =>
  isObject(value) && isOneOf(value.value, allowed);

/** The record as far as the verdict reads it; null when it is not one (then no hint is shown). */
function readRecord(environment: Environment, stored: unknown): ObservationRecord | null {
  if (stored === undefined || stored === null) return emptyRecord(environment, RULES_VERSION);
  if (!isObject(stored) || stored.environment !== environment) return null;
  const role = isObject(stored.role) ? stored.role.value : undefined;
  const valid =
    factOf(stored.signedIn, SIGNED_IN_STATES) &&
    factOf(stored.apiKeysEntry, ENTRY_STATES) &&
    isObject(role) &&
    isOneOf(role.value, ROLE_VALUES) &&
    isOneOf(role.confidence, CONFIDENCES) &&
    isOneOf(role.source, ROLE_SOURCES) &&
    (stored.checkedAt === null || typeof stored.checkedAt === 'number');
  return valid ? (stored as unknown as ObservationRecord) : null;
}

/** Only the declared roles matter to the verdict; anything unusable counts as none declared. */
function readProfile(stored: unknown): Profile {
  const declared = isObject(stored) && isObject(stored.declaredRoles) ? stored.declaredRoles : {};
  const declaredRoles: Profile['declaredRoles'] = {};
  for (const environment of ENVIRONMENTS) {
    const role = declared[environment];
    if (isOneOf(role, KNOWN_ROLES)) declaredRoles[environment] = role as KnownRole;
  }
  return { ...DEFAULT_PROFILE, declaredRoles };
}

/** The stored organisation of this name, if any (a page's name, however spaced or cased). */
function organisationNamed(stored: unknown, name: string): { id?: unknown; record: unknown } | undefined {
  if (!Array.isArray(stored)) return undefined;
  const named = stored.filter(
    (entry): entry is { name: string; id?: unknown; record: unknown } =>
      isObject(entry) && typeof entry.name === 'string',
  );
  return organisationByName(named, name);
}

/**
 * When a request of this record got what it asked for and no page told the user yet: its kind and
 * when it was sent (lib/state/requests.ts). Anything unusable counts as no news.
 */
function untoldArrival(
  stored: unknown,
  environment: Environment,
  organisation: unknown,
): { kind: unknown; sentAt: number } | null {
  const list = isObject(stored) ? stored[environment] : undefined;
  if (!Array.isArray(list)) return null;
  for (const request of list) {
    if (!isObject(request) || request.organisation !== organisation) continue;
    const { sentAt } = request;
    if (
      typeof request.resolvedAt === 'number' &&
      request.seenInPageAt === null &&
      typeof sentAt === 'number'
    ) {
      return { kind: request.kind, sentAt };
    }
  }
  return null;
}

/**
 * The hint for this page from the raw stored values (keyed as in hintStorageKeys), or null. A page
 * that shows its company gets that company's verdict; one that shows none, the environment's own.
 */
export function hintFromStorage(
  environment: Environment,
  stored: Record<string, unknown>,
  pathname: string,
  organisation: string | null = null,
): Hint | null {
  const keys = hintStorageKeys(environment);
  const named = organisation === null ? null : organisationNamed(stored[keys.organisations], organisation);
  const record = readRecord(environment, named === null ? stored[keys.record] : named?.record);
  if (!record) return null;
  const settings = stored[keys.settings];
  const dismissed = stored[keys.dismissed];
  const enabled =
    isObject(settings) && typeof settings.hintEnabled === 'boolean'
      ? settings.hintEnabled
      : DEFAULT_SETTINGS.hintEnabled;
  const current = verdict(record, readProfile(stored[keys.profile]));
  // News that what the user asked for arrived goes first, once: the content script says it was told.
  // A company not stored yet has no request: its id is none of the stored ones.
  const requestOf = organisation === null ? null : named?.id;
  const arrival = enabled && untoldArrival(stored[keys.requests], environment, requestOf);
  if (arrival) {
    const message = arrival.kind === 'role' ? 'arrivedRole' : 'arrivedEnabling';
    return { verdict: current.kind, message, askedAt: arrival.sentAt };
  }
  return visibleHint(environment, current, pathname, {
    enabled,
    dismissed: Array.isArray(dismissed) ? dismissed.filter((key) => typeof key === 'string') : [],
  });
}
