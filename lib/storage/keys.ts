/**
 * Where each item is stored: its key within its storage area, with no validator attached. The
 * content script reads its few keys straight from `storage.local` (lib/hint/stored.ts), so each key
 * is a constant of its own and a bundle carries only those it uses.
 */
import type { Environment } from '../types';

export const recordKey = (environment: Environment) => `environment:${environment}` as const;
/** The records of the organisations (companies) pages of this environment showed (lib/state/organisations.ts). */
export const organisationsKey = (environment: Environment) => `organisations:${environment}` as const;
export const PROFILE_KEY = 'profile';
export const SETTINGS_KEY = 'settings';
export const DISMISSED_HINTS_KEY = 'dismissedHints';
export const RESETS_KEY = 'resets';
export const LEARNED_LABELS_KEY = 'learnedLabels';
/** The requests the user said they sent, and when what they asked for arrived (lib/state/requests.ts). */
export const REQUESTS_KEY = 'requests';
/** The last key check per environment: its result, when, and the company id; never the key. */
export const KEY_CHECKS_KEY = 'keyChecks';
/** Kept in session storage (memory): when local storage is full, that is the one place that still takes it. */
export const WRITE_FAILURE_KEY = 'writeFailure';
