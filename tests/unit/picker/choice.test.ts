// @vitest-environment happy-dom
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hintAction, pageLanguage, pickTarget } from '../../../lib/hint/hint';
import { ContentMessageSchema } from '../../../lib/messages/protocol';
import { learnMessage, pickedLabel, roleName } from '../../../lib/picker/choice';
import { KNOWN_ROLES } from '../../../lib/types';

function element(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.firstElementChild!;
}

describe('pickedLabel: what a chosen element teaches', () => {
  it.each([
    ['a button’s text', '<button>Developer access</button>', 'Developer access'],
    [
      'the shown text, not a hidden aria-label',
      '<a href="/x" aria-label="Doe, Jane">Developer access</a>',
      'Developer access',
    ],
    [
      'an aria-label when nothing shows',
      '<a href="/x" aria-label="Integrations: API"><svg></svg></a>',
      'Integrations: API',
    ],
    [
      'a card’s title, not its description',
      '<a href="/x"><h3>Developer access</h3><p>Create keys</p></a>',
      'Developer access',
    ],
    [
      'a title when there is no text',
      '<button title="Developer access"><svg></svg></button>',
      'Developer access',
    ],
    ['trimmed and collapsed', '<button>\n  Developer\n  access  </button>', 'Developer access'],
  ])('the API Keys entry: %s', (_, html, label) => {
    expect(pickedLabel(element(html), 'apiKeys')).toBe(label);
  });

  it('a role: the element’s whole short text', () => {
    expect(pickedLabel(element('<span> Superuser </span>'), 'role')).toBe('Superuser');
    expect(pickedLabel(element('<div><b>Super</b>user</div>'), 'role')).toBe('Superuser');
  });

  it.each([
    ['an e-mail address', '<span>jane.doe@example.com</span>'],
    ['a key-like string', '<span>sk_live_51HxAbCdEfGhIjKlMnOpQr</span>'],
    ['a long number', '<span>Account 12345678</span>'],
    ['a name', '<span>Jane Doe</span>'],
    ['nothing to read', '<button><svg></svg></button>'],
    ['blank text', '<span>   </span>'],
    ['a text longer than a label', `<button>${'word '.repeat(20)}</button>`],
    ['a form field', '<input value="Developer access">'],
    ['code', '<code>Developer access</code>'],
  ])('refuses %s', (_, html) => {
    for (const target of ['apiKeys', 'role'] as const) {
      expect(pickedLabel(element(html), target)).toBeNull();
    }
  });
});

describe('learnMessage: what is sent', () => {
  it('is a learn-label message the background accepts, for the entry and for a role', () => {
    const entry = learnMessage('Developer access', 'en');
    const role = learnMessage('Superuser', 'da', 'admin');
    expect(entry).toEqual({
      type: 'learn-label',
      kind: 'apiKeys',
      label: 'Developer access',
      language: 'en',
    });
    expect(role).toEqual({
      type: 'learn-label',
      kind: 'role',
      label: 'Superuser',
      language: 'da',
      role: 'admin',
    });
    expect(v.safeParse(ContentMessageSchema, entry).success).toBe(true);
    expect(v.safeParse(ContentMessageSchema, role).success).toBe(true);
  });
});

describe('the page’s language', () => {
  it.each([
    ['da-DK', 'da'],
    ['FR', 'fr'],
    ['nb_NO', 'nb'],
    ['xx', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('<html lang="%s">: taught as %s', (lang, taught) => {
    expect(pageLanguage(lang)).toBe(taught);
  });
});

describe('the role buttons', () => {
  it('are named as the app names the roles: in English exactly these', () => {
    expect(KNOWN_ROLES.map((role) => roleName(role, 'en'))).toEqual([
      'Admin',
      'Bookkeeper',
      'Controller',
      'Expense reviewer',
      'Finance',
      'Employee',
    ]);
    expect(roleName('bookkeeper', 'da')).toBe('Bogholder');
  });
});

describe('hintAction: the hint’s one action, and what it offers to point at', () => {
  it('the API Keys entry on the list of settings, Settings elsewhere, the role when it asks for it', () => {
    const unknown = { verdict: 'unknown', message: 'unknownOpenSettings' } as const;
    expect(hintAction(unknown, true)).toBe('pointApiKeys');
    expect(pickTarget(hintAction(unknown, true))).toBe('apiKeys');
    expect(hintAction(unknown, false)).toBe('openSettings');
    expect(pickTarget(hintAction(unknown, false))).toBeNull();
    expect(pickTarget(hintAction({ verdict: 'unknown', message: 'unknownRole' }, false))).toBe('role');
  });

  it('the request where a request is the way on; nothing but a confirmation when ready', () => {
    expect(hintAction({ verdict: 'not-enabled', message: 'notEnabled' }, true)).toBe('request');
    expect(hintAction({ verdict: 'role-missing', message: 'roleMissing' }, false)).toBe('request');
    expect(hintAction({ verdict: 'ready', message: 'ready' }, false)).toBeNull();
  });
});
