/**
 * One environment's part of the report: the record checked most recently (a company's, or the
 * pages' that showed none), its next steps, history, site access, request, key check, taught
 * labels and, when pages showed companies, each company's part (lib/report/record.ts).
 */

import { ORIGINS } from '../environments';
import { nextSteps, stepText } from '../guidance/steps';
import { HISTORY_LIMIT, LABEL_MAX, LEARNED_LABELS_LIMIT, ORGANISATIONS_LIMIT } from '../limits';
import { emptyRecord } from '../state/merge';
import { byMostRecent, currentOrganisation } from '../state/organisations';
import { verdict } from '../state/verdict';
import type { Environment, KeyCheckRecord, LearnedLabel } from '../types';
import type { Redact, ReportInput } from './input';
import { iso, organisationsReport, recordReport, requestReport } from './record';
import { redactSecrets, shorten, withoutQuery } from './redact';
import type { ReportEnvironment, ReportLearnedLabel, ReportNextStep } from './schema';

export function environmentReport(
  environment: Environment,
  input: ReportInput,
  redact: Redact,
): ReportEnvironment {
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
