/**
 * What an earlier version kept before the privacy rule existed (issue 22): taught labels that are
 * names or secrets, company names that are secrets, evidence quoting either. Reading storage drops
 * or replaces them; the background writes the result back once and logs it by item and reason
 * alone; the popup's reader shows none of them even before the background has run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isSecret, normaliseText } from '../../../lib/privacy';
import type { OrganisationRecord } from '../../../lib/state/organisations';
import { learnedLabelsItem, organisationItems } from '../../../lib/storage/reader';
import { openStorageForWriting } from '../../../lib/storage/writer';
import type { LearnedLabel } from '../../../lib/types';
import { PERSONAL_LABELS, PERSONAL_PIECES } from '../../e2e/reliability/hostile-strings';
import { GOOD_RECORD, NOW, raw, resetStorage, store } from './fixtures';

beforeEach(resetStorage);

/** The personal pieces in a text, read raw and as it reads. */
function piecesIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  const forms = [text.toLowerCase(), normaliseText(text).toLowerCase()];
  return PERSONAL_PIECES.filter((piece) => forms.some((form) => form.includes(piece)));
}

const TAUGHT: LearnedLabel[] = [
  { kind: 'apiKeys', label: 'Developer access', language: 'en', learnedAt: 5 },
  { kind: 'role', label: 'Superuser', language: 'en', role: 'admin', learnedAt: 6 },
];
const personalTaught = (kind: 'apiKeys' | 'role'): LearnedLabel[] =>
  PERSONAL_LABELS.map((label) =>
    kind === 'role'
      ? { kind, label, language: 'en', role: 'admin', learnedAt: 7 }
      : { kind, label, language: 'en', learnedAt: 7 },
  );
const GOOD_LINE = GOOD_RECORD.evidence[0]!;
const personalEvidence = PERSONAL_LABELS.map((detail) => ({
  check: 'role' as const,
  signal: 'learned-label',
  detail,
}));

describe('an earlier version’s personal data is removed on reading, and the repair logged', () => {
  it('every taught label the privacy rule refuses is dropped, in both environments; the others stay', async () => {
    await store({
      learnedLabels: {
        production: [TAUGHT[0], ...personalTaught('apiKeys'), TAUGHT[1]],
        staging: personalTaught('role'),
      },
      learnedLabels$: { v: 1 },
    });
    // The popup reads without writing: it shows none of them even before the background runs.
    expect(await learnedLabelsItem.getValue()).toEqual({ production: TAUGHT, staging: [] });
    expect(piecesIn(await raw()).length).toBeGreaterThan(0);

    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('learnedLabels')).toEqual({ production: TAUGHT, staging: [] });
    const after = await raw();
    expect(after.learnedLabels).toEqual({ production: TAUGHT, staging: [] });
    expect(after.resets).toEqual([{ item: 'learnedLabels', at: NOW, reason: 'personal-or-secret' }]);
    expect(piecesIn(after)).toEqual([]);
    // Once repaired, read again: nothing more to do, nothing more logged.
    await writer.repairAll();
    expect((await raw()).resets).toHaveLength(1);
  });

  it('a secret company name is replaced, its facts and id kept; a company that is a name stays a company', async () => {
    const company = (index: number, name: string): OrganisationRecord => ({
      id: index.toString(16).padStart(32, '0'),
      name,
      record: { ...GOOD_RECORD, evidence: [GOOD_LINE, personalEvidence[index % personalEvidence.length]!] },
    });
    const stored = [...PERSONAL_LABELS, 'Acme Nordic ApS'].map((name, index) => company(index, name));
    await store({ 'organisations:production': stored, 'organisations:production$': { v: 1 } });
    const expected = stored.map((organisation) => ({
      ...organisation,
      // A company is not a person ("Doe, Jane" may be a firm's name), so only a secret goes, as admission has it.
      name: isSecret(organisation.name) ? '[name]' : organisation.name,
      record: { ...GOOD_RECORD, evidence: [GOOD_LINE] },
    }));
    expect(expected.filter(({ name }) => name === '[name]')).toHaveLength(4);
    expect(await organisationItems.production.getValue()).toEqual(expected);

    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('productionOrganisations')).toEqual(expected);
    const after = await raw();
    expect(after['organisations:production']).toEqual(expected);
    expect(after.resets).toEqual([
      { item: 'organisations:production', at: NOW, reason: 'personal-or-secret' },
    ]);
    for (const secret of ['jane.doe@acme.example', '4532', '8901']) {
      expect(JSON.stringify(after['organisations:production'])).not.toContain(secret);
    }
  });

  it('evidence quoting a personal label or a secret loses its line; the record keeps its facts', async () => {
    const secretDetail = {
      check: 'apiKeysEntry' as const,
      signal: 'entry-label',
      detail: 'jane.doe＠acme.example',
    };
    await store({
      'environment:production': { ...GOOD_RECORD, evidence: [...personalEvidence, GOOD_LINE, secretDetail] },
      'environment:production$': { v: 2 },
    });
    const writer = openStorageForWriting(() => NOW);
    expect(await writer.get('production')).toEqual({ ...GOOD_RECORD, evidence: [GOOD_LINE] });
    const after = await raw();
    expect(piecesIn(after)).toEqual([]);
    expect(after.resets).toEqual([{ item: 'environment:production', at: NOW, reason: 'personal-or-secret' }]);
  });

  it('state with nothing personal is read as it is: nothing written, nothing logged', async () => {
    await store({
      learnedLabels: { production: TAUGHT, staging: [] },
      learnedLabels$: { v: 1 },
      'environment:production': GOOD_RECORD,
      'environment:production$': { v: 2 },
    });
    const before = await raw();
    await openStorageForWriting(() => NOW).repairAll();
    expect(await raw()).toEqual(before);
  });
});
