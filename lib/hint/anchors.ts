/**
 * What the in-page hint stands by (./place.ts says where, from their boxes), found by the links'
 * paths, which do not depend on the app's language: the list holding two or more links into
 * Settings, and the menu's link to Settings. Pure: the document is passed in.
 */
export interface HintAnchors {
  /** The list of settings: the first list holding more than one link to a page under /settings/. */
  list: Element | null;
  /** The menu's link to Settings itself. */
  entry: Element | null;
}

export function findHintAnchors(document: Document): HintAnchors {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const sections = links.filter((link) => link.pathname.startsWith('/settings/'));
  const list = sections
    .map((link) => link.closest('ul, ol, [role="list"]'))
    .find((candidate) => candidate && sections.filter((link) => candidate.contains(link)).length > 1);
  return {
    list: list ?? null,
    entry: links.find((link) => link.pathname.replace(/\/+$/, '') === '/settings') ?? null,
  };
}
