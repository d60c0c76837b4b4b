/** Pleo pages by their path, which holds in every language (the paths themselves are in ./rules.ts). */
import { PATHS } from './rules';

/** A path as the rules compare it: lower case, without a trailing slash. */
export function trimPath(pathname: string): string {
  return pathname.toLowerCase().replace(/\/+$/, '') || '/';
}

/** Whether a trimmed path is `prefix` itself or a page below it. */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export type PageKind = 'settings' | 'api-keys' | 'sign-in' | 'other';

/** What kind of Pleo page a path is. */
export function pageKind(pathname: string): PageKind {
  const path = trimPath(pathname);
  if (path === PATHS.apiKeys) return 'api-keys';
  if (isUnder(path, PATHS.settings)) return 'settings';
  if (PATHS.signIn.some((prefix) => isUnder(path, prefix))) return 'sign-in';
  return 'other';
}
