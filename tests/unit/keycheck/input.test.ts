import { describe, expect, it } from 'vitest';
import { KEY_MAX_LENGTH, keyProblem } from '../../../lib/keycheck/input';
import { basicAuthorization, curlCommand, installationUrl } from '../../../lib/keycheck/request';

describe('what can be a key', () => {
  it('a run of visible ASCII characters may be a key', () => {
    expect(keyProblem('pleo_sk_live_0123456789abcdefABCDEF')).toBeNull();
    expect(keyProblem('a'.repeat(KEY_MAX_LENGTH))).toBeNull();
    expect(keyProblem('!#$%&()*+,-./:;<=>?@[]^_`{|}~')).toBeNull();
  });

  it('everything else is refused before any request, with why', () => {
    expect(keyProblem('')).toBe('empty');
    expect(keyProblem('abc\ndef')).toBe('line-break');
    expect(keyProblem('abc\r\n')).toBe('line-break');
    expect(keyProblem('abc\u2028def')).toBe('line-break');
    expect(keyProblem(' abc')).toBe('spaces');
    expect(keyProblem('abc def')).toBe('spaces');
    expect(keyProblem('abc\tdef')).toBe('spaces');
    expect(keyProblem('abc\u00a0def')).toBe('spaces');
    expect(keyProblem('   ')).toBe('spaces');
    expect(keyProblem('a'.repeat(KEY_MAX_LENGTH + 1))).toBe('too-long');
    expect(keyProblem('abc\u0000def')).toBe('not-printable');
    expect(keyProblem('abc\u007fdef')).toBe('not-printable');
    expect(keyProblem('clé')).toBe('not-printable');
    expect(keyProblem('key\u200bhidden')).toBe('not-printable');
  });
});

describe('the request', () => {
  it('asks the installation endpoint of each environment', () => {
    expect(installationUrl('production')).toBe('https://external.pleo.io/v1/installations/me');
    expect(installationUrl('staging')).toBe('https://external.staging.pleo.io/v1/installations/me');
  });

  it('Basic auth: the key as user name, an empty password', () => {
    expect(basicAuthorization('abc123')).toBe(`Basic ${btoa('abc123:')}`);
    expect(atob(basicAuthorization('abc123').slice(6))).toBe('abc123:');
  });

  it('the first call to copy reads the key from the environment, and names the right base URL', () => {
    const curl = curlCommand('staging');
    expect(curl).toContain('-u "$PLEO_API_KEY:"');
    expect(curl).toContain('https://external.staging.pleo.io/v1/installations/me');
    expect(curl).toContain('Accept: application/json;charset=UTF-8');
  });
});
