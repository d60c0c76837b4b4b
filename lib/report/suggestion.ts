/**
 * The rules change a report suggests: the labels the user taught, as the lines a maintainer changes
 * in the rules' vocabulary (lib/detect/words.ts), diff-like, each list before and after. Labels the
 * rules already know, role labels without a role, and labels the redaction changed are left out.
 */
import { VOCABULARY } from '../detect/rules';
import { normaliseLabel } from '../detect/text';
import type { Translate } from '../guidance/translate';
import { KNOWN_ROLES, type KnownRole, LANGUAGES, type Language } from '../types';
import { isRedacted } from './redact';
import type { Report, ReportLearnedLabel } from './schema';

// The entries' lists in the order words.ts holds them; the roles' lists follow in `roles`.
const ENTRY_LISTS = ['settings', 'apiKeys', 'openApi'] as const;
type ListName = (typeof ENTRY_LISTS)[number] | KnownRole;

// The formatter's line width (biome.json), so a list is written as the file holds it.
const LINE_WIDTH = 110;

function vocabularyList(language: Language, list: ListName): readonly string[] {
  const vocabulary = VOCABULARY[language];
  return (ENTRY_LISTS as readonly string[]).includes(list)
    ? vocabulary[list as (typeof ENTRY_LISTS)[number]]
    : vocabulary.roles[list as KnownRole];
}

/** A TypeScript string literal, quoted as the formatter quotes it. */
function literal(word: string): string {
  if (word.includes("'") && !word.includes('"')) return `"${word.replace(/\\/g, '\\\\')}"`;
  return `'${word.replace(/[\\']/g, '\\$&')}'`;
}

/** `name: [...]` as the formatter writes it: on one line when it fits, else one word a line. */
function listLines(indent: number, name: string, words: readonly string[]): string[] {
  const pad = ' '.repeat(indent);
  const line = `${pad}${name}: [${words.map(literal).join(', ')}],`;
  if (line.length <= LINE_WIDTH) return [line];
  return [`${pad}${name}: [`, ...words.map((word) => `${pad}  ${literal(word)},`), `${pad}],`];
}

/** The lines of a diff of lib/detect/words.ts adding the taught labels; none when there is nothing to add. */
function suggestedRulesChange(labels: readonly ReportLearnedLabel[]): string[] {
  const added = new Map<string, string[]>();
  for (const { kind, label, language, role } of labels) {
    const list: ListName | undefined = kind === 'role' ? role : kind;
    if (!list || isRedacted(label)) continue;
    const key = `${language} ${list}`;
    const adding = added.get(key) ?? [];
    const known = [...vocabularyList(language, list), ...adding].map(normaliseLabel);
    if (!normaliseLabel(label) || known.includes(normaliseLabel(label))) continue;
    added.set(key, [...adding, label]);
  }
  const change = (language: Language, list: ListName, indent: number) => {
    const before = vocabularyList(language, list);
    const after = [...before, ...added.get(`${language} ${list}`)!];
    return [
      ...listLines(indent, list, before).map((line) => `-${line}`),
      ...listLines(indent, list, after).map((line) => `+${line}`),
    ];
  };
  const lines: string[] = [];
  for (const language of LANGUAGES) {
    const entries = ENTRY_LISTS.filter((list) => added.has(`${language} ${list}`));
    if (entries.length > 0) lines.push(`@@ VOCABULARY.${language} @@`);
    for (const list of entries) lines.push(...change(language, list, 4));
    const roles = KNOWN_ROLES.filter((role) => added.has(`${language} ${role}`));
    if (roles.length > 0) lines.push(`@@ VOCABULARY.${language}.roles @@`);
    for (const role of roles) lines.push(...change(language, role, 6));
  }
  return lines.length > 0 ? ['--- lib/detect/words.ts', '+++ lib/detect/words.ts', ...lines] : [];
}

/**
 * The report's "Suggested rules change" section, empty when nothing taught is new to the rules.
 * Page text stays inert in the fenced block: every line of it starts with a diff mark, so no label
 * can close the fence (which is longer than any run of backticks inside, all the same).
 */
export function suggestionSection(report: Report, t: Translate): string[] {
  const diff = suggestedRulesChange(report.environments.flatMap((entry) => entry.learnedLabels ?? []));
  if (diff.length === 0) return [];
  const ticks = diff.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length);
  const fence = '`'.repeat(Math.max(3, ...ticks.map((length) => length + 1)));
  return [
    '',
    `## ${t('report.markdown.suggestedChange')}`,
    '',
    t('report.markdown.suggestedChangeHelp', [
      '`lib/detect/words.ts`',
      '`RULES_VERSION`',
      '`lib/detect/rules.ts`',
      `\`${report.extension.rulesVersion}\``,
      '`tests/fixtures/detect/shapes.ts`',
    ]),
    '',
    `${fence}diff`,
    ...diff,
    fence,
  ];
}
