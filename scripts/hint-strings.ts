/**
 * The in-page hint speaks the page's language, which browser.i18n cannot do: the content script
 * asks the background for the page language's texts, which it reads from the extension's own
 * _locales files (lib/hint/translations.ts). The names of those texts, and the English ones for
 * tests, are copied from locales/en.yml (the one source of truth) into lib/hint/strings.ts.
 * Run `npx tsx scripts/hint-strings.ts` after changing an English `hint:` text; a unit test checks they agree.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

/** The `hint.*` messages of one language's locale file. */
export async function readHintStrings(
  language: string,
  localesDir = 'locales',
): Promise<Record<string, string>> {
  const strings: Record<string, string> = {};
  for (const message of await parseMessagesFile(resolve(localesDir, `${language}.yml`))) {
    if (message.key[0] === 'hint' && message.key.length === 2 && message.type === 'simple') {
      strings[message.key[1]!] = message.message;
    }
  }
  return strings;
}

export function renderHintModule(english: Record<string, string>): string {
  return `// Generated from locales/en.yml by scripts/hint-strings.ts: edit the locale file, then rerun it.
/** The hint's texts by name: what the content script asks the background for, in any language. */
export const HINT_TEXTS = ${JSON.stringify(Object.keys(english))} as const;

/** The English texts, for tests and for the hint's own types; the content script carries none. */
export const ENGLISH_HINT_STRINGS = ${JSON.stringify(english, null, 2)} as const;
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = resolve('lib/hint/strings.ts');
  writeFileSync(target, renderHintModule(await readHintStrings('en')));
  process.stdout.write(`Wrote ${target}\n`);
}
