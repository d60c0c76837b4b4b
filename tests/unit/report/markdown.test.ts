// @vitest-environment happy-dom
import { Marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportMarkdown } from '../../../lib/report/markdown';
import { shorten } from '../../../lib/report/redact';
import type { ResetReason } from '../../../lib/types';
import { HOSTILE, recordFor, reportInput, TEN_KB } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await (await import('./fixtures')).englishT();
});

// GitHub-flavoured Markdown, as chat tools and issue trackers render it: tables, bare-URL autolinks, raw HTML.
const gfm = new Marked({ gfm: true });
const ALLOWED_TAGS = new Set([
  'H1',
  'H2',
  'H3',
  'P',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'OL',
  'UL',
  'LI',
  'CODE',
  'A',
]);

function rendered(markdown: string): Document {
  return new DOMParser().parseFromString(`<body>${gfm.parse(markdown) as string}</body>`, 'text/html');
}

describe('reportMarkdown', () => {
  it('a Controller without API Keys: role-unclear in the summary, controller in the checks, and in the JSON', () => {
    const report = buildReport(
      reportInput(t, { records: { production: recordFor('production', 'role-unclear') } }),
    );
    const production = report.environments.find((entry) => entry.environment === 'production')!;
    expect(production.verdict).toBe('role-unclear');
    expect(production.checks.role.value).toBe('controller');
    const markdown = reportMarkdown(report, t);
    expect(markdown).toContain(`${t('report.markdown.verdict.roleUnclear')} (\`role-unclear\`)`);
    expect(markdown).toContain('controller');
  });

  it('starts with a summary of each environment: verdict and what is missing', () => {
    const report = buildReport(
      reportInput(t, {
        records: {
          production: recordFor('production', 'not-enabled'),
          staging: recordFor('staging', 'unknown'),
        },
      }),
    );
    const markdown = reportMarkdown(report, t);
    const summary = markdown.indexOf(`## ${t('report.markdown.summary')}`);
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(markdown.indexOf(`## ${t('report.markdown.production')}`));
    const rows = [...rendered(markdown).querySelector('table')!.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      [
        'Production (https://app.pleo.io)',
        `${t('report.markdown.verdict.notEnabled')} (not-enabled)`,
        '—',
        report.environments[0]!.checkedAt,
      ],
      [
        'Staging (https://app.staging.pleo.io)',
        `${t('report.markdown.verdict.unknown')} (unknown)`,
        `${t('report.markdown.missing.openSettings')}; ${t('report.markdown.missing.roleNotSeen')}`,
        report.environments[1]!.checkedAt,
      ],
    ]);
  });

  it('links only to the next steps of our own guidance', () => {
    const report = buildReport(reportInput(t));
    const links = [...rendered(reportMarkdown(report, t)).querySelectorAll('a')].map((a) =>
      a.getAttribute('href'),
    );
    const stepUrls = report.environments.flatMap((e) => e.nextSteps.map((s) => s.url)).filter(Boolean);
    expect(links.length).toBeGreaterThan(0);
    expect(links).toEqual(stepUrls);
  });

  it('keeps hostile page text and a hostile company name inert: no link, image, HTML or extra cell', () => {
    const evidence = [...HOSTILE, TEN_KB].map((detail) => ({
      check: 'apiKeysEntry' as const,
      signal: 'entry',
      detail,
    }));
    const report = buildReport(
      reportInput(t, {
        records: {
          production: recordFor('production', 'ready', evidence),
          staging: recordFor('staging', 'unknown'),
        },
        companyName: HOSTILE.join(' '),
      }),
    );
    const markdown = reportMarkdown(report, t);
    const document = rendered(markdown);

    const tags = new Set([...document.body.querySelectorAll('*')].map((element) => element.tagName));
    expect([...tags].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
    const stepUrls = new Set(report.environments.flatMap((e) => e.nextSteps.map((s) => s.url)));
    for (const a of document.querySelectorAll('a')) expect(stepUrls).toContain(a.getAttribute('href'));

    const evidenceTable = [...document.querySelectorAll('table')].find((table) =>
      table.querySelector('th:nth-child(3)')?.textContent?.includes(t('report.markdown.detail')),
    )!;
    const cells = [...evidenceTable.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(cells).toEqual(report.environments[0]!.evidence.map((e) => ['apiKeysEntry', 'entry', e.detail]));
    expect(report.environments[0]!.evidence.map((e) => e.detail).slice(0, 3)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '[click](javascript:alert(1))',
    ]);

    const company = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Company'));
    expect(company?.textContent).toBe(`Company, added by the user: ${shorten(report.companyName!, 120)}`);
    expect(Math.max(...markdown.split('\n').map((line) => line.length))).toBeLessThan(1000);
  });

  it('shows the verdict history and storage resets', () => {
    const report = buildReport(
      reportInput(t, {
        resets: [{ item: 'profile', at: 0, reason: 'stored value failed validation | <b>' as ResetReason }],
      }),
    );
    const document = rendered(reportMarkdown(report, t));
    const headings = [...document.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toContain(t('report.markdown.storageResets'));
    const lastTable = [...document.querySelectorAll('table')].at(-1)!;
    expect([...lastTable.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'profile',
      '1970-01-01T00:00:00.000Z',
      'stored value failed validation | <b>',
    ]);
  });
});
