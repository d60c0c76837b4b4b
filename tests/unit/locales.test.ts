import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { roleWord } from '../../lib/detect/labels';
import { VOCABULARY } from '../../lib/detect/words';
import { STEP_IDS } from '../../lib/guidance/steps';
import { camelCase } from '../../lib/guidance/translate';
import { ENGLISH_HINT_STRINGS } from '../../lib/hint/strings';
import { UNREACHABLE_REASONS } from '../../lib/keycheck/answer';
import {
  ENVIRONMENTS,
  KEY_CHECK_RESULTS,
  KNOWN_ROLES,
  LANGUAGES,
  type Language,
  ROLE_VALUES,
  VERDICTS,
} from '../../lib/types';
import { readHintStrings } from '../../scripts/hint-strings';

const LOCALES_DIR = resolve('locales');
/** Every language the Pleo app speaks, and so the rules read, the extension speaks too. */
const COMPLETE_LANGUAGES: readonly Language[] = LANGUAGES;
const TRANSLATED = COMPLETE_LANGUAGES.filter((language) => language !== 'en');

/** What a translation must keep from English: the key, its kind and its placeholders. */
function shape(message: ParsedMessage): string {
  const plurals = message.type === 'plural' ? Object.keys(message.plurals).sort().join('|') : '';
  return [
    message.key.join('.'),
    message.type,
    plurals,
    message.substitutions,
    [...message.namedSubstitutions].sort().join(','),
  ].join(' ');
}

async function shapes(language: string): Promise<string[]> {
  return (await parseMessagesFile(resolve(LOCALES_DIR, `${language}.yml`))).map(shape).sort();
}

function texts(message: ParsedMessage): string[] {
  if (message.type === 'plural') return Object.values(message.plurals);
  return [message.message];
}

describe('locale files', () => {
  it('holds exactly the complete languages', () => {
    const files = readdirSync(LOCALES_DIR).map((file) => file.replace(/\.ya?ml$/, ''));
    expect(files.sort()).toEqual([...COMPLETE_LANGUAGES].sort());
  });

  it.each(TRANSLATED)(
    '%s has every English key with the same placeholders and plural forms, and no other',
    async (language) => {
      expect(await shapes(language)).toEqual(await shapes('en'));
    },
  );

  it.each(COMPLETE_LANGUAGES)('%s has no empty message', async (language) => {
    const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${language}.yml`));
    const empty = messages
      .filter((m) => texts(m).some((text) => text.trim() === ''))
      .map((m) => m.key.join('.'));
    expect(empty).toEqual([]);
  });

  it('uses only key names Chrome accepts once nested keys are joined with "_"', async () => {
    const bad = (await parseMessagesFile(resolve(LOCALES_DIR, 'en.yml')))
      .map((m) => m.key.join('_'))
      .filter((name) => !name.startsWith('@@') && !/^[A-Za-z0-9_]+$/.test(name));
    expect(bad).toEqual([]);
  });
});

describe('the in-page hint strings', () => {
  it('in English are the locale file’s hint texts, so the locale files stay the one source', async () => {
    // If this fails after editing an English `hint:` text, run: npx tsx scripts/hint-strings.ts
    expect(ENGLISH_HINT_STRINGS).toEqual(await readHintStrings('en', LOCALES_DIR));
  });

  it.each(TRANSLATED)(
    '%s has every hint text the content script asks the background for',
    async (language) => {
      const strings = await readHintStrings(language, LOCALES_DIR);
      expect(Object.keys(strings).sort()).toEqual(Object.keys(ENGLISH_HINT_STRINGS).sort());
      expect(strings.roleMissing).not.toBe(ENGLISH_HINT_STRINGS.roleMissing);
      expect(strings.dismiss).not.toBe(ENGLISH_HINT_STRINGS.dismiss);
    },
  );
});

/** Names that stay as they are in every language: the product's, Pleo's (its Staging environment too) and formats'. */
const NAMES =
  /^(?:API Access Checker for Pleo|Pleo|API|Open API|JSON|Markdown|Staging|https?:\/\/\S+|[\s:.,·—()-])*$/;
/**
 * Texts a language writes exactly as English does, each with why: the same word in that language.
 * Pleo's own words (the rules' vocabulary) are allowed wherever they are the whole text.
 */
const SAME_WORD: Partial<Record<Language, Record<string, string>>> = {
  da: { 'report.markdown.signal': 'Danish “signal”' },
  sv: { 'report.markdown.signal': 'Swedish “signal”' },
  de: {
    'report.markdown.signal': 'German “Signal”',
    'report.markdown.detail': 'German “Detail”',
    'hint.details': 'German “Details”',
  },
  fr: { 'environment.production': 'French “production”' },
};

/** Finnish inflects nouns: Pleo's words appear as their stems ("API-avaimia", "asetuksissa", "asetusten"). */
const INFLECTED: Partial<Record<Language, { settings: string[]; apiKeys: string[] }>> = {
  fi: { settings: ['asetuks', 'asetusten'], apiKeys: ['API-avaim'] },
};

async function messagesOf(language: Language): Promise<Map<string, string>> {
  const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${language}.yml`));
  return new Map(
    messages
      .filter((m) => !m.key[0]!.startsWith('@@') && m.type === 'simple')
      .map((m) => [m.key.join('.'), (m as { message: string }).message]),
  );
}

describe('every language is translated', () => {
  it.each(TRANSLATED)('%s leaves no text in English but names and Pleo’s own words', async (language) => {
    const english = await messagesOf('en');
    const translated = await messagesOf(language);
    const vocabulary = VOCABULARY[language];
    const pleoWords = new Set(
      [
        vocabulary.settings,
        vocabulary.apiKeys,
        vocabulary.openApi,
        ...Object.values(vocabulary.roles),
      ].flat(),
    );
    const untranslated = [...english]
      .filter(([key, text]) => translated.get(key) === text)
      .filter(([key, text]) => !NAMES.test(text) && !pleoWords.has(text) && !SAME_WORD[language]?.[key])
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it.each(TRANSLATED)(
    '%s names the roles, Settings and API Keys as the rules’ vocabulary spells them',
    async (language) => {
      const english = await messagesOf('en');
      const translated = await messagesOf(language);
      const vocabulary = VOCABULARY[language];
      // As Pleo writes it: one of the rules' words, or one the rules read as that role (German's
      // gender-inclusive "Buchhalter:in" is the bare word and an ending the rules match).
      for (const role of KNOWN_ROLES) {
        const name = translated.get(`role.${role}`) ?? '';
        expect(roleWord(name)?.value, `role.${role}: ${name}`).toBe(role);
        expect(
          vocabulary.roles[role].some((word) => name.startsWith(word)),
          `role.${role}: ${name}`,
        ).toBe(true);
      }
      // Where English names the Settings page or the API Keys entry, the translation names them with
      // one of the words the rules read in that language.
      const missing = [...english].flatMap(([key, englishText]) => {
        // "Standalone API Keys" is Pleo's product name, kept in every language; not the entry's label.
        const text = englishText.replaceAll(/Standalone API Keys?/g, '');
        const wanted = [
          ...(/\bSettings\b/.test(text)
            ? [[...vocabulary.settings, ...(INFLECTED[language]?.settings ?? [])]]
            : []),
          ...(/\bAPI Keys\b/.test(text)
            ? [[...vocabulary.apiKeys, ...(INFLECTED[language]?.apiKeys ?? [])]]
            : []),
        ];
        const translation = (translated.get(key) ?? '').toLowerCase();
        return wanted
          .filter((words) => !words.some((word) => translation.includes(word.toLowerCase())))
          .map((words) => `${key} lacks ${words[0]}: ${translation}`);
      });
      expect(missing).toEqual([]);
    },
  );
});

describe('the store texts', () => {
  it.each(COMPLETE_LANGUAGES)(
    '%s: the summary in docs/store-listing.md is the manifest’s, within Chrome’s 132 characters',
    async (language) => {
      const messages = await messagesOf(language);
      const summary = messages.get('extDescription')!;
      expect(summary.length).toBeLessThanOrEqual(132);
      expect(messages.get('extName')).toBe('API Access Checker for Pleo');
      expect(readFileSync('docs/store-listing.md', 'utf8')).toContain(`| \`${language}\` | ${summary} |`);
    },
  );
});

describe('the keys the popup, options page and hint ask for', () => {
  const UI_SECTIONS = [
    'check',
    'checked',
    'organisation',
    'environment',
    'verdict',
    'summary',
    'missing',
    'role',
    'popup',
  ];
  const MORE_SECTIONS = [
    'profile',
    'roleQuestion',
    'options',
    'hint',
    'access',
    'footer',
    'help',
    'privacy',
    'teach',
    'keyCheck',
  ];
  const SOURCES = [
    'components',
    'entrypoints/popup',
    'entrypoints/options',
    'entrypoints/check-key',
    'lib/guidance/view.ts',
  ];

  function sourceFiles(path: string): string[] {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
  }

  async function englishKeys(): Promise<Set<string>> {
    return new Set((await parseMessagesFile(resolve(LOCALES_DIR, 'en.yml'))).map((m) => m.key.join('.')));
  }

  it('every key written out in the source exists in English', async () => {
    const keys = await englishKeys();
    const pattern = new RegExp(
      `['\`]((?:${[...UI_SECTIONS, ...MORE_SECTIONS].join('|')})\\.[A-Za-z.]+)['\`]`,
      'g',
    );
    const used = SOURCES.flatMap(sourceFiles)
      .filter((file) => /\.tsx?$/.test(file))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1]!));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('every key built from data exists in English', async () => {
    const keys = await englishKeys();
    const built = [
      ...VERDICTS.flatMap((kind) => [`verdict.${camelCase(kind)}`, `summary.${camelCase(kind)}`]),
      ...ENVIRONMENTS.flatMap((environment) => [
        `environment.${environment}`,
        `environment.${environment}Note`,
      ]),
      ...ROLE_VALUES.filter((role) => role !== 'unknown').map((role) => `role.${role}`),
      ...STEP_IDS.map((id) => `step.${id}`),
      ...KEY_CHECK_RESULTS.map((result) => `keyCheck.headline.${camelCase(result)}`),
      ...UNREACHABLE_REASONS.map((reason) => `keyCheck.reason.${reason}`),
    ];
    expect(built.filter((key) => !keys.has(key))).toEqual([]);
  });
});
