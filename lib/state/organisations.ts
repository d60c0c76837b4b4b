/**
 * One record per organisation (company) a page showed, beside the environment's record for pages
 * that showed none ("organisation not identified", the record kept since the first release).
 * Merging within one organisation is as for the environment (./merge.ts); an observation never
 * changes another organisation's record. Pure: the background keeps the lists (issue 15).
 */
import { ORGANISATIONS_LIMIT } from '../limits';
import { normaliseText } from '../privacy';
import type { ObservationRecord } from './merge';

export interface OrganisationRecord {
  /** A hash of the normalised name: how the organisation is told apart, in storage and in reports. */
  id: string;
  /** As the page showed it, to show the user; kept in local storage only, never in a report unless unredacted. */
  name: string;
  record: ObservationRecord;
}

/** The name as kept and shown: the page's text as it reads (lib/privacy.ts), its spacing collapsed. */
export function shownOrganisationName(name: string): string {
  return normaliseText(name).replace(/\s+/g, ' ').trim();
}

/** One name however the page spaces or cases it: "ACME  ApS" and "Acme ApS" are one company. */
export function normaliseOrganisationName(name: string): string {
  return shownOrganisationName(name).toLocaleLowerCase('en');
}

/** The organisation's id: the first 128 bits of SHA-256 over its normalised name, in hex. */
export async function organisationId(name: string): Promise<string> {
  const bytes = new TextEncoder().encode(normaliseOrganisationName(name));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function organisationById(
  organisations: readonly OrganisationRecord[],
  id: string,
): OrganisationRecord | undefined {
  return organisations.find((organisation) => organisation.id === id);
}

/** The organisation a page names, found by its name (the content script has no hash at hand). */
export function organisationByName<T extends { name: string }>(
  organisations: readonly T[],
  name: string,
): T | undefined {
  const wanted = normaliseOrganisationName(name);
  return organisations.find((organisation) => normaliseOrganisationName(organisation.name) === wanted);
}

const checkedAt = (organisation: OrganisationRecord) => organisation.record.checkedAt ?? 0;

/**
 * The list with this organisation's record put in (replacing the one with its id), the others
 * untouched; beyond the limit the ones checked longest ago are dropped, and returned so the
 * caller can log them.
 */
export function withOrganisation(
  organisations: readonly OrganisationRecord[],
  organisation: OrganisationRecord,
  limit = ORGANISATIONS_LIMIT,
): { organisations: OrganisationRecord[]; dropped: OrganisationRecord[] } {
  const kept = [...organisations.filter((o) => o.id !== organisation.id), organisation];
  if (kept.length <= limit) return { organisations: kept, dropped: [] };
  const oldestFirst = kept
    .filter((o) => o.id !== organisation.id)
    .sort((a, b) => checkedAt(a) - checkedAt(b));
  const dropped = oldestFirst.slice(0, kept.length - limit);
  return { organisations: kept.filter((o) => !dropped.includes(o)), dropped };
}

/**
 * What the environment's card and the report lead with: the record checked most recently, of an
 * organisation or of pages that showed none. With no organisation seen it is always the
 * environment's own record, so such a user sees exactly what they saw before.
 */
export function currentOrganisation(
  unidentified: ObservationRecord,
  organisations: readonly OrganisationRecord[],
): { record: ObservationRecord; organisation: OrganisationRecord | null } {
  let current: { record: ObservationRecord; organisation: OrganisationRecord | null } = {
    record: unidentified,
    organisation: null,
  };
  // The list is in the order written, so of two checked in the same millisecond the later wins.
  for (const organisation of organisations) {
    if (checkedAt(organisation) >= (current.record.checkedAt ?? 0)) {
      current = { record: organisation.record, organisation };
    }
  }
  return current;
}

/** The organisations, the one checked most recently first. */
export function byMostRecent(organisations: readonly OrganisationRecord[]): OrganisationRecord[] {
  return [...organisations].sort((a, b) => checkedAt(b) - checkedAt(a));
}
