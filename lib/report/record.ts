/**
 * What one record says in the report, the same for an environment and for each company: checks,
 * verdict, evidence and the request sent about it; and the list of companies, numbered for the
 * report alone.
 */

import { EVIDENCE_LIMIT, LABEL_MAX, ORGANISATION_NAME_MAX } from '../limits';
import type { ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import { type RequestRecord, reportedRequest } from '../state/requests';
import { verdict } from '../state/verdict';
import type { Verdict } from '../types';
import type { Redact, ReportInput } from './input';
import { redactSecrets, shorten } from './redact';
import type { ReportOrganisation, ReportRequest } from './schema';

export const iso = (time: number) => new Date(time).toISOString();

/** A record's open request, else the one sent last: what was asked, of whom (a kind, never a name), when. */
export function requestReport(input: ReportInput, where: RequestRecord): ReportRequest | undefined {
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
export function recordReport(
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
export function organisationsReport(
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
