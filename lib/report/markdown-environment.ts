/**
 * One environment's section of the Markdown report: site access, the request, the key check, next
 * steps, checks and evidence, taught labels, history, and each company's part.
 */

import { camelCase, type MessageKey, MISSING_KEYS, type Translate } from '../guidance/translate';
import { ORGANISATION_NAME_MAX } from '../limits';
import type { Environment } from '../types';
import { code, escapeMarkdown, table } from './markdown-syntax';
import type { ReportEnvironment, ReportOrganisation, ReportRequest } from './schema';

export const ENVIRONMENT_KEYS: Record<Environment, MessageKey> = {
  production: 'report.markdown.production',
  staging: 'report.markdown.staging',
};

// Evidence the user gave, not the page: the signal says so in words.
const SIGNAL_KEYS = new Map<string, MessageKey>([
  ['declared', 'report.markdown.signalDeclared'],
  ['learned-label', 'report.markdown.signalLearned'],
]);

/** A next step, its link on the next line when it is a plain https URL; a URL inside its text stays text. */
function nextStep(title: string, url: string | null): string {
  const text = escapeMarkdown(title, 300);
  return url && /^https:\/\/[^\s<>()[\]`"']+$/.test(url) ? `${text}\n   <${url}>` : text;
}

export function environmentSection(entry: ReportEnvironment, t: Translate): string[] {
  const lines = [`## ${t(ENVIRONMENT_KEYS[entry.environment])} (${code(entry.origin)})`, ''];
  if (entry.siteAccess === 'withheld') lines.push(`**${t('report.markdown.siteAccessWithheld')}**`, '');
  if (entry.request) lines.push(requestLine(entry.request, t), '');
  if (entry.keyCheck) {
    const { result, checkedAt, companyId } = entry.keyCheck;
    lines.push(
      t('report.markdown.keyCheck', [
        t(`keyCheck.result.${camelCase(result)}`),
        t(ENVIRONMENT_KEYS[entry.environment]),
        code(checkedAt),
      ]),
      '',
    );
    if (companyId) lines.push(t('report.markdown.keyCheckCompany', [code(companyId)]), '');
  }
  if (entry.nextSteps.length > 0) {
    lines.push(`### ${t('report.markdown.nextSteps')}`, '');
    entry.nextSteps.forEach((step, index) => {
      lines.push(`${index + 1}. ${nextStep(step.title, step.url)}`);
    });
    lines.push('');
  }
  lines.push(...checksAndEvidence(entry, '###', t));
  if (entry.learnedLabels) {
    lines.push('', `### ${t('report.markdown.learnedLabels')}`, '');
    lines.push(
      ...table(
        [
          t('report.markdown.kind'),
          t('report.markdown.label'),
          t('report.markdown.language'),
          t('report.markdown.role'),
        ],
        entry.learnedLabels.map((learned) => [
          code(learned.kind),
          escapeMarkdown(learned.label),
          code(learned.language),
          learned.role ? code(learned.role) : '—',
        ]),
      ),
    );
  }
  if (entry.history.length > 0) {
    lines.push('', `### ${t('report.markdown.history')}`, '');
    for (const change of entry.history) lines.push(`- ${code(change.at)}: ${code(change.verdict)}`);
  }
  if (entry.organisations) {
    lines.push('', `### ${t('report.markdown.organisations')}`);
    for (const organisation of entry.organisations) lines.push('', ...organisationSection(organisation, t));
  }
  return lines;
}

/** "Asked on 2026-12-01, enabled on 2026-12-07.": a request the user sent, in one line. */
function requestLine(request: ReportRequest, t: Translate): string {
  const day = (time: string) => time.slice(0, 10);
  const sent = day(request.sentAt);
  if (request.kind === 'role') {
    return request.resolvedAt
      ? t('report.markdown.requestRoleDone', [sent, day(request.resolvedAt)])
      : t('report.markdown.requestRoleOpen', [sent]);
  }
  return request.resolvedAt
    ? t('report.markdown.requestEnablingDone', [sent, day(request.resolvedAt)])
    : t('report.markdown.requestEnablingOpen', [sent]);
}

/** The verdict, what is missing and when, as the summary shows them for an environment. */
export function verdictCells(
  entry: Pick<ReportOrganisation, 'verdict' | 'missing' | 'checkedAt'>,
  t: Translate,
) {
  return [
    `${t(`report.markdown.verdict.${camelCase(entry.verdict)}`)} (${code(entry.verdict)})`,
    entry.missing.map((missing) => t(MISSING_KEYS[missing].report)).join('; ') || '—',
    entry.checkedAt ? code(entry.checkedAt) : t('report.markdown.never'),
  ];
}

/** One company the pages showed (or the pages that showed none): its verdict, checks and evidence. */
function organisationSection(organisation: ReportOrganisation, t: Translate): string[] {
  const number = escapeMarkdown(organisation.id.replace(/^org-/, ''));
  // In a heading a closing run of # would be cut off the name: escaped, it stays the name's.
  const name =
    organisation.name && escapeMarkdown(organisation.name, ORGANISATION_NAME_MAX).replace(/#/g, '\\#');
  const heading =
    organisation.id === 'not-identified'
      ? t('report.markdown.notIdentified')
      : name
        ? t('report.markdown.organisationNamed', [number, name])
        : t('report.markdown.organisation', [number]);
  return [
    `#### ${heading}`,
    '',
    ...(organisation.request ? [requestLine(organisation.request, t), ''] : []),
    ...table(
      [
        t('report.markdown.verdict.heading'),
        t('report.markdown.missing.heading'),
        t('report.markdown.checkedAt'),
      ],
      [verdictCells(organisation, t)],
    ),
    '',
    ...checksAndEvidence(organisation, '#####', t),
  ];
}

/** The checks and the evidence for them, under headings of this level. */
function checksAndEvidence(
  entry: Pick<ReportOrganisation, 'checks' | 'evidence'>,
  level: string,
  t: Translate,
): string[] {
  const { role } = entry.checks;
  const lines = [`${level} ${t('report.markdown.checks')}`, ''];
  lines.push(
    ...table(
      [t('report.markdown.check'), t('report.markdown.value')],
      [
        ['signedIn', code(entry.checks.signedIn)],
        ['apiKeysEntry', code(entry.checks.apiKeysEntry)],
        ['legacyApiEntry', code(entry.checks.legacyApiEntry)],
        ['role', `${code(role.value)} (${code(role.confidence)}, ${code(role.source)})`],
      ].map(([check, value]) => [code(check!), value!]),
    ),
  );
  lines.push('', `${level} ${t('report.markdown.evidence')}`, '');
  if (entry.evidence.length === 0) {
    lines.push(t('report.markdown.none'));
  } else {
    lines.push(
      ...table(
        [t('report.markdown.check'), t('report.markdown.signal'), t('report.markdown.detail')],
        entry.evidence.map((item) => [
          code(item.check),
          signalText(item.signal, t),
          escapeMarkdown(item.detail),
        ]),
      ),
    );
  }
  return lines;
}

function signalText(signal: string, t: Translate): string {
  const key = SIGNAL_KEYS.get(signal);
  return key ? t(key, [escapeMarkdown(signal)]) : escapeMarkdown(signal);
}
