/**
 * Gathers every element a rule may look at: one querySelectorAll over the document for menu
 * entries and labelled values (its cost is the baseline any scan must pay), and the account area:
 * in the app's frame around the main content by any sign, inside the main content only by an
 * accessible name (the cheap attribute test), never inside a table. Every later check reads these
 * elements and their small subtrees, so the work follows the menu, not the size of the content.
 */

import { marksAccountArea, namesAccountArea } from './labels';
import { ACCOUNT_AREA_CODE_WORDS, ENTRY_ROLES } from './rules';

export interface PageCandidates {
  /** Interactive elements that can be a menu entry, in document order. */
  entries: Element[];
  /** Where the signed-in user's own details are shown, in document order. */
  accountAreas: Element[];
  /** `dt` and `label` elements: the places a value is labelled. */
  labels: Element[];
  /** Elements with an `aria-label` or `title`, met on the way: where a company switcher says what it is. */
  named: Element[];
}

export const ENTRY_SELECTOR = ['a[href]', 'button', ...ENTRY_ROLES.map((role) => `[role="${role}"]`)].join(
  ',',
);

const ACCOUNT_AREA_SELECTOR = [
  'header',
  '[role="banner"]',
  '[aria-label]',
  '[title]',
  ...ACCOUNT_AREA_CODE_WORDS.flatMap((word) => [
    `[id*="${word}" i]`,
    `[class*="${word}" i]`,
    `[data-testid*="${word}" i]`,
  ]),
].join(',');

/** A header inside these is a section's header, not the page's banner. */
const SECTIONING = 'article, aside, main, nav, section, [role="main"]';

/** Rows of records (a People table): a role there is someone else's. */
export const TABLES = 'table, [role="table"], [role="grid"], [role="row"]';

/** Details inside these belong to the page's content, not to the signed-in user. */
const CONTENT = `main, [role="main"], ${TABLES}`;

/** An account menu may sit in a top bar inside the main content; it says what it is by its name. */
const NAMED = '[aria-label], [title]';

export function gatherCandidates(document: Document): PageCandidates {
  // Tag-name lookups take the browser's fast path: cheaper than widening the one query.
  const page: PageCandidates = {
    entries: [...document.querySelectorAll(ENTRY_SELECTOR)],
    labels: [...document.getElementsByTagName('dt'), ...document.getElementsByTagName('label')],
    accountAreas: [],
    named: [],
  };
  const look = (element: Element) => {
    if (element.hasAttribute('aria-label') || element.hasAttribute('title')) page.named.push(element);
    if (isAccountArea(element)) page.accountAreas.push(element);
  };
  // The first main is the page's content (the browser stops looking there); should another one
  // exist, its account-like areas are still refused by isAccountArea.
  const main = document.querySelector('main');
  // An account area is never inside the main content, so only the app's frame is searched for
  // one: the costly attribute matching then scales with the frame, not with the content.
  const root = document.body ?? document.documentElement;
  for (const region of root ? outside(root, main) : []) {
    if (region.matches(ACCOUNT_AREA_SELECTOR)) look(region);
    for (const element of region.querySelectorAll(ACCOUNT_AREA_SELECTOR)) look(element);
  }
  if (main) {
    const namedInMain = [...main.querySelectorAll(NAMED)];
    page.named.push(...namedInMain);
    const inMain = namedInMain.filter((element) => namesAnAccountArea(element) && !element.closest(TABLES));
    // In document order, as the frame's areas are: the areas of a page are read first to last.
    if (inMain.length > 0) page.accountAreas = inDocumentOrder([...page.accountAreas, ...inMain]);
  }
  return page;
}

function inDocumentOrder(elements: Element[]): Element[] {
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function namesAnAccountArea(element: Element): boolean {
  return [element.getAttribute('aria-label'), element.getAttribute('title')].some(
    (text) => !!text && namesAccountArea(text),
  );
}

/**
 * The largest subtrees of `root` that do not hold `excluded`, in document order: the siblings of
 * each element on the line from `excluded` up to `root`. A loop up that line, not a recursion down
 * it, so no depth of nesting can overflow the stack.
 */
export function outside(root: Element, excluded: Element | null): Element[] {
  const line: Element[] = [];
  let node = excluded;
  while (node && node !== root) {
    line.push(node);
    node = node.parentElement;
  }
  if (!excluded || !node) return [root];
  const earlier: Element[][] = [];
  const later: Element[] = [];
  for (const on of line) {
    const level: Element[] = [];
    for (
      let sibling = on.parentElement!.firstElementChild;
      sibling && sibling !== on;
      sibling = sibling.nextElementSibling
    ) {
      level.push(sibling);
    }
    earlier.push(level);
    for (let sibling = on.nextElementSibling; sibling; sibling = sibling.nextElementSibling)
      later.push(sibling);
  }
  return [...earlier.reverse().flat(), ...later];
}

/**
 * An account area outside the main content: the page's banner, or an element named or marked as
 * one. Named ones count anywhere but in tables (they are found inside the main content too);
 * ones marked only by a code word in an id or class count outside the page's content alone.
 */
function isAccountArea(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (element.getAttribute('role') === 'banner') return true;
  if (tag === 'HEADER') return !element.parentElement?.closest(SECTIONING);
  if (namesAnAccountArea(element)) return !element.closest(TABLES);
  const marked = [element.id, element.getAttribute('class'), element.getAttribute('data-testid')].some(
    (code) => !!code && marksAccountArea(code),
  );
  return marked && !element.closest(CONTENT);
}
