/**
 * Every message between the extension's contexts, each with a schema, and who may send it. The
 * background validates both the message and its sender before anything is written; nothing
 * outside the extension can talk to it (no external messaging, no page messages).
 */
import * as v from 'valibot';
import { environmentOf } from '../environments';
import type { Environment, Observation } from '../types';
import { CHECKS, ENVIRONMENTS, ROLE_VALUES, VERDICTS } from '../types';

export const EvidenceSchema = v.strictObject({
  check: v.picklist(CHECKS),
  signal: v.pipe(v.string(), v.maxLength(40)),
  detail: v.pipe(v.string(), v.maxLength(80)),
});

const SignedInSchema = v.picklist(['yes', 'no', 'unknown']);
const EntryStateSchema = v.picklist(['visible', 'absent', 'unknown']);
const ConfidenceSchema = v.picklist(['high', 'medium', 'low']);
const KnownRoleSchema = v.picklist(ROLE_VALUES.filter((role) => role !== 'unknown'));

export const ObservationSchema = v.strictObject({
  signedIn: SignedInSchema,
  apiKeysEntry: EntryStateSchema,
  legacyApiEntry: EntryStateSchema,
  role: v.strictObject({
    value: v.picklist(ROLE_VALUES),
    confidence: ConfidenceSchema,
    // A page can only show a role; a declared one comes from the user through the popup.
    source: v.literal('detected'),
  }),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(24)),
});

/** Sent by the content script of a Pleo tab. The environment is taken from the sender, never the payload. */
export const ContentMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('observation'), observation: ObservationSchema }),
  v.strictObject({ type: v.literal('dismiss-hint'), verdict: v.picklist(VERDICTS) }),
  v.strictObject({ type: v.literal('open-guidance') }),
]);

/** Sent by the extension's own pages (popup, options). */
export const PageMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('set-profile'),
    kind: v.picklist(['partner', 'customer', 'unknown']),
    stage: v.picklist(['new', 'existing', 'unknown']),
  }),
  v.strictObject({
    type: v.literal('declare-role'),
    environment: v.picklist(ENVIRONMENTS),
    role: v.nullable(KnownRoleSchema),
  }),
  v.strictObject({ type: v.literal('set-hint-enabled'), enabled: v.boolean() }),
  v.strictObject({ type: v.literal('forget-everything') }),
]);

export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type Message = ContentMessage | PageMessage;
/** What the content script sends; the schema narrows `role.source` to `detected`. */
export interface ObservationMessage {
  type: 'observation';
  observation: Observation;
}

const CONTENT_TYPES = new Set<string>(['observation', 'dismiss-hint', 'open-guidance']);
const PAGE_TYPES = new Set<string>(['set-profile', 'declare-role', 'set-hint-enabled', 'forget-everything']);

/** Far above any real message (24 evidence lines of 80 characters); anything larger is refused unread. */
export const MAX_MESSAGE_CHARS = 16_000;

export type RefusalCode = 'too-large' | 'bad-schema' | 'bad-sender' | 'write-failed';
export type Response = { ok: true } | { ok: false; error: RefusalCode };

/** The parts of runtime.MessageSender we rely on; both Chrome and Firefox fill these. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** This extension, as the background knows it: `runtime.id` and `runtime.getURL('/')`. */
export interface Self {
  id: string;
  /** The root of our own pages, ending in `/` (`chrome-extension://<id>/`, `moz-extension://<uuid>/`). */
  baseUrl: string;
}

export type Admitted =
  | { ok: true; from: 'content'; message: ContentMessage; environment: Environment; tabId: number }
  | { ok: true; from: 'page'; message: PageMessage }
  | { ok: false; error: RefusalCode };

/**
 * The environment of a content-script sender, or null. Only our own extension, from a tab's
 * top frame, on exactly one of the two Pleo origins.
 */
export function contentScriptEnvironment(sender: SenderInfo, ownId: string): Environment | null {
  if (sender.id !== ownId || typeof sender.tab?.id !== 'number' || sender.frameId !== 0) return null;
  const environment = environmentOf(sender.origin ?? sender.url);
  if (!environment) return null;
  if (sender.origin && sender.url && environmentOf(sender.url) !== environment) return null;
  return environment;
}

/** Whether the sender is one of our own pages (popup, options), not a content script or another extension. */
export function isOwnPage(sender: SenderInfo, self: Self): boolean {
  // A prefix, not URL.origin: extension URLs are not "special" URLs and have an opaque origin in some engines.
  return sender.id === self.id && self.baseUrl.endsWith('/') && !!sender.url?.startsWith(self.baseUrl);
}

function messageSize(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Checks size, schema and sender of an incoming message; only an admitted message may change anything. */
export function admit(message: unknown, sender: SenderInfo, self: Self): Admitted {
  if (messageSize(message) > MAX_MESSAGE_CHARS) return { ok: false, error: 'too-large' };
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && CONTENT_TYPES.has(type)) {
    const parsed = v.safeParse(ContentMessageSchema, message);
    if (!parsed.success) return { ok: false, error: 'bad-schema' };
    const environment = contentScriptEnvironment(sender, self.id);
    const tabId = sender.tab?.id;
    if (!environment || tabId === undefined) return { ok: false, error: 'bad-sender' };
    return { ok: true, from: 'content', message: parsed.output, environment, tabId };
  }
  if (typeof type === 'string' && PAGE_TYPES.has(type)) {
    const parsed = v.safeParse(PageMessageSchema, message);
    if (!parsed.success) return { ok: false, error: 'bad-schema' };
    if (!isOwnPage(sender, self)) return { ok: false, error: 'bad-sender' };
    return { ok: true, from: 'page', message: parsed.output };
  }
  return { ok: false, error: 'bad-schema' };
}

/** A warning per refusal code, once: a misbehaving page cannot flood the console. */
export function createRefusalLog(warn: (message: string) => void): (code: RefusalCode) => void {
  const logged = new Set<RefusalCode>();
  return (code) => {
    if (logged.has(code)) return;
    logged.add(code);
    warn(`Pleo API Access Checker refused a message: ${code} (further ones are not logged)`);
  };
}

/** The runtime's sendMessage, passed in so this module stays free of browser calls. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The content script's reporter. A report can be lost while it waits for the background: the
 * browser stopped the worker, or the extension was reloaded. It is sent once more (the message wakes
 * a stopped worker) unless a newer report went out meanwhile or this script's context is gone, and
 * a failure never reaches the page as an uncaught error.
 */
export function createObservationReporter(
  runtime: MessageRuntime,
  isValid: () => boolean,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): (observation: Observation) => Promise<void> {
  let latest: ObservationMessage | null = null;
  const delivered = (message: ObservationMessage) =>
    send(runtime, message).then(
      (answer) => answer.ok,
      () => false,
    );
  return async (observation) => {
    const message: ObservationMessage = { type: 'observation', observation };
    latest = message;
    if (await delivered(message)) return;
    await wait(REPORT_RETRY_MS);
    if (latest === message && isValid()) await delivered(message);
  };
}

export const REPORT_RETRY_MS = 250;

/** Sends a message to the background and reads its answer; a missing answer counts as a failed write. */
export async function send(
  runtime: MessageRuntime,
  message: Message | ObservationMessage,
): Promise<Response> {
  const answer = (await runtime.sendMessage(message)) as Response | undefined;
  return answer ?? { ok: false, error: 'write-failed' };
}
