/**
 * Every limit, once, with why. Lengths are in characters, counts in entries. Imports nothing: the
 * content script, the background, storage, messages and reports all hold data to the same figures.
 */

// Lengths of what is read, kept, sent and reported.

/** A label on a Pleo page is short; longer text is a description or content and is never read as a label. */
export const MAX_LABEL_LENGTH = 60;
/** An evidence detail or a taught label: a short label with room for a language's longer words (the Observation contract). */
export const LABEL_MAX = 80;
/** A company's name is one line of this much at most; storage, messages and reports hold it to the same. */
export const ORGANISATION_NAME_MAX = 60;
/** A storage item's name (`organisations:production`) as a reset or a failed write names it. */
export const ITEM_NAME_MAX = 60;
/** A next step's id, in the report. */
export const STEP_ID_MAX = 60;
/** One translated text (a hint's line, a next step's title): a sentence or two, never a page. */
export const TEXT_MAX = 300;
/** A name the user types or the extension carries (the company in a report, the extension's name). */
export const TYPED_NAME_MAX = 100;
/** A version, a browser's name, an evidence signal: an identifier, never prose. */
export const IDENTIFIER_MAX = 40;
/** A language tag: BCP 47 tags in practice stay within 35 characters. */
export const LANGUAGE_TAG_MAX = 35;

// Counts of what is kept.

/** Evidence lines in one observation: the rules give a few per check; more would be a page feeding noise. */
export const EVIDENCE_LIMIT = 24;
/** Verdict changes kept per record: enough to see a request through, small enough to stay in a report. */
export const HISTORY_LIMIT = 20;
/** Companies per environment: more than anyone switches between; the one checked longest ago goes first. */
export const ORGANISATIONS_LIMIT = 50;
/** Learned labels per environment: a handful per language is plenty; the oldest go first. */
export const LEARNED_LABELS_LIMIT = 50;
/** Requests kept: two environments × (50 companies + their own record) × two kinds, and room for closed ones. */
export const REQUESTS_LIMIT = 250;
/** Entries in the resets log: the recent ones explain what the user sees; older ones are history. */
export const RESETS_LIMIT = 20;

// Work caps: what a page can make the extension do.

/** A message larger than this (far above 24 evidence lines of 80 characters) is refused unread. */
export const MAX_MESSAGE_CHARS = 16_000;
/** Elements under one node read as a label: more than this and it is content, not a label. */
export const MAX_LABEL_ELEMENTS = 40;
/** Labels remembered normalised within a page's life; past this the memo starts again, bounding memory. */
export const NORMALISED_LIMIT = 2000;
/** Elements of an account area searched for the role: more than this and it is the whole app, not an account area. */
export const MAX_ACCOUNT_AREA_ELEMENTS = 300;
