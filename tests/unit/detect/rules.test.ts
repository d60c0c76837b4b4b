// @vitest-environment happy-dom
/** The rules' data and the label reading they depend on. */
import { describe, expect, it } from 'vitest';
import { entryLabel, isRoleLabel, roleWord, roleWordCollisions } from '../../../lib/detect/labels';
import { RULES_VERSION, VOCABULARY } from '../../../lib/detect/rules';
import { isLetterOrDigit, isSafeDetail, normaliseLabel, shortText } from '../../../lib/detect/text';
import { LANGUAGES } from '../../../lib/types';

describe('rules', () => {
  it('has a version and all eleven languages, each with every list filled', () => {
    expect(RULES_VERSION).toBeGreaterThanOrEqual(2);
    expect([...LANGUAGES].sort()).toEqual(['da', 'de', 'en', 'es', 'fi', 'fr', 'it', 'nb', 'nl', 'pt', 'sv']);
    for (const language of LANGUAGES) {
      const words = VOCABULARY[language];
      for (const list of [words.settings, words.apiKeys, words.openApi, words.roleLabel, words.accountArea]) {
        expect(list.length).toBeGreaterThan(0);
      }
      for (const list of Object.values(words.roles)) expect(list.length).toBeGreaterThan(0);
    }
  });

  it('no role word names two roles', () => {
    expect(roleWordCollisions()).toEqual([]);
  });

  it.each(
    LANGUAGES.flatMap((language) => VOCABULARY[language].apiKeys.map((label) => [language, label] as const)),
  )('%s API Keys label "%s" is an API Keys entry, in any case and with spaces for hyphens', (_l, label) => {
    expect(entryLabel(label)?.value).toBe('apiKeys');
    expect(entryLabel(` ${label.toUpperCase().replace(/-/g, ' ')}: `)?.value).toBe('apiKeys');
  });

  it.each(
    LANGUAGES.flatMap((language) => VOCABULARY[language].settings.map((label) => [language, label] as const)),
  )('%s Settings label "%s" is a Settings entry', (_l, label) => {
    expect(entryLabel(label)?.value).toBe('settings');
  });

  it('role words and role labels in every language', () => {
    for (const language of LANGUAGES) {
      for (const label of VOCABULARY[language].roleLabel) expect(isRoleLabel(`${label}:`)).toBe(true);
      for (const [role, words] of Object.entries(VOCABULARY[language].roles)) {
        for (const word of words) expect(roleWord(word.toLowerCase())?.value).toBe(role);
      }
    }
    expect(roleWord('Administrators')).toBeUndefined();
  });

  it('a label must equal a known one, not contain it', () => {
    expect(entryLabel('Create API Key')).toBeUndefined();
    expect(entryLabel('API Keys overview')).toBeUndefined();
    expect(entryLabel('Settingsx')).toBeUndefined();
  });
});

describe('normaliseLabel', () => {
  it.each([
    ['  API-keys: ', 'api keys'],
    ['API\u00a0Keys', 'api keys'],
    ['API\u2011nøgler', 'api nøgler'],
    ['Clés d\u2019API', "clés d'api"],
    ['(Settings)', 'settings'],
    // Ending on a plain letter or digit skips the trimming expression; anything else still trims.
    ['Settings', 'settings'],
    ['API Keys 2', 'api keys 2'],
    ['Rôle', 'rôle'],
    ['Økonomi', 'økonomi'],
    ['Työntekijä', 'työntekijä'],
    ['«Société»', 'société'],
    ['Översikt »', 'översikt'],
    ['¿Ajustes?', 'ajustes'],
    ['a', 'a'],
    ['', ''],
    [' ', ''],
    ['…', ''],
  ])('%j → %j', (input, output) => {
    expect(normaliseLabel(input)).toBe(output);
  });

  it('skips trimming only for what is surely a letter or digit', () => {
    for (let code = 0; code < 0x2000; code++) {
      const char = String.fromCharCode(code);
      if (code < 128) expect(isLetterOrDigit(char, 0), char).toBe(/[a-z0-9]/.test(char));
      else if (isLetterOrDigit(char, 0)) expect(/[\s\p{P}\p{S}]/u.test(char), char).toBe(false);
    }
    // Symbols that have an upper case (circled letters) lie above U+2000, and are trimmed.
    expect(isLetterOrDigit('\u24d0', 0)).toBe(false);
    expect(normaliseLabel('Settings \u24d0')).toBe('settings');
  });

  it('answers the same for a label it has seen, and for one read past its memory', () => {
    const first = normaliseLabel(' API-Keys ');
    for (let i = 0; i < 2500; i++) normaliseLabel(`Label ${i}`);
    expect(normaliseLabel(' API-Keys ')).toBe(first);
    expect(normaliseLabel('Label 7')).toBe('label 7');
    expect(normaliseLabel(`  ${'X'.repeat(200)}!`)).toBe('x'.repeat(200));
  });
});

describe('shortText', () => {
  const parse = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  };

  it('collapses whitespace and reads nested text', () => {
    expect(shortText(parse('<a>\n   <span>API</span>\n   <b>Keys</b>\n </a>'))).toBe('API Keys');
  });

  it('gives null for text longer than a label, and for big subtrees', () => {
    expect(shortText(parse(`<p>${'x'.repeat(61)}</p>`))).toBeNull();
    expect(shortText(parse(`<p>${'<i></i>'.repeat(100)}</p>`))).toBeNull();
  });

  it('never reads code, pre, textarea or form fields', () => {
    expect(shortText(parse('<a><code>secret</code><pre>x</pre><textarea>y</textarea>Copy</a>'))).toBe('Copy');
    expect(shortText(parse('<code>API Keys</code>'))).toBeNull();
  });
});

describe('isSafeDetail', () => {
  it.each([
    ['/settings/api-keys', true],
    ['API-nøgler (da)', true],
    ['4 settings sections, none is API Keys', true],
    ['alex@example.com', false],
    ['pleo_sk_live_7Qm2Xc9Rt4Lp8Vn3Bz6Kd1Hs5Jw0Fy', false],
    ['x'.repeat(81), false],
  ])('%s → %s', (detail, safe) => {
    expect(isSafeDetail(detail)).toBe(safe);
  });
});
