/**
 * Whether the browser lets the checker read an environment's pages. In Chrome and Edge a user or an
 * administrator's policy can set the extension's site access to "On click" or block the Pleo sites;
 * the content script then never runs there, and without this the popup would say "Not checked yet"
 * for ever. The popup asks the browser (`permissions.contains`) and passes the answer in here.
 */
import { ORIGINS } from '../environments';
import type { Environment } from '../types';

export const SITE_ACCESS_STATES = ['granted', 'withheld'] as const;
export type SiteAccess = (typeof SITE_ACCESS_STATES)[number];

/** The manifest's host permission for one environment, as `permissions.contains` takes it. */
export function originPattern(environment: Environment): string {
  return `${ORIGINS[environment]}/*`;
}

/**
 * What "Grant access" asks the browser for: exactly the host permissions the manifest declares,
 * both Pleo origins and nothing else, so one answer covers both environments.
 */
export function siteAccessRequest(environments: readonly Environment[]): { origins: string[] } {
  return { origins: environments.map(originPattern) };
}
