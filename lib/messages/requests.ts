/**
 * The card's "I sent it" as a message to the background: ticked, the request of the kind the
 * verdict calls for, to the recipient the card chose; unticked, its undo. A card that calls for no
 * request (or shows none) sends nothing.
 */
import type { Environment, Recipient, RequestKind } from '../types';
import type { PageMessage } from './protocol';

export function requestSentMessage(
  sent: boolean,
  where: { environment: Environment; organisation: string | null },
  kind: RequestKind | null,
  recipient: Recipient | undefined,
): PageMessage | null {
  if (!kind || !recipient) return null;
  return sent
    ? { type: 'request-sent', ...where, kind, recipient }
    : { type: 'request-unsent', ...where, kind };
}
