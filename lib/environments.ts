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
