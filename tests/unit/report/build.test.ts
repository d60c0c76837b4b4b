// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/detect';
import { RULES_VERSION } from '../../../lib/detect/rules';
import type { Translate } from '../../../lib/guidance/translate';
import { browserFromUserAgent, buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import { reportMarkdown } from '../../../lib/report/markdown';
import { emptyRecord, merge, noteVerdict } from '../../../lib/state/merge';
import { type ResetReason, VERDICTS } from '../../../lib/types';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { englishT, expectValid, NOW, recordFor, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

describe('buildReport', () => {
  it.each(VERDICTS)('a %s environment yields a report that validates against the schema', (kind) => {
    const report = buildReport(
      reportInput(t, {
        records: { production: recordFor('production', kind), staging: recordFor('staging', kind) },
      }),
    );
    expectValid(report);
    expect(report.environments.map((e) => [e.environment, e.verdict])).toEqual([
      ['production', kind],
      ['staging', kind],
    ]);
    // The Markdown of every verdict uses only texts that exist in the English locale file.
    expect(reportMarkdown(report, t)).toContain(t('report.markdown.title'));
  });

  it('lists both environments, in order, with a never-visited one not checked', () => {
    const report = buildReport(reportInput(t));
    expect(report.environments.map((e) => e.environment)).toEqual(['production', 'staging']);
    expect(report.environments[1]).toMatchObject({
      origin: 'https://app.staging.pleo.io',
      verdict: 'not-checked',
      checkedAt: null,
      evidence: [],
      history: [],
    });
    expect(report.environments[1]!.nextSteps.length).toBeGreaterThan(0);
  });

  it('carries when, what, with which rules and browser, the checks, next steps and storage resets', () => {
    const report = buildReport(
      reportInput(t, {
        profile: { kind: 'partner', stage: 'existing', declaredRoles: {} },
        resets: [
          {
            item: 'environment:staging',
            at: NOW - 5_000,
            reason: 'stored value failed validation' as ResetReason,
          },
        ],
      }),
    );
    expect(report).toMatchObject({
      schemaVersion: 1,
      generatedAt: '2026-11-26T10:30:05.000Z',
      extension: { name: 'API Access Checker for Pleo', version: '0.1.0', rulesVersion: RULES_VERSION },
      browser: { name: 'Chrome', version: '131' },
      uiLanguage: 'en',
      audience: { kind: 'partner', stage: 'existing' },
      storageResets: [
        {
          item: 'environment:staging',
          at: '2026-11-26T10:30:00.000Z',
          reason: 'stored value failed validation',
        },
      ],
    });
    const production = report.environments[0]!;
    expect(production.checkedAt).toBe('2026-11-26T10:29:05.000Z');
    expect(production.checks).toEqual({
      signedIn: 'yes',
      apiKeysEntry: 'visible',
      legacyApiEntry: 'visible',
      role: { value: 'unknown', confidence: 'low', source: 'detected' },
    });
    expect(production.nextSteps[0]).toEqual({
      id: 'createKey',
      title: t('step.createKey'),
      url: 'https://developers.pleo.io/docs/current/how-tos/api-keys/how-to-generate-standalone-api-keys',
    });
    expect(production.nextSteps.map((s) => s.title).join(' ')).toContain('https://external.pleo.io');
    expectValid(report);
  });

  it('carries the verdict history with timestamps, oldest first', () => {
    const seen = recordFor('production', 'ready')!;
    const record = noteVerdict(noteVerdict(seen, 'unknown', NOW - 120_000), 'ready', NOW - 60_000);
    const report = buildReport(reportInput(t, { records: { production: record } }));
    expect(report.environments[0]!.history).toEqual([
      { verdict: 'unknown', at: '2026-11-26T10:28:05.000Z' },
      { verdict: 'ready', at: '2026-11-26T10:29:05.000Z' },
    ]);
    const markdown = reportMarkdown(report, t);
    expect(markdown).toContain(
      `### ${t('report.markdown.history')}\n\n- \`2026-11-26T10:28:05.000Z\`: \`unknown\``,
    );
    expectValid(report);
  });

  it('holds no company name unless the user typed one for this report', () => {
    expect(buildReport(reportInput(t))).not.toHaveProperty('companyName');
    expect(buildReport(reportInput(t, { companyName: '' }))).not.toHaveProperty('companyName');
    const report = buildReport(reportInput(t, { companyName: '  Example   Widgets ApS ' }));
    expect(report.companyName).toBe('Example Widgets ApS');
    expectValid(report);
  });
});

describe('redaction', () => {
  const SECRETS = {
    key: 'pleo_Zk3x9QmT7vLw2RbN8sYc4HdJ6',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl',
    email: 'alex.example@example.com',
    name: 'Alex Example',
    company: 'Example Widgets ApS',
    query: 'token=abc123secret',
    id: '4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f',
  };

  it('leaves no key, token, e-mail, name, company, query string or id in the JSON or the Markdown', () => {
    const record = recordFor('production', 'not-enabled', [
      { check: 'apiKeysEntry', signal: 'entry', detail: `key ${SECRETS.key}` },
      { check: 'apiKeysEntry', signal: SECRETS.jwt.slice(0, 40), detail: `bearer ${SECRETS.jwt}` },
      { check: 'signedIn', signal: 'account-area', detail: `${SECRETS.name} <${SECRETS.email}>` },
      { check: 'signedIn', signal: 'company', detail: `Company ${SECRETS.company}` },
      { check: 'apiKeysEntry', signal: 'href', detail: `/settings/api-keys?${SECRETS.query}#frag` },
      { check: 'role', signal: 'people-row', detail: `/people/${SECRETS.id}/permissions` },
    ]);
    const report = buildReport(reportInput(t, { records: { production: record } }));
    expectValid(report);
    const shared = reportJson(report) + reportMarkdown(report, t);
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(shared, what).not.toContain(secret);
    }
    expect(shared).not.toContain('Alex');
    expect(shared).not.toContain('Widgets');
    expect(report.environments[0]!.evidence.map((e) => e.detail)).toEqual([
      'key [secret]',
      'bearer [secret]',
      '[name] <[email]>',
      '[name]',
      '/settings/api-keys',
      '/people/[id]/permissions',
    ]);
  });

  it('keeps known UI labels that look like names', () => {
    const record = recordFor('production', 'ready', [
      { check: 'apiKeysEntry', signal: 'entry', detail: 'API Keys' },
      { check: 'legacyApiEntry', signal: 'entry', detail: 'Open API' },
      { check: 'role', signal: 'label', detail: 'Expense reviewer' },
      { check: 'apiKeysEntry', signal: 'entry', detail: 'Claves de API' },
    ]);
    const report = buildReport(reportInput(t, { records: { production: record } }));
    expect(report.environments[0]!.evidence.map((e) => e.detail)).toEqual([
      'API Keys',
      'Open API',
      'Expense reviewer',
      'Claves de API',
    ]);
  });

  it('a page showing a new API key, an e-mail and a name yields a record and a report with none of them', () => {
    const user = { name: 'Alex Example', email: 'alex@example.com', company: 'Example Widgets ApS' };
    const newKey = 'pleo_live_8Hq2Zr5Xw9Tn4Lm7Kd3Vb6Yc1Fg0Js';
    const page = pleoPage('/settings/api-keys', {
      ...DEFAULT_USER,
      ...user,
      role: 'admin',
      apiKeysEnabled: true,
    }).replace(
      '</main>',
      `<div role="dialog" aria-label="Your new API key"><p>Copy your key now: ${newKey}</p>
         <input readonly value="${newKey}"><code>${newKey}</code>
         <button type="button" aria-label="Copy ${newKey}">Copy</button>
         <a href="mailto:${user.email}">${user.email}</a></div></main>`,
    );
    expect(page).toContain(newKey);
    const document = new DOMParser().parseFromString(page, 'text/html');
    const observation = detect(document, 'https://app.pleo.io/settings/api-keys');
    const record = merge(emptyRecord('production', RULES_VERSION), observation, NOW, RULES_VERSION);
    const report = buildReport(reportInput(t, { records: { production: record } }));
    expect(report.environments[0]!.verdict).toBe('ready');
    const everything = [JSON.stringify(record), reportJson(report), reportMarkdown(report, t)].join('\n');
    for (const secret of [newKey, user.name, user.email, user.company, 'Alex', 'Widgets']) {
      expect(everything, secret).not.toContain(secret);
    }
  });
});

describe('browserFromUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome',
      '131',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', '128'],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge',
      '131',
    ],
    ['something else', 'unknown', 'unknown'],
  ])('%s → %s %s', (userAgent, name, version) => {
    expect(browserFromUserAgent(userAgent)).toEqual({ name, version });
  });
});
