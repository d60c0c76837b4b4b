/** How the extension's pages and content script talk to the background. */
import type { Observation } from '../types';
import type { Message, ObservationMessage, Response } from './protocol';

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
): (observation: Observation, organisation?: string | null) => Promise<void> {
  let latest: ObservationMessage | null = null;
  const delivered = (message: ObservationMessage) =>
    send(runtime, message).then(
      (answer) => answer.ok,
      () => false,
    );
  return async (observation, organisation) => {
    const message: ObservationMessage = {
      type: 'observation',
      observation,
      ...(organisation ? { organisation } : {}),
    };
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
