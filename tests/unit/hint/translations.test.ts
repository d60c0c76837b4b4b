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

describe('hintStringsFrom: the content script checks the answer again', () => {
  it('takes every text of the answer, and nothing else', () => {
    const french = { ...ENGLISH_HINT_STRINGS, dismiss: 'Fermer', details: 'Détails' };
    expect(hintStringsFrom({ ...french, innerHTML: '<b>x</b>' })).toEqual(french);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'Fermer'],
    ['a text missing', (({ dismiss: _, ...rest }) => rest)(ENGLISH_HINT_STRINGS)],
    ['a text not a string', { ...ENGLISH_HINT_STRINGS, dismiss: 1 }],
    ['a text empty', { ...ENGLISH_HINT_STRINGS, dismiss: ' ' }],
    ['a text too long', { ...ENGLISH_HINT_STRINGS, dismiss: 'x'.repeat(301) }],
    ['every text inherited', Object.create(ENGLISH_HINT_STRINGS)],
  ])('is none for %s', (_, answer) => {
    expect(hintStringsFrom(answer)).toBeNull();
  });
});
