/**
 * What the user chose or did that no record holds, over the storage writer it is given: the
 * Partner/Customer answer, the hint switched on or off, a hint dismissed, the last key check.
 */
import { withAudience, withDismissedHint } from '../state/profile';
import type { AudienceKind, AudienceStage, Environment, KeyCheckRecord, VerdictKind } from '../types';
import type { StorageWriter } from './writer';

export function storedChoices(store: StorageWriter, now: () => number = Date.now) {
  return {
    async setAudience(kind: AudienceKind, stage: AudienceStage): Promise<void> {
      await store.set('profile', withAudience(await store.get('profile'), kind, stage));
    },
    async setHintEnabled(enabled: boolean): Promise<void> {
      await store.set('settings', { ...(await store.get('settings')), hintEnabled: enabled });
    },
    async dismissHint(environment: Environment, verdict: VerdictKind): Promise<void> {
      await store.set(
        'dismissedHints',
        withDismissedHint(await store.get('dismissedHints'), environment, verdict),
      );
    },
    /** Keeps what a key check found, stamped now; the message never carries the key. */
    async recordKeyCheck({
      production,
      staging,
    }: Record<Environment, Omit<KeyCheckRecord, 'checkedAt'>>): Promise<void> {
      const checkedAt = now();
      await store.set('keyChecks', {
        production: { ...production, checkedAt },
        staging: { ...staging, checkedAt },
      });
    },
  };
}
