/**
 * The requests the user said they sent (lib/state/requests.ts), over the storage writer it is
 * given: marked sent or undone, closed by the record that shows their change, their arrival seen
 * in a popup or on a page. Each call reads, changes and writes; the caller runs them one after
 * another, as it does the records' (lib/storage/records.ts).
 */
import type { ObservationRecord } from '../state/merge';
import { organisationId } from '../state/organisations';
import {
  allRequests,
  type RequestRecord,
  requestsByEnvironment,
  type SentRequest,
  unseenArrival,
  withArrivals,
  withArrivalsSeenInPage,
  withArrivalsSeenInPopup,
  withoutSentRequest,
  withSentRequest,
} from '../state/requests';
import type { Environment, Profile, Recipient, RequestKind } from '../types';
import type { StorageWriter } from './writer';

export function storedRequests(store: StorageWriter, now: () => number = Date.now) {
  async function change(edit: (requests: SentRequest[]) => SentRequest[]): Promise<void> {
    await store.set('requests', requestsByEnvironment(edit(allRequests(await store.get('requests')))));
  }

  return {
    /** After a record changed: the requests whose asked-for change it now shows are closed, dated now. */
    async noteArrivals(where: RequestRecord, record: ObservationRecord, profile: Profile): Promise<void> {
      const requests = allRequests(await store.get('requests'));
      const next = withArrivals(requests, where, record, profile, now());
      if (next.arrived.length > 0) await store.set('requests', requestsByEnvironment(next.requests));
    },
    /** What the user asked for and has not yet seen arrive in the popup: the badge tells it. */
    async unseenArrival(where: RequestRecord): Promise<SentRequest | undefined> {
      return unseenArrival(allRequests(await store.get('requests')), where);
    },
    markSent({ kind, recipient, ...where }: RequestRecord & { kind: RequestKind; recipient: Recipient }) {
      return change((requests) => withSentRequest(requests, where, kind, recipient, now()));
    },
    undoSent({ kind, ...where }: RequestRecord & { kind: RequestKind }): Promise<void> {
      return change((requests) => withoutSentRequest(requests, where, kind));
    },
    markArrivalsSeen(): Promise<void> {
      return change((requests) => withArrivalsSeenInPopup(requests, now()));
    },
    /** A page of the record told the user: the hint does not tell it again. */
    async markArrivalShownInPage(environment: Environment, organisationName?: string): Promise<void> {
      const organisation = organisationName ? await organisationId(organisationName) : null;
      await change((requests) => withArrivalsSeenInPage(requests, { environment, organisation }, now()));
    },
  };
}
