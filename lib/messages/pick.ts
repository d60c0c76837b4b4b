/**
 * Pick mode is started by the extension's own pages (the popup's "Point at …" buttons) with a
 * message to one Pleo tab's content script. Checked by hand: the content script carries no
 * validator library, and the message is two fields.
 */
import { PICK_TARGETS, type PickTarget } from '../types';

export interface PickRequest {
  type: 'start-pick';
  target: PickTarget;
}

/** The sender as the content script sees it. */
export interface PickSender {
  id?: string;
  url?: string;
}

/**
 * What to pick, when this is a pick request from one of this extension's own pages (the popup,
 * also when it is open in a tab, or the background); else null. `ownBaseUrl` is
 * `runtime.getURL('/')`: our content scripts elsewhere send from their page's address, not ours.
 */
export function pickTarget(
  message: unknown,
  sender: PickSender,
  ownId: string,
  ownBaseUrl: string,
): PickTarget | null {
  if (sender.id !== ownId || !sender.url?.startsWith(ownBaseUrl)) return null;
  if (typeof message !== 'object' || message === null) return null;
  const { type, target, ...rest } = message as Record<string, unknown>;
  if (type !== 'start-pick' || Object.keys(rest).length > 0) return null;
  return PICK_TARGETS.find((known) => known === target) ?? null;
}
