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
import { emptyRecord, merge, type ObservationRecord, withoutLearnedFacts } from '../state/merge';
import {
  currentOrganisation,
  type OrganisationRecord,
  organisationById,
  organisationId,
  shownOrganisationName,
  withOrganisation,
} from '../state/organisations';
import { DECLARED_NO_API_KEYS, withAudience, withDeclaredRole, withDismissedHint } from '../state/profile';
import {
  type RequestRecord,
  type SentRequest,
  unseenArrival,
  withArrivals,
  withArrivalsSeenInPage,
  withArrivalsSeenInPopup,
  withoutSentRequest,
  withSentRequest,
} from '../state/requests';
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
  Recipient,
  RequestKind,
  VerdictKind,
} from '../types';
import { allRequests, organisationsOf, requestsByEnvironment } from './items';
import { organisationsKey } from './keys';
import type { StorageWriter } from './writer';

/** A record as written, with the profile its verdict was judged by (the badge shows the same), and which record it is. */
export interface Written {
  record: ObservationRecord;
  profile: Profile;
  where: RequestRecord;
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

  async function changeRequests(change: (requests: SentRequest[]) => SentRequest[]): Promise<void> {
    await store.set('requests', requestsByEnvironment(change(allRequests(await store.get('requests')))));
  }

  /** After a record changed: the requests whose asked-for change it now shows are closed, dated now. */
  async function noteArrivals(written: Written): Promise<void> {
    const requests = allRequests(await store.get('requests'));
    const next = withArrivals(requests, written.where, written.record, written.profile, now());
    if (next.arrived.length > 0) await store.set('requests', requestsByEnvironment(next.requests));
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
      await noteArrivals(written);
      return written;
    },
    /** What the user asked for and has not yet seen arrive in the popup: the badge tells it. */
    async unseenArrival(where: RequestRecord): Promise<SentRequest | undefined> {
      return unseenArrival(allRequests(await store.get('requests')), where);
    },
    markRequestSent({
      kind,
      recipient,
      ...where
    }: RequestRecord & { kind: RequestKind; recipient: Recipient }) {
      return changeRequests((requests) => withSentRequest(requests, where, kind, recipient, now()));
    },
    undoRequestSent({ kind, ...where }: RequestRecord & { kind: RequestKind }): Promise<void> {
      return changeRequests((requests) => withoutSentRequest(requests, where, kind));
    },
    markArrivalsSeen(): Promise<void> {
      return changeRequests((requests) => withArrivalsSeenInPopup(requests, now()));
    },
    /** A page of the record told the user: the hint does not tell it again. */
    async markArrivalShownInPage(environment: Environment, organisationName?: string): Promise<void> {
      const organisation = organisationName ? await organisationId(organisationName) : null;
      await changeRequests((requests) =>
        withArrivalsSeenInPage(requests, { environment, organisation }, now()),
      );
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
