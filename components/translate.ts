import { i18n } from '#i18n';
import type { Translate } from '../lib/guidance/steps';

/**
 * The extension's texts in the browser's language, English where a text is missing. Keys are
 * built from data (verdicts, roles, steps), so the locale tests check them, not the type checker.
 */
export const t = i18n.t as Translate;

/** The language the texts are actually in, for <html lang>: not the browser's when it is unsupported. */
export function documentLanguage(): string {
  return t('language') || 'en';
}
