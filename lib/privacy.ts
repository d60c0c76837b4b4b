/**
 * What is personal or secret, said once: detection, teaching, the background's admission,
 * storage and the reports' redaction all ask here. Every check reads the text as the user sees it
 * (normaliseText), so full-width letters, digits and `＠`, or an invisible character inside a name
 * or an address, cannot slip a text past a check written for plain ASCII.
 */

/** Format and bidi characters (zero-width space and joiners, direction marks): invisible, they split words. */
const INVISIBLE = /\p{Cf}/gu;

/** The text as it reads: compatibility forms folded (NFKC: `＠` is `@`, `４` is `4`), invisible characters gone. */
export function normaliseText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
}

// The patterns, each written once; they expect normalised text. Redaction makes global copies.
export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** A long run of key characters: 20 or more; a key or token when it mixes letters and digits (keyLike). */
export const KEY_RUN = /[A-Za-z0-9_+/=-]{20,}/;
/** JSON Web Tokens and the prefixed secrets of common services (sk_live_…, ghp_…, xoxb-…). */
export const PREFIXED_SECRET =
  /\b(?:eyJ[\w-]+\.[\w-]+(?:\.[\w-]*)?|(?:sk|pk|rk)_(?:live|test)_\w+|gh[pousr]_\w+|xox[abpr]-[\w-]+)/;
export const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** Five digits or more, spaced or not: a card, an account, a phone, an id. */
export const LONG_NUMBER = /\p{Nd}(?:\s?\p{Nd}){4,}/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** A short text with more digits than this holds a number of someone's, however it is split up. */
const MAX_DIGITS = 4;

/** Whether a run of key characters is key-like: letters and digits mixed; words and paths are not. */
export function keyLike(run: string): boolean {
  return /\d/.test(run) && /[A-Za-z]/.test(run);
}

/**
 * Whether a short text holds something secret or someone's contact: an e-mail address, a key or
 * token, an id, or more than four digits. Company names are held to this (a company is not a
 * person); labels also to looksLikeName.
 */
export function isSecret(text: string): boolean {
  // Printable ASCII, as most evidence is, already reads as it is written, and its only digits are
  // 0-9: the Unicode-class expressions, costly to build on a page's first scan, are not needed.
  const plain = PRINTABLE_ASCII.test(text);
  const normal = plain ? text : normaliseText(text);
  // Every match of EMAIL holds an @, the form normalising gives every other at sign.
  if ((normal.includes('@') && EMAIL.test(normal)) || PREFIXED_SECRET.test(normal) || UUID.test(normal)) {
    return true;
  }
  if ((normal.match(plain ? /[0-9]/g : /\p{Nd}/gu)?.length ?? 0) > MAX_DIGITS) return true;
  const run = new RegExp(KEY_RUN.source, 'g');
  for (let match = run.exec(normal); match; match = run.exec(normal)) if (keyLike(match[0])) return true;
  return false;
}

/** The words of a text, lower-cased: its runs of letters (marks included), whatever separates them. */
export function lowerCaseWords(text: string): string[] {
  return (
    normaliseText(text)
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? []
  );
}

/** Every word in a nested structure of strings (such as the rules' vocabulary), as lowerCaseWords reads them. */
export function knownWordsIn(data: unknown): Set<string> {
  const words = new Set<string>();
  // What is left to visit, rather than recursion: no depth of data can overflow the stack.
  const queue: unknown[] = [data];
  while (queue.length > 0) {
    const value = queue.pop();
    if (typeof value === 'string') for (const word of lowerCaseWords(value)) words.add(word);
    else if (Array.isArray(value)) queue.push(...value);
    else if (value && typeof value === 'object' && !(value instanceof RegExp))
      queue.push(...Object.values(value));
  }
  return words;
}

/**
 * Two or more capitalised words side by side, maybe with a family name's particle between
 * ("Ludwig van Beethoven"): how names of people and companies are written.
 */
export const CAPITALISED_RUN =
  /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|di|du|del|della|la|le|af|ter|ten|dos|das|bin|ibn|al)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)+/gu;
/** What splits a label into parts ("Doe, Jane · Admin"): a name is one part; a comma stays inside it. */
const PARTS = /[·•|:;/()[\]{}<>«»"“”–—]+|\s-\s/u;
/** "Doe, Jane": a part that is two or three words around a comma. */
const LAST_FIRST = /^\s*[\p{L}\p{M}'’.-]+\s*,\s*[\p{L}\p{M}'’.-]+(?:\s+[\p{L}\p{M}'’.-]+)?\s*$/u;

/**
 * Whether a label looks like someone's name: capitalised words not all the rules' own (`Jane Doe`,
 * `Ludwig van Beethoven`; `API Keys` is not), or a part of two or more words the rules know none
 * of that is written "Last, First" or all in lower case (`Doe, Jane`, `jane doe`). A UI label in
 * sentence case ("Developer access") passes, and so, unavoidably, does a name written like one.
 * `known` is the rules' words (knownWordsIn of the vocabulary).
 */
export function looksLikeName(label: string, known: ReadonlySet<string>): boolean {
  const text = normaliseText(label);
  for (const run of text.match(CAPITALISED_RUN) ?? []) {
    if (!lowerCaseWords(run).every((word) => known.has(word))) return true;
  }
  return text.split(PARTS).some((part) => {
    const words = lowerCaseWords(part);
    if (words.length < 2 || words.some((word) => known.has(word))) return false;
    return LAST_FIRST.test(part) || !/\p{Lu}/u.test(part);
  });
}

/** What stands for a name that may not be shown: in a report, and as a company name an earlier version kept. */
export const HIDDEN_NAME = '[name]';

/** Whether a label may not be kept: secret (isSecret) or someone's name (looksLikeName). */
export function isPersonalOrSecret(label: string, known: ReadonlySet<string>): boolean {
  return isSecret(label) || looksLikeName(label, known);
}
