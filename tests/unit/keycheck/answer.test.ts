import { describe, expect, it } from 'vitest';
import {
  type EnvironmentAnswer,
  interpretReply,
  type KeyCheckAnswers,
  keptOfCheck,
  MAX_BODY_CHARS,
  shortId,
  summarise,
} from '../../../lib/keycheck/answer';

const COMPANY = '3f2b6c1e-8d4a-4c9b-9a57-0e1d2c3b4a59';

/** An installation body as Pleo's API description shapes it. */
function body(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    applicationId: 'a1b2c3d4-0000-4000-8000-000000000002',
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
    resource: `urn:pleo:company:${COMPANY}`,
    status: 'ACTIVATED',
    metadata: {},
    ...fields,
  });
}
const ok = (text: string) => interpretReply({ status: 200, body: text });

describe('one environment: what Pleo answered', () => {
  it('200 with an active installation: valid, with the company it belongs to', () => {
    expect(ok(body())).toEqual({
      result: 'valid',
      installation: { resourceKind: 'company', resourceId: COMPANY, status: 'ACTIVATED', errorCode: null },
    });
  });

  it('an organisation resource, spelled either way, is an organisation', () => {
    for (const kind of ['organization', 'organisation']) {
      const answer = ok(body({ resource: `urn:pleo:${kind}:${COMPANY}` }));
      expect(answer).toMatchObject({ result: 'valid', installation: { resourceKind: 'organisation' } });
    }
  });

  it('an error code (NOT_ENTITLED) makes a valid credential an inactive installation', () => {
    expect(ok(body({ errorCode: 'NOT_ENTITLED' }))).toMatchObject({
      result: 'inactive',
      installation: { errorCode: 'NOT_ENTITLED', status: 'ACTIVATED' },
    });
  });

  it('a status other than ACTIVATED is inactive, even without an error code', () => {
    expect(ok(body({ status: 'DEACTIVATED' }))).toMatchObject({
      result: 'inactive',
      installation: { status: 'DEACTIVATED', errorCode: null },
    });
  });

  it('an error code of an odd shape still makes it inactive, and is not shown', () => {
    expect(ok(body({ errorCode: '<b>x</b>' }))).toMatchObject({
      result: 'inactive',
      installation: { errorCode: null },
    });
    expect(ok(body({ errorCode: 42 }))).toMatchObject({ result: 'inactive' });
    // null is what some serialisers write for "no error": it is not one.
    expect(ok(body({ errorCode: null }))).toMatchObject({ result: 'valid' });
  });

  it('401: no valid credential; 403: valid but not allowed', () => {
    expect(interpretReply({ status: 401, body: '{"message":"Unauthorized"}' })).toEqual({
      result: 'invalid',
    });
    expect(interpretReply({ status: 403, body: '' })).toEqual({ result: 'not-allowed' });
  });

  it('5xx, 429, a timeout and no connection are Pleo not answering, each with its reason, never invalid', () => {
    for (const status of [500, 502, 503, 504, 599]) {
      expect(interpretReply({ status, body: 'oops' })).toEqual({ result: 'unreachable', reason: 'server' });
    }
    expect(interpretReply({ status: 429, body: '' })).toEqual({ result: 'unreachable', reason: 'busy' });
    expect(interpretReply({ failed: 'timeout' })).toEqual({ result: 'unreachable', reason: 'timeout' });
    expect(interpretReply({ failed: 'network' })).toEqual({ result: 'unreachable', reason: 'network' });
  });

  it('any other status is unexpected', () => {
    for (const status of [0, 201, 204, 301, 400, 404, 418, 600]) {
      expect(interpretReply({ status, body: body() })).toEqual({ result: 'unexpected' });
    }
  });

  describe('a malformed 200 body is unexpected: never a crash, never valid', () => {
    const cases: [string, string][] = [
      ['empty', ''],
      ['not JSON', '<html><body>Welcome</body></html>'],
      ['truncated JSON', body().slice(0, 40)],
      ['JSON null', 'null'],
      ['a JSON string', '"urn:pleo:company:x"'],
      ['a JSON array', `[${body()}]`],
      ['a number', '200'],
      ['missing resource', body({ resource: undefined })],
      ['resource null', body({ resource: null })],
      ['resource not a string', body({ resource: { id: COMPANY } })],
      ['resource not a URN', body({ resource: COMPANY })],
      ['a URN of another namespace', body({ resource: `urn:other:company:${COMPANY}` })],
      ['a URN of another kind', body({ resource: `urn:pleo:user:${COMPANY}` })],
      ['a URN with an empty id', body({ resource: 'urn:pleo:company:' })],
      ['a URN id with markup', body({ resource: 'urn:pleo:company:<img src=x>' })],
      ['a URN with a line break', body({ resource: `urn:pleo:company:${COMPANY}\nurn:pleo:company:x` })],
      ['a URN id of 101 characters', body({ resource: `urn:pleo:company:${'a'.repeat(101)}` })],
      ['missing status', body({ status: undefined })],
      ['status not a word', body({ status: 'activated <script>' })],
      ['status a number', body({ status: 1 })],
      ['a 10 MB body', body({ metadata: { padding: 'x'.repeat(10 * 1024 * 1024) } })],
      ['a body just over the limit', body({ metadata: { padding: 'x'.repeat(MAX_BODY_CHARS) } })],
      ['deeply nested JSON', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        expect(ok(text)).toEqual({ result: 'unexpected' });
      });
    }
  });
});

const valid = ok(body());
const inactive = ok(body({ errorCode: 'NOT_ENTITLED' }));
const answer = (result: EnvironmentAnswer['result']): EnvironmentAnswer =>
  result === 'valid'
    ? valid
    : result === 'inactive'
      ? inactive
      : result === 'unreachable'
        ? { result, reason: 'server' }
        : { result };
const both = (
  production: EnvironmentAnswer['result'],
  staging: EnvironmentAnswer['result'],
): KeyCheckAnswers => ({
  production: answer(production),
  staging: answer(staging),
});

describe('both environments together', () => {
  it('valid in Production and 401 in Staging: valid in Production, where the user works', () => {
    expect(summarise(both('valid', 'invalid'), 'production')).toEqual({
      result: 'valid',
      environment: 'production',
      otherEnvironment: false,
    });
  });

  it('a Staging key checked while working in Production: valid in Staging, and it says so', () => {
    expect(summarise(both('invalid', 'valid'), 'production')).toEqual({
      result: 'valid',
      environment: 'staging',
      otherEnvironment: true,
    });
    // Not working in either (opened from the options page): no "other" to speak of.
    expect(summarise(both('invalid', 'valid'), null)).toMatchObject({ otherEnvironment: false });
  });

  it('the environment that knows the key wins over one that could not answer', () => {
    expect(summarise(both('unreachable', 'valid'), 'staging')).toMatchObject({
      result: 'valid',
      environment: 'staging',
    });
    expect(summarise(both('inactive', 'unreachable'), null)).toMatchObject({
      result: 'inactive',
      environment: 'production',
    });
    expect(summarise(both('invalid', 'not-allowed'), null)).toMatchObject({
      result: 'not-allowed',
      environment: 'staging',
    });
  });

  it('401 in both: not a valid key in either', () => {
    expect(summarise(both('invalid', 'invalid'), 'production')).toEqual({ result: 'invalid' });
  });

  it('401 in one and no answer from the other is not "invalid": Pleo could not answer', () => {
    expect(summarise(both('invalid', 'unreachable'), 'production')).toEqual({ result: 'unreachable' });
    expect(summarise(both('unreachable', 'unreachable'), 'production')).toEqual({ result: 'unreachable' });
  });

  it('an unexpected answer is never called valid or invalid', () => {
    expect(summarise(both('unexpected', 'invalid'), 'production')).toEqual({ result: 'unexpected' });
    expect(summarise(both('unexpected', 'unexpected'), null)).toEqual({ result: 'unexpected' });
  });
});

describe('what is kept, and shown', () => {
  it('the result per environment and the company id where Pleo gave one; nothing else', () => {
    expect(keptOfCheck(both('valid', 'invalid'))).toEqual({
      production: { result: 'valid', companyId: COMPANY },
      staging: { result: 'invalid' },
    });
    expect(keptOfCheck(both('unreachable', 'inactive'))).toEqual({
      production: { result: 'unreachable' },
      staging: { result: 'inactive', companyId: COMPANY },
    });
  });

  it('a long id is shortened to its start and end; a short one stays whole', () => {
    expect(shortId(COMPANY)).toBe('3f2b6c1e…4a59');
    expect(shortId('acme-1')).toBe('acme-1');
  });
});
