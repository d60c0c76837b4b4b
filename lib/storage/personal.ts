/**
 * What an earlier version may have kept that the privacy rule (lib/privacy.ts) now refuses: labels
 * taught, company names and evidence stored before the rule could tell `Doe, Jane` or
 * `jane.doe＠acme.example` from a label. Read like damage (./repair.ts): removed on reading, and the
 * repair logged by item, never by what was removed. Each returns null when nothing had to go.
 */
import { HIDDEN_NAME, isSecret } from '../privacy';
import type { ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import { isPersonalEvidence, whyUnteachable } from '../state/teachable';
import type { Environment, LearnedLabel } from '../types';

type LearnedLabels = Record<Environment, LearnedLabel[]>;

export function recordWithoutPersonal(record: ObservationRecord): ObservationRecord | null {
  const evidence = record.evidence.filter((line) => !isPersonalEvidence(line));
  return evidence.length === record.evidence.length ? null : { ...record, evidence };
}

/** A company is not a person, so only a secret name goes (as the background's admission has it); its facts stay. */
export function organisationsWithoutPersonal(
  organisations: OrganisationRecord[],
): OrganisationRecord[] | null {
  let changed = false;
  const kept = organisations.map((organisation) => {
    const record = recordWithoutPersonal(organisation.record);
    const secret = isSecret(organisation.name);
    if (!record && !secret) return organisation;
    changed = true;
    return {
      ...organisation,
      name: secret ? HIDDEN_NAME : organisation.name,
      record: record ?? organisation.record,
    };
  });
  return changed ? kept : null;
}

export function learnedWithoutPersonal(learned: LearnedLabels): LearnedLabels | null {
  const production = learned.production.filter(({ label }) => whyUnteachable(label) === null);
  const staging = learned.staging.filter(({ label }) => whyUnteachable(label) === null);
  return production.length === learned.production.length && staging.length === learned.staging.length
    ? null
    : { production, staging };
}
