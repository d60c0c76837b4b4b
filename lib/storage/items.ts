/**
 * Every item the extension stores, declared once with its key, schema, version and migrations.
 *
 * Only the background writes (./writer.ts); the popup, options page and in-page hint read
 * (./reader.ts, lib/hint/). The shapes come from lib/types.ts and lib/state/.
 */
import * as v from 'valibot';
import { RULES_VERSION } from '../detect/rules';
import {
  EVIDENCE_LIMIT,
  HISTORY_LIMIT,
  ITEM_NAME_MAX,
  LEARNED_LABELS_LIMIT,
  ORGANISATION_NAME_MAX,
  ORGANISATIONS_LIMIT,
  REQUESTS_LIMIT,
  RESETS_LIMIT,
} from '../limits';
import {
  AudienceKindSchema,
  AudienceStageSchema,
  EntryStateSchema,
  EvidenceSchema,
  KeyCheckEntries,
  KnownRoleSchema,
  RoleFactSchema,
  ShortText,
  SignedInSchema,
  TaughtLabelEntries,
  WriteFailureReasonSchema,
} from '../schemas';
import { emptyRecord, type ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import { DEFAULT_SETTINGS, type DismissedHints, dismissalKey, type Settings } from '../state/profile';
import type { SentRequest } from '../state/requests';
import type {
  Environment,
  KeyCheckRecord,
  LearnedLabel,
  Profile,
  StorageReset,
  WriteFailure,
} from '../types';
import {
  CHECKS,
  DEFAULT_PROFILE,
  ENVIRONMENTS,
  isObject,
  RECIPIENTS,
  REQUEST_KINDS,
  RESET_REASONS,
  VERDICTS,
} from '../types';
import {
  DISMISSED_HINTS_KEY,
  KEY_CHECKS_KEY,
  LEARNED_LABELS_KEY,
  organisationsKey,
  PROFILE_KEY,
  REQUESTS_KEY,
  RESETS_KEY,
  recordKey,
  SETTINGS_KEY,
  WRITE_FAILURE_KEY,
} from './keys';
import { learnedWithoutPersonal, organisationsWithoutPersonal, recordWithoutPersonal } from './personal';

type Migration = (stored: unknown) => unknown;

export interface StoredItem<T> {
  key: `local:${string}` | `session:${string}`;
  version: number;
  /** Version n's migration turns a value of version n - 1 into version n. */
  migrations: Record<number, Migration>;
  schema: v.GenericSchema<unknown, T>;
  fallback: () => T;
  /**
   * Given a value whose unusable fields were reset to the default: what else must go with them,
   * or null when the rest cannot be trusted either.
   */
  afterFieldReset?: (value: T, resetFields: string[]) => T | null;
  /** The value without what the privacy rule refuses (./personal.ts), or null when nothing had to go. */
  withoutPersonal?: (value: T) => T | null;
}

const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const fact = <T extends v.GenericSchema>(value: T) => v.strictObject({ value, seenAt: v.nullable(Time) });

function recordSchema(environment: Environment) {
  return v.strictObject({
    environment: v.literal(environment),
    signedIn: fact(SignedInSchema),
    apiKeysEntry: fact(EntryStateSchema),
    legacyApiEntry: fact(EntryStateSchema),
    role: fact(RoleFactSchema),
    evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(CHECKS.length * EVIDENCE_LIMIT)),
    checkedAt: v.nullable(Time),
    rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    history: v.pipe(
      v.array(v.strictObject({ verdict: v.picklist(VERDICTS), at: Time })),
      v.maxLength(HISTORY_LIMIT),
    ),
  }) satisfies v.GenericSchema<unknown, ObservationRecord>;
}

function recordItem(environment: Environment): StoredItem<ObservationRecord> {
  return {
    key: `local:${recordKey(environment)}`,
    version: 2,
    migrations: {
      // Version 1 (the first release) kept no history of verdict changes.
      2: (stored) => {
        if (!isObject(stored)) throw new Error('not a record');
        return { history: [], ...stored };
      },
    },
    schema: recordSchema(environment),
    fallback: () => emptyRecord(environment, RULES_VERSION),
    withoutPersonal: recordWithoutPersonal,
    // A record of the wrong environment is wholly wrong; evidence goes with the fact it explained,
    // and when the page was last read follows from the facts it left.
    afterFieldReset: (record, resetFields) => {
      if (resetFields.includes('environment')) return null;
      const seen = [record.signedIn, record.apiKeysEntry, record.legacyApiEntry, record.role].flatMap(
        (fact) => (fact.seenAt === null ? [] : [fact.seenAt]),
      );
      return {
        ...record,
        evidence: record.evidence.filter((e) => !resetFields.includes(e.check)),
        checkedAt:
          resetFields.includes('checkedAt') && seen.length > 0 ? Math.max(...seen) : record.checkedAt,
      };
    },
  };
}

/**
 * The organisations pages of an environment showed, each with its own record. New in storage
 * version 1 of this item: storage from before it has none, and the environment's record stays
 * where it was as the "organisation not identified" record, so no fact moves or is lost.
 */
function organisationsItem(environment: Environment): StoredItem<OrganisationRecord[]> {
  return {
    key: `local:${organisationsKey(environment)}`,
    version: 1,
    migrations: {},
    schema: v.pipe(
      v.array(
        v.strictObject({
          id: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
          name: v.pipe(ShortText(ORGANISATION_NAME_MAX), v.regex(/\S/)),
          record: recordSchema(environment),
        }),
      ),
      v.maxLength(ORGANISATIONS_LIMIT),
    ),
    fallback: () => [],
    withoutPersonal: organisationsWithoutPersonal,
  };
}

const sentRequestsSchema = <E extends Environment>(environment: E) =>
  v.pipe(
    v.array(
      v.strictObject({
        environment: v.literal(environment),
        organisation: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))),
        kind: v.picklist(REQUEST_KINDS),
        recipient: v.picklist(RECIPIENTS),
        sentAt: Time,
        resolvedAt: v.nullable(Time),
        seenInPopupAt: v.nullable(Time),
        seenInPageAt: v.nullable(Time),
      }),
    ),
    v.maxLength(REQUESTS_LIMIT),
  );

/** The requests the user said they sent, per environment (lib/state/requests.ts). */
export type SentRequests = Record<Environment, SentRequest[]>;

/** Both environments' requests in one list, as lib/state/requests.ts takes them. */
export const allRequests = (stored: SentRequests): SentRequest[] => [...stored.production, ...stored.staging];

export const requestsByEnvironment = (requests: readonly SentRequest[]): SentRequests => ({
  production: requests.filter((r) => r.environment === 'production'),
  staging: requests.filter((r) => r.environment === 'staging'),
});

/** What the user taught, per environment (lib/state/learned.ts). */
export type LearnedLabels = Record<Environment, LearnedLabel[]>;

const LearnedLabelsSchema = v.pipe(
  v.array(v.strictObject({ ...TaughtLabelEntries, learnedAt: Time })),
  v.maxLength(LEARNED_LABELS_LIMIT),
);

/** The last key check per environment (lib/keycheck/); null where no check was made. */
export type KeyChecks = Record<Environment, KeyCheckRecord | null>;

const KeyCheckSchema = v.nullable(v.strictObject({ ...KeyCheckEntries, checkedAt: Time }));

const StorageResetSchema = v.strictObject({
  item: ShortText(ITEM_NAME_MAX),
  at: Time,
  reason: v.picklist(RESET_REASONS),
});
const WriteFailureSchema = v.strictObject({
  item: ShortText(ITEM_NAME_MAX),
  at: Time,
  reason: WriteFailureReasonSchema,
});

export const STORED = {
  production: recordItem('production'),
  staging: recordItem('staging'),
  productionOrganisations: organisationsItem('production'),
  stagingOrganisations: organisationsItem('staging'),
  profile: {
    key: `local:${PROFILE_KEY}`,
    version: 1,
    migrations: {},
    schema: v.strictObject({
      kind: AudienceKindSchema,
      stage: AudienceStageSchema,
      declaredRoles: v.strictObject({
        production: v.optional(KnownRoleSchema),
        staging: v.optional(KnownRoleSchema),
      }),
    }),
    fallback: () => structuredClone(DEFAULT_PROFILE),
  } satisfies StoredItem<Profile>,
  settings: {
    key: `local:${SETTINGS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.strictObject({ hintEnabled: v.boolean() }),
    fallback: () => ({ ...DEFAULT_SETTINGS }),
  } satisfies StoredItem<Settings>,
  dismissedHints: {
    key: `local:${DISMISSED_HINTS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.pipe(
      v.array(
        v.picklist(
          ENVIRONMENTS.flatMap((environment) =>
            VERDICTS.map((verdict) => dismissalKey(environment, verdict)),
          ),
        ),
      ),
      v.maxLength(ENVIRONMENTS.length * VERDICTS.length),
    ),
    fallback: (): DismissedHints => [],
  } satisfies StoredItem<DismissedHints>,
  learnedLabels: {
    key: `local:${LEARNED_LABELS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.strictObject({ production: LearnedLabelsSchema, staging: LearnedLabelsSchema }),
    fallback: (): LearnedLabels => ({ production: [], staging: [] }),
    withoutPersonal: learnedWithoutPersonal,
  } satisfies StoredItem<LearnedLabels>,
  // New in this item's version 1: storage from before it has no request, and nothing else moves.
  requests: {
    key: `local:${REQUESTS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.strictObject({
      production: sentRequestsSchema('production'),
      staging: sentRequestsSchema('staging'),
    }),
    fallback: (): SentRequests => ({ production: [], staging: [] }),
  } satisfies StoredItem<SentRequests>,
  keyChecks: {
    key: `local:${KEY_CHECKS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.strictObject({ production: KeyCheckSchema, staging: KeyCheckSchema }),
    fallback: (): KeyChecks => ({ production: null, staging: null }),
  } satisfies StoredItem<KeyChecks>,
  resets: {
    key: `local:${RESETS_KEY}`,
    version: 1,
    migrations: {},
    schema: v.pipe(v.array(StorageResetSchema), v.maxLength(RESETS_LIMIT)),
    fallback: (): StorageReset[] => [],
  } satisfies StoredItem<StorageReset[]>,
  writeFailure: {
    key: `session:${WRITE_FAILURE_KEY}`,
    version: 1,
    migrations: {},
    schema: v.nullable(WriteFailureSchema),
    fallback: (): WriteFailure | null => null,
  } satisfies StoredItem<WriteFailure | null>,
};

export type StoredName = keyof typeof STORED;

/** The stored item that holds an environment's organisations. */
export const organisationsOf = (environment: Environment) =>
  environment === 'production' ? 'productionOrganisations' : 'stagingOrganisations';

export type StoredValue<N extends StoredName> = ReturnType<(typeof STORED)[N]['fallback']>;

/** An item's key within its storage area, as the resets log and the report name it. */
export function itemName(item: { key: string }): string {
  return item.key.replace(/^\w+:/, '');
}
