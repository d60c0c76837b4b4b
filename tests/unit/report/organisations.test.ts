// @vitest-environment happy-dom
/** One verdict per organisation in the report (issue 15): who leads, the entries, and the names. */
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import type { ReportInput } from '../../../lib/report/input';
import { reportMarkdown } from '../../../lib/report/markdown';
import { ReportSchema } from '../../../lib/report/schema';
import { emptyRecord, type ObservationRecord } from '../../../lib/state/merge';
import { type OrganisationRecord, organisationId } from '../../../lib/state/organisations';
import { withCurrentVerdict } from '../../../lib/state/verdict';
import { DEFAULT_PROFILE, type Evidence, type VerdictKind } from '../../../lib/types';
import { englishT, expectValid, HOSTILE, NOW, recordFor, rendered, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

/** A production record with this verdict, seen `ago` ms before the report, its verdict noted. */
function seen(kind: VerdictKind, ago: number, evidence: Evidence[] = []): ObservationRecord {
  const record = recordFor('production', kind, evidence, NOW - ago)!;
  return withCurrentVerdict(record, DEFAULT_PROFILE, NOW - ago);
}

async function organisation(name: string, record: ObservationRecord): Promise<OrganisationRecord> {
  return { id: await organisationId(name), name, record };
}

// A name redactNames alone would let through (one word, lower case), and one it would not.
const A_NAME = 'Acme Nordic ApS';
const B_NAME = 'globex';

let a: OrganisationRecord;
let b: OrganisationRecord;
beforeAll(async () => {
  // A: ready, checked first. B: not enabled, checked last; its page showed its name in evidence.
  a = await organisation(A_NAME, seen('ready', 300_000));
  b = await organisation(
    B_NAME,
    seen('not-enabled', 60_000, [
      { check: 'signedIn', signal: 'company', detail: `${B_NAME} workspace` },
      { check: 'apiKeysEntry', signal: 'settings-list', detail: 'API Keys absent' },
    ]),
  );
});

const withOrganisations = (overrides: Partial<ReportInput> = {}) =>
  reportInput(t, { records: {}, organisations: { production: [a, b] }, ...overrides });

const shared = (input: ReportInput) => {
  const report = buildReport(input);
  return { report, json: reportJson(report), markdown: reportMarkdown(report, t) };
};

describe('a report with organisations', () => {
  it('leads each environment with the organisation checked most recently', () => {
    const { report } = shared(withOrganisations());
    expectValid(report);
    const production = report.environments[0];
    expect(production.verdict).toBe('not-enabled');
    expect(production.checkedAt).toBe(new Date(NOW - 60_000).toISOString());
    expect(production.checks).toEqual({
      signedIn: 'yes',
      apiKeysEntry: 'absent',
      legacyApiEntry: 'unknown',
      role: { value: 'admin', confidence: 'high', source: 'detected' },
    });
    expect(production.history).toEqual([
      { verdict: 'not-enabled', at: new Date(NOW - 60_000).toISOString() },
    ]);
    expect(production.nextSteps.map((step) => step.id)).toEqual(
      buildReport(reportInput(t, { records: { production: b.record } })).environments[0].nextSteps.map(
        (step) => step.id,
      ),
    );
  });

  it('lists every organisation, the most recent first, numbered for this report alone', () => {
    const { report, json } = shared(withOrganisations());
    const organisations = report.environments[0].organisations!;
    expect(organisations.map((o) => [o.id, o.verdict])).toEqual([
      ['org-1', 'not-enabled'],
      ['org-2', 'ready'],
    ]);
    expect(organisations[0]).toMatchObject({
      checkedAt: new Date(NOW - 60_000).toISOString(),
      missing: [],
      checks: report.environments[0].checks,
      evidence: report.environments[0].evidence,
    });
    expect(organisations[1]).toMatchObject({
      checkedAt: new Date(NOW - 300_000).toISOString(),
      checks: { signedIn: 'yes', apiKeysEntry: 'visible', legacyApiEntry: 'visible' },
    });
    // The stored id is a hash of the name: it never leaves the browser.
    expect(json).not.toContain(a.id);
    expect(json).not.toContain(b.id);
    // An environment where no page showed a company has no list.
    expect(report.environments[1]).not.toHaveProperty('organisations');
  });

  it('holds neither name anywhere, evidence included, unless the user includes them', () => {
    const { report, json, markdown } = shared(withOrganisations());
    for (const text of [json, markdown]) {
      for (const name of [A_NAME, B_NAME, 'Acme', 'Globex'])
        expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    }
    for (const entry of report.environments[0].organisations!) expect(entry).not.toHaveProperty('name');
    expect(report.environments[0].evidence.map((e) => e.detail)).toEqual([
      '[name] workspace',
      'API Keys absent',
    ]);
    expect(markdown).toContain(`#### ${t('report.markdown.organisation', ['1'])}\n`);
    expect(markdown).toContain(`#### ${t('report.markdown.organisation', ['2'])}\n`);
  });

  it('holds both names, each in its own entry, when the user includes them', () => {
    const { report, json, markdown } = shared(withOrganisations({ includeOrganisationNames: true }));
    expectValid(report);
    expect(report.environments[0].organisations!.map((o) => [o.id, o.name])).toEqual([
      ['org-1', B_NAME],
      ['org-2', A_NAME],
    ]);
    expect(json).toContain(A_NAME);
    expect(json).toContain(B_NAME);
    const headings = [...rendered(markdown).querySelectorAll('h4')].map((h) => h.textContent);
    expect(headings).toEqual([
      t('report.markdown.organisationNamed', ['1', B_NAME]),
      t('report.markdown.organisationNamed', ['2', A_NAME]),
    ]);
  });

  it('shortens an included name to 60 characters', async () => {
    const long = await organisation('Example '.repeat(20), seen('ready', 1_000));
    const report = buildReport(
      withOrganisations({ organisations: { production: [long] }, includeOrganisationNames: true }),
    );
    expectValid(report);
    expect(report.environments[0].organisations![0]!.name).toHaveLength(60);
  });

  it('keeps a hostile name inert: text in the JSON, escaped in the Markdown', async () => {
    const names = [HOSTILE[0]!, '| pipe | `code` |'];
    const hostile = await Promise.all([
      organisation(names[0]!, seen('ready', 2_000)),
      organisation(names[1]!, seen('unknown', 1_000)),
    ]);
    const input = withOrganisations({
      organisations: { production: hostile },
      includeOrganisationNames: true,
    });
    const { report, json, markdown } = shared(input);
    expectValid(report);
    expect(JSON.parse(json).environments[0].organisations.map((o: { name: string }) => o.name)).toEqual([
      names[1],
      names[0],
    ]);
    const document = rendered(markdown);
    expect(document.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    expect([...document.querySelectorAll('h4')].map((h) => h.textContent)).toEqual([
      t('report.markdown.organisationNamed', ['1', names[1]!]),
      t('report.markdown.organisationNamed', ['2', names[0]!]),
    ]);
    // Every table keeps its columns: no name opened a new cell.
    for (const table of document.querySelectorAll('table')) {
      const columns = table.querySelectorAll('th').length;
      for (const row of table.querySelectorAll('tbody tr'))
        expect(row.querySelectorAll('td')).toHaveLength(columns);
    }
    // Left out, neither hostile name is in either text.
    const hidden = shared({ ...input, includeOrganisationNames: false });
    for (const name of names) expect(hidden.json + hidden.markdown).not.toContain(name);
  });

  it('shows each organisation in the Markdown with its verdict, checks and evidence', () => {
    const { markdown } = shared(withOrganisations());
    const document = rendered(markdown);
    const section = markdown.slice(markdown.indexOf(`### ${t('report.markdown.organisations')}`));
    expect(section).toContain(`##### ${t('report.markdown.checks')}`);
    expect(section).toContain(`##### ${t('report.markdown.evidence')}`);
    expect(section.indexOf(t('report.markdown.verdict.notEnabled'))).toBeLessThan(
      section.indexOf(t('report.markdown.verdict.ready')),
    );
    const h3 = [...document.querySelectorAll('h3')].map((h) => h.textContent);
    expect(h3.filter((text) => text === t('report.markdown.organisations'))).toHaveLength(1);
  });
});

describe('pages that showed no company', () => {
  it('are one more entry when they were checked and some organisation exists', () => {
    const own = seen('unknown', 10_000);
    const { report, markdown } = shared(withOrganisations({ records: { production: own } }));
    expectValid(report);
    const production = report.environments[0];
    expect(production.organisations!.map((o) => [o.id, o.verdict])).toEqual([
      ['org-1', 'not-enabled'],
      ['org-2', 'ready'],
      ['not-identified', 'unknown'],
    ]);
    expect(production.organisations![2]).not.toHaveProperty('name');
    // Checked most recently, they lead the environment.
    expect(production.verdict).toBe('unknown');
    expect(production.checkedAt).toBe(new Date(NOW - 10_000).toISOString());
    expect(markdown).toContain(`#### ${t('report.markdown.notIdentified')}\n`);
  });

  it('are no entry when never checked', () => {
    for (const records of [{}, { production: emptyRecord('production', RULES_VERSION) }]) {
      const report = buildReport(withOrganisations({ records }));
      expectValid(report);
      expect(report.environments[0].organisations!.map((o) => o.id)).toEqual(['org-1', 'org-2']);
    }
  });

  it('are no list at all when no organisation was seen', () => {
    const report = buildReport(
      reportInput(t, { records: { production: seen('unknown', 10_000) }, organisations: { production: [] } }),
    );
    expect(report.environments[0]).not.toHaveProperty('organisations');
  });

  it('lead the environment when checked after every organisation, and not when before', () => {
    const before = buildReport(withOrganisations({ records: { production: seen('unknown', 600_000) } }));
    expect(before.environments[0].verdict).toBe('not-enabled');
    expect(before.environments[0].organisations!.at(-1)).toMatchObject({
      id: 'not-identified',
      verdict: 'unknown',
    });
  });
});

describe('a report without organisations', () => {
  it('is byte for byte the report before organisations', () => {
    const records = {
      production: seen('not-enabled', 60_000, [{ check: 'signedIn', signal: 'company', detail: 'globex' }]),
      staging: recordFor('staging', 'unknown'),
    };
    const before = shared(reportInput(t, { records }));
    for (const extra of [
      { organisations: {} },
      { organisations: { production: [], staging: [] } },
      { organisations: { production: [], staging: [] }, includeOrganisationNames: true },
      { includeOrganisationNames: false },
    ] satisfies Partial<ReportInput>[]) {
      const after = shared(reportInput(t, { records, ...extra }));
      expect(after.json).toBe(before.json);
      expect(after.markdown).toBe(before.markdown);
    }
    expect(before.json).not.toContain('"organisations"');
    expect(before.markdown).not.toContain(t('report.markdown.organisations'));
  });
});

describe('the report schema', () => {
  it('refuses an organisation with a stored id, an unknown field, or a name beyond 60 characters', () => {
    const report = buildReport(withOrganisations({ includeOrganisationNames: true }));
    const [production, staging] = report.environments;
    const [first, ...rest] = production.organisations!;
    const withFirst = (changed: object) => ({
      ...report,
      environments: [{ ...production, organisations: [{ ...first, ...changed }, ...rest] }, staging],
    });
    expect(v.is(ReportSchema, withFirst({}))).toBe(true);
    expect(v.is(ReportSchema, withFirst({ id: b.id }))).toBe(false);
    expect(v.is(ReportSchema, withFirst({ id: 'org-0' }))).toBe(false);
    expect(v.is(ReportSchema, withFirst({ hash: b.id }))).toBe(false);
    expect(v.is(ReportSchema, withFirst({ name: 'x'.repeat(61) }))).toBe(false);
    expect(v.is(ReportSchema, withFirst({ name: '' }))).toBe(false);
    expect(
      v.is(ReportSchema, { ...report, environments: [{ ...production, organisations: [] }, staging] }),
    ).toBe(false);
  });
});
