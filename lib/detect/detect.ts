/**
 * Reads one Pleo page into an Observation, from what a person sees there (labels, accessible
 * names, links, headings) in any supported language. Pure: it takes the document and URL and
 * touches nothing else. When the page does not show enough, the answer is `unknown`, never a guess.
 * The rules are in lib/rules.ts and explained in docs/detection.md.
 */

import type { Check, EntryState, Evidence, Observation, SignedIn } from '../types';
import { UNKNOWN_ROLE } from '../types';
import { type EntryFindings, type Finding, findEntries } from './entries';
import { type EntryKind, entryLabel, type LearnedLookup, NOTHING_LEARNED } from './labels';
import { organisationIn } from './organisation';
import { gatherCandidates, type PageCandidates } from './page';
import { isUnder, trimPath } from './paths';
import { findRole } from './role';
import { MIN_SETTINGS_SECTIONS, PATHS } from './rules';
import { isSafeDetail, shortText } from './text';

/**
 * What the page shows, by the rules and by the labels the user taught (`learnedLookup` of the
 * stored list; the rules' own words win on the same label).
 */
export function detect(
  document: Document,
  url: string | URL,
  learned: LearnedLookup = NOTHING_LEARNED,
): Observation {
  return observe(document, url, learned).observation;
}

/** What one scan of the content script reads: the observation, and the company the page shows. */
export interface Scan {
  observation: Observation;
  /** The active company's name (./organisation.ts); null when the page shows none, or none for certain. */
  organisation: string | null;
}

/**
 * detect() and the company the page shows, from one gathering of the page: its own, or one made
 * just before (gatherCandidates) when nothing on the page has changed since.
 */
export function scanPage(
  document: Document,
  url: string | URL,
  learned: LearnedLookup = NOTHING_LEARNED,
  gathered?: PageCandidates,
): Scan {
  const { observation, page } = observe(document, url, learned, gathered);
  return { observation, organisation: page ? organisationIn(page) : null };
}

function observe(
  document: Document,
  url: string | URL,
  learned: LearnedLookup,
  gathered?: PageCandidates,
): { observation: Observation; page: PageCandidates | null } {
  const location = new URL(url);
  const path = trimPath(location.pathname);
  const signInPath = PATHS.signIn.find((prefix) => isUnder(path, prefix));
  if (signInPath)
    return { observation: signedOut({ signal: 'sign-in-path', detail: signInPath }), page: null };

  const page = gathered ?? gatherCandidates(document);
  const entries = findEntries(page.entries, location, learned);
  if (!entries.appNavigation && document.querySelector('input[type="password" i]')) {
    const finding = { signal: 'password-field', detail: 'a password field and no app menu' };
    return { observation: signedOut(finding), page: null };
  }

  const evidence: Evidence[] = [];
  const note = (check: Check, finding: Finding | undefined) => {
    if (finding && isSafeDetail(finding.detail)) evidence.push({ check, ...finding });
  };

  const accountArea =
    page.accountAreas.length > 0 ? { signal: 'account-area', detail: 'account area shown' } : undefined;
  const signedInBy = entries.appNavigation ?? accountArea;
  const signedIn: SignedIn = signedInBy ? 'yes' : 'unknown';
  note('signedIn', signedInBy);

  const apiKeys = entryState(document, path, entries, 'apiKeys', learned);
  note('apiKeysEntry', apiKeys.finding);
  const legacy = entryState(document, path, entries, 'openApi', learned);
  note('legacyApiEntry', legacy.finding);

  const role = findRole(page.labels, page.accountAreas, location, learned);
  note('role', role.evidence);

  return {
    observation: {
      signedIn,
      apiKeysEntry: apiKeys.state,
      legacyApiEntry: legacy.state,
      role: role.role,
      evidence,
    },
    page,
  };
}

function signedOut(finding: Finding): Observation {
  return {
    signedIn: 'no',
    apiKeysEntry: 'unknown',
    legacyApiEntry: 'unknown',
    role: UNKNOWN_ROLE,
    evidence: [{ check: 'signedIn', ...finding }],
  };
}

const ENTRY_NAMES: Record<Exclude<EntryKind, 'settings'>, string> = {
  apiKeys: 'API Keys',
  openApi: 'Open API',
};

const ENTRY_PAGES: Record<Exclude<EntryKind, 'settings'>, string> = {
  apiKeys: PATHS.apiKeys,
  openApi: PATHS.openApi,
};

/**
 * Visible when an entry is shown, or when this is the entry's own page under its own heading (a
 * "not found" at that path is not). Absent only when a settings list of enough sections is shown
 * without it. Anything else is unknown.
 */
function entryState(
  document: Document,
  path: string,
  entries: EntryFindings,
  kind: Exclude<EntryKind, 'settings'>,
  learned: LearnedLookup,
): { state: EntryState; finding?: Finding } {
  const entry = entries[kind];
  if (entry) return { state: 'visible', finding: entry };
  if (path === ENTRY_PAGES[kind] && entryLabel(mainHeading(document), learned)?.value === kind) {
    return { state: 'visible', finding: { signal: 'entry-page', detail: `${path} under its own heading` } };
  }
  if (isUnder(path, PATHS.settings) && entries.settingsSections >= MIN_SETTINGS_SECTIONS) {
    const detail = `${entries.settingsSections} settings sections, none is ${ENTRY_NAMES[kind]}`;
    return { state: 'absent', finding: { signal: 'settings-list', detail } };
  }
  return { state: 'unknown' };
}

/** The page's main heading: the h1 of its main content, else its first level-1 heading. */
function mainHeading(document: Document): string | null {
  const heading =
    document.querySelector('main h1, [role="main"] h1') ??
    document.querySelector('h1, [role="heading"][aria-level="1"]');
  return heading ? shortText(heading) : null;
}
