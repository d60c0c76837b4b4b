/** What a report is built from: the stored records and choices, and what the popup knows of the browser. */

import type { SiteAccess } from '../guidance/site-access';
import type { Translate } from '../guidance/translate';
import type { ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import type { SentRequest } from '../state/requests';
import type {
  Environment,
  KeyCheckRecord,
  LearnedLabel,
  Profile,
  StorageReset,
  WriteFailure,
} from '../types';

export interface ReportInput {
  /** Each environment's own record: pages that showed no company ("organisation not identified"). */
  records: Partial<Record<Environment, ObservationRecord>>;
  /** The companies the pages of each environment showed, each with its record. */
  organisations?: Partial<Record<Environment, readonly OrganisationRecord[]>>;
  /** Whether the user chose, for this report only, to include those companies' names. */
  includeOrganisationNames?: boolean;
  profile: Profile;
  resets: readonly StorageReset[];
  writeFailure?: WriteFailure | null;
  now: number;
  extension: { name: string; version: string; rulesVersion: number };
  browser: { name: string; version: string };
  uiLanguage: string;
  /** Translates the next steps' titles into the language the user reads the popup in. */
  t: Translate;
  /** What the user typed in the preview for this one report; never stored. */
  companyName?: string;
  /** Whether the browser lets the extension read each environment's pages, where known. */
  siteAccess?: Partial<Record<Environment, SiteAccess>>;
  /** The last key check per environment; its company id goes in only with the companies' names. */
  keyChecks?: Partial<Record<Environment, KeyCheckRecord | null>>;
  /** The labels the user taught per environment, by pointing at them on a Pleo page. */
  learnedLabels?: Partial<Record<Environment, readonly LearnedLabel[]>>;
  /** The requests the user said they sent (lib/state/requests.ts). */
  requests?: readonly SentRequest[];
}

/** Page-derived text as the report may carry it, at most `max` characters; `label` for a taught label. */
export type Redact = (text: string, max?: number, label?: boolean) => string;
