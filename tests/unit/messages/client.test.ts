/**
 * Reliability 5 (unit) — the content script's reporter when the worker stops: a report lost while
 * it waited is sent once more, unless a newer one went out or the script's context is gone, and a
 * failure never escapes as an uncaught error. (End-to-end: tests/e2e/reliability/worker.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  createObservationReporter,
  type MessageRuntime,
  REPORT_RETRY_MS,
} from '../../../lib/messages/client';
import type { Observation } from '../../../lib/types';
import { EMPTY_OBSERVATION } from '../../../lib/types';

const CLOSED = new Error(
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
);

/** A runtime that answers each send with the next of `answers` (an Error rejects). */
function runtime(answers: unknown[]): MessageRuntime & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    sendMessage(message) {
      sent.push(message);
      const answer = answers.shift();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}

const seen = (signedIn: Observation['signedIn']): Observation => ({ ...EMPTY_OBSERVATION, signedIn });
const OK = { ok: true };

describe('createObservationReporter', () => {
  it('sends once when the background answers', async () => {
    const background = runtime([OK]);
    await createObservationReporter(
      background,
      () => true,
      async () => undefined,
    )(seen('yes'));
    expect(background.sent).toEqual([{ type: 'observation', observation: seen('yes') }]);
  });

  it.each([
    ['the channel closed while the worker stopped', CLOSED],
    [
      'no receiving end while the worker was stopping',
      new Error('Could not establish connection. Receiving end does not exist.'),
    ],
    ['no answer at all', undefined],
    ['a failed write', { ok: false, error: 'write-failed' }],
  ])('sends again after %s, once, after a pause', async (_, failure) => {
    const background = runtime([failure, OK]);
    const pauses: number[] = [];
    const report = createObservationReporter(
      background,
      () => true,
      async (ms) => {
        pauses.push(ms);
      },
    );
    await expect(report(seen('yes'))).resolves.toBeUndefined();
    expect(background.sent).toHaveLength(2);
    expect(pauses).toEqual([REPORT_RETRY_MS]);
  });

  it('gives up quietly when the second try fails too', async () => {
    const background = runtime([CLOSED, CLOSED]);
    await expect(
      createObservationReporter(
        background,
        () => true,
        async () => undefined,
      )(seen('yes')),
    ).resolves.toBeUndefined();
    expect(background.sent).toHaveLength(2);
  });

  it('does not send an older report again once a newer one went out', async () => {
    const background = runtime([CLOSED, OK]);
    let resume = () => {};
    const report = createObservationReporter(
      background,
      () => true,
      () => new Promise<void>((r) => (resume = r)),
    );
    const first = report(seen('no'));
    await new Promise((r) => setTimeout(r, 0));
    await report(seen('yes'));
    resume();
    await first;
    expect(background.sent.map((m) => (m as { observation: Observation }).observation.signedIn)).toEqual([
      'no',
      'yes',
    ]);
  });

  it('does not send again once the extension was reloaded (this script is orphaned)', async () => {
    const background = runtime([new Error('Extension context invalidated.')]);
    await expect(
      createObservationReporter(
        background,
        () => false,
        async () => undefined,
      )(seen('yes')),
    ).resolves.toBeUndefined();
    expect(background.sent).toHaveLength(1);
  });

  it('a send that throws at once, as an orphaned script does, is caught as well', async () => {
    const throwing: MessageRuntime = {
      sendMessage() {
        throw new Error('Extension context invalidated.');
      },
    };
    await expect(
      createObservationReporter(
        throwing,
        () => false,
        async () => undefined,
      )(seen('yes')),
    ).resolves.toBeUndefined();
  });
});
