/**
 * One pass over the page: a single querySelectorAll gathers every element a rule may look at
 * (menu entries, account areas, role labels). Its size follows the menu, not the page's content,
 * and every later check reads only these elements and their small subtrees.
 */
import { marksAccountArea, namesAccountArea } from './detect-vocabulary';
import { ACCOUNT_AREA_CODE_WORDS, ENTRY_ROLES } from './rules';

export interface PageCandidates {
  /** Interactive elements that can be a menu entry, in document order. */
  entries: Element[];
  /** Where the signed-in user's own details are shown, in document order. */
  accountAreas: Element[];
  /** `dt` and `label` elements: the places a value is labelled. */
  labels: Element[];
}

const ENTRY_ROLE_SET = new Set(ENTRY_ROLES);

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

const CANDIDATE_SELECTOR = `${ENTRY_SELECTOR},${ACCOUNT_AREA_SELECTOR},dt,label`;

/** A header inside these is a section's header, not the page's banner. */
const SECTIONING = 'article, aside, main, nav, section, [role="main"]';

/** Rows of records (a People table): a role there is someone else's. */
export const TABLES = 'table, [role="table"], [role="grid"], [role="row"]';

/** Details inside these belong to the page's content, not to the signed-in user. */
const CONTENT = `main, [role="main"], ${TABLES}`;

export function gatherCandidates(document: Document): PageCandidates {
  const page: PageCandidates = { entries: [], accountAreas: [], labels: [] };
  for (const element of document.querySelectorAll(CANDIDATE_SELECTOR)) {
    const tag = element.tagName.toUpperCase();
    const role = element.getAttribute('role');
    if ((tag === 'A' && element.hasAttribute('href')) || tag === 'BUTTON' || ENTRY_ROLE_SET.has(role ?? '')) {
      page.entries.push(element);
    }
    if (tag === 'DT' || tag === 'LABEL') page.labels.push(element);
    if (isAccountArea(element, tag, role)) page.accountAreas.push(element);
  }
  return page;
}

function isAccountArea(element: Element, tag: string, role: string | null): boolean {
  if (role === 'banner') return true;
  if (tag === 'HEADER') return !element.parentElement?.closest(SECTIONING);
  const named = [element.getAttribute('aria-label'), element.getAttribute('title')].some(
    (text) => !!text && namesAccountArea(text),
  );
  const marked =
    !named &&
    [element.id, element.getAttribute('class'), element.getAttribute('data-testid')].some(
      (code) => !!code && marksAccountArea(code),
    );
  return (named || marked) && !element.closest(CONTENT);
}
