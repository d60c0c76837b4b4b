import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PageMessageSchema } from '../../../lib/messages/protocol';
import { requestSentMessage } from '../../../lib/messages/requests';

const where = { environment: 'production', organisation: '0123456789abcdef0123456789abcdef' } as const;

describe('requestSentMessage', () => {
  it('ticked: the request of the kind the verdict calls for, to the card’s recipient, for the card’s record', () => {
    const message = requestSentMessage(true, where, 'enabling', 'customer-success');
    expect(message).toEqual({
      type: 'request-sent',
      ...where,
      kind: 'enabling',
      recipient: 'customer-success',
    });
    expect(v.is(PageMessageSchema, message)).toBe(true);
  });

  it('unticked: its undo, which names no recipient', () => {
    const message = requestSentMessage(
      false,
      { environment: 'staging', organisation: null },
      'role',
      'administrator',
    );
    expect(message).toEqual({
      type: 'request-unsent',
      environment: 'staging',
      organisation: null,
      kind: 'role',
    });
    expect(v.is(PageMessageSchema, message)).toBe(true);
  });

  it('nothing when the card calls for no request or shows none', () => {
    expect(requestSentMessage(true, where, null, 'customer-success')).toBeNull();
    expect(requestSentMessage(true, where, 'enabling', undefined)).toBeNull();
    expect(requestSentMessage(false, where, null, undefined)).toBeNull();
  });
});
