import { browser } from 'wxt/browser';
import type { ContentMessage } from '../../lib/messages/protocol';

/** Sends without waiting for an answer: the background may be asleep or reloading, and the page works without it. */
export function tellBackground(message: ContentMessage): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}
