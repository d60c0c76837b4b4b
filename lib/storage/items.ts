/**
 * Every item the extension stores, declared once with its key, schema, version and migrations.
 *
 * Only the background writes (./writer.ts); the popup, options page and in-page hint read
 * (./reader.ts, lib/hint/). The shapes come from lib/types.ts and lib/state/.
 */
import * as v from 'valibot';
import { ITEM_NAME_MAX, LEARNED_LABELS_LIMIT, REQUESTS_LIMIT, RESETS_LIMIT } from '../limits';
import {
  AudienceKindSchema,
  AudienceStageSchema,
  KeyCheckEntries,
  KnownRoleSchema,
  ShortText,
  TaughtLabelEntries,
  WriteFailureReasonSchema,
} from '../schemas';
import { DEFAULT_SETTINGS, type DismissedHints, dismissalKey, type Settings } from '../state/profile';
import type { SentRequests } from '../state/requests';
import type {
  Environment,
  KeyCheckRecord,
  LearnedLabel,
  Profile,
  StorageReset,
  WriteFailure,
} from '../types';
import { DEFAULT_PROFILE, ENVIRONMENTS, RECIPIENTS, REQUEST_KINDS, RESET_REASONS, VERDICTS } from '../types';
import {
  DISMISSED_HINTS_KEY,
  KEY_CHECKS_KEY,
  LEARNED_LABELS_KEY,
  PROFILE_KEY,
  REQUESTS_KEY,
  RESETS_KEY,
  SETTINGS_KEY,
  WRITE_FAILURE_KEY,
} from './keys';
import { learnedWithoutPersonal } from './personal';
import { organisationsItem, recordItem } from './record-items';
import { type StoredItem, Time } from './stored-item';

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
