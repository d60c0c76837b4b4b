import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../lib/guidance/steps';
import { camelCase } from '../../lib/guidance/translate';
import { HINT_STRINGS } from '../../lib/hint/strings';
import { ENVIRONMENTS, ROLE_VALUES, VERDICTS } from '../../lib/types';
import { HINT_LANGUAGES, readHintTable } from '../../scripts/hint-strings';

const LOCALES_DIR = resolve('locales');
const COMPLETE_LANGUAGES = ['en', 'da', 'sv', 'de'];

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

  it.each(COMPLETE_LANGUAGES.filter((language) => language !== 'en'))(
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
  it('are the locale files’ hint texts, so the locale files stay the one source', async () => {
    // If this fails after editing a `hint:` text, run: npx tsx scripts/hint-strings.ts
    expect(HINT_STRINGS).toEqual(await readHintTable(LOCALES_DIR));
  });

  it('cover every hint language, and each language translates the English', () => {
    expect(Object.keys(HINT_STRINGS)).toEqual([...HINT_LANGUAGES]);
    for (const language of HINT_LANGUAGES.filter((l) => l !== 'en')) {
      expect(HINT_STRINGS[language].roleMissing).not.toBe(HINT_STRINGS.en.roleMissing);
      expect(HINT_STRINGS[language].dismiss).not.toBe(HINT_STRINGS.en.dismiss);
    }
  });
});

describe('the keys the popup, options page and hint ask for', () => {
  const UI_SECTIONS = ['check', 'checked', 'environment', 'verdict', 'summary', 'missing', 'role', 'popup'];
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
  ];
  const SOURCES = ['components', 'entrypoints/popup', 'entrypoints/options', 'lib/guidance/view.ts'];

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
    ];
    expect(built.filter((key) => !keys.has(key))).toEqual([]);
  });
});
