/**
 * Which organisation: the active organisation's (company's) name as the page shows it, by the rules
 * in ./rules.ts (docs/detection.md, "Which organisation"), or null when the page does not show it.
 * Never a guess: two different names seen is no answer. Pure, like detect(): it takes the document
 * and touches nothing else. Cheap: it reads the named elements, `dt`s, `label`s and account areas
 * the scan gathers anyway (./page.ts), and looks closer only at the few an organisation word names.
 */

import { ORGANISATION_NAME_MAX } from '../limits';
import { ruleWordKeys } from './labels';
import { ENTRY_SELECTOR, gatherCandidates, type PageCandidates, TABLES } from './page';
import { HEADINGS, MAIN_CONTENT, NOT_ORGANISATION } from './rules';
import { isSafeDetail, normaliseLabel, shortAttribute, shortText } from './text';
import { ORGANISATION_KEYS } from './word-lookups';

/** Any of the words (normalised at build time), as a whole word, in a normalised text (normaliseLabel). */
const wholeWordPattern = (keys: readonly string[]) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])(${keys.join('|')})(?![\\p{L}\\p{N}])`, 'u');

const ORGANISATION_WORDS = wholeWordPattern(ORGANISATION_KEYS);
const MAY_NAME_ORGANISATION = new RegExp(ORGANISATION_KEYS.join('|'), 'i');

/** The rules' other words: a text holding one is a label (Settings, API Keys, a role), not a name. */
const OTHER_WORDS = wholeWordPattern(ruleWordKeys());

const has = (words: RegExp, text: string | null | undefined) => !!text && words.test(normaliseLabel(text));

/** "Company", "Current organisation", "Virksomhed": an organisation word and none of the rules' others. */
const isOrganisationLabel = (text: string | null | undefined) =>
  has(ORGANISATION_WORDS, text) && !has(OTHER_WORDS, text);

/** "Company: Acme ApS" as one text: what follows an organisation label and a colon. */
function statement(text: string | null): string | undefined {
  const colon = text?.indexOf(':') ?? -1;
  return colon > 0 && isOrganisationLabel(text!.slice(0, colon)) ? text!.slice(colon + 1).trim() : undefined;
}

/** The active organisation's name as the page shows it, trimmed and collapsed; null when none or two are seen. */
export function detectOrganisation(document: Document): string | null {
  return organisationIn(gatherCandidates(document));
}

/**
 * The same from the elements a scan gathered anyway (./page.ts): its named elements and account
 * areas, so a scan reads the company without a second pass over the page.
 */
export function organisationIn(page: PageCandidates): string | null {
  const inAccountArea = (element: Element) => page.accountAreas.some((area) => area.contains(element));
  const names = new Map<string, string>();
  // The element's text, when it is one short line that is not a list of entries nor in a table,
  // a link to a page or a heading of the main content; "Company: Acme ApS" gives "Acme ApS".
  const note = (element: Element | null) => {
    const text = element && shortText(element, ORGANISATION_NAME_MAX);
    if (
      !text ||
      element.closest(`${TABLES},${NOT_ORGANISATION}`) ||
      (element.closest(HEADINGS) && element.closest(MAIN_CONTENT)) ||
      /\n/.test(element.textContent!.trim()) ||
      element.querySelector('br, a[href]') ||
      // Two or more entries inside: a list of entries, not a name.
      element.querySelectorAll(`${ENTRY_SELECTOR},li`).length > 1
    ) {
      return;
    }
    const name = statement(text) ?? text;
    // Not a label, nor secret (lib/privacy.ts): an e-mail address, a long number, a key.
    if (has(ORGANISATION_WORDS, name) || has(OTHER_WORDS, name) || !isSafeDetail(name)) return;
    names.set(name.toLowerCase(), name);
  };
  // Rule 1: a switcher or a plain element named for the organisation, outside the main content
  // or in the account area.
  for (const element of page.named) {
    // A cheap first look (an organisation word anywhere, case aside): pages name thousands of
    // elements (a `title` on every row), and only the few it finds get the full test.
    if (
      !MAY_NAME_ORGANISATION.test(`${element.getAttribute('aria-label')}\n${element.getAttribute('title')}`)
    ) {
      continue;
    }
    const named = `${shortAttribute(element, 'aria-label')}\n${shortAttribute(element, 'title')}`;
    if (has(ORGANISATION_WORDS, named) && (!element.closest(MAIN_CONTENT) || inAccountArea(element))) {
      note(element);
    }
  }
  // Rule 2 in the account area: <dt>Company</dt><dd>…</dd>, a label and the element it labels
  // (its visible text: form fields are never read), or "Company: …" as one text.
  for (const label of page.labels) {
    // The cheap test first: most labels are in forms and lists, not in the account area.
    if (!inAccountArea(label)) continue;
    const text = shortText(label);
    if (isOrganisationLabel(text)) note(statement(text) ? label : labelled(label));
  }
  return names.size === 1 ? [...names.values()][0]! : null;
}

/** A dt's dd, or what a label labels (by `for`, else the next element unless the label holds a field). */
function labelled(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id) return label.ownerDocument.getElementById(id);
  const next = label.nextElementSibling;
  // A dt labels only its dd; a label never labels a dd.
  return label.querySelector('input, select, textarea') ||
    (label.tagName === 'DT') !== (next?.tagName === 'DD')
    ? null
    : next;
}
