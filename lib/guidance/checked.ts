/** When an environment or a company was last checked, as the popup says it. */
import type { Translate } from './translate';

export type CheckedAge =
  | { unit: 'never' }
  | { unit: 'just-now' }
  | { unit: 'minutes' | 'hours' | 'days'; count: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago an environment was checked, in the largest whole unit. */
export function checkedAge(checkedAt: number | null, now: number): CheckedAge {
  if (checkedAt === null) return { unit: 'never' };
  const elapsed = Math.max(0, now - checkedAt);
  if (elapsed < MINUTE) return { unit: 'just-now' };
  if (elapsed < HOUR) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < DAY) return { unit: 'hours', count: Math.floor(elapsed / HOUR) };
  return { unit: 'days', count: Math.floor(elapsed / DAY) };
}

/**
 * "Checked 3 minutes ago", in the language of `t`. The count and its plural are the platform's
 * (Intl.RelativeTimeFormat in the locale file's own language), so no language needs a key per form.
 */
export function checkedText(checkedAt: number | null, now: number, t: Translate): string {
  const age = checkedAge(checkedAt, now);
  if (age.unit === 'never') return t('checked.never');
  if (age.unit === 'just-now') return t('checked.justNow');
  const unit = age.unit === 'minutes' ? 'minute' : age.unit === 'hours' ? 'hour' : 'day';
  const ago = new Intl.RelativeTimeFormat(t('language'), { numeric: 'always' }).format(-age.count, unit);
  return t('checked.ago', [ago]);
}
