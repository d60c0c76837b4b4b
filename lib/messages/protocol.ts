/**
 * Every message between the extension's contexts, each with a schema. The background validates
 * both the message and its sender (./admission.ts) before anything is written; nothing outside the
 * extension can talk to it (no external messaging, no page messages).
 */
import * as v from 'valibot';
import { EVIDENCE_LIMIT, LABEL_MAX, ORGANISATION_NAME_MAX } from '../limits';
import {
  AudienceKindSchema,
  AudienceStageSchema,
  ConfidenceSchema,
  EntryStateSchema,
  EvidenceSchema,
  KeyCheckEntries,
  KnownRoleSchema,
  RoleValueSchema,
  ShortText,
  SignedInSchema,
  TaughtLabelEntries,
} from '../schemas';
import type { Observation } from '../types';
import {
  ENVIRONMENTS,
  LANGUAGES,
  LEARNED_KINDS,
  PICK_TARGETS,
  RECIPIENTS,
  REQUEST_KINDS,
  VERDICTS,
} from '../types';

export const ObservationSchema = v.strictObject({
  signedIn: SignedInSchema,
  apiKeysEntry: EntryStateSchema,
  legacyApiEntry: EntryStateSchema,
  role: v.strictObject({
    value: RoleValueSchema,
    confidence: ConfidenceSchema,
    // A page can only show a role; a declared one comes from the user through the popup.
    source: v.literal('detected'),
  }),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(EVIDENCE_LIMIT)),
});

/** Sent by the content script of a Pleo tab. The environment is taken from the sender, never the payload. */
export const ContentMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('observation'),
    observation: ObservationSchema,
    // The company the page shows (docs/detection.md, "Which organisation"); absent when none is seen.
    organisation: v.optional(v.pipe(ShortText(ORGANISATION_NAME_MAX), v.regex(/\S/))),
  }),
  v.strictObject({ type: v.literal('dismiss-hint'), verdict: v.picklist(VERDICTS) }),
  v.strictObject({ type: v.literal('open-guidance') }),
  // What the user pointed at in pick mode: the picker runs in the content script, never the page.
  v.strictObject({ type: v.literal('learn-label'), ...TaughtLabelEntries }),
  // The hint's strings in the page's language (lib/hint/translations.ts): read-only, nothing written.
  v.strictObject({ type: v.literal('hint-strings'), language: v.picklist(LANGUAGES) }),
  // The hint told this page that what the user asked for arrived (lib/state/requests.ts): once.
  v.strictObject({
    type: v.literal('arrival-shown'),
    organisation: v.optional(v.pipe(ShortText(ORGANISATION_NAME_MAX), v.regex(/\S/))),
  }),
  // The hint's "Point at …", pressed by the user: pick mode is injected into the sender's own tab,
  // which admission takes from the sender, never from the message (it has no tab field).
  v.strictObject({ type: v.literal('start-pick'), target: v.picklist(PICK_TARGETS) }),
  // A hint to draw: the hint's drawing is injected into the sender's own tab (lib/hint/inject.ts).
  v.strictObject({ type: v.literal('load-hint') }),
]);

/** The record a request is about: a company's id, or null for the environment's own record. */
const RequestRecordEntries = {
  environment: v.picklist(ENVIRONMENTS),
  organisation: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))),
  kind: v.picklist(REQUEST_KINDS),
};

/** Sent by the extension's own pages (popup, options). */
export const PageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('set-profile'), kind: AudienceKindSchema, stage: AudienceStageSchema }),
  v.strictObject({
    type: v.literal('declare-role'),
    environment: v.picklist(ENVIRONMENTS),
    role: v.nullable(KnownRoleSchema),
  }),
  v.strictObject({ type: v.literal('set-hint-enabled'), enabled: v.boolean() }),
  v.strictObject({ type: v.literal('forget-everything') }),
  v.strictObject({
    type: v.literal('forget-learned-label'),
    environment: v.picklist(ENVIRONMENTS),
    kind: v.picklist(LEARNED_KINDS),
    label: ShortText(LABEL_MAX),
  }),
  // "I opened Settings and there is no API Keys entry": a fact only the user can state.
  v.strictObject({ type: v.literal('declare-no-api-keys'), environment: v.picklist(ENVIRONMENTS) }),
  // "I sent it" under a request, and its undo (lib/state/requests.ts).
  v.strictObject({
    type: v.literal('request-sent'),
    ...RequestRecordEntries,
    recipient: v.picklist(RECIPIENTS),
  }),
  v.strictObject({ type: v.literal('request-unsent'), ...RequestRecordEntries }),
  // The popup was opened: the arrivals it shows need the toolbar badge no longer.
  v.strictObject({ type: v.literal('arrivals-seen') }),
  // What a key check found, per environment; the key itself never leaves the page that checked it.
  v.strictObject({
    type: v.literal('record-key-check'),
    production: v.strictObject(KeyCheckEntries),
    staging: v.strictObject(KeyCheckEntries),
  }),
]);

export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type Message = ContentMessage | PageMessage;
/** What the content script sends; the schema narrows `role.source` to `detected`. */
export interface ObservationMessage {
  type: 'observation';
  observation: Observation;
  organisation?: string;
}

export type RefusalCode =
  | 'too-large'
  | 'bad-schema'
  | 'bad-sender'
  | 'personal-or-secret'
  | 'write-failed'
  | 'read-failed'
  | 'pick-failed'
  | 'inject-failed';
export type Response = { ok: true } | { ok: false; error: RefusalCode };
/** The answer to `hint-strings`: the texts, which the content script checks again before showing. */
export type HintStringsResponse =
  | { ok: true; strings: Record<string, string> }
  | { ok: false; error: RefusalCode };
