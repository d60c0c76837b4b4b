/** The background's dispatch: each admitted message reaches its type's handler, and writes run in turn. */
import { describe, expect, it, vi } from 'vitest';
import { createWriteQueue, type Handlers, handle } from '../../../lib/messages/handlers';
import type { ContentMessage } from '../../../lib/messages/protocol';
import { EMPTY_OBSERVATION } from '../../../lib/types';

const ok = () => Promise.resolve({ ok: true as const });

function spyHandlers(): Handlers {
  return {
    observation: vi.fn(ok),
    'dismiss-hint': vi.fn(ok),
    'learn-label': vi.fn(ok),
    'hint-strings': vi.fn(ok),
    'open-guidance': vi.fn(ok),
    'arrival-shown': vi.fn(ok),
    'start-pick': vi.fn(ok),
    'load-hint': vi.fn(ok),
    'set-profile': vi.fn(ok),
    'set-hint-enabled': vi.fn(ok),
    'declare-role': vi.fn(ok),
    'declare-no-api-keys': vi.fn(ok),
    'forget-learned-label': vi.fn(ok),
    'request-sent': vi.fn(ok),
    'request-unsent': vi.fn(ok),
    'arrivals-seen': vi.fn(ok),
    'record-key-check': vi.fn(ok),
    'forget-everything': vi.fn(ok),
  };
}

describe('handle', () => {
  it("passes a content script's message with its tab, a page's without, each to its own handler", async () => {
    const handlers = spyHandlers();
    const observation: ContentMessage = {
      type: 'observation',
      observation: { ...EMPTY_OBSERVATION, role: { ...EMPTY_OBSERVATION.role, source: 'detected' } },
    };
    await handle(handlers, {
      ok: true,
      from: 'content',
      message: observation,
      environment: 'staging',
      tabId: 4,
    });
    await handle(handlers, { ok: true, from: 'page', message: { type: 'forget-everything' } });
    expect(handlers.observation).toHaveBeenCalledWith(observation, { environment: 'staging', tabId: 4 });
    expect(handlers['forget-everything']).toHaveBeenCalledWith({ type: 'forget-everything' }, undefined);
    const called = Object.entries(handlers).filter(([, handler]) => vi.mocked(handler).mock.calls.length > 0);
    expect(called.map(([type]) => type)).toEqual(['observation', 'forget-everything']);
  });
});

describe('createWriteQueue', () => {
  it('runs each write after the one before, and answers write-failed for one that throws', async () => {
    const write = createWriteQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = write(() =>
      new Promise<void>((resolve) => (release = resolve)).then(() => order.push('first')),
    );
    const failed = write(async () => {
      order.push('second');
      throw new Error('quota');
    });
    const third = write(async () => order.push('third'));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    expect(await Promise.all([first, failed, third])).toEqual([
      { ok: true },
      { ok: false, error: 'write-failed' },
      { ok: true },
    ]);
    expect(order).toEqual(['first', 'second', 'third']);
  });
});
