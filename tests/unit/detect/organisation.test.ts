// @vitest-environment happy-dom
/**
 * Which organisation (docs/detection.md, "Which organisation"), table-driven: rule 1 (an element
 * named for the organisation outside the main content or in the account area) and rule 2 (a value
 * an organisation word labels in the account area) in several languages, the traps that must give
 * null, and the simulated app's pages in every language.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/detect';
import { detectOrganisation } from '../../../lib/detect/organisation';
import { VOCABULARY } from '../../../lib/detect/rules';
import { LANGUAGES } from '../../../lib/types';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { SIMULATED_LANGUAGES } from '../../../sim/texts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** An app page: a header (the page's banner), the main menu, an optional sidebar, the content. */
function page({ header = '', aside = '', main = '<h1>Expenses</h1>' } = {}): string {
  return `<!doctype html><html><body>
<header><strong>Pleo</strong>${header}</header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/people">People</a><a href="/settings">Settings</a></nav>
${aside}
<main>${main}</main>
</body></html>`;
}

const accountMenu = (inner: string) =>
  `<div class="menu" aria-label="Account menu"><span>Alex Example</span><span>Admin</span>${inner}</div>`;

interface Case {
  name: string;
  html: string;
  expected: string | null;
}

const RULE_1: Case[] = [
  {
    name: 'en: a company switcher in the header',
    html: page({ header: '<button aria-label="Switch company">Acme ApS</button>' }),
    expected: 'Acme ApS',
  },
  {
    name: 'da: a company switcher in the header',
    html: page({ header: '<button aria-label="Skift virksomhed">Nordisk Byg ApS</button>' }),
    expected: 'Nordisk Byg ApS',
  },
  {
    name: 'de: an element titled for the company in the sidebar, outside the main content',
    html: page({ aside: '<aside><div title="Aktuelles Unternehmen">Müller GmbH</div></aside>' }),
    expected: 'Müller GmbH',
  },
  {
    name: 'fr: a switcher named with an elided word (d’entreprise)',
    html: page({ header: '<button aria-label="Changer d’entreprise">Dupont SAS</button>' }),
    expected: 'Dupont SAS',
  },
  {
    name: 'sv: a switcher by its title',
    html: page({ header: '<button title="Byt företag">Svensk Handel AB</button>' }),
    expected: 'Svensk Handel AB',
  },
  {
    name: 'nb: a switcher',
    html: page({ header: '<div role="button" aria-label="Bytt selskap">Fjord Regnskap AS</div>' }),
    expected: 'Fjord Regnskap AS',
  },
  {
    name: 'fi: a switcher',
    html: page({ header: '<button aria-label="Valitse yritys">Järvi Oy</button>' }),
    expected: 'Järvi Oy',
  },
  {
    name: 'es: a switcher',
    html: page({ header: '<button aria-label="Cambiar de empresa">Ibérica S.L.</button>' }),
    expected: 'Ibérica S.L.',
  },
  {
    name: 'nl: a switcher',
    html: page({ header: '<button aria-label="Bedrijf wisselen">Polder B.V.</button>' }),
    expected: 'Polder B.V.',
  },
  {
    name: 'it: a switcher',
    html: page({ header: '<button aria-label="Cambia azienda">Rossi S.r.l.</button>' }),
    expected: 'Rossi S.r.l.',
  },
  {
    name: 'pt: a switcher',
    html: page({ header: '<button aria-label="Mudar de empresa">Lusitana Lda</button>' }),
    expected: 'Lusitana Lda',
  },
  {
    name: 'case-insensitive, whitespace trimmed and collapsed, inner elements read',
    html: page({
      header: '<button aria-label="SWITCH COMPANY">\n   <span>Acme</span>  \t <b>ApS</b>\n</button>',
    }),
    expected: 'Acme ApS',
  },
  {
    name: 'a switcher whose text says "Company: …" for screen readers gives the name',
    html: page({
      header: '<button aria-label="Switch company"><span class="sr-only">Company:</span> Acme ApS</button>',
    }),
    expected: 'Acme ApS',
  },
  {
    name: 'a named container holding one button shows that name',
    html: page({ header: '<div aria-label="Company switcher"><button>Acme ApS</button></div>' }),
    expected: 'Acme ApS',
  },
  {
    name: 'in the main content only inside an account area: an account menu in a top bar',
    html: page({
      main: `<div class="top">${accountMenu('<span title="Company">Acme ApS</span>')}</div><h1>Cards</h1>`,
    }),
    expected: 'Acme ApS',
  },
  {
    name: 'the switcher and the account menu agree: one name',
    html: page({
      header: `<button aria-label="Switch company">Acme ApS</button>${accountMenu('<dl><dt>Company</dt><dd> Acme  ApS</dd></dl>')}`,
    }),
    expected: 'Acme ApS',
  },
  {
    name: 'a hidden switcher for another company is not read',
    html: page({
      header:
        '<button aria-label="Switch company">Acme ApS</button><div hidden><button aria-label="Switch company">Beta AB</button></div><span aria-hidden="true" title="Company">Gamma Oy</span>',
    }),
    expected: 'Acme ApS',
  },
];

const RULE_2: Case[] = [
  {
    name: 'en: <dt>Company</dt><dd>…</dd> in the account menu',
    html: page({ header: accountMenu('<dl><dt>Company</dt><dd>Acme ApS</dd></dl>') }),
    expected: 'Acme ApS',
  },
  {
    name: 'da: <dt>Virksomhed</dt><dd>…</dd> in the header',
    html: page({ header: '<dl><dt>Virksomhed</dt><dd>Nordisk Byg ApS</dd></dl>' }),
    expected: 'Nordisk Byg ApS',
  },
  {
    name: 'de: a label and the element it labels, in an area marked as the user’s by its class',
    html: page({
      aside:
        '<aside class="user-panel"><label for="org">Unternehmen</label><span id="org">Müller GmbH</span></aside>',
    }),
    expected: 'Müller GmbH',
  },
  {
    name: 'fr: "Entreprise : …" as one text in a label, in the account menu',
    html: page({ header: '<div aria-label="Mon compte"><label>Entreprise : Dupont SAS</label></div>' }),
    expected: 'Dupont SAS',
  },
  {
    name: 'es: <dt>Empresa</dt><dd>…</dd> in a banner',
    html: page({ aside: '<div role="banner"><dl><dt>Empresa</dt><dd>Ibérica S.L.</dd></dl></div>' }),
    expected: 'Ibérica S.L.',
  },
  {
    name: 'it: a label followed by its value in the account menu',
    html: page({
      header: '<div aria-label="Menu account"><label>Azienda</label><span>Rossi S.r.l.</span></div>',
    }),
    expected: 'Rossi S.r.l.',
  },
  {
    name: 'en: "Current organisation" labels the value too',
    html: page({ header: accountMenu('<dl><dt>Current organisation</dt><dd>Acme Group</dd></dl>') }),
    expected: 'Acme Group',
  },
  {
    name: 'an account menu inside the main content',
    html: page({ main: `${accountMenu('<dl><dt>Company</dt><dd>Acme ApS</dd></dl>')}<h1>Cards</h1>` }),
    expected: 'Acme ApS',
  },
];

const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * Each trap shows one name at most, so that it gives null by its own rule, not because two
 * different names were seen.
 */
const TRAPS: Case[] = [
  { name: 'no organisation shown', html: page(), expected: null },
  {
    name: 'the name alone in the header, named by nothing',
    html: page({ header: '<span class="company">Acme ApS</span>' }),
    expected: null,
  },
  {
    name: 'a "Company settings" section and its heading in the main content',
    html: page({
      main: '<h1>Company settings</h1><section aria-label="Company settings"><h2>Acme ApS</h2><p>Name, address and VAT number.</p></section>',
    }),
    expected: null,
  },
  {
    name: 'a heading in the main content, even in an account area there',
    html: page({ main: accountMenu('<h2 aria-label="Company">Acme ApS</h2>') }),
    expected: null,
  },
  {
    name: 'a People table with a Company column',
    html: page({
      main: `<h1>People</h1><table><thead><tr><th>Name</th><th title="Company">Company</th></tr></thead>
<tbody><tr><td>Kim</td><td title="Company">Acme ApS</td></tr><tr><td>Camille</td><td title="Company">Beta AB</td></tr></tbody></table>`,
    }),
    expected: null,
  },
  {
    name: 'a table of one row in the account area',
    html: page({
      header: accountMenu('<table><tr><th>Company</th><td title="Company">Acme ApS</td></tr></table>'),
    }),
    expected: null,
  },
  {
    name: 'a grid row in the account area',
    html: page({
      header: accountMenu(
        '<div role="grid"><div role="row"><dl><dt>Company</dt><dd>Acme ApS</dd></dl></div></div>',
      ),
    }),
    expected: null,
  },
  {
    name: 'a sidebar link to the company settings',
    html: page({
      aside: '<aside><a href="/settings/company" title="Company settings">Company settings</a></aside>',
    }),
    expected: null,
  },
  {
    name: 'a link that leads to a page, even one showing a name',
    html: page({ header: '<a href="/company" title="Company">Acme ApS</a>' }),
    expected: null,
  },
  {
    name: 'a named element holding a link',
    html: page({ header: '<div aria-label="Company"><a href="/company">Acme ApS</a></div>' }),
    expected: null,
  },
  {
    name: 'an aria-label with an organisation word on a long paragraph',
    html: page({
      aside:
        '<aside aria-label="Company news"><p>Acme ApS has moved its offices to a new address in Copenhagen, see the details.</p></aside>',
    }),
    expected: null,
  },
  {
    name: 'an aria-label with an organisation word on a list of several links',
    html: page({
      aside: '<nav aria-label="Company switcher"><a href="/o/1">Acme</a><a href="/o/2">Beta</a></nav>',
    }),
    expected: null,
  },
  {
    name: 'a list of several companies as buttons under one name',
    html: page({
      header:
        '<div role="listbox" aria-label="Switch company"><button>Acme</button> <button>Beta</button></div>',
    }),
    expected: null,
  },
  {
    name: 'a list of several companies as list items under one name',
    html: page({ header: '<ul title="Company list"><li>Acme</li> <li>Beta</li></ul>' }),
    expected: null,
  },
  {
    name: 'two lines are not one name (a br)',
    html: page({ header: '<div title="Company">Acme ApS<br>Copenhagen</div>' }),
    expected: null,
  },
  {
    name: 'two lines are not one name (a line break in the text)',
    html: page({ header: '<div title="Company" style="white-space: pre-line">Acme ApS\nCopenhagen</div>' }),
    expected: null,
  },
  {
    name: 'two different names seen: no guess',
    html: page({
      header: `<button aria-label="Switch company">Acme ApS</button>${accountMenu('<dl><dt>Company</dt><dd>Beta AB</dd></dl>')}`,
    }),
    expected: null,
  },
  {
    name: 'an e-mail address',
    html: page({ header: '<button aria-label="Switch company">alex@example.com</button>' }),
    expected: null,
  },
  {
    name: 'more than four digits in a row (a company number)',
    html: page({ header: '<button aria-label="Switch company">Acme ApS 12345678</button>' }),
    expected: null,
  },
  {
    name: 'a key-like string',
    html: page({ header: '<span title="Company">pk_a1b2c3d4e5f6g7h8i9j0k1l2</span>' }),
    expected: null,
  },
  {
    name: 'a label, not a name: an organisation word in the text',
    html: page({ header: '<button aria-label="Switch company">Company settings</button>' }),
    expected: null,
  },
  {
    name: 'a label, not a name: an organisation word alone ("Your company")',
    html: page({ header: '<button aria-label="Switch company">Your company</button>' }),
    expected: null,
  },
  {
    name: 'a label, not a name: a role word',
    html: page({ header: '<button aria-label="Company role">Admin</button>' }),
    expected: null,
  },
  {
    name: 'a label, not a name: a Settings word',
    html: page({ header: '<span title="Organisation">Indstillinger</span>' }),
    expected: null,
  },
  {
    name: 'a label, not a name: an API Keys word',
    html: page({ header: '<span title="Organisation">API-keys overview</span>' }),
    expected: null,
  },
  {
    name: 'longer than 60 characters',
    html: page({ header: `<button aria-label="Switch company">${'Acme '.repeat(13)}ApS</button>` }),
    expected: null,
  },
  {
    name: 'an organisation word inside another word is not one: "Utente" (it: user) holds "ente"',
    html: page({ header: '<button aria-label="Utente">Acme ApS</button>' }),
    expected: null,
  },
  {
    name: 'an organisation word inside another word is not one: "Companyless"',
    html: page({ header: '<button aria-label="Companyless">Acme ApS</button>' }),
    expected: null,
  },
  {
    name: 'a named element in the main content, outside any account area',
    html: page({ main: '<h1>Cards</h1><span title="Company">Acme ApS</span>' }),
    expected: null,
  },
  {
    name: 'a labelled value in the main content, outside any account area (a company details page)',
    html: page({ main: '<h1>General</h1><dl><dt>Company</dt><dd>Acme ApS</dd></dl>' }),
    expected: null,
  },
  {
    name: '"Company: …" in a label in the main content, outside any account area',
    html: page({ main: '<h1>General</h1><label>Company: Acme ApS</label>' }),
    expected: null,
  },
  {
    name: 'form fields are never read: a labelled select',
    html: page({
      header: accountMenu('<label for="c">Company</label><select id="c"><option>Acme ApS</option></select>'),
    }),
    expected: null,
  },
  {
    name: 'form fields are never read: a labelled input with a value',
    html: page({ header: accountMenu('<label for="c">Company</label><input id="c" value="Acme ApS">') }),
    expected: null,
  },
  {
    name: 'form fields are never read: a label holding its input, then other text',
    html: page({
      header: accountMenu('<label>Company <input value="Acme ApS"></label><span>Beta AB</span>'),
    }),
    expected: null,
  },
  {
    name: 'form fields are never read: an input named for the company',
    html: page({ header: '<input aria-label="Company" value="Acme ApS">' }),
    expected: null,
  },
  {
    name: 'a dt labels only its own dd, not the next term',
    html: page({ header: accountMenu('<dl><dt>Company</dt><dt>Registered name</dt><dd>Acme ApS</dd></dl>') }),
    expected: null,
  },
  {
    name: 'a "Company" label whose value is a list of links',
    html: page({
      header: accountMenu(
        '<dl><dt>Company</dt><dd><a href="/o/1">Acme</a> <a href="/o/2">Beta</a></dd></dl>',
      ),
    }),
    expected: null,
  },
];

describe('detectOrganisation', () => {
  it.each([...RULE_1, ...RULE_2, ...TRAPS].map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    expect(detectOrganisation(parse(fixture.html))).toBe(fixture.expected);
  });

  it('a hostile name comes back as the plain text it is, never as markup', () => {
    const escaped = HOSTILE.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const document = parse(page({ header: `<button aria-label="Switch company">${escaped}</button>` }));
    expect(detectOrganisation(document)).toBe(HOSTILE);
    // The page itself holds no image: the text was never markup.
    expect(document.querySelector('img')).toBeNull();
  });

  it('every organisation word of every language names a switcher', () => {
    for (const language of LANGUAGES) {
      expect(VOCABULARY[language].organisation.length, language).toBeGreaterThan(0);
      for (const word of VOCABULARY[language].organisation) {
        const html = page({ header: `<button aria-label="${word.toUpperCase()} ▾">Acme ApS</button>` });
        expect(detectOrganisation(parse(html)), `${language}: ${word}`).toBe('Acme ApS');
      }
    }
  });

  it('is pure: it reads the page and changes nothing', () => {
    const document = parse(page({ header: '<button aria-label="Switch company">Acme ApS</button>' }));
    const before = document.documentElement.outerHTML;
    detectOrganisation(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('detectOrganisation on the simulated app', () => {
  const company = DEFAULT_USER.company;

  it.each(SIMULATED_LANGUAGES)(
    '%s: the company switcher and the account menu’s label give the company',
    (lang) => {
      for (const organisation of ['switcher', 'label'] as const) {
        for (const path of ['/expenses', '/settings', '/settings/api-keys']) {
          const html = pleoPage(path, { ...DEFAULT_USER, lang, organisation });
          expect(detectOrganisation(parse(html)), `${organisation} ${path}`).toBe(company);
        }
      }
    },
  );

  it.each(SIMULATED_LANGUAGES)('%s: without either, the header’s plain name is not read', (lang) => {
    for (const path of ['/expenses', '/settings', '/people', '/login']) {
      expect(detectOrganisation(parse(pleoPage(path, { ...DEFAULT_USER, lang })))).toBeNull();
    }
  });

  it('the organisation shown changes nothing else detection reads', () => {
    for (const lang of SIMULATED_LANGUAGES) {
      const url = 'https://app.pleo.io/settings';
      const plain = detect(parse(pleoPage('/settings', { ...DEFAULT_USER, lang })), url);
      for (const organisation of ['switcher', 'label'] as const) {
        const named = detect(parse(pleoPage('/settings', { ...DEFAULT_USER, lang, organisation })), url);
        expect(named, `${lang} ${organisation}`).toEqual(plain);
      }
    }
  });

  it('a hostile company name from the simulated app comes back as plain text', () => {
    const html = pleoPage('/expenses', { ...DEFAULT_USER, company: HOSTILE, organisation: 'switcher' });
    expect(detectOrganisation(parse(html))).toBe(HOSTILE);
  });
});
