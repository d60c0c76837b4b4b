import { i18n } from '#i18n';
import type { Translate } from '../lib/guidance/translate';

/**
 * The extension's texts in the browser's language, English where a text is missing. Keys keep
 * the generated types (a mistyped key fails to compile); this one adapter drops only the count of
 * substitutions per key, which the locale tests check against every step's parameters.
 */
export const t: Translate = i18n.t as Translate;

/** The language the texts are actually in, for <html lang>: not the browser's when it is unsupported. */
export function documentLanguage(): string {
  return t('language') || 'en';
}
