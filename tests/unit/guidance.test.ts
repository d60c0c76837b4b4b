import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { STEP_IDS, STEP_PARAMS } from '../../lib/guidance';

/** The English texts, parsed by the same code the build uses to write messages.json. */
const english = new Map(
  parseMessagesText(readFileSync('locales/en.yml', 'utf8'), 'YAML').map((message) => [
    message.key.join('.'),
    message,
  ]),
);

describe('step texts in locales/en.yml', () => {
  it.each(STEP_IDS)('step.%s exists with one substitution per parameter', (id) => {
    const message = english.get(`step.${id}`);
    expect(message, `step.${id} missing`).toBeDefined();
    expect(message?.substitutions).toBe(STEP_PARAMS[id].length);
  });
});
