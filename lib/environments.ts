import type { Environment } from './types';

export const ORIGINS: Record<Environment, string> = {
  production: 'https://app.pleo.io',
  staging: 'https://app.staging.pleo.io',
};

/** Match patterns for the manifest: exactly the two Pleo web app origins. */
export const MATCH_PATTERNS = [`${ORIGINS.production}/*`, `${ORIGINS.staging}/*`];

/** The environment of an origin or URL, or null when it is not exactly a Pleo web app origin. */
export function environmentOf(urlOrOrigin: string | undefined | null): Environment | null {
  if (!urlOrOrigin) return null;
  let origin: string;
  try {
    origin = new URL(urlOrOrigin).origin;
  } catch {
    return null;
  }
  if (origin === ORIGINS.production) return 'production';
  if (origin === ORIGINS.staging) return 'staging';
  return null;
}

/** Pleo's External API per environment, where a Standalone API Key is used (and checked). */
export const API_ORIGINS: Record<Environment, string> = {
  production: 'https://external.pleo.io',
  staging: 'https://external.staging.pleo.io',
};

/**
 * The optional host permissions of the key check, asked for on the first check only. Spelled out, not
 * built from API_ORIGINS: a template string stays in every bundle that imports this module, the
 * content script's included.
 */
export const API_MATCH_PATTERNS = ['https://external.pleo.io/*', 'https://external.staging.pleo.io/*'];
