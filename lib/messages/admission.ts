/**
 * Who may say what: the background admits a message only when its size, its schema and its sender
 * are right, and logs each kind of refusal once.
 */
import * as v from 'valibot';
import { environmentOf } from '../environments';
import { MAX_MESSAGE_CHARS } from '../limits';
import { isSecret } from '../privacy';
import { isPersonalEvidence, whyUnteachable } from '../state/teachable';
import type { Environment } from '../types';
import {
  type ContentMessage,
  ContentMessageSchema,
  type PageMessage,
  PageMessageSchema,
  type RefusalCode,
} from './protocol';

const typesOf = (schema: typeof ContentMessageSchema | typeof PageMessageSchema): string[] =>
  schema.options.map((option) => option.entries.type.literal);
const CONTENT_TYPES = typesOf(ContentMessageSchema);
const PAGE_TYPES = typesOf(PageMessageSchema);

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
 * top frame, on exactly one of the two Pleo origins. The tab is the sender's: a record, a badge or
 * pick mode (`start-pick`, injected into that tab's top frame) goes to the tab that asked, and no
 * message names a tab.
 */
function contentScriptEnvironment(sender: SenderInfo, ownId: string): Environment | null {
  if (sender.id !== ownId || typeof sender.tab?.id !== 'number' || sender.frameId !== 0) return null;
  const environment = environmentOf(sender.origin ?? sender.url);
  if (!environment) return null;
  if (sender.origin && sender.url && environmentOf(sender.url) !== environment) return null;
  return environment;
}

/** Whether the sender is one of our own pages (popup, options), not a content script or another extension. */
function isOwnPage(sender: SenderInfo, self: Self): boolean {
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
  if (typeof type === 'string' && CONTENT_TYPES.includes(type)) {
    const parsed = v.safeParse(ContentMessageSchema, message);
    if (!parsed.success) return { ok: false, error: 'bad-schema' };
    const environment = contentScriptEnvironment(sender, self.id);
    const tabId = sender.tab?.id;
    if (!environment || tabId === undefined) return { ok: false, error: 'bad-sender' };
    const kept = withoutPersonal(parsed.output);
    if (!kept) return { ok: false, error: 'personal-or-secret' };
    return { ok: true, from: 'content', message: kept, environment, tabId };
  }
  if (typeof type === 'string' && PAGE_TYPES.includes(type)) {
    const parsed = v.safeParse(PageMessageSchema, message);
    if (!parsed.success) return { ok: false, error: 'bad-schema' };
    if (!isOwnPage(sender, self)) return { ok: false, error: 'bad-sender' };
    return { ok: true, from: 'page', message: parsed.output };
  }
  return { ok: false, error: 'bad-schema' };
}

/**
 * The message as it may be kept, by the same rule the content script applied (lib/privacy.ts), read
 * again here: a content script is the page's neighbour, and what it sends is stored and exported.
 * A label to learn or a company name that is personal or secret refuses the message (null);
 * evidence that is loses only its line.
 */
function withoutPersonal(message: ContentMessage): ContentMessage | null {
  if (message.type === 'learn-label') return whyUnteachable(message.label) ? null : message;
  if (message.type !== 'observation') return message;
  if (message.organisation !== undefined && isSecret(message.organisation)) return null;
  const evidence = message.observation.evidence.filter((line) => !isPersonalEvidence(line));
  return evidence.length === message.observation.evidence.length
    ? message
    : { ...message, observation: { ...message.observation, evidence } };
}

/** A warning per refusal code, once: a misbehaving page cannot flood the console. */
export function createRefusalLog(warn: (message: string) => void): (code: RefusalCode) => void {
  const logged = new Set<RefusalCode>();
  return (code) => {
    if (logged.has(code)) return;
    logged.add(code);
    warn(`API Access Checker for Pleo refused a message: ${code} (further ones are not logged)`);
  };
}
