/**
 * The diagnostic report (schemaVersion 1): what was checked, where, when and what was seen, built
 * from the stored records alone. Redacted by default: every piece of page-derived text goes
 * through lib/redact, and a company name appears only when the user typed it for this report or
 * chose to include the names of the companies the pages showed.
 */

import { VOCABULARY } from '../detect/rules';
import { ORIGINS } from '../environments';
import type { SiteAccess } from '../guidance/site-access';
import { nextSteps, stepText } from '../guidance/steps';
import type { Translate } from '../guidance/translate';
import {
  EVIDENCE_LIMIT,
  HISTORY_LIMIT,
  ITEM_NAME_MAX,
  LABEL_MAX,
  LEARNED_LABELS_LIMIT,
  ORGANISATION_NAME_MAX,
  ORGANISATIONS_LIMIT,
  TYPED_NAME_MAX,
} from '../limits';
import { knownWordsIn } from '../privacy';
import { emptyRecord, type ObservationRecord } from '../state/merge';
import { byMostRecent, currentOrganisation, type OrganisationRecord } from '../state/organisations';
import { type RequestRecord, reportedRequest, type SentRequest } from '../state/requests';
import { verdict } from '../state/verdict';
import type {
  Environment,
  KeyCheckRecord,
  LearnedLabel,
  Profile,
  StorageReset,
  Verdict,
  WriteFailure,
} from '../types';
import { ENVIRONMENTS, REPORT_SCHEMA_VERSION } from '../types';
import { hideNames, redactLabel, redactSecrets, redactText, shorten, withoutQuery } from './redact';
import type {
  Report,
  ReportEnvironment,
  ReportLearnedLabel,
  ReportNextStep,
  ReportOrganisation,
  ReportRequest,
} from './schema';

export interface ReportInput {
  /** Each environment's own record: pages that showed no company ("organisation not identified"). */
  records: Partial<Record<Environment, ObservationRecord>>;
  /** The companies the pages of each environment showed, each with its record. */
  organisations?: Partial<Record<Environment, readonly OrganisationRecord[]>>;
  /** Whether the user chose, for this report only, to include those companies' names. */
  includeOrganisationNames?: boolean;
  profile: Profile;
  resets: readonly StorageReset[];
  writeFailure?: WriteFailure | null;
  now: number;
  extension: { name: string; version: string; rulesVersion: number };
  browser: { name: string; version: string };
  uiLanguage: string;
  /** Translates the next steps' titles into the language the user reads the popup in. */
  t: Translate;
  /** What the user typed in the preview for this one report; never stored. */
  companyName?: string;
  /** Whether the browser lets the extension read each environment's pages, where known. */
  siteAccess?: Partial<Record<Environment, SiteAccess>>;
  /** The last key check per environment; its company id goes in only with the companies' names. */
  keyChecks?: Partial<Record<Environment, KeyCheckRecord | null>>;
  /** The labels the user taught per environment, by pointing at them on a Pleo page. */
  learnedLabels?: Partial<Record<Environment, readonly LearnedLabel[]>>;
  /** The requests the user said they sent (lib/state/requests.ts). */
  requests?: readonly SentRequest[];
}

// The product's own UI words may stand capitalised side by side; any other such run may be a name.
const KNOWN_WORDS = knownWordsIn(VOCABULARY);

/** Page-derived text as the report may carry it, at most `max` characters; `label` for a taught label. */
type Redact = (text: string, max?: number, label?: boolean) => string;

const iso = (time: number) => new Date(time).toISOString();

export function buildReport(input: ReportInput): Report {
  // Unless the user included them, the companies' names are hidden even where redactNames would
  // let one through (a single word, lower case). No company seen: the text exactly as before.
  const hidden = input.includeOrganisationNames
    ? []
    : ENVIRONMENTS.flatMap((environment) => input.organisations?.[environment] ?? []).map((o) => o.name);
  const hide = hideNames(hidden);
  const redact: Redact = (text, max = LABEL_MAX, label = false) =>
    (label ? redactLabel : redactText)(hide(text), KNOWN_WORDS, max);
  const companyName = input.companyName ? shorten(input.companyName, TYPED_NAME_MAX) : '';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(input.now),
    extension: {
      name: shorten(input.extension.name, TYPED_NAME_MAX),
      version: shorten(input.extension.version, 40),
      rulesVersion: input.extension.rulesVersion,
    },
    browser: { name: shorten(input.browser.name, 40), version: shorten(input.browser.version, 40) },
    uiLanguage: shorten(input.uiLanguage, 35),
    audience: { kind: input.profile.kind, stage: input.profile.stage },
    ...(companyName ? { companyName } : {}),
    // Both environments, always, in this order: the schema's tuple checks what the type cannot.
    environments: [
      environmentReport('production', input, redact),
      environmentReport('staging', input, redact),
    ] as Report['environments'],
    storageResets: input.resets.map((reset) => ({
      item: redact(reset.item, ITEM_NAME_MAX),
      at: iso(reset.at),
      reason: redact(reset.reason),
    })),
    ...(input.writeFailure
      ? {
          storageWriteFailure: {
            item: redact(input.writeFailure.item, ITEM_NAME_MAX),
            at: iso(input.writeFailure.at),
            reason: input.writeFailure.reason,
          },
        }
      : {}),
  };
}

function environmentReport(environment: Environment, input: ReportInput, redact: Redact): ReportEnvironment {
  const own = input.records[environment];
  // The store keeps no more than the limit; a report never holds more, whatever it is given.
  const organisations = byMostRecent(input.organisations?.[environment] ?? []).slice(0, ORGANISATIONS_LIMIT);
  // The environment's fields are those of the record checked most recently, so that a reader of
  // the report before organisations (schemaVersion 1) still reads the current verdict.
  const current = currentOrganisation(
    own ?? emptyRecord(environment, input.extension.rulesVersion),
    organisations,
  );
  const record = current.organisation ? current.record : own;
  const result = verdict(record, input.profile);
  const checked = record && record.checkedAt !== null ? record : undefined;
  const learnedLabels = learnedReport(input.learnedLabels?.[environment] ?? [], redact);
  const siteAccess = input.siteAccess?.[environment];
  const organisationEntries = organisationsReport(organisations, own, input, redact);
  const request = requestReport(input, { environment, organisation: current.organisation?.id ?? null });
  return {
    environment,
    origin: ORIGINS[environment],
    ...recordReport(checked, result, redact),
    ...(learnedLabels.length > 0 ? { learnedLabels } : {}),
    nextSteps: nextSteps(result, environment, input.profile, record, siteAccess).map(
      (step): ReportNextStep => ({
        id: step.id,
        // Our own sentence: names are not hidden here, but a secret in a parameter still is.
        title: shorten(redactSecrets(stepText(step, input.t)), 300),
        url: step.url?.startsWith('https://') ? withoutQuery(step.url) : null,
      }),
    ),
    history: (checked?.history ?? [])
      .slice(-HISTORY_LIMIT)
      .map((change) => ({ verdict: change.verdict, at: iso(change.at) })),
    ...(siteAccess ? { siteAccess } : {}),
    ...(request ? { request } : {}),
    ...(organisationEntries.length > 0 ? { organisations: organisationEntries } : {}),
    ...keyCheckReport(input.keyChecks?.[environment], input.includeOrganisationNames),
  };
}

/** "A key was checked: valid in Production": the result and when, the company id only if the user includes it. */
function keyCheckReport(
  keyCheck: KeyCheckRecord | null | undefined,
  includeCompanyId: boolean | undefined,
): Pick<ReportEnvironment, 'keyCheck'> {
  if (!keyCheck) return {};
  return {
    keyCheck: {
      result: keyCheck.result,
      checkedAt: iso(keyCheck.checkedAt),
      ...(includeCompanyId && keyCheck.companyId ? { companyId: keyCheck.companyId } : {}),
    },
  };
}

/** A record's open request, else the one sent last: what was asked, of whom (a kind, never a name), when. */
function requestReport(input: ReportInput, where: RequestRecord): ReportRequest | undefined {
  const request = reportedRequest(input.requests ?? [], where);
  return (
    request && {
      kind: request.kind,
      recipient: request.recipient,
      sentAt: iso(request.sentAt),
      resolvedAt: request.resolvedAt === null ? null : iso(request.resolvedAt),
    }
  );
}

/** What one record says, as the environment and each organisation carry it. */
function recordReport(
  checked: ObservationRecord | undefined,
  result: Verdict,
  redact: Redact,
): Pick<ReportOrganisation, 'checkedAt' | 'verdict' | 'missing' | 'checks' | 'evidence'> {
  return {
    checkedAt: checked ? iso(checked.checkedAt!) : null,
    verdict: result.kind,
    missing: [...result.missing],
    checks: {
      signedIn: checked?.signedIn.value ?? 'unknown',
      apiKeysEntry: checked?.apiKeysEntry.value ?? 'unknown',
      legacyApiEntry: checked?.legacyApiEntry.value ?? 'unknown',
      role: { ...(checked?.role.value ?? { value: 'unknown', confidence: 'low', source: 'detected' }) },
    },
    evidence: (checked?.evidence ?? []).slice(0, EVIDENCE_LIMIT).map((item) => ({
      check: item.check,
      signal: redact(item.signal, 40),
      detail: redact(item.detail, LABEL_MAX, item.signal === 'learned-label'),
    })),
  };
}

/**
 * One entry per company, the one checked most recently first, numbered for this report alone (the
 * stored id is a hash of the name, so it never leaves the browser); then the pages that showed no
 * company, when there were any. Empty when no page showed a company.
 */
function organisationsReport(
  organisations: readonly OrganisationRecord[],
  own: ObservationRecord | undefined,
  input: ReportInput,
  redact: Redact,
): ReportOrganisation[] {
  if (organisations.length === 0) return [];
  const entry = (
    id: string,
    record: ObservationRecord | undefined,
    stored: string | null,
    name = '',
  ): ReportOrganisation => {
    const checked = record && record.checkedAt !== null ? record : undefined;
    const request = record && requestReport(input, { environment: record.environment, organisation: stored });
    return {
      id,
      ...(name ? { name } : {}),
      ...recordReport(checked, verdict(record, input.profile), redact),
      ...(request ? { request } : {}),
    };
  };
  const entries = organisations.map((organisation, index) =>
    entry(
      `org-${index + 1}`,
      organisation.record,
      organisation.id,
      input.includeOrganisationNames ? shorten(redactSecrets(organisation.name), ORGANISATION_NAME_MAX) : '',
    ),
  );
  if (own && own.checkedAt !== null) entries.push(entry('not-identified', own, null));
  return entries;
}

/**
 * What the user taught, newest last: words they chose to share, still page text, so redacted like
 * the rest (a teachable label passes unchanged). When it was taught stays in the browser.
 */
function learnedReport(labels: readonly LearnedLabel[], redact: Redact): ReportLearnedLabel[] {
  return labels.slice(-LEARNED_LABELS_LIMIT).map((learned) => ({
    kind: learned.kind,
    label: redact(learned.label, LABEL_MAX, true),
    language: learned.language,
    ...(learned.kind === 'role' && learned.role ? { role: learned.role } : {}),
  }));
}

/** The report as the JSON file holds it. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The browser's name and major version from its user agent string, for the report header. */
export function browserFromUserAgent(userAgent: string): ReportInput['browser'] {
  const patterns: [string, RegExp][] = [
    ['Firefox', /Firefox\/(\d+)/],
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ];
  for (const [name, pattern] of patterns) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { name, version };
  }
  return { name: 'unknown', version: 'unknown' };
}

/** The file name of a downloaded report: pleo-access-report-YYYYMMDD-HHMMSS.json or .md, local time. */
export function reportFileName(time: Date, extension: 'json' | 'md'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.getFullYear()}${pad(time.getMonth() + 1)}${pad(time.getDate())}`;
  const clock = `${pad(time.getHours())}${pad(time.getMinutes())}${pad(time.getSeconds())}`;
  return `pleo-access-report-${date}-${clock}.${extension}`;
}
