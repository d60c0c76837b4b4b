/**
 * The shape of the extension's translation function, typed by the keys that @wxt-dev/i18n
 * generates from locales/en.yml: a mistyped key, or one built from a value with no text, fails to
 * compile. Keys built at run time come from typed unions through `camelCase`.
 */
// The generated types alone, not `#i18n`: that module calls the browser's i18n API.
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';
import type { Missing } from '../types';

export type MessageKey = keyof GeneratedI18nStructure;

/** Translates a locale key, `$1`… replaced by the substitutions (the shape of `i18n.t`). */
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

/** "role-missing" → "roleMissing", as a type too. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** A kebab-case id as a locale key part: Chrome's message names allow no hyphens. */
export function camelCase<S extends string>(id: S): CamelCase<S> {
  return id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as CamelCase<S>;
}

/** What a verdict still needs: a sentence in the popup's card, a short line in the Markdown report. */
export const MISSING_KEYS: Record<Missing, { card: MessageKey; report: MessageKey }> = {
  'open-settings': { card: 'missing.openSettings', report: 'report.markdown.missing.openSettings' },
  'role-not-seen': { card: 'missing.roleNotSeen', report: 'report.markdown.missing.roleNotSeen' },
  'sign-in-state': { card: 'missing.signInState', report: 'report.markdown.missing.signInState' },
};
