/**
 * The diagnostic report (schemaVersion 1): what was checked, where, when and what was seen, built
 * from the stored records alone (each environment's part: lib/report/environment.ts). Redacted by
 * default: every piece of page-derived text goes through lib/report/redact.ts, and a company name
 * appears only when the user typed it for this report or chose to include the names of the
 * companies the pages showed.
 */

import { VOCABULARY } from '../detect/rules';
import { ITEM_NAME_MAX, LABEL_MAX, TYPED_NAME_MAX } from '../limits';
import { knownWordsIn } from '../privacy';
import { ENVIRONMENTS, REPORT_SCHEMA_VERSION } from '../types';
import { environmentReport } from './environment';
import type { Redact, ReportInput } from './input';
import { iso } from './record';
import { hideNames, redactLabel, redactText, shorten } from './redact';
import type { Report } from './schema';

// The product's own UI words may stand capitalised side by side; any other such run may be a name.
const KNOWN_WORDS = knownWordsIn(VOCABULARY);

export function buildReport(input: ReportInput): Report {
  // Unless the user included them, the companies' names are hidden even where redactNames would
  // let one through (a single word, lower case). No company seen: the text exactly as before.
  const hidden = input.includeOrganisationNames
    ? []
    : ENVIRONMENTS.flatMap((environment) => input.organisations?.[environment] ?? []).map((o) => o.name);
  const hide = hideNames(hidden);
  const redact: Redact = (text, max = LABEL_MAX, label = false) =>
    (label ? redactLabel : redactText)(hide(text), KNOWN_WORDS, max);
  const companyName = input.companyName ? shorten(input.companyName, TYPED_NAME_MAX) : '';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(input.now),
    extension: {
      name: shorten(input.extension.name, TYPED_NAME_MAX),
      version: shorten(input.extension.version, 40),
      rulesVersion: input.extension.rulesVersion,
    },
    browser: { name: shorten(input.browser.name, 40), version: shorten(input.browser.version, 40) },
    uiLanguage: shorten(input.uiLanguage, 35),
    audience: { kind: input.profile.kind, stage: input.profile.stage },
    ...(companyName ? { companyName } : {}),
    // Both environments, always, in this order: the schema's tuple checks what the type cannot.
    environments: [
      environmentReport('production', input, redact),
      environmentReport('staging', input, redact),
    ] as Report['environments'],
    storageResets: input.resets.map((reset) => ({
      item: redact(reset.item, ITEM_NAME_MAX),
      at: iso(reset.at),
      reason: redact(reset.reason),
    })),
    ...(input.writeFailure
      ? {
          storageWriteFailure: {
            item: redact(input.writeFailure.item, ITEM_NAME_MAX),
            at: iso(input.writeFailure.at),
            reason: input.writeFailure.reason,
          },
        }
      : {}),
  };
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
