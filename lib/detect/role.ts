/**
 * The signed-in user's role, from what the page shows about that user: a value labelled by a Role
 * label (high confidence), or a role word alone in the account area (medium). Role words anywhere
 * else (a People table, help text) say nothing about the user. Two different roles seen is no answer,
 * except a main role beside an add-on role (Reviewer, which Pleo adds on top of a main role): then
 * the main role is the user's, and the evidence names both.
 */

import { MAX_ACCOUNT_AREA_ELEMENTS } from '../limits';
import type { KnownRole, RoleFact } from '../types';
import { ADD_ON_ROLES, UNKNOWN_ROLE } from '../types';
import type { Finding } from './entries';
import { isRoleLabel, type LabelMatch, type LearnedLookup, NOTHING_LEARNED, roleWord } from './labels';
import { TABLES } from './page';
import { PATHS } from './rules';
import { shortText } from './text';

export interface RoleFinding {
  role: RoleFact;
  evidence?: Finding;
}

/** Entries that lead elsewhere: their text names a destination, not the user's role. */
const NAVIGATION = 'a[href], [role="link"], [role="tab"], [role="menuitem"], [role="option"], option';

const FORM_FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'OPTION']);

export function findRole(
  labels: Element[],
  accountAreas: Element[],
  location: URL,
  learned: LearnedLookup = NOTHING_LEARNED,
): RoleFinding {
  const labelled = new Map<KnownRole, LabelMatch<KnownRole>>();
  const inAccountArea = new Map<KnownRole, LabelMatch<KnownRole>>();
  // On pages about other people, a labelled role is theirs; the account area is still the user's.
  const aboutOthers = PATHS.otherPeople.some(
    (p) => location.pathname === p || location.pathname.startsWith(`${p}/`),
  );
  if (!aboutOthers) {
    for (const label of labels) {
      if (label.closest(TABLES)) continue;
      const match = labelledValue(label, learned);
      if (match) labelled.set(match.value, match);
    }
  }
  for (const element of accountAreaElements(accountAreas)) {
    if (element.closest(NAVIGATION) || element.closest(TABLES)) continue;
    const text = shortText(element);
    const statement = roleStatement(text, learned);
    if (statement) labelled.set(statement.value, statement);
    const word = roleWord(text, learned);
    if (word) inAccountArea.set(word.value, word);
  }
  if (labelled.size > 0) return oneRole(labelled, 'high', 'role-labelled');
  if (inAccountArea.size > 0) return oneRole(inAccountArea, 'medium', 'role-in-account-area');
  return { role: UNKNOWN_ROLE };
}

/** The one role seen, or the one main role seen beside add-on roles; anything else is no answer. */
function oneRole(
  seen: Map<KnownRole, LabelMatch<KnownRole>>,
  confidence: 'high' | 'medium',
  signal: string,
): RoleFinding {
  if (seen.size === 1) return found([...seen.values()][0]!, confidence, signal);
  const main = [...seen.values()].filter((match) => !ADD_ON_ROLES.has(match.value));
  if (main.length !== 1) return { role: UNKNOWN_ROLE };
  const addOns = [...seen.values()].filter((match) => ADD_ON_ROLES.has(match.value));
  return found(main[0]!, confidence, signal, addOns);
}

function found(
  match: LabelMatch<KnownRole>,
  confidence: 'high' | 'medium',
  signal: string,
  addOns: LabelMatch<KnownRole>[] = [],
): RoleFinding {
  const detail = [match, ...addOns].map(quote).join(' + ');
  return {
    role: { value: match.value, confidence, source: 'detected' },
    evidence: match.learned && addOns.length === 0 ? { signal: 'learned-label', detail } : { signal, detail },
  };
}

/** A match as evidence quotes it: the rules' word with its language, or the label the user taught. */
function quote(match: LabelMatch<KnownRole>): string {
  return match.learned ? match.label : `${match.label} (${match.language})`;
}

/** "Role: Admin" as one piece of text. */
function roleStatement(text: string | null, learned: LearnedLookup): LabelMatch<KnownRole> | undefined {
  const colon = text?.indexOf(':') ?? -1;
  if (!text || colon < 1 || !isRoleLabel(text.slice(0, colon))) return undefined;
  return roleWord(text.slice(colon + 1), learned);
}

/** <dt>Role</dt><dd>Admin</dd>, <label>Role</label><span>Admin</span>, or either as "Role: Admin". */
function labelledValue(label: Element, learned: LearnedLookup): LabelMatch<KnownRole> | undefined {
  const text = shortText(label);
  const statement = roleStatement(text, learned);
  if (statement || !isRoleLabel(text)) return statement;
  const value = label.tagName.toUpperCase() === 'DT' ? definition(label) : labelTarget(label);
  return value && !FORM_FIELDS.has(value.tagName.toUpperCase())
    ? roleWord(shortText(value), learned)
    : undefined;
}

function definition(term: Element): Element | null {
  for (let next = term.nextElementSibling; next; next = next.nextElementSibling) {
    const tag = next.tagName.toUpperCase();
    if (tag === 'DD') return next;
    if (tag === 'DT') return null;
  }
  return null;
}

/** What a label labels; form fields are never read, so a labelled field gives no value. */
function labelTarget(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id) return label.ownerDocument.getElementById(id);
  if (label.querySelector('input, select, textarea')) return null;
  return label.nextElementSibling;
}

/** Every element of every account area once, skipping areas too big to be one. */
function* accountAreaElements(areas: Element[]): Generator<Element> {
  const scanned: Element[] = [];
  for (const area of areas) {
    if (scanned.some((outer) => outer.contains(area))) continue;
    const elements = descendants(area, MAX_ACCOUNT_AREA_ELEMENTS);
    if (!elements) continue;
    scanned.push(area);
    yield area;
    yield* elements;
  }
}

/** The element's descendants in document order, or null as soon as there are more than `max`. */
function descendants(root: Element, max: number): Element[] | null {
  const found: Element[] = [];
  let node = root.firstElementChild;
  while (node) {
    if (found.push(node) > max) return null;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return found;
}
