/**
 * Redaction for anything the report carries that came from a page. The detector already refuses to
 * read names, e-mail addresses and keys; this is the second line, so that a detector bug or a
 * hostile page still cannot put one into a report the user shares. What is personal or secret is
 * lib/privacy.ts's to say; this only replaces it.
 */
import { LABEL_MAX } from '../limits';
import {
  CAPITALISED_RUN,
  EMAIL,
  HIDDEN_NAME,
  KEY_RUN,
  keyLike,
  LONG_NUMBER,
  looksLikeName,
  lowerCaseWords,
  normaliseText,
  PREFIXED_SECRET,
  UUID,
} from '../privacy';

const REDACTED = {
  email: '[email]',
  secret: '[secret]',
  id: '[id]',
  name: HIDDEN_NAME,
} as const;

const global = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);
const EMAILS = global(EMAIL);
// A query string or fragment glued to a URL or path: the part that carries tokens, ids and e-mails.
const QUERY_OR_FRAGMENT = /(?<=\S)[?#]\S+/g;
const PREFIXED_SECRETS = global(PREFIXED_SECRET);
const KEY_RUNS = global(KEY_RUN);
const UUIDS = global(UUID);
const LONG_NUMBERS = global(LONG_NUMBER);

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
  return normaliseText(text)
    .replace(EMAILS, REDACTED.email)
    .replace(QUERY_OR_FRAGMENT, '')
    .replace(PREFIXED_SECRETS, REDACTED.secret)
    .replace(UUIDS, REDACTED.id)
    .replace(KEY_RUNS, (run) => (keyLike(run) ? REDACTED.secret : run))
    .replace(LONG_NUMBERS, REDACTED.id);
}

/**
 * Replaces runs of two or more capitalised words ("Alex Example", "Example Widgets ApS") unless
 * every word is one of the product's known UI words: person and company names look like that,
 * and a known label ("API Keys", "Open API") never needs hiding.
 */
export function redactNames(text: string, knownWords: ReadonlySet<string>): string {
  return normaliseText(text).replace(CAPITALISED_RUN, (run) =>
    lowerCaseWords(run).every((word) => knownWords.has(word)) ? run : REDACTED.name,
  );
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
 * A label the user taught (or evidence quoting one), whole: one that is someone's name in any
 * shape (looksLikeName: `jane doe`, `Doe, Jane`) is hidden entirely, the rest as redactText.
 */
export function redactLabel(text: string, knownWords: ReadonlySet<string>, max = LABEL_MAX): string {
  return looksLikeName(text, knownWords) ? REDACTED.name : redactText(text, knownWords, max);
}

/**
 * Hides these names (the companies a page showed) wherever they stand as whole words, however
 * the text spaces or cases them: a company of one lower-case word passes `redactNames`, and a
 * report the user did not unredact holds no company name at all. No names: the text unchanged.
 */
export function hideNames(names: readonly string[]): (text: string) => string {
  const alternatives = [
    ...new Set(names.map((name) => normaliseText(name).replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ]
    // The longest first, so "Acme Nordic" is hidden whole before "Acme" could be.
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(' ').map(escapeRegExp).join('\\s+'));
  if (alternatives.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => normaliseText(text).replace(pattern, REDACTED.name);
}

function escapeRegExp(text: string): string {
  // Only the syntax characters: in a Unicode pattern any other escape is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
