/**
 * Reading short UI labels from the page, and nothing longer. A label is compared with the rules
 * and then dropped: page text is never kept, stored or sent (evidence quotes the rules instead).
 */
import { LABEL_MAX, MAX_LABEL_ELEMENTS, MAX_LABEL_LENGTH, NORMALISED_LIMIT } from '../limits';
import { isSecret } from '../privacy';

/** Text never read as a label: code samples, form fields and anything not rendered as text. */
const UNREAD_ELEMENTS = new Set([
  'CODE',
  'PRE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
]);

/**
 * Labels already normalised: a page repeats its labels ("Details" on every row, the same menu on
 * every scan), and each is worked out once. Bounded, so a page of ever-new texts cannot grow it.
 */
const NORMALISED = new Map<string, string>();

/**
 * Case-insensitive, spaces and hyphens alike, surrounding whitespace and punctuation ignored:
 * "  API-keys: " and "api keys" are the same label.
 */
export function normaliseLabel(text: string): string {
  let key = NORMALISED.get(text);
  if (key === undefined) {
    key = normalise(text);
    if (NORMALISED.size >= NORMALISED_LIMIT) NORMALISED.clear();
    if (text.length <= MAX_LABEL_LENGTH) NORMALISED.set(text, key);
  }
  return key;
}

function normalise(text: string): string {
  const spaced = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[\s\-\u2010-\u2015]+/g, ' ');
  // Most labels begin and end with a letter or digit: nothing to trim, and the Unicode classes of
  // the trimming expression (costly to build on a page's first scan) are not needed.
  if (isLetterOrDigit(spaced, 0) && isLetterOrDigit(spaced, spaced.length - 1)) return spaced;
  return spaced.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/**
 * Surely a letter or digit, so never space, punctuation or a symbol: a–z, 0–9, or a lower-case
 * letter below U+2000, where every character that has an upper case is a letter (a unit test
 * checks each one). Anything else is left to the trimming expression.
 */
export function isLetterOrDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  if (code < 128 || code >= 0x2000) return false;
  const char = text.charAt(index);
  return char.toUpperCase() !== char;
}

/**
 * The visible-text of an element when it is short enough to be a UI label, else null. Stops
 * reading as soon as the text is too long or the subtree too big, so a label check costs the
 * size of a menu item, never the size of the page.
 */
export function shortText(root: Element, max = MAX_LABEL_LENGTH): string | null {
  if (UNREAD_ELEMENTS.has(root.tagName.toUpperCase())) return null;
  if (!root.firstElementChild) return collapsedWithin(root.textContent ?? '', max);
  let text = '';
  let elements = 0;
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    let enter = false;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      // Raw text carries indentation; collapse only when it might already be too long.
      if (text.length > max) {
        text = text.replace(/\s+/g, ' ').trimStart();
        if (text.length > max + 1) return null;
      }
    } else if (node.nodeType === 1) {
      if (++elements > MAX_LABEL_ELEMENTS) return null;
      enter = !UNREAD_ELEMENTS.has((node as Element).tagName.toUpperCase());
    }
    node = next(node, root, enter);
  }
  return collapsedWithin(text, max);
}

/** The node after `node` in document order within `root`, skipping its subtree unless `enter`. */
function next(node: Node, root: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  let current: Node | null = node;
  while (current && current !== root && !current.nextSibling) current = current.parentNode;
  return current && current !== root ? current.nextSibling : null;
}

function collapsedWithin(text: string, max: number): string | null {
  // A text far longer than a label is refused before any work on it.
  if (text.length > max * 8) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= max ? collapsed : null;
}

/** The accessible label an attribute gives, when it is short enough to be one. */
export function shortAttribute(element: Element, name: string, max = MAX_LABEL_LENGTH): string | null {
  const value = element.getAttribute(name)?.trim();
  return value && value.length <= max ? value : null;
}

/** Whether a string may go into evidence: short, and nothing secret (lib/privacy.ts). */
export function isSafeDetail(detail: string): boolean {
  return detail.length <= LABEL_MAX && !isSecret(detail);
}
