/**
 * Validators for the shared shapes of lib/types.ts, built from its constants, for every place that
 * checks data from outside its own code: messages (lib/messages/), stored items (lib/storage/) and
 * the report's schema (lib/report/schema.ts).
 */
import * as v from 'valibot';
import { IDENTIFIER_MAX, LABEL_MAX } from './limits';
import {
  AUDIENCE_KINDS,
  AUDIENCE_STAGES,
  CHECKS,
  COMPANY_ID,
  CONFIDENCES,
  ENTRY_STATES,
  KEY_CHECK_RESULTS,
  KNOWN_ROLES,
  LANGUAGES,
  LEARNED_KINDS,
  ROLE_SOURCES,
  ROLE_VALUES,
  SIGNED_IN_STATES,
  WRITE_FAILURE_REASONS,
} from './types';

export const SignedInSchema = v.picklist(SIGNED_IN_STATES);
export const EntryStateSchema = v.picklist(ENTRY_STATES);
export const ConfidenceSchema = v.picklist(CONFIDENCES);
export const RoleValueSchema = v.picklist(ROLE_VALUES);
export const KnownRoleSchema = v.picklist(KNOWN_ROLES);
export const AudienceKindSchema = v.picklist(AUDIENCE_KINDS);
export const AudienceStageSchema = v.picklist(AUDIENCE_STAGES);
export const WriteFailureReasonSchema = v.picklist(WRITE_FAILURE_REASONS);

export const RoleFactSchema = v.strictObject({
  value: RoleValueSchema,
  confidence: ConfidenceSchema,
  source: v.picklist(ROLE_SOURCES),
});

/** A string of at most `max` characters. */
export const ShortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * What the user taught, as messages carry it and reports show it (storage adds when). A role
 * without `role`, or a role on another kind, is harmless: detection reads neither.
 */
export const TaughtLabelEntries = {
  kind: v.picklist(LEARNED_KINDS),
  label: ShortText(LABEL_MAX),
  language: v.picklist(LANGUAGES),
  role: v.optional(KnownRoleSchema),
};

export const EvidenceSchema = v.strictObject({
  check: v.picklist(CHECKS),
  signal: ShortText(IDENTIFIER_MAX),
  detail: ShortText(LABEL_MAX),
});

/** What a key check keeps of one environment's answer (storage adds when): never the key. */
export const KeyCheckEntries = {
  result: v.picklist(KEY_CHECK_RESULTS),
  companyId: v.optional(v.pipe(v.string(), v.regex(COMPANY_ID))),
};
