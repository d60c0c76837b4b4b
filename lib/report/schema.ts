/**
 * The diagnostic report's schema (schemaVersion 1), the one source of its shape: the builder's
 * types come from here, the tests validate every report with it, and docs/report.schema.json is
 * generated from it by scripts/report-schema.ts. Only tests and that script load valibot for it;
 * the popup imports types alone.
 */
import * as v from 'valibot';
import { ORIGINS } from '../environments';
import { SITE_ACCESS_STATES } from '../guidance/site-access';
import {
  EVIDENCE_LIMIT,
  HISTORY_LIMIT,
  IDENTIFIER_MAX,
  ITEM_NAME_MAX,
  LABEL_MAX,
  LANGUAGE_TAG_MAX,
  LEARNED_LABELS_LIMIT,
  ORGANISATION_NAME_MAX,
  ORGANISATIONS_LIMIT,
  STEP_ID_MAX,
  TEXT_MAX,
  TYPED_NAME_MAX,
} from '../limits';
import {
  AudienceKindSchema,
  AudienceStageSchema,
  EntryStateSchema,
  EvidenceSchema,
  RoleFactSchema,
  ShortText,
  SignedInSchema,
  TaughtLabelEntries,
  WriteFailureReasonSchema,
} from '../schemas';
import {
  COMPANY_ID,
  type ENVIRONMENTS,
  KEY_CHECK_RESULTS,
  MISSING,
  RECIPIENTS,
  REPORT_SCHEMA_VERSION,
  REQUEST_KINDS,
  VERDICTS,
} from '../types';

const Time = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 date and time, UTC'));

const ChecksSchema = v.strictObject({
  signedIn: SignedInSchema,
  apiKeysEntry: EntryStateSchema,
  legacyApiEntry: EntryStateSchema,
  role: RoleFactSchema,
});

const NextStepSchema = v.strictObject({
  id: ShortText(STEP_ID_MAX),
  title: ShortText(TEXT_MAX),
  url: v.nullable(v.pipe(v.string(), v.url(), v.startsWith('https://'))),
});

const HistoryEntrySchema = v.strictObject({
  verdict: v.picklist(VERDICTS),
  at: Time,
});

const LearnedLabelsSchema = v.pipe(
  v.array(v.strictObject(TaughtLabelEntries)),
  v.minLength(1),
  v.maxLength(LEARNED_LABELS_LIMIT),
  v.description(
    'Present only when the user taught labels for this environment by pointing at them: UI words they chose to share (role only for kind role), redacted like all page text',
  ),
);

// What one record yields: an environment's (its organisation seen most recently) or one organisation's.
const RecordEntries = {
  checkedAt: v.nullable(Time),
  verdict: v.picklist(VERDICTS),
  missing: v.array(v.picklist(MISSING)),
  checks: ChecksSchema,
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(EVIDENCE_LIMIT)),
};

const RequestSchema = v.pipe(
  v.strictObject({
    kind: v.picklist(REQUEST_KINDS),
    recipient: v.picklist(RECIPIENTS),
    sentAt: Time,
    resolvedAt: v.nullable(Time),
  }),
  v.description(
    'Present only when the user said they sent the request the popup wrote: its kind (role or enabling), the kind of recipient it named (never a name), when it was sent, and when what it asked for was first seen (null while open). The open one, else the one sent last',
  ),
);

const OrganisationSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^(?:org-[1-9]\d*|not-identified)$/),
    v.description(
      "This report's own number for the organisation, org-1 the one checked most recently (never a stored id); not-identified: pages that showed no company",
    ),
  ),
  name: v.optional(
    v.pipe(
      v.string(),
      v.minLength(1),
      v.maxLength(ORGANISATION_NAME_MAX),
      v.description('Present only when the user chose to include company names'),
    ),
  ),
  ...RecordEntries,
  request: v.optional(RequestSchema),
});

const OrganisationsSchema = v.pipe(
  v.array(OrganisationSchema),
  v.minLength(1),
  v.maxLength(ORGANISATIONS_LIMIT + 1),
  v.description(
    'Present only when a page of this environment showed a company: one entry per company, the one checked most recently first, then pages that showed none when there were any. The fields above are those of the entry checked most recently',
  ),
);

const KeyCheckSchema = v.pipe(
  v.strictObject({
    result: v.picklist(KEY_CHECK_RESULTS),
    checkedAt: Time,
    companyId: v.optional(
      v.pipe(
        v.string(),
        v.regex(COMPANY_ID),
        v.description(
          "The company (or organisation) id from Pleo's answer; present only when the user chose to include company names and ids",
        ),
      ),
    ),
  }),
  v.description(
    "Present only when the user checked a key: what Pleo's External API answered in this environment the last time (valid, inactive installation, invalid: 401, not-allowed: 403, unreachable: 5xx, timeout or no connection, unexpected: an answer that makes no sense). Never the key",
  ),
);

const environmentSchema = <E extends (typeof ENVIRONMENTS)[number]>(environment: E) =>
  v.strictObject({
    environment: v.literal(environment),
    origin: v.literal(ORIGINS[environment]),
    ...RecordEntries,
    learnedLabels: v.optional(LearnedLabelsSchema),
    nextSteps: v.array(NextStepSchema),
    history: v.pipe(v.array(HistoryEntrySchema), v.maxLength(HISTORY_LIMIT)),
    siteAccess: v.optional(
      v.pipe(
        v.picklist(SITE_ACCESS_STATES),
        v.description(
          'Whether the browser let the extension read this origin when the report was made (withheld: site access set to "On click", or the site blocked); absent when unknown',
        ),
      ),
    ),
    request: v.optional(RequestSchema),
    organisations: v.optional(OrganisationsSchema),
    keyCheck: v.optional(KeyCheckSchema),
  });

const StorageResetSchema = v.strictObject({
  item: ShortText(ITEM_NAME_MAX),
  at: Time,
  reason: ShortText(LABEL_MAX),
});

export const ReportSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(REPORT_SCHEMA_VERSION),
    generatedAt: Time,
    extension: v.strictObject({
      name: ShortText(TYPED_NAME_MAX),
      version: ShortText(IDENTIFIER_MAX),
      rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    browser: v.strictObject({ name: ShortText(IDENTIFIER_MAX), version: ShortText(IDENTIFIER_MAX) }),
    uiLanguage: ShortText(LANGUAGE_TAG_MAX),
    audience: v.strictObject({
      kind: AudienceKindSchema,
      stage: AudienceStageSchema,
    }),
    companyName: v.optional(
      v.pipe(
        v.string(),
        v.minLength(1),
        v.maxLength(TYPED_NAME_MAX),
        v.description('Present only when the user chose to add it in the preview'),
      ),
    ),
    environments: v.strictTuple([environmentSchema('production'), environmentSchema('staging')]),
    storageResets: v.array(StorageResetSchema),
    storageWriteFailure: v.optional(
      v.pipe(
        v.strictObject({
          item: ShortText(ITEM_NAME_MAX),
          at: Time,
          reason: WriteFailureReasonSchema,
        }),
        v.description(
          'Present only when the last write of this item failed (storage-full: the browser refused it for lack of space); what the report shows is from before',
        ),
      ),
    ),
  }),
  v.title('API Access Checker for Pleo: diagnostic report'),
  v.description('Redacted by default: no names, e-mail addresses, company names or ids, no secrets.'),
);

export type Report = v.InferOutput<typeof ReportSchema>;
export type ReportEnvironment = Report['environments'][number];
export type ReportNextStep = ReportEnvironment['nextSteps'][number];
export type ReportLearnedLabel = NonNullable<ReportEnvironment['learnedLabels']>[number];
export type ReportOrganisation = NonNullable<ReportEnvironment['organisations']>[number];
export type ReportRequest = NonNullable<ReportEnvironment['request']>;

/** docs/report.schema.json: the JSON Schema of the report, generated from ReportSchema. */
export async function reportJsonSchemaText(): Promise<string> {
  // Loaded only here, so nothing that builds a report pulls the converter in.
  const { toJsonSchema } = await import('@valibot/to-json-schema');
  return `${JSON.stringify(toJsonSchema(ReportSchema), null, 2)}\n`;
}
