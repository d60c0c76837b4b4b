/**
 * Every item the extension stores, declared once. Only the background writes them; the popup,
 * options page and in-page hint read and watch.
 */
import { storage } from 'wxt/utils/storage';
import { type EnvironmentRecord, emptyRecord } from './merge';
import { RULES_VERSION } from './rules';
import type { Environment, Profile } from './types';
import { DEFAULT_PROFILE } from './types';

export const environmentItems: Record<Environment, ReturnType<typeof recordItem>> = {
  production: recordItem('production'),
  staging: recordItem('staging'),
};

function recordItem(environment: Environment) {
  return storage.defineItem<EnvironmentRecord>(`local:environment:${environment}`, {
    fallback: emptyRecord(environment, RULES_VERSION),
    version: 1,
  });
}

export const profileItem = storage.defineItem<Profile>('local:profile', {
  fallback: DEFAULT_PROFILE,
  version: 1,
});
