/** Shared by the report tests: records for every verdict, and `t` over the real English locale file. */
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { Marked } from 'marked';
import * as v from 'valibot';
import { expect } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import type { Translate } from '../../../lib/guidance/translate';
import type { ReportInput } from '../../../lib/report/input';
import { ReportSchema } from '../../../lib/report/schema';
import { emptyRecord, merge, type ObservationRecord } from '../../../lib/state/merge';
import type { Environment, Evidence, Observation, VerdictKind } from '../../../lib/types';
import { DEFAULT_PROFILE, EMPTY_OBSERVATION } from '../../../lib/types';

export const NOW = Date.UTC(2026, 10, 26, 10, 30, 5);

/** `t` as the built extension has it: messages from locales/en.yml; an unknown key fails the test. */
export async function englishT(): Promise<Translate> {
  const messages = new Map<string, string>();
  for (const message of await parseMessagesFile('locales/en.yml')) {
    if (message.type !== 'plural') messages.set(message.key.join('.'), message.message);
  }
  return (key, substitutions = []) => {
    const message = messages.get(key);
    if (message === undefined) throw new Error(`No English text for "${key}"`);
    return message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

const OBSERVATIONS: Record<Exclude<VerdictKind, 'not-checked'>, Partial<Observation>> = {
  ready: { signedIn: 'yes', apiKeysEntry: 'visible', legacyApiEntry: 'visible' },
  'role-missing': { signedIn: 'yes', role: { value: 'employee', confidence: 'high', source: 'detected' } },
  'not-enabled': {
    signedIn: 'yes',
    apiKeysEntry: 'absent',
    role: { value: 'admin', confidence: 'high', source: 'detected' },
  },
  'role-unclear': {
    signedIn: 'yes',
    apiKeysEntry: 'absent',
    role: { value: 'controller', confidence: 'medium', source: 'detected' },
  },
  'signed-out': { signedIn: 'no' },
  unknown: { signedIn: 'yes' },
};

/** A record whose verdict is `kind`, seen at `at`, with this evidence; undefined for not-checked. */
export function recordFor(
  environment: Environment,
  kind: VerdictKind,
  evidence: Evidence[] = [],
  at = NOW - 60_000,
): ObservationRecord | undefined {
  if (kind === 'not-checked') return undefined;
  const observation = { ...EMPTY_OBSERVATION, ...OBSERVATIONS[kind], evidence };
  return merge(emptyRecord(environment, RULES_VERSION), observation, at, RULES_VERSION);
}

export function reportInput(t: Translate, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    records: { production: recordFor('production', 'ready') },
    profile: DEFAULT_PROFILE,
    resets: [],
    now: NOW,
    extension: { name: 'API Access Checker for Pleo', version: '0.1.0', rulesVersion: RULES_VERSION },
    browser: { name: 'Chrome', version: '131' },
    uiLanguage: 'en',
    t,
    ...overrides,
  };
}

/** Page text an attacker controls, each a different way out of plain text. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  'see https://evil.example/phish and www.evil.example',
  '```js` `inline` ``double``',
  'a | b | c || d',
  '**bold** _em_ ~~gone~~ &lt;b&gt; &amp;',
  '# heading\n| x | y |\n---',
  '<https://evil.example>',
];

export const TEN_KB = '<b>|`[x](javascript:y)'.repeat(500);

const gfm = new Marked({ gfm: true });

/** A Markdown report as GitHub would render it, to check what elements it makes. */
export function rendered(markdown: string): Document {
  return new DOMParser().parseFromString(`<body>${gfm.parse(markdown) as string}</body>`, 'text/html');
}

/** The report validates against the report schema: every issue listed by where it is. */
export function expectValid(report: unknown): void {
  const result = v.safeParse(ReportSchema, report);
  expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
}
