/**
 * The one request a key check makes per environment, as Pleo documents it: the installation
 * endpoint with HTTP Basic auth, the key as user name and an empty password. Also the first call
 * the user can make themselves, which reads the key from an environment variable, never from here.
 */
import { API_ORIGINS } from '../environments';
import type { Environment } from '../types';

const INSTALLATION_PATH = '/v1/installations/me';
export const ACCEPT = 'application/json;charset=UTF-8';
/** Pleo answers in well under a second; after this the check says Pleo could not answer. */
export const KEY_CHECK_TIMEOUT_MS = 10_000;

export function installationUrl(environment: Environment): string {
  return `${API_ORIGINS[environment]}${INSTALLATION_PATH}`;
}

/** The Authorization header's value; the key must have passed keyProblem (visible ASCII only). */
export function basicAuthorization(key: string): string {
  return `Basic ${btoa(`${key}:`)}`;
}

/** A first call to copy: the key comes from the shell's PLEO_API_KEY, so it is never in the text. */
export function curlCommand(environment: Environment): string {
  return `curl -u "$PLEO_API_KEY:" -H "Accept: ${ACCEPT}" ${installationUrl(environment)}`;
}
