/**
 * Whether what the user typed can be a Standalone API Key at all, decided before anything is sent:
 * a key is one run of visible ASCII characters. Anything else would be a request made for nothing,
 * and a line break or a character outside Latin-1 cannot even go into a Basic auth header.
 */

/** Far above any key Pleo makes; longer input is a paste of something else. */
export const KEY_MAX_LENGTH = 512;

export type KeyProblem = 'empty' | 'line-break' | 'spaces' | 'too-long' | 'not-printable';

/** Why the input cannot be a key, or null when it may be one. */
export function keyProblem(input: string): KeyProblem | null {
  if (input.length === 0) return 'empty';
  if (/[\r\n\u2028\u2029]/.test(input)) return 'line-break';
  if (/\s/.test(input)) return 'spaces';
  if (input.length > KEY_MAX_LENGTH) return 'too-long';
  if (!/^[\x21-\x7e]+$/.test(input)) return 'not-printable';
  return null;
}
