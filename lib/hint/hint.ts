/**
 * When the in-page hint shows, what it says, and in which language. Pure: the content script
 * passes the verdict, the page's path and <html lang>, and what the user chose.
 */
import { pageKind } from '../detect/paths';
import { dismissalKey } from '../state/profile';
import {
  type Environment,
  LANGUAGES,
  type Language,
  type PickTarget,
  type Verdict,
  type VerdictKind,
} from '../types';
import type { HINT_TEXTS } from './strings';

type HintText = (typeof HINT_TEXTS)[number];
export type HintStrings = Record<HintText, string>;
type HintMessage =
  | 'roleMissing'
  | 'notEnabled'
  | 'roleUnclear'
  | 'unknownOpenSettings'
  | 'unknownRole'
  | 'ready'
  | 'arrivedEnabling'
  | 'arrivedRole';

export interface Hint {
  verdict: VerdictKind;
  message: HintMessage;
  /** For news that what the user asked for arrived: when they asked (the text's `$1`). */
  askedAt?: number;
}

/**
 * The hint a page would show for a verdict, before the user's choices: what is missing on any
 * Pleo page, what to open on Settings pages when unsure, and a tip on the API Keys page.
 */
export function hintFor(verdict: Verdict, pathname: string): Hint | null {
  const page = pageKind(pathname);
  switch (verdict.kind) {
    case 'role-missing':
      return { verdict: verdict.kind, message: 'roleMissing' };
    case 'not-enabled':
      return { verdict: verdict.kind, message: 'notEnabled' };
    case 'role-unclear':
      return { verdict: verdict.kind, message: 'roleUnclear' };
    case 'unknown':
      if (page !== 'settings' && page !== 'api-keys') return null;
      if (verdict.missing.includes('open-settings'))
        return { verdict: verdict.kind, message: 'unknownOpenSettings' };
      if (verdict.missing.includes('role-not-seen')) return { verdict: verdict.kind, message: 'unknownRole' };
      return null;
    case 'ready':
      return page === 'api-keys' ? { verdict: verdict.kind, message: 'ready' } : null;
    default:
      return null;
  }
}

/** The hint's one action; its name is also the name of its button's text. */
export type HintAction = 'request' | 'openSettings' | 'pointApiKeys' | 'pointRole';

/**
 * The verdict's one action, as the popup's: the request (in the popup's guidance, where copying it is
 * the one button), opening the list of settings, or pointing at what the checker could not see when
 * it should be on this page. A ready hint is a confirmation and needs none.
 */
export function hintAction(hint: Hint, onSettingsList: boolean): HintAction | null {
  switch (hint.message) {
    case 'roleMissing':
    case 'notEnabled':
      return 'request';
    case 'unknownOpenSettings':
      return onSettingsList ? 'pointApiKeys' : 'openSettings';
    case 'unknownRole':
      return 'pointRole';
    default:
      return null;
  }
}

/** What a "Point at …" action asks pick mode to find. */
export function pickTarget(action: HintAction | null): PickTarget | null {
  return action === 'pointApiKeys' ? 'apiKeys' : action === 'pointRole' ? 'role' : null;
}

export interface HintChoices {
  enabled: boolean;
  dismissed: readonly string[];
}

/** The hint to show now, or null when there is none or the user turned it off or dismissed it. */
export function visibleHint(
  environment: Environment,
  verdict: Verdict,
  pathname: string,
  choices: HintChoices,
): Hint | null {
  if (!choices.enabled) return null;
  const hint = hintFor(verdict, pathname);
  if (!hint || choices.dismissed.includes(dismissalKey(environment, hint.verdict))) return null;
  return hint;
}

/** The page's language (its <html lang>, e.g. "da-DK") when it is one of the app's, else English. */
export function pageLanguage(htmlLang: string | null | undefined): Language {
  const primary = (htmlLang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? 'en';
}
