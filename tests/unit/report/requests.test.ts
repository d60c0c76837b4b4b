/**
 * A request the user sent, in the report (issue 26): per environment and per organisation, with
 * both dates; the Markdown says it in one line; nothing personal; the schema still version 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/guidance/translate';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import { reportMarkdown } from '../../../lib/report/markdown';
import { type OrganisationRecord, organisationId } from '../../../lib/state/organisations';
import type { SentRequest } from '../../../lib/state/requests';
import { englishT, expectValid, HOSTILE, NOW, recordFor, reportInput } from './fixtures';

let t: Translate;
let acme: OrganisationRecord;
const NAME = 'Maria Jensen Consulting ApS';
beforeAll(async () => {
  t = await englishT();
  const evidence = HOSTILE.map((detail) => ({ check: 'role' as const, signal: 'role-label', detail }));
  acme = { id: await organisationId(NAME), name: NAME, record: recordFor('production', 'ready', evidence)! };
});

const DAY = 24 * 60 * 60 * 1000;
const request = (overrides: Partial<SentRequest>): SentRequest => ({
  environment: 'production',
  organisation: null,
  kind: 'enabling',
  recipient: 'customer-success',
  sentAt: Date.UTC(2026, 10, 17, 8),
  resolvedAt: Date.UTC(2026, 10, 25, 14),
  seenInPopupAt: null,
  seenInPageAt: null,
  ...overrides,
});

describe('the report of a request', () => {
  it('carries the closed request of the company the environment leads with, and of each organisation', () => {
    const closed = request({ organisation: acme.id });
    const own = request({ kind: 'role', recipient: 'administrator', resolvedAt: null, sentAt: NOW - DAY });
    const report = buildReport(
      reportInput(t, {
        records: { production: recordFor('production', 'role-missing', [], NOW - 10 * DAY) },
        organisations: { production: [acme] },
        requests: [closed, own],
      }),
    );
    expectValid(report);
    const [production, staging] = report.environments;
    expect(report.schemaVersion).toBe(1);
    expect(production.request).toEqual({
      kind: 'enabling',
      recipient: 'customer-success',
      sentAt: '2026-11-17T08:00:00.000Z',
      resolvedAt: '2026-11-25T14:00:00.000Z',
    });
    expect(production.organisations?.map((o) => [o.id, o.request?.kind, o.request?.resolvedAt])).toEqual([
      ['org-1', 'enabling', '2026-11-25T14:00:00.000Z'],
      ['not-identified', 'role', null],
    ]);
    expect(staging.request).toBeUndefined();

    const markdown = reportMarkdown(report, t);
    expect(markdown).toContain('\nAsked on 2026-11-17, enabled on 2026-11-25.\n');
    expect(markdown).toContain('\nAsked for the role on 2026-11-25, not granted yet.\n');
    // Nothing personal: not the company's name, nor the stored id; a request line holds only its dates.
    for (const text of [reportJson(report), markdown]) {
      expect(text).not.toContain('Maria');
      expect(text).not.toContain(acme.id);
    }
    const requestLines = markdown.split('\n').filter((line) => line.startsWith('Asked'));
    // The environment's (its company's), then each organisation's.
    expect(requestLines).toHaveLength(3);
    for (const hostile of HOSTILE) expect(requestLines.join('\n')).not.toContain(hostile);
  });

  it('has no request field when none was sent, as before', () => {
    const report = buildReport(reportInput(t));
    expect(report.environments[0]).not.toHaveProperty('request');
    expect(reportMarkdown(report, t)).not.toContain('Asked on');
  });
});
