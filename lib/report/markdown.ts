/**
 * The report as Markdown, for a support chat or an e-mail: a short summary first, then each
 * environment's section (lib/report/markdown-environment.ts), the suggested rules change and what
 * went wrong with storage. Every string that is not one of our own labels is escaped
 * (lib/report/markdown-syntax.ts).
 */

import type { Translate } from '../guidance/translate';
import { ENVIRONMENT_KEYS, environmentSection, verdictCells } from './markdown-environment';
import { code, escapeMarkdown, table } from './markdown-syntax';
import type { Report } from './schema';
import { suggestionSection } from './suggestion';

export function reportMarkdown(report: Report, t: Translate): string {
  const lines: string[] = [`# ${t('report.markdown.title')}`, ''];
  lines.push(
    t('report.markdown.generated', [
      code(report.generatedAt),
      `${escapeMarkdown(report.extension.name)} ${code(report.extension.version)}`,
      code(String(report.extension.rulesVersion)),
      `${escapeMarkdown(report.browser.name)} ${code(report.browser.version)}`,
      code(report.uiLanguage),
    ]),
    '',
    t('report.markdown.audience', [code(report.audience.kind), code(report.audience.stage)]),
  );
  if (report.companyName) lines.push('', t('report.markdown.company', [escapeMarkdown(report.companyName)]));

  lines.push('', `## ${t('report.markdown.summary')}`, '');
  lines.push(
    ...table(
      [
        t('report.markdown.environment'),
        t('report.markdown.verdict.heading'),
        t('report.markdown.missing.heading'),
        t('report.markdown.checkedAt'),
      ],
      report.environments.map((entry) => [
        `${t(ENVIRONMENT_KEYS[entry.environment])} (${code(entry.origin)})`,
        ...verdictCells(entry, t),
      ]),
    ),
  );

  for (const entry of report.environments) lines.push('', ...environmentSection(entry, t));
  lines.push(...suggestionSection(report, t));

  const failure = report.storageWriteFailure;
  if (failure) {
    lines.push('', `## ${t('report.markdown.writeFailure')}`, '', t('report.markdown.writeFailureHelp'), '');
    lines.push(
      ...table(
        [t('report.markdown.item'), t('report.markdown.at'), t('report.markdown.reason')],
        [[escapeMarkdown(failure.item), code(failure.at), code(failure.reason)]],
      ),
    );
  }
  if (report.storageResets.length > 0) {
    lines.push('', `## ${t('report.markdown.storageResets')}`, '');
    lines.push(
      ...table(
        [t('report.markdown.item'), t('report.markdown.at'), t('report.markdown.reason')],
        report.storageResets.map((reset) => [
          escapeMarkdown(reset.item),
          code(reset.at),
          escapeMarkdown(reset.reason),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
