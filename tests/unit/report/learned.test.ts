// @vitest-environment happy-dom
/** What the user taught and declared, in both reports: the labels, their redaction, the suggested rules change. */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../lib/detect/rules';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import type { ReportInput } from '../../../lib/report/input';
import { reportMarkdown } from '../../../lib/report/markdown';
import { shorten } from '../../../lib/report/redact';
import { type Report, ReportSchema } from '../../../lib/report/schema';
import { merge } from '../../../lib/state/merge';
import { DECLARED_NO_API_KEYS } from '../../../lib/state/profile';
import {
  KNOWN_ROLES,
  type KnownRole,
  LANGUAGES,
  type Language,
  type LearnedKind,
  type LearnedLabel,
} from '../../../lib/types';
import { englishT, HOSTILE, NOW, recordFor, rendered, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

function taught(kind: LearnedKind, label: string, language: Language, role?: KnownRole): LearnedLabel {
  return { kind, label, language, ...(role ? { role } : {}), learnedAt: NOW - 3_600_000 };
}

function reportWith(
  learnedLabels: ReportInput['learnedLabels'],
  overrides: Partial<ReportInput> = {},
): Report {
  const report = buildReport(reportInput(t, { learnedLabels, ...overrides }));
  const result = v.safeParse(ReportSchema, report);
  expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
  return report;
}

/** The lines of the Markdown's fenced block under "Suggested rules change", or null without one. */
function suggestedBlock(markdown: string): string[] | null {
  const heading = markdown.indexOf(`## ${t('report.markdown.suggestedChange')}`);
  if (heading < 0) return null;
  const lines = markdown.slice(heading).split('\n');
  const open = lines.findIndex((line) => /^`{3,}diff$/.test(line));
  const fence = lines[open]!.replace('diff', '');
  const close = lines.findIndex((line, index) => index > open && line === fence);
  return lines.slice(open + 1, close);
}

const DANISH = [
  taught('apiKeys', 'Udviklernøgler', 'da'),
  taught('role', 'Chef', 'da', 'admin'),
  taught('settings', 'Opsætning', 'da'),
];

describe('learned labels in the JSON report', () => {
  it('are absent from every environment when nothing was taught', () => {
    for (const learnedLabels of [undefined, {}, { production: [], staging: [] }]) {
      const report = reportWith(learnedLabels);
      for (const entry of report.environments) expect(entry).not.toHaveProperty('learnedLabels');
    }
  });

  it('are listed for the environment they were taught in, without when, role only for a role', () => {
    const report = reportWith({
      production: [...DANISH, { ...taught('apiKeys', 'Dev keys', 'en'), role: 'admin' }],
      staging: [],
    });
    expect(report.environments[0]!.learnedLabels).toEqual([
      { kind: 'apiKeys', label: 'Udviklernøgler', language: 'da' },
      { kind: 'role', label: 'Chef', language: 'da', role: 'admin' },
      { kind: 'settings', label: 'Opsætning', language: 'da' },
      { kind: 'apiKeys', label: 'Dev keys', language: 'en' },
    ]);
    expect(report.environments[1]).not.toHaveProperty('learnedLabels');
    expect(reportJson(report)).not.toContain('learnedAt');
  });

  it('keeps at most the 50 newest of an environment', () => {
    const many = Array.from({ length: 60 }, (_, n) => taught('apiKeys', `Nøgler ${n}`, 'da'));
    const labels = reportWith({ staging: many }).environments[1]!.learnedLabels!;
    expect(labels).toHaveLength(50);
    expect(labels[0]!.label).toBe('Nøgler 10');
    expect(labels.at(-1)!.label).toBe('Nøgler 59');
  });

  it('redacts a personal or secret label like any page text, in both reports', () => {
    const personal = {
      name: 'Alex Example',
      email: 'alex.example@example.com',
      key: 'pleo_Zk3x9QmT7vLw2RbN8sYc4HdJ6',
      id: '4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f',
    };
    const report = reportWith({
      production: [
        taught('role', personal.name, 'en', 'admin'),
        taught('apiKeys', `Keys of ${personal.email}`, 'en'),
        taught('apiKeys', `Key ${personal.key}`, 'en'),
        taught('settings', `Settings ${personal.id}`, 'en'),
      ],
    });
    expect(report.environments[0]!.learnedLabels!.map((learned) => learned.label)).toEqual([
      '[name]',
      'Keys of [email]',
      'Key [secret]',
      'Settings [id]',
    ]);
    const markdown = reportMarkdown(report, t);
    for (const [what, text] of Object.entries(personal)) {
      expect(reportJson(report) + markdown, what).not.toContain(text);
    }
    expect(markdown).not.toContain('Alex');
    // What the redaction changed is no longer the page's label: no rules change is suggested for it.
    expect(suggestedBlock(markdown)).toBeNull();
  });
});

describe('declared and taught evidence', () => {
  it('"no API Keys entry", as the user declared it, says so in both reports', () => {
    const signedIn = recordFor('production', 'unknown')!;
    const record = merge(signedIn, DECLARED_NO_API_KEYS, NOW - 1_000, signedIn.rulesVersion);
    const report = reportWith(undefined, { records: { production: record } });
    expect(report.environments[0]!.checks.apiKeysEntry).toBe('absent');
    expect(report.environments[0]!.evidence).toContainEqual({
      check: 'apiKeysEntry',
      signal: 'declared',
      detail: 'no API Keys entry in Settings, as the user said',
    });
    const rows = [...rendered(reportMarkdown(report, t)).querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toContainEqual([
      'apiKeysEntry',
      t('report.markdown.signalDeclared', ['declared']),
      'no API Keys entry in Settings, as the user said',
    ]);
    expect(t('report.markdown.signalDeclared', ['declared'])).toMatch(/^declared \(the user said so/);
  });

  it('a label seen because the user taught it is marked as taught in the Markdown', () => {
    const record = recordFor('production', 'ready', [
      { check: 'apiKeysEntry', signal: 'learned-label', detail: 'Udviklernøgler' },
    ]);
    const report = reportWith({ production: DANISH }, { records: { production: record } });
    const markdown = reportMarkdown(report, t);
    expect(markdown).toContain(
      `| \`apiKeysEntry\` | ${t('report.markdown.signalLearned', ['learned-label'])} | Udviklernøgler |`,
    );
    expect(t('report.markdown.signalLearned', ['learned-label'])).toContain('taught');
  });
});

describe('learned labels in the Markdown report', () => {
  it('lists them per environment: kind, label, language and role', () => {
    const report = reportWith({ production: DANISH, staging: [taught('openApi', 'Udvikler-API', 'da')] });
    const markdown = reportMarkdown(report, t);
    const heading = `### ${t('report.markdown.learnedLabels')}`;
    const [, production, staging] = markdown.split(heading);
    expect(production).toContain('| `apiKeys` | Udviklernøgler | `da` | — |');
    expect(production).toContain('| `role` | Chef | `da` | `admin` |');
    expect(production).toContain('| `settings` | Opsætning | `da` | — |');
    expect(staging).toContain('| `openApi` | Udvikler-API | `da` | — |');
    expect(production!.indexOf('## Staging')).toBeGreaterThan(0);
  });

  it('has no learned labels table nor suggested rules change when nothing was taught', () => {
    const markdown = reportMarkdown(reportWith(undefined), t);
    expect(markdown).not.toContain(t('report.markdown.learnedLabels'));
    expect(markdown).not.toContain(t('report.markdown.suggestedChange'));
  });

  it('suggests the exact change to lib/detect/words.ts, per language, and says to bump RULES_VERSION', () => {
    const report = reportWith({
      production: [
        ...DANISH,
        taught('apiKeys', 'Developer keys', 'en'),
        // Already known to the rules (case, spaces and hyphens apart): nothing to add.
        taught('apiKeys', 'api-keys', 'en'),
        taught('role', 'Bogholder', 'da', 'bookkeeper'),
        // A role label without its role names no list.
        taught('role', 'Ejer', 'da'),
      ],
      staging: [taught('apiKeys', 'Udviklernøgler', 'da'), taught('apiKeys', 'Cles', 'fr')],
    });
    const markdown = reportMarkdown(report, t);
    expect(suggestedBlock(markdown)).toEqual([
      '--- lib/detect/words.ts',
      '+++ lib/detect/words.ts',
      '@@ VOCABULARY.en @@',
      "-    apiKeys: ['API Keys'],",
      "+    apiKeys: ['API Keys', 'Developer keys'],",
      '@@ VOCABULARY.da @@',
      "-    settings: ['Indstillinger'],",
      "+    settings: ['Indstillinger', 'Opsætning'],",
      "-    apiKeys: ['API-nøgler'],",
      "+    apiKeys: ['API-nøgler', 'Udviklernøgler'],",
      '@@ VOCABULARY.da.roles @@',
      "-      admin: ['Administrator', 'Admin'],",
      "+      admin: ['Administrator', 'Admin', 'Chef'],",
      '@@ VOCABULARY.fr @@',
      `-    apiKeys: ['Clés API', "Clés d'API"],`,
      `+    apiKeys: ['Clés API', "Clés d'API", 'Cles'],`,
    ]);
    const help = t('report.markdown.suggestedChangeHelp', [
      '`lib/detect/words.ts`',
      '`RULES_VERSION`',
      '`lib/detect/rules.ts`',
      `\`${report.extension.rulesVersion}\``,
      '`tests/fixtures/detect/shapes.ts`',
    ]);
    expect(markdown).toContain(`## ${t('report.markdown.suggestedChange')}\n\n${help}\n\n\`\`\`diff\n`);
    expect(help).toContain('bumps `RULES_VERSION` in `lib/detect/rules.ts`');
  });

  it("the lines it removes are words.ts's own, for every list of every language, so the change applies", () => {
    const source = new Set(readFileSync('lib/detect/words.ts', 'utf8').split('\n'));
    const labels = LANGUAGES.flatMap((language) => [
      taught('settings', 'Zq settings', language),
      taught('apiKeys', 'Zq keys', language),
      taught('openApi', 'Zq open', language),
      ...KNOWN_ROLES.map((role) => taught('role', `Zq ${role}`, language, role)),
    ]);
    // At most 50 an environment: the two environments hold them all.
    const report = reportWith({ production: labels.slice(0, 50), staging: labels.slice(50) });
    const block = suggestedBlock(reportMarkdown(report, t))!;
    const removed = block.filter((line) => /^-(?!--)/.test(line)).map((line) => line.slice(1));
    expect(removed).toHaveLength(LANGUAGES.length * (3 + KNOWN_ROLES.length));
    expect(removed.filter((line) => !source.has(line))).toEqual([]);
    expect(Object.keys(VOCABULARY)).toEqual([...LANGUAGES]);
  });

  it('writes a label as the formatter would: quotes escaped, a long list one word a line', () => {
    const long = ['Udviklernøgler til integrationer', 'Nøgler til API-adgang for partnere', "Kunde's nøgler"];
    const report = reportWith({
      production: [
        ...long.map((label) => taught('apiKeys', label, 'da')),
        taught('apiKeys', `It's a "key"`, 'en'),
      ],
    });
    expect(suggestedBlock(reportMarkdown(report, t))).toEqual([
      '--- lib/detect/words.ts',
      '+++ lib/detect/words.ts',
      '@@ VOCABULARY.en @@',
      "-    apiKeys: ['API Keys'],",
      `+    apiKeys: ['API Keys', 'It\\'s a "key"'],`,
      '@@ VOCABULARY.da @@',
      "-    apiKeys: ['API-nøgler'],",
      '+    apiKeys: [',
      "+      'API-nøgler',",
      "+      'Udviklernøgler til integrationer',",
      "+      'Nøgler til API-adgang for partnere',",
      `+      "Kunde's nøgler",`,
      '+    ],',
    ]);
  });

  it('keeps hostile labels inert: text in a table cell, text in the code block, nothing else', () => {
    const hostile = [...HOSTILE, '``` closes?', '~~~', "'; alert(1); '"];
    const report = reportWith({
      production: hostile.map((label) => taught('apiKeys', label, 'en')),
      staging: hostile.map((label) => taught('role', label, 'de', 'finance')),
    });
    const markdown = reportMarkdown(report, t);
    const document = rendered(markdown);
    const allowed = new Set(['H1', 'H2', 'H3', 'P', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'OL', 'UL']);
    for (const tag of ['LI', 'CODE', 'A', 'PRE']) allowed.add(tag);
    const tags = new Set([...document.body.querySelectorAll('*')].map((element) => element.tagName));
    expect([...tags].filter((tag) => !allowed.has(tag))).toEqual([]);
    const stepUrls = new Set(report.environments.flatMap((e) => e.nextSteps.map((s) => s.url)));
    for (const a of document.querySelectorAll('a')) expect(stepUrls).toContain(a.getAttribute('href'));

    // The learned labels' tables: one row per label, its text exactly.
    const tables = [...document.querySelectorAll('table')].filter((table) =>
      table.querySelector('th:nth-child(2)')?.textContent?.includes(t('report.markdown.label')),
    );
    expect(tables).toHaveLength(2);
    const labels = report.environments[0]!.learnedLabels!.map((learned) => learned.label);
    // Parts of two or more lower-case words the rules do not know read as names (lib/privacy.ts):
    // hidden whole, which is inert too; the rest stay exactly as taught.
    const hidden = new Set([HOSTILE[0], HOSTILE[4], HOSTILE[5], HOSTILE[6], HOSTILE[8], HOSTILE[10]]);
    expect(labels).toEqual(hostile.map((label) => (hidden.has(label) ? '[name]' : shorten(label, 80))));
    for (const table of tables) {
      const cells = [...table.querySelectorAll('tbody tr')].map(
        (row) => row.querySelectorAll('td')[1]!.textContent,
      );
      expect(cells).toEqual(labels.map((label) => shorten(label, 120)));
    }

    // The suggestion: one code block, exactly the diff lines, every one a diff line.
    const blocks = document.querySelectorAll('pre');
    expect(blocks).toHaveLength(1);
    const block = suggestedBlock(markdown)!;
    expect(blocks[0]!.textContent).toBe(`${block.join('\n')}\n`);
    expect(block.filter((line) => !/^(---|\+\+\+|@@|[-+] )/.test(line))).toEqual([]);
    expect(block).toContain(`+      "'; alert(1); '",`);
  });
});
