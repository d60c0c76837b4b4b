/**
 * What the background does to the stored records, over the storage writer it is given: which
 * record an observation goes to (the company's the page showed, or the environment's own), the
 * user's declarations, taught labels, and forgetting. The requests a record answers are closed
 * through lib/storage/sent-requests.ts; choices no record holds are lib/storage/choices.ts's. Each call reads, changes and writes; the
 * caller runs them one after another (a read-modify-write must not interleave with another).
 *
 * Here rather than in lib/state/: state sits below storage, and these work through the writer.
 */
import { RULES_VERSION } from '../detect/rules';
import { withLearnedLabel, withoutLearnedLabel } from '../state/learned';
import { emptyRecord, merge, type ObservationRecord, withoutLearnedFacts } from '../state/merge';
import {
  currentOrganisation,
  type OrganisationRecord,
  organisationById,
  organisationId,
  shownOrganisationName,
  withOrganisation,
} from '../state/organisations';
import { DECLARED_NO_API_KEYS, withDeclaredRole } from '../state/profile';
import type { RequestRecord } from '../state/requests';
import { withCurrentVerdict } from '../state/verdict';
import type { Environment, KnownRole, LearnedKind, LearnedLabel, Observation, Profile } from '../types';
import { organisationsOf } from './items';
import { organisationsKey } from './keys';
import { storedRequests } from './sent-requests';
import type { StorageWriter } from './writer';

/** A record as written, with the profile its verdict was judged by (the badge shows the same), and which record it is. */
export interface Written {
  record: ObservationRecord;
  profile: Profile;
  where: RequestRecord;
}

export function storedRecords(store: StorageWriter, now: () => number = Date.now) {
  const requests = storedRequests(store, now);

  /** The environment's records: its own (pages that showed no company) and each organisation's. */
  async function recordsOf(environment: Environment) {
    return {
      unidentified: await store.get(environment),
      organisations: await store.get(organisationsOf(environment)),
    };
  }

  /** The record seen most recently, and its company (null: the environment's own record). */
  async function current(
    environment: Environment,
  ): Promise<{ record: ObservationRecord; organisation: OrganisationRecord | null }> {
    const { unidentified, organisations } = await recordsOf(environment);
    return currentOrganisation(unidentified, organisations);
  }

  /**
   * Merges what a page showed (or the user stated) into the record of the organisation the page
   * showed, or into the environment's own record when it showed none; no other record changes.
   */
  async function observe(
    environment: Environment,
    observation: Observation,
    organisationName?: string,
  ): Promise<Written> {
    const at = now();
    const profile = await store.get('profile');
    const update = (record: ObservationRecord) =>
      withCurrentVerdict(merge(record, observation, at, RULES_VERSION), profile, at);
    if (!organisationName) {
      const merged = update(await store.get(environment));
      await store.set(environment, merged);
      return { record: merged, profile, where: { environment, organisation: null } };
    }
    const id = await organisationId(organisationName);
    const list = await store.get(organisationsOf(environment));
    const merged = update(organisationById(list, id)?.record ?? emptyRecord(environment, RULES_VERSION));
    const { organisations, dropped } = withOrganisation(list, {
      id,
      name: shownOrganisationName(organisationName),
      record: merged,
    });
    await store.set(organisationsOf(environment), organisations);
    if (dropped.length > 0) {
      await store.logResets(
        dropped.map(() => ({ item: organisationsKey(environment), reason: 'organisation-limit' })),
      );
    }
    return { record: merged, profile, where: { environment, organisation: id } };
  }

  /** Applies a change to every record of the environment (the user's answers count for each company). */
  async function changeAll(
    environment: Environment,
    change: (record: ObservationRecord) => ObservationRecord,
  ): Promise<void> {
    const { unidentified, organisations } = await recordsOf(environment);
    await store.set(environment, change(unidentified));
    if (organisations.length > 0) {
      await store.set(
        organisationsOf(environment),
        organisations.map((organisation) => ({ ...organisation, record: change(organisation.record) })),
      );
    }
  }

  async function changeLearned(
    environment: Environment,
    change: (list: LearnedLabel[]) => LearnedLabel[],
  ): Promise<void> {
    const learned = await store.get('learnedLabels');
    await store.set('learnedLabels', { ...learned, [environment]: change(learned[environment]) });
  }

  return {
    current,
    /** The record seen most recently as the badge shows it, with the profile and which record it is. */
    async latest(environment: Environment): Promise<Written> {
      const { record, organisation } = await current(environment);
      const where = { environment, organisation: organisation?.id ?? null };
      return { record, profile: await store.get('profile'), where };
    },
    /** What a page showed, kept; a request it answers is closed (lib/state/requests.ts). */
    async observe(environment: Environment, observation: Observation, organisationName?: string) {
      const written = await observe(environment, observation, organisationName);
      await requests.noteArrivals(written.where, written.record, written.profile);
      return written;
    },
    async declareRole(environment: Environment, role: KnownRole | null): Promise<void> {
      const profile = withDeclaredRole(await store.get('profile'), environment, role);
      await store.set('profile', profile);
      const at = now();
      await changeAll(environment, (record) => withCurrentVerdict(record, profile, at));
    },
    /** About the company the user is looking at: the one seen most recently. */
    async declareNoApiKeys(environment: Environment): Promise<void> {
      const { organisation } = await current(environment);
      await observe(environment, DECLARED_NO_API_KEYS, organisation?.name);
    },
    learnLabel(environment: Environment, taught: Omit<LearnedLabel, 'learnedAt'>): Promise<void> {
      return changeLearned(environment, (list) => withLearnedLabel(list, { ...taught, learnedAt: now() }));
    },
    /** The facts that rested on the label alone go with it: the page reads as before it was taught. */
    async forgetLabel(environment: Environment, kind: LearnedKind, label: string): Promise<void> {
      await changeLearned(environment, (list) => withoutLearnedLabel(list, kind, label));
      const profile = await store.get('profile');
      const at = now();
      await changeAll(environment, (record) =>
        withCurrentVerdict(withoutLearnedFacts(record, label), profile, at),
      );
    },
    forgetEverything: () => store.forgetEverything(),
  };
}
