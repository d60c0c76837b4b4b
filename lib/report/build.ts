/**
 * The diagnostic report (schemaVersion 1): what was checked, where, when and what was seen, built
 * from the stored records alone. Redacted by default: every piece of page-derived text goes
 * through lib/redact, and the company name appears only when the user typed it for this report.
 */

import { VOCABULARY } from '../detect/rules';
import { ORIGINS } from '../environments';
import type { SiteAccess } from '../guidance/site-access';
import { nextSteps, stepText } from '../guidance/steps';
import type { Translate } from '../guidance/translate';
import type { EnvironmentRecord } from '../state/merge';
import { verdict } from '../state/verdict';
import type { Environment, LearnedLabel, Profile, StorageReset, WriteFailure } from '../types';
import { LEARNED_LABELS_LIMIT, REPORT_SCHEMA_VERSION } from '../types';
import { redactSecrets, redactText, shorten, withoutQuery, wordsOf } from './redact';
import type { Report, ReportEnvironment, ReportLearnedLabel, ReportNextStep } from './schema';

export interface ReportInput {
  records: Partial<Record<Environment, EnvironmentRecord>>;
  profile: Profile;
  resets: readonly StorageReset[];
  writeFailure?: WriteFailure | null;
  now: number;
  extension: { name: string; version: string; rulesVersion: number };
  browser: { name: string; version: string };
  uiLanguage: string;
  /** Translates the next steps' titles into the language the user reads the popup in. */
  t: Translate;
  /** What the user typed in the preview for this one report; never stored. */
  companyName?: string;
  /** Whether the browser lets the extension read each environment's pages, where known. */
  siteAccess?: Partial<Record<Environment, SiteAccess>>;
  /** The labels the user taught per environment, by pointing at them on a Pleo page. */
  learnedLabels?: Partial<Record<Environment, readonly LearnedLabel[]>>;
}

// The product's own UI words may stand capitalised side by side; any other such run may be a name.
const KNOWN_WORDS = wordsOf(VOCABULARY);

const redact = (text: string, max = 80) => redactText(text, KNOWN_WORDS, max);
const iso = (time: number) => new Date(time).toISOString();

export function buildReport(input: ReportInput): Report {
  const companyName = input.companyName ? shorten(input.companyName, 100) : '';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(input.now),
    extension: {
      name: shorten(input.extension.name, 100),
      version: shorten(input.extension.version, 40),
      rulesVersion: input.extension.rulesVersion,
    },
    browser: { name: shorten(input.browser.name, 40), version: shorten(input.browser.version, 40) },
    uiLanguage: shorten(input.uiLanguage, 35),
    audience: { kind: input.profile.kind, stage: input.profile.stage },
    ...(companyName ? { companyName } : {}),
    // Both environments, always, in this order: the schema's tuple checks what the type cannot.
    environments: [
      environmentReport('production', input),
      environmentReport('staging', input),
    ] as Report['environments'],
    storageResets: input.resets.map((reset) => ({
      item: redact(reset.item, 60),
      at: iso(reset.at),
      reason: redact(reset.reason),
    })),
    ...(input.writeFailure
      ? {
          storageWriteFailure: {
            item: redact(input.writeFailure.item, 60),
            at: iso(input.writeFailure.at),
            reason: input.writeFailure.reason,
          },
        }
      : {}),
  };
}

function environmentReport(environment: Environment, input: ReportInput): ReportEnvironment {
  const record = input.records[environment];
  const result = verdict(record, input.profile);
  const checked = record && record.checkedAt !== null ? record : undefined;
  const learnedLabels = learnedReport(input.learnedLabels?.[environment] ?? []);
  const siteAccess = input.siteAccess?.[environment];
  return {
    environment,
    origin: ORIGINS[environment],
    checkedAt: checked ? iso(checked.checkedAt!) : null,
    verdict: result.kind,
    missing: [...result.missing],
    checks: {
      signedIn: checked?.signedIn.value ?? 'unknown',
      apiKeysEntry: checked?.apiKeysEntry.value ?? 'unknown',
      legacyApiEntry: checked?.legacyApiEntry.value ?? 'unknown',
      role: { ...(checked?.role.value ?? { value: 'unknown', confidence: 'low', source: 'detected' }) },
    },
    evidence: (checked?.evidence ?? []).slice(0, 24).map((item) => ({
      check: item.check,
      signal: redact(item.signal, 40),
      detail: redact(item.detail),
    })),
    ...(learnedLabels.length > 0 ? { learnedLabels } : {}),
    nextSteps: nextSteps(result, environment, input.profile, record, siteAccess).map(
      (step): ReportNextStep => ({
        id: step.id,
        // Our own sentence: names are not hidden here, but a secret in a parameter still is.
        title: shorten(redactSecrets(stepText(step, input.t)), 300),
        url: step.url?.startsWith('https://') ? withoutQuery(step.url) : null,
      }),
    ),
    history: (checked?.history ?? [])
      .slice(-20)
      .map((change) => ({ verdict: change.verdict, at: iso(change.at) })),
    ...(siteAccess ? { siteAccess } : {}),
  };
}

/**
 * What the user taught, newest last: words they chose to share, still page text, so redacted like
 * the rest (a teachable label passes unchanged). When it was taught stays in the browser.
 */
function learnedReport(labels: readonly LearnedLabel[]): ReportLearnedLabel[] {
  return labels.slice(-LEARNED_LABELS_LIMIT).map((learned) => ({
    kind: learned.kind,
    label: redact(learned.label),
    language: learned.language,
    ...(learned.kind === 'role' && learned.role ? { role: learned.role } : {}),
  }));
}

/** The report as the JSON file holds it. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The browser's name and major version from its user agent string, for the report header. */
export function browserFromUserAgent(userAgent: string): ReportInput['browser'] {
  const patterns: [string, RegExp][] = [
    ['Firefox', /Firefox\/(\d+)/],
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ];
  for (const [name, pattern] of patterns) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { name, version };
  }
  return { name: 'unknown', version: 'unknown' };
}

/** The file name of a downloaded report: pleo-access-report-YYYYMMDD-HHMMSS.json or .md, local time. */
export function reportFileName(time: Date, extension: 'json' | 'md'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.getFullYear()}${pad(time.getMonth() + 1)}${pad(time.getDate())}`;
  const clock = `${pad(time.getHours())}${pad(time.getMinutes())}${pad(time.getSeconds())}`;
  return `pleo-access-report-${date}-${clock}.${extension}`;
}
