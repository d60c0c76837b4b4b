import { browser } from 'wxt/browser';
import type { ContentMessage } from '../../lib/messages/protocol';

/**
 * Sends without waiting for an answer: the background may be asleep or reloading, and the page
 * works without it. Awaited inside, because the browser's own API (no polyfill here) throws at
 * once, rather than rejecting, once the extension is gone.
 */
export async function tellBackground(message: ContentMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // Nothing to do: the next page load has a working script.
  }
}
