/**
 * Every message between the extension's contexts, each with a schema. The background validates
 * both the message and its sender before anything is written.
 */
import * as v from 'valibot';
import { environmentOf } from './environments';
import type { Environment, Observation } from './types';
import { CHECKS, ROLE_VALUES } from './types';

const EvidenceSchema = v.strictObject({
  check: v.picklist(CHECKS),
  signal: v.pipe(v.string(), v.maxLength(40)),
  detail: v.pipe(v.string(), v.maxLength(80)),
});

export const ObservationSchema = v.strictObject({
  signedIn: v.picklist(['yes', 'no', 'unknown']),
  apiKeysEntry: v.picklist(['visible', 'absent', 'unknown']),
  legacyApiEntry: v.picklist(['visible', 'absent', 'unknown']),
  role: v.strictObject({
    value: v.picklist(ROLE_VALUES),
    confidence: v.picklist(['high', 'medium', 'low']),
    source: v.literal('detected'),
  }),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(24)),
});

export const ObservationMessageSchema = v.strictObject({
  type: v.literal('observation'),
  observation: ObservationSchema,
});
export interface ObservationMessage {
  type: 'observation';
  observation: Observation;
}

export type Refusal = 'bad-sender' | 'bad-schema';

/** The parts of runtime.MessageSender we rely on; both Chrome and Firefox fill these. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * The environment of a content-script sender, or a refusal. Only our own extension, from a tab's
 * top frame, on exactly one of the two Pleo origins.
 */
export function contentScriptEnvironment(sender: SenderInfo, ownId: string): Environment | 'bad-sender' {
  if (sender.id !== ownId || !sender.tab || sender.frameId !== 0) return 'bad-sender';
  const environment = environmentOf(sender.origin ?? sender.url);
  if (!environment) return 'bad-sender';
  if (sender.origin && sender.url && environmentOf(sender.url) !== environment) return 'bad-sender';
  return environment;
}

export function parseObservationMessage(message: unknown): ObservationMessage | 'bad-schema' {
  const result = v.safeParse(ObservationMessageSchema, message);
  return result.success ? result.output : 'bad-schema';
}
