/**
 * Redaction for anything the report carries that came from a page. The detector already refuses to
 * read names, e-mail addresses and keys; this is the second line, so that a detector bug or a
 * hostile page still cannot put one into a report the user shares.
 */
import { LABEL_MAX } from '../limits';

const REDACTED = {
  email: '[email]',
  secret: '[secret]',
  id: '[id]',
  name: '[name]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu;
// A query string or fragment glued to a URL or path: the part that carries tokens, ids and e-mails.
const QUERY_OR_FRAGMENT = /(?<=\S)[?#]\S+/g;
// JSON Web Tokens and the prefixed secrets of common services (sk_live_…, ghp_…, xoxb-…).
const PREFIXED_SECRET =
  /\b(eyJ[\w-]+\.[\w-]+(\.[\w-]*)?|(sk|pk|rk)_(live|test)_\w+|gh[pousr]_\w+|xox[abpr]-[\w-]+)/g;
// A long run of key characters: 20 or more, mixing letters and digits. Words and paths do not.
const LONG_TOKEN = /[A-Za-z0-9_+/=-]{20,}/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_NUMBER = /\d{6,}/g;

function looksLikeSecret(token: string): boolean {
  return /\d/.test(token) && /[A-Za-z]/.test(token);
}

/** Whether redaction replaced something in this text: what is left is no longer what the page showed. */
export function isRedacted(text: string): boolean {
  return Object.values(REDACTED).some((marker) => text.includes(marker));
}

/** Removes the query string and fragment of a URL, keeping origin and path. */
export function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

/** Replaces e-mail addresses, keys, tokens, ids and query strings in a short piece of text. */
export function redactSecrets(text: string): string {
  return text
    .replace(EMAIL, REDACTED.email)
    .replace(QUERY_OR_FRAGMENT, '')
    .replace(PREFIXED_SECRET, REDACTED.secret)
    .replace(UUID, REDACTED.id)
    .replace(LONG_TOKEN, (token) => (looksLikeSecret(token) ? REDACTED.secret : token))
    .replace(LONG_NUMBER, REDACTED.id);
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)+/gu;

/**
 * Replaces runs of two or more capitalised words ("Alex Example", "Example Widgets ApS") unless
 * every word is one of the product's known UI words: person and company names look like that,
 * and a known label ("API Keys", "Open API") never needs hiding.
 */
export function redactNames(text: string, knownWords: ReadonlySet<string>): string {
  return text.replace(CAPITALISED_RUN, (run) =>
    run
      .toLowerCase()
      .split(/[\s.’'-]+/)
      .every((word) => !word || knownWords.has(word))
      ? run
      : REDACTED.name,
  );
}

/** Every word in a nested structure of strings (such as the detection labels), lower-cased. */
export function wordsOf(data: unknown): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const word of value.toLowerCase().split(/[\s-]+/)) if (word) words.add(word);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object' && !(value instanceof RegExp)) {
      Object.values(value).forEach(visit);
    }
  };
  visit(data);
  return words;
}

/** Collapses whitespace and control characters, then cuts to at most `max` characters. */
export function shorten(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The one entry point for page-derived text in a report: short, flat, without secrets or names. */
export function redactText(text: string, knownWords: ReadonlySet<string>, max = LABEL_MAX): string {
  return shorten(redactNames(redactSecrets(shorten(text, 4 * max)), knownWords), max);
}

/**
 * Hides these names (the companies a page showed) wherever they stand as whole words, however
 * the text spaces or cases them: a company of one lower-case word passes `redactNames`, and a
 * report the user did not unredact holds no company name at all. No names: the text unchanged.
 */
export function hideNames(names: readonly string[]): (text: string) => string {
  const alternatives = [
    ...new Set(names.map((name) => name.normalize('NFKC').replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ]
    // The longest first, so "Acme Nordic" is hidden whole before "Acme" could be.
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(' ').map(escapeRegExp).join('\\s+'));
  if (alternatives.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.normalize('NFKC').replace(pattern, REDACTED.name);
}

function escapeRegExp(text: string): string {
  // Only the syntax characters: in a Unicode pattern any other escape is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
