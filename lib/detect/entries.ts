/**
 * Menu entries: API Keys, Open API and Settings, seen by label in any language or by their path on
 * the Pleo origin, and the settings sections around them.
 */

import { type EntryKind, entryLabel, type LabelMatch, type LearnedLookup, NOTHING_LEARNED } from './labels';
import { trimPath } from './paths';
import { LIST_ROLES, PATHS } from './rules';
import { normaliseLabel, shortAttribute, shortText } from './text';

/** A signal and its detail, quoted from the rules or a known path: never page text. */
export interface Finding {
  signal: string;
  detail: string;
}

export interface EntryFindings {
  apiKeys?: Finding;
  openApi?: Finding;
  /** A Settings entry inside a menu or navigation: the app's main navigation. */
  appNavigation?: Finding;
  /** Distinct entries that lead to a settings section. */
  settingsSections: number;
}

/** Where a menu's entries live; a Settings label on one of these makes its entries settings sections. */
const LIST_CONTAINER = ['nav', 'ul', 'ol', 'menu', ...LIST_ROLES.map((role) => `[role="${role}"]`)].join(',');

const HEADING_OR_STRONG = 'h1, h2, h3, h4, h5, h6, [role="heading"], strong';

/** How many list containers up to look for a Settings label (a nav holding a list holding items). */
const CONTAINER_DEPTH = 3;

/**
 * An entry's label: its aria-label; else its first heading or strong child (a card's title, not its
 * description); else its text; else its title.
 */
function entryLabelText(element: Element): string | null {
  if (element.hasAttribute('aria-label')) return shortAttribute(element, 'aria-label');
  const heading = element.firstElementChild && element.querySelector(HEADING_OR_STRONG);
  if (heading) return shortText(heading);
  const text = shortText(element);
  if (text === null) return null;
  return text || shortAttribute(element, 'title');
}

/**
 * An entry's label as the page shows it: its first heading or strong child, else its text; its
 * aria-label, else its title, only when it shows no text. Pick mode keeps this one, so the user
 * sees what is taught: a hidden aria-label could say anything.
 */
export function shownEntryLabel(element: Element): string | null {
  const heading = element.firstElementChild && element.querySelector(HEADING_OR_STRONG);
  const text = shortText(heading ?? element);
  if (text === null) return null;
  return text || shortAttribute(element, 'aria-label') || shortAttribute(element, 'title');
}

/** A taught label, which is what the page showed, read where an aria-label gives rule 1 another. */
function learnedShownLabel(element: Element, learned: LearnedLookup): LabelMatch<EntryKind> | undefined {
  if (learned.entries.size === 0 || !element.hasAttribute('aria-label')) return undefined;
  return learned.entries.get(normaliseLabel(shownEntryLabel(element) ?? ''));
}

/**
 * The path a link leads to on the page's own origin: null when it is no link or only a jump within
 * this page, 'elsewhere' for another site.
 */
function ownPath(element: Element, location: URL): string | null | 'elsewhere' {
  const href = element.tagName.toUpperCase() === 'A' ? element.getAttribute('href')?.trim() : null;
  if (!href || href.startsWith('#')) return null;
  // Most app links are root-relative: their path needs no URL parsing.
  if (href.startsWith('/') && !href.startsWith('//')) return trimPath(href.split(/[?#]/, 1)[0]!);
  let target: URL;
  try {
    target = new URL(href, location);
  } catch {
    return 'elsewhere';
  }
  if (target.origin !== location.origin) return 'elsewhere';
  return trimPath(target.pathname);
}

const PATH_KINDS: Record<string, EntryKind> = {
  [PATHS.apiKeys]: 'apiKeys',
  [PATHS.openApi]: 'openApi',
  [PATHS.settings]: 'settings',
};

function labelFinding(match: LabelMatch<EntryKind>): Finding {
  if (match.learned) return { signal: 'learned-label', detail: match.label };
  return { signal: 'entry-label', detail: `${match.label} (${match.language})` };
}

export function findEntries(
  entries: Element[],
  location: URL,
  learned: LearnedLookup = NOTHING_LEARNED,
): EntryFindings {
  const findings: EntryFindings = { settingsSections: 0 };
  const sections = new Set<string>();
  const settingsLists = new Map<Element, boolean>();
  for (const element of entries) {
    const label = entryLabelText(element);
    const match = entryLabel(label, learned) ?? learnedShownLabel(element, learned);
    const href = element.getAttribute('href');
    // Only links that may matter are resolved: parsing every URL would cost with the page's size.
    const path = match || href?.toLowerCase().includes(PATHS.settings) ? ownPath(element, location) : null;
    if (path === 'elsewhere') continue;
    const byPath = path ? PATH_KINDS[path] : undefined;
    const kind = byPath ?? match?.value;
    // A locked API Keys or Open API entry is one the user cannot open: read the page as if it were
    // not there, so it makes neither a visible entry nor a settings section.
    if ((kind === 'apiKeys' || kind === 'openApi') && isLocked(element)) continue;
    const finding = byPath
      ? { signal: 'entry-href', detail: path! }
      : match
        ? labelFinding(match)
        : undefined;
    if (kind === 'apiKeys') findings.apiKeys ??= finding;
    if (kind === 'openApi') findings.openApi ??= finding;
    if (kind === 'settings') {
      if (!findings.appNavigation && element.closest(LIST_CONTAINER)) {
        findings.appNavigation = { signal: 'app-navigation', detail: `Settings entry: ${finding!.detail}` };
      }
      continue;
    }
    const underSettings = !!path && path.startsWith(`${PATHS.settings}/`);
    if (underSettings || inSettingsList(element, settingsLists, learned)) {
      sections.add(path ?? (label ? `label:${label}` : `entry:${sections.size}`));
    }
  }
  findings.settingsSections = sections.size;
  return findings;
}

/** Shown but marked as not usable (a locked feature: inert, disabled or aria-disabled), itself or around it. */
function isLocked(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('inert') || node.hasAttribute('disabled')) return true;
    if (node.getAttribute('aria-disabled')?.trim().toLowerCase() === 'true') return true;
  }
  return false;
}

function inSettingsList(element: Element, cache: Map<Element, boolean>, learned: LearnedLookup): boolean {
  let container = element.closest(LIST_CONTAINER);
  for (let depth = 0; container && depth < CONTAINER_DEPTH; depth++) {
    let named = cache.get(container);
    if (named === undefined) {
      named = entryLabel(containerLabel(container), learned)?.value === 'settings';
      cache.set(container, named);
    }
    if (named) return true;
    container = container.parentElement?.closest(LIST_CONTAINER) ?? null;
  }
  return false;
}

function containerLabel(container: Element): string | null {
  const label = shortAttribute(container, 'aria-label');
  if (label) return label;
  const ids = container.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const texts = ids.map((id) => container.ownerDocument.getElementById(id)).filter((el) => el !== null);
  const text = texts.map((el) => shortText(el) ?? '').join(' ');
  return text.trim() || null;
}
