/**
 * Detection rules as data, the one module the rest of the code reads them from: the
 * language-free paths and page structure here, the words a person sees in the Pleo web app, per
 * language, in ./words.ts. Bump RULES_VERSION whenever a label, path or word changes, so a report
 * tells which rules produced a verdict. docs/detection.md explains each rule and how a missed
 * label is reported.
 */
export { VOCABULARY } from './words';

export const RULES_VERSION = 5;

/** Paths on the Pleo origin; they hold in every language. */
export const PATHS = {
  settings: '/settings',
  apiKeys: '/settings/api-keys',
  openApi: '/settings/open-api',
  /** The sign-in pages, and everything under them. */
  signIn: ['/login', '/access'],
  /** Pages about other people: a role shown there is someone else's. */
  otherPeople: ['/people'],
};

/** Words in an id, class or data-testid that mark the account area (developers write English). */
export const ACCOUNT_AREA_CODE_WORDS = ['account', 'profile', 'user', 'avatar'];

/** An element with one of these roles (or a link or button) can be a menu entry. */
export const ENTRY_ROLES = ['link', 'menuitem', 'tab', 'button', 'option', 'treeitem'];

/** Containers whose label can name the list of settings sections. */
export const LIST_ROLES = ['navigation', 'list', 'menu', 'menubar', 'tablist', 'listbox', 'tree', 'group'];

/** Settings sections needed before a list without API Keys counts as the whole settings list. */
export const MIN_SETTINGS_SECTIONS = 3;

// Which organisation (docs/detection.md, "Which organisation"; ./organisation.ts): the active
// company's name, from an element outside the main content or in the account area whose
// aria-label or title holds an organisation word (rule 1), or from a value an organisation word
// labels in the account area (rule 2). The words are in ./words.ts.

/** The main content: there a named element gives the name only inside an account area. */
export const MAIN_CONTENT = 'main, [role="main"]';
/** Never the name (besides anything in a table): a link that leads to a page, anything hidden. */
export const NOT_ORGANISATION = 'a[href], [hidden], [aria-hidden="true"]';
/** Never the name either: a heading of the main content ("Company settings"). */
export const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
