import { describe, expect, it } from 'vitest';
import { ENGLISH_HINT_STRINGS } from '../../../lib/hint/strings';
import { hintStringsFrom, hintTextsFromMessages } from '../../../lib/hint/translations';

const message = (text: unknown) => ({ message: text, description: 'ignored' });

describe('hintTextsFromMessages: the background reads the hint’s texts from a built messages.json', () => {
  it('takes each hint_<text> and nothing else', () => {
    const texts = hintTextsFromMessages({
      hint_dismiss: message('Sulje'),
      hint_details: message('Lisätiedot'),
      popup_to: message('Vastaanottaja'),
    });
    expect(texts).toEqual({ dismiss: 'Sulje', details: 'Lisätiedot' });
  });

  it.each([
    ['not a string', message(42)],
    ['empty', message('  ')],
    ['over 300 characters', message('x'.repeat(301))],
    ['no message', { description: 'x' }],
    ['not an object', 'Sulje'],
  ])('leaves out a text that is %s', (_, entry) => {
    expect(hintTextsFromMessages({ hint_dismiss: entry })).toEqual({});
  });

  it.each([null, 'text', 42, [message('x')]])('reads nothing from %j', (messages) => {
    expect(hintTextsFromMessages(messages)).toEqual({});
  });
});

describe('hintStringsFrom: the content script checks the answer again, English filling every gap', () => {
  it('takes the known texts of the answer', () => {
    expect(hintStringsFrom({ dismiss: 'Fermer', details: 'Détails' })).toEqual({
      ...ENGLISH_HINT_STRINGS,
      dismiss: 'Fermer',
      details: 'Détails',
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'Fermer'],
    ['a text not a string', { dismiss: 1 }],
    ['a text too long', { dismiss: 'x'.repeat(301) }],
    ['an unknown text', { innerHTML: '<b>x</b>' }],
    ['an inherited text', Object.create({ dismiss: 'From the prototype' })],
  ])('gives English for %s', (_, answer) => {
    expect(hintStringsFrom(answer)).toEqual(ENGLISH_HINT_STRINGS);
  });
});
