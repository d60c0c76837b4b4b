import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../lib/detect/rules';
import { knownWordsIn } from '../../../lib/privacy';
import {
  hideNames,
  isRedacted,
  redactNames,
  redactSecrets,
  redactText,
  shorten,
  withoutQuery,
} from '../../../lib/report/redact';

const KNOWN = knownWordsIn(VOCABULARY);

describe('redactSecrets', () => {
  it.each([
    ['mail alex.example+pleo@example.co.uk now', 'mail [email] now'],
    ['/settings/api-keys?token=abc123&email=a@b.io#top', '/settings/api-keys'],
    ['https://app.pleo.io/people?id=42', 'https://app.pleo.io/people'],
    ['sk_live_51HxYzAbCdEf', '[secret]'],
    ['ghp_abcdefghijklmnop1234', '[secret]'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', '[secret]'],
    ['key Zk3x9QmT7vLw2RbN8sYc4HdJ6 shown once', 'key [secret] shown once'],
    ['/people/4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f', '/people/[id]'],
    ['employee 1234567', 'employee [id]'],
  ])('%s → %s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    'No Staging login yet? Follow the guide.',
    'Settings entry: /settings/api-keys',
    '4 settings sections, none is API Keys',
    'Created 2026-10-01, scope export-jobs:read',
    'a-very-long-path-segment-without-digits',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactNames', () => {
  it.each([
    ['Signed in as Alex Example', 'Signed in as [name]'],
    ['Example Widgets ApS', '[name]'],
    ['Jørgen Ødegård-Hansen, Admin', '[name], Admin'],
    ['API Keys', 'API Keys'],
    ['Open API', 'Open API'],
    ['API-Schlüssel', 'API-Schlüssel'],
    ['Claves de API', 'Claves de API'],
    ['Expense reviewer', 'Expense reviewer'],
  ])('%s → %s', (text, expected) => {
    expect(redactNames(text, KNOWN)).toBe(expected);
  });
});

describe('redactText', () => {
  it('flattens, redacts and cuts to the limit', () => {
    expect(redactText('Alex Example\n<alex@example.com>\t'.repeat(3), KNOWN, 30)).toBe(
      '[name] <[email]> [name] <[ema…',
    );
    expect(redactText('x'.repeat(10_000), KNOWN)).toHaveLength(80);
  });

  it('shorten and withoutQuery keep what they should', () => {
    expect(shorten('  a \u0000 b \u009f c ', 10)).toBe('a b c');
    expect(withoutQuery('https://developers.pleo.io/docs?x=1#y')).toBe('https://developers.pleo.io/docs');
  });
});

describe('hideNames', () => {
  it('hides each name as a whole word, however it is spaced or cased', () => {
    const hide = hideNames(['globex', 'Acme  Nordic ApS', 'a.b (c)']);
    expect(hide('GLOBEX workspace')).toBe('[name] workspace');
    expect(hide('acme nordic\u00a0aps, globex')).toBe('[name], [name]');
    expect(hide('globexian and subglobex stay')).toBe('globexian and subglobex stay');
    expect(hide('see a.b (c) here')).toBe('see [name] here');
    expect(isRedacted(hide('globex'))).toBe(true);
  });

  it('changes nothing without names', () => {
    const hide = hideNames(['', '  ']);
    for (const text of ['Ａｃｍｅ globex', 'API Keys']) expect(hide(text)).toBe(text);
  });
});
