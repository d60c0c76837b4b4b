import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportMarkdown } from '../../../lib/report/markdown';
import { ReportSchema } from '../../../lib/report/schema';
import { englishT, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

describe('site access in the report', () => {
  it('is recorded per environment, optional, and schemaVersion stays 1', () => {
    const report = buildReport(
      reportInput(t, { siteAccess: { production: 'granted', staging: 'withheld' } }),
    );
    expect(v.is(ReportSchema, report)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.environments.map((e) => e.siteAccess)).toEqual(['granted', 'withheld']);
    expect(report.environments[1]!.nextSteps[0]!.id).toBe('allowSiteAccess');

    const unknown = buildReport(reportInput(t));
    expect(v.is(ReportSchema, unknown)).toBe(true);
    expect(unknown.environments.every((e) => !('siteAccess' in e))).toBe(true);
    expect(
      v.is(ReportSchema, {
        ...report,
        environments: [{ ...report.environments[0], siteAccess: 'maybe' }, report.environments[1]],
      }),
    ).toBe(false);
  });

  it('the Markdown says so for the environment it is withheld from, and only there', () => {
    const markdown = reportMarkdown(
      buildReport(reportInput(t, { siteAccess: { production: 'granted', staging: 'withheld' } })),
      t,
    );
    const [production, staging] = markdown.split(/^## Staging/m);
    expect(staging).toContain(t('report.markdown.siteAccessWithheld'));
    expect(production).not.toContain(t('report.markdown.siteAccessWithheld'));
  });
});
