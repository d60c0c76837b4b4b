// @vitest-environment happy-dom
/** Detection with labels the user taught, beside the rules' own vocabulary (rules 1 and 4 alike). */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/detect';
import { learnedLookup } from '../../../lib/detect/labels';
import type { LearnedLabel } from '../../../lib/types';
import { app, html, links, SECTIONS } from '../../fixtures/detect/build';

const PROD = 'https://app.pleo.io';
const parse = (page: string) => new DOMParser().parseFromString(page, 'text/html');
const taught = (label: string, kind: LearnedLabel['kind'], role?: LearnedLabel['role']): LearnedLabel => ({
  kind,
  label,
  language: 'en',
  ...(role ? { role } : {}),
  learnedAt: 1,
});

/** A settings list whose API Keys entry has a label the rules do not know, and no path to tell it by. */
const UNKNOWN_ENTRY = app(
  `<ul aria-label="Settings"><li><button>General</button></li><li><button>Export</button></li>
<li><button>Integrations</button></li><li><button>Developer access</button></li></ul>`,
  { role: 'Admin' },
);

describe('learned labels', () => {
  it('an entry label the rules do not know reads absent without it, visible once taught', () => {
    const page = parse(UNKNOWN_ENTRY);
    expect(detect(page, `${PROD}/settings`).apiKeysEntry).toBe('absent');
    const observation = detect(
      page,
      `${PROD}/settings`,
      learnedLookup([taught('developer ACCESS', 'apiKeys')]),
    );
    expect(observation.apiKeysEntry).toBe('visible');
    expect(observation.evidence).toContainEqual({
      check: 'apiKeysEntry',
      signal: 'learned-label',
      detail: 'developer ACCESS',
    });
  });

  it('a taught entry label is what the page showed: it is read where an aria-label says something else', () => {
    const page = parse(
      UNKNOWN_ENTRY.replace('<button>Developer access', '<button aria-label="Dev">Developer access'),
    );
    expect(detect(page, `${PROD}/settings`).apiKeysEntry).toBe('absent');
    const learned = learnedLookup([taught('Developer access', 'apiKeys')]);
    expect(detect(page, `${PROD}/settings`, learned).apiKeysEntry).toBe('visible');
    // Only a taught label is read from the shown text: the rules still read the aria-label.
    const rulesWord = parse(
      UNKNOWN_ENTRY.replace('<button>Developer access', '<button aria-label="Dev">API Keys'),
    );
    expect(detect(rulesWord, `${PROD}/settings`).apiKeysEntry).toBe('absent');
  });

  it('a role word the rules do not know, in the account area, gives the taught role', () => {
    const page = parse(app('<h1>Expenses</h1>', { role: 'Superuser' }));
    expect(detect(page, `${PROD}/expenses`).role.value).toBe('unknown');
    const observation = detect(
      page,
      `${PROD}/expenses`,
      learnedLookup([taught('Superuser', 'role', 'admin')]),
    );
    expect(observation.role).toEqual({ value: 'admin', confidence: 'medium', source: 'detected' });
    expect(observation.evidence).toContainEqual({
      check: 'role',
      signal: 'learned-label',
      detail: 'Superuser',
    });
  });

  it('a taught role word elsewhere than the account area or a labelled value gives nothing (rule 4)', () => {
    const page = parse(app('<p>Superuser</p><table><tr><td>Superuser</td></tr></table>'));
    expect(
      detect(page, `${PROD}/expenses`, learnedLookup([taught('Superuser', 'role', 'admin')])).role.value,
    ).toBe('unknown');
  });

  it('a taught Settings label names the settings list', () => {
    const page = parse(
      html(`<nav><a href="/x">Konfiguration</a></nav><main><ul aria-label="Konfiguration">
<li><button>A</button></li><li><button>B</button></li><li><button>C</button></li></ul></main>`),
    );
    const learned = learnedLookup([taught('Konfiguration', 'settings')]);
    expect(detect(page, `${PROD}/settings`).signedIn).toBe('unknown');
    const observation = detect(page, `${PROD}/settings`, learned);
    expect(observation.signedIn).toBe('yes');
    expect(observation.apiKeysEntry).toBe('absent');
  });

  it('the rules win on their own labels, and a label of punctuation alone matches nothing', () => {
    const learned = learnedLookup([taught('Settings', 'apiKeys'), taught('…', 'apiKeys')]);
    const page = parse(app(`${links(SECTIONS)}<button>...</button>`, { role: 'Admin' }));
    expect(detect(page, `${PROD}/settings`, learned).apiKeysEntry).toBe('absent');
  });

  it('a role label without its role, or a role on another kind, teaches nothing', () => {
    const learned = learnedLookup([
      taught('Superuser', 'role'),
      { ...taught('Developer access', 'apiKeys'), role: 'admin' },
    ]);
    expect(learned.roles.size).toBe(0);
    expect(learned.entries.get('developer access')?.value).toBe('apiKeys');
  });
});
