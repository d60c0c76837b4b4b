/**
 * Which element of the page pick mode offers to choose: what the pointer is over, read as rule 1
 * reads an entry (docs/detection.md), and where the arrow keys move from there. Pure: the content
 * script passes the elements and what to pass over (its own hosts, elements with no box).
 */
import { ENTRY_SELECTOR } from '../detect/page';
import { shortText } from '../detect/text';
import { LEARNED_LABEL_MAX } from '../state/teachable';

/** Elements pick mode never offers: the extension's own hosts, and what the page does not render. */
export type Skip = (element: Element) => boolean;

/** The arrow keys pick mode answers, by their `KeyboardEvent.key`. */
export type Move = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const isTop = (element: Element) => element === element.ownerDocument.body || !element.parentElement;

/**
 * The element a pointer over `target` offers: the nearest entry-like element around it (a link,
 * a button, an element with an entry's role), else the nearest element whose whole text is short
 * enough to be a label; null over the extension's own elements or nothing label-like.
 */
export function candidateAt(target: Element | null, skip: Skip): Element | null {
  if (!target || skip(target)) return null;
  const entry = target.closest(ENTRY_SELECTOR);
  if (entry) return entry;
  for (let node: Element | null = target; node && !isTop(node); node = node.parentElement) {
    if (shortText(node, LEARNED_LABEL_MAX)) return node;
  }
  return null;
}

/** Where keyboard picking starts: the page's first entry-like element, else its body. */
export function firstCandidate(document: Document): Element {
  return document.querySelector(ENTRY_SELECTOR) ?? document.body;
}

const STEPS = {
  ArrowUp: 'parentElement',
  ArrowDown: 'firstElementChild',
  ArrowLeft: 'previousElementSibling',
  ArrowRight: 'nextElementSibling',
} as const;

/**
 * The candidate after an arrow key: Up the parent (never above <body>), Down the first child,
 * Left and Right the previous and next sibling, passing over what `skip` says (Down goes on to
 * the next child); the same element when there is nowhere to go.
 */
export function moveCandidate(current: Element, move: Move, skip: Skip): Element {
  if (move === 'ArrowUp') return isTop(current) ? current : current.parentElement!;
  const onward = move === 'ArrowLeft' ? STEPS.ArrowLeft : STEPS.ArrowRight;
  let next = current[STEPS[move]];
  while (next && skip(next)) next = next[onward];
  return next ?? current;
}
