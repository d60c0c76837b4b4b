import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { ReportSchema, reportJsonSchemaText } from '../../../lib/report/schema';
import { englishT, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

describe('JSON Schema', () => {
  it('docs/report.schema.json is the one generated from ReportSchema (npm run report-schema)', async () => {
    expect(readFileSync('docs/report.schema.json', 'utf8')).toBe(await reportJsonSchemaText());
  });

  it('the schema refuses a report without Staging, with an unknown verdict, or with extra fields', () => {
    const report = buildReport(reportInput(t));
    const [production, staging] = report.environments;
    expect(v.is(ReportSchema, { ...report, environments: [production] })).toBe(false);
    expect(v.is(ReportSchema, { ...report, environments: [staging, production] })).toBe(false);
    expect(
      v.is(ReportSchema, { ...report, environments: [{ ...production, verdict: 'maybe' }, staging] }),
    ).toBe(false);
    expect(v.is(ReportSchema, { ...report, userName: 'Alex' })).toBe(false);
    expect(v.is(ReportSchema, report)).toBe(true);
  });
});
