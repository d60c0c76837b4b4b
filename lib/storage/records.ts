/**
 * What the background does to the stored records, over the storage writer it is given: which
 * record an observation goes to (the company's the page showed, or the environment's own), the
 * user's declarations, taught labels, and forgetting. Each call reads, changes and writes; the
 * caller runs them one after another (a read-modify-write must not interleave with another).
 *
 * Here rather than in lib/state/: state sits below storage, and these work through the writer.
 */
import { RULES_VERSION } from '../detect/rules';
import { withLearnedLabel, withoutLearnedLabel } from '../state/learned';
import { type EnvironmentRecord, emptyRecord, merge, withoutLearnedFacts } from '../state/merge';
import {
  currentOrganisation,
  type OrganisationRecord,
  organisationById,
  organisationId,
  shownOrganisationName,
  withOrganisation,
} from '../state/organisations';
import { DECLARED_NO_API_KEYS, withAudience, withDeclaredRole, withDismissedHint } from '../state/profile';
import { withCurrentVerdict } from '../state/verdict';
import type {
  AudienceKind,
  AudienceStage,
  Environment,
  KeyCheckRecord,
  KnownRole,
  LearnedKind,
  LearnedLabel,
  Observation,
  Profile,
  VerdictKind,
} from '../types';
import { organisationsOf } from './items';
import { organisationsKey } from './keys';
import type { StorageWriter } from './writer';

/** A record as written, with the profile its verdict was judged by (the badge shows the same). */
export interface Written {
  record: EnvironmentRecord;
  profile: Profile;
}

export function storedRecords(store: StorageWriter, now: () => number = Date.now) {
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
  ): Promise<{ record: EnvironmentRecord; organisation: OrganisationRecord | null }> {
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
    const update = (record: EnvironmentRecord) =>
      withCurrentVerdict(merge(record, observation, at, RULES_VERSION), profile, at);
    if (!organisationName) {
      const merged = update(await store.get(environment));
      await store.set(environment, merged);
      return { record: merged, profile };
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
    return { record: merged, profile };
  }

  /** Applies a change to every record of the environment (the user's answers count for each company). */
  async function changeAll(
    environment: Environment,
    change: (record: EnvironmentRecord) => EnvironmentRecord,
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
    observe,
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
    async setAudience(kind: AudienceKind, stage: AudienceStage): Promise<void> {
      await store.set('profile', withAudience(await store.get('profile'), kind, stage));
    },
    async setHintEnabled(enabled: boolean): Promise<void> {
      await store.set('settings', { ...(await store.get('settings')), hintEnabled: enabled });
    },
    /** Keeps what a key check found, stamped now; the message never carries the key. */
    async recordKeyCheck({
      production,
      staging,
    }: Record<Environment, Omit<KeyCheckRecord, 'checkedAt'>>): Promise<void> {
      const checkedAt = now();
      await store.set('keyChecks', {
        production: { ...production, checkedAt },
        staging: { ...staging, checkedAt },
      });
    },
    async dismissHint(environment: Environment, verdict: VerdictKind): Promise<void> {
      await store.set(
        'dismissedHints',
        withDismissedHint(await store.get('dismissedHints'), environment, verdict),
      );
    },
  };
}
