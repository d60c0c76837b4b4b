import { describe, expect, it } from 'vitest';
import { pickTarget } from '../../../lib/messages/pick';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const request = { type: 'start-pick', target: 'apiKeys' };

describe('pickTarget: only the extension itself starts pick mode', () => {
  it.each([
    ['the popup', { id: ID, url: `${BASE}popup.html` }],
    ['the popup open in a tab', { id: ID, url: `${BASE}popup.html?environment=production&view=tab` }],
    ['the background', { id: ID, url: `${BASE}background.js` }],
  ])('accepts %s', (_, sender) => {
    expect(pickTarget(request, sender, ID, BASE)).toBe('apiKeys');
    expect(pickTarget({ type: 'start-pick', target: 'role' }, sender, ID, BASE)).toBe('role');
  });

  it.each([
    ['our own content script on a Pleo page', { id: ID, url: 'https://app.pleo.io/settings' }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a look-alike address', { id: ID, url: `chrome-extension://${ID}.evil/popup.html` }],
    ['a sender without an address', { id: ID }],
  ])('refuses %s', (_, sender) => {
    expect(pickTarget(request, sender, ID, BASE)).toBeNull();
  });

  it.each([
    ['another type', { type: 'pick', target: 'apiKeys' }],
    ['an unknown target', { type: 'start-pick', target: 'settings' }],
    ['extra fields', { ...request, label: 'API Keys' }],
    ['no object', 'start-pick'],
    ['null', null],
  ])('refuses %s', (_, message) => {
    expect(pickTarget(message, { id: ID, url: `${BASE}popup.html` }, ID, BASE)).toBeNull();
  });
});
