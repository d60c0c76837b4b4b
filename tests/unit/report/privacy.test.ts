/** No personal label reaches a default report, however it was kept (issue 22). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/guidance/translate';
import { normaliseText } from '../../../lib/privacy';
import { buildReport } from '../../../lib/report/build';
import { reportJson } from '../../../lib/report/file';
import { reportMarkdown } from '../../../lib/report/markdown';
import { suggestionSection } from '../../../lib/report/suggestion';
import type { OrganisationRecord } from '../../../lib/state/organisations';
import type { LearnedLabel } from '../../../lib/types';
import { PERSONAL_LABELS, PERSONAL_PIECES } from '../../e2e/reliability/hostile-strings';
import { englishT, NOW, recordFor, reportInput } from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

/** Each piece found in the text, read as raw and as it reads. */
function piecesIn(text: string): string[] {
  const forms = [text.toLowerCase(), normaliseText(text).toLowerCase()];
  return PERSONAL_PIECES.filter((piece) => forms.some((form) => form.includes(piece)));
}

describe('the default reports hold no personal label', () => {
  // As an older version, or a content script the page fooled, might have kept them.
  const learned: LearnedLabel[] = PERSONAL_LABELS.flatMap((label) => [
    { kind: 'apiKeys', label, language: 'en', learnedAt: NOW - 1000 },
    { kind: 'role', label, language: 'de', role: 'admin', learnedAt: NOW - 1000 },
  ]);
  const evidence = PERSONAL_LABELS.map((detail) => ({
    check: 'role' as const,
    signal: 'learned-label',
    detail,
  }));
  const organisations: OrganisationRecord[] = PERSONAL_LABELS.map((name, index) => ({
    id: `hash-${index}`,
    name,
    record: recordFor('production', 'ready', evidence, NOW - 10_000 - index)!,
  }));
  const report = () =>
    buildReport(
      reportInput(t, {
        records: { production: recordFor('production', 'unknown', evidence) },
        organisations: { production: organisations },
        learnedLabels: { production: learned, staging: learned },
      }),
    );

  it('the pieces would be found if they were there', () => {
    expect(piecesIn(PERSONAL_LABELS.join(' '))).toEqual(PERSONAL_PIECES);
  });

  it('in the JSON', () => {
    expect(piecesIn(reportJson(report()))).toEqual([]);
  });

  it('in the Markdown', () => {
    expect(piecesIn(reportMarkdown(report(), t))).toEqual([]);
  });

  it('in the suggested rules change, which suggests none of them', () => {
    expect(suggestionSection(report(), t)).toEqual([]);
  });
});
