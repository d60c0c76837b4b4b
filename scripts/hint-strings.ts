/**
 * The in-page hint speaks the page's language, which browser.i18n cannot do, so its few strings
 * are copied from the locale files (the one source of truth) into lib/hint/strings.ts.
 * Run `npx tsx scripts/hint-strings.ts` after changing a `hint:` text; a unit test checks they agree.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

/** The languages the hint speaks; the popup follows the browser and may know more. */
export const HINT_LANGUAGES = ['en', 'da', 'sv', 'de'] as const;

export type HintTable = Record<string, Record<string, string>>;

/** The `hint.*` messages of every hint language, English filling any gap. */
export async function readHintTable(localesDir = 'locales'): Promise<HintTable> {
  const table: HintTable = {};
  for (const language of HINT_LANGUAGES) {
    const messages = await parseMessagesFile(resolve(localesDir, `${language}.yml`));
    const strings: Record<string, string> = {};
    for (const message of messages) {
      if (message.key[0] === 'hint' && message.key.length === 2 && message.type === 'simple') {
        strings[message.key[1]!] = message.message;
      }
    }
    table[language] = { ...table.en, ...strings };
  }
  return table;
}

export function renderHintModule(table: HintTable): string {
  return `// Generated from locales/*.yml by scripts/hint-strings.ts: edit the locale files, then rerun it.
export const HINT_STRINGS = ${JSON.stringify(table, null, 2)} as const;
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = resolve('lib/hint/strings.ts');
  writeFileSync(target, renderHintModule(await readHintTable()));
  process.stdout.write(`Wrote ${target}\n`);
}
