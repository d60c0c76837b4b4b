/**
 * The background's side of the protocol: one handler per message type, checked by the compiler
 * (a type without a handler does not build), and the queue its writes go through.
 */
import type { Environment } from '../types';
import type { Admitted } from './admission';
import type { ContentMessage, HintStringsResponse, Message, Response } from './protocol';

/** Where a content script's message came from, as admission established it (never the payload). */
interface ContentSender {
  environment: Environment;
  tabId: number;
}

type MessageType = Message['type'];

type Handler<K extends MessageType> = (
  message: Extract<Message, { type: K }>,
  sender: K extends ContentMessage['type'] ? ContentSender : undefined,
) => Promise<Response | HintStringsResponse>;

export type Handlers = { [K in MessageType]: Handler<K> };

/** Passes an admitted message to the handler of its type. */
export function handle(
  handlers: Handlers,
  admitted: Extract<Admitted, { ok: true }>,
): Promise<Response | HintStringsResponse> {
  const sender =
    admitted.from === 'content' ? { environment: admitted.environment, tabId: admitted.tabId } : undefined;
  // The map's type ties each key to its message; indexing it with a union loses that tie.
  const handler = handlers[admitted.message.type] as unknown as (
    message: Message,
    sender: ContentSender | undefined,
  ) => Promise<Response | HintStringsResponse>;
  return handler(admitted.message, sender);
}

/**
 * Runs writes one after another, so two tabs reporting at once cannot overwrite each other's
 * read-modify-write; each answers whether it was stored.
 */
export function createWriteQueue(): (task: () => Promise<unknown>) => Promise<Response> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run.then(
      (): Response => ({ ok: true }),
      (): Response => ({ ok: false, error: 'write-failed' }),
    );
  };
}
