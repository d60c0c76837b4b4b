/**
 * The toolbar badge of a Pleo tab: a short mark and a colour for that environment's verdict, with a
 * title that says it in words (the mark and colour alone would exclude screen-reader and colour-blind
 * users). As data: one row per verdict.
 */

import type { Environment, VerdictKind } from '../types';
import { camelCase, type Translate } from './translate';

export interface BadgeLook {
  text: string;
  color: string;
}

export const BADGES: Record<VerdictKind, BadgeLook> = {
  ready: { text: '✓', color: '#1a7f37' },
  'role-missing': { text: '!', color: '#b35c00' },
  'not-enabled': { text: '!', color: '#c62828' },
  // A question, not a fault: nobody has said whether the role is enough.
  'role-unclear': { text: '?', color: '#b35c00' },
  'signed-out': { text: '–', color: '#5f6368' },
  unknown: { text: '?', color: '#5f6368' },
  // A Pleo tab always has an observation, so this shows only if storage was just forgotten.
  'not-checked': { text: '', color: '#5f6368' },
};

export interface Badge extends BadgeLook {
  title: string;
}

export function badgeFor(verdict: VerdictKind, environment: Environment, t: Translate): Badge {
  const environmentName = t(`badge.environment.${environment}`);
  return { ...BADGES[verdict], title: t(`badge.${camelCase(verdict)}`, [environmentName]) };
}
