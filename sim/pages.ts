/**
 * A simulated Pleo web app: just enough pages, built from what a user sees, to exercise the
 * extension without an account. Served at the real Pleo origins by the tests and the demo.
 * The real app's markup is not public; these pages follow the rules in docs/detection.md,
 * not Pleo's code.
 */
import type { Environment, RoleValue } from '../lib/types';
import { APP_TEXTS, type AppTexts, type SimulatedLanguage } from './texts';

export interface SimulatedUser {
  signedIn: boolean;
  role: Exclude<RoleValue, 'unknown'>;
  /** Whether Pleo enabled Standalone API Keys for the organisation. */
  apiKeysEnabled: boolean;
  /** Whether the legacy Settings → Open API entry is shown. */
  legacyApi: boolean;
  name: string;
  email: string;
  company: string;
  /** The app's language; English when not given. */
  lang?: SimulatedLanguage;
  /**
   * How the page names the active company, besides the header's plain name: a company switcher
   * in the header, or a "Company" label in the account menu. Not given: neither.
   */
  organisation?: 'switcher' | 'label';
}

export const DEFAULT_USER: SimulatedUser = {
  signedIn: true,
  role: 'admin',
  apiKeysEnabled: true,
  legacyApi: false,
  name: 'Alex Example',
  email: 'alex@example.com',
  company: 'Example Widgets ApS',
};

function textsOf(user: SimulatedUser): AppTexts {
  return APP_TEXTS[user.lang ?? 'en'];
}

const KEY_ROLES = new Set(['admin', 'bookkeeper']);

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function document(title: string, body: string, lang: SimulatedLanguage = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Pleo</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;display:grid;grid-template-columns:200px 1fr;grid-template-rows:56px 1fr;min-height:100vh;color:#1a1a1a}
header{grid-column:1/3;display:flex;justify-content:space-between;align-items:center;padding:0 16px;border-bottom:1px solid #e5e5e5;background:#fff}
nav.main{background:#f6f4f1;padding:12px}nav.main a{display:block;padding:6px 8px;color:#1a1a1a;text-decoration:none;border-radius:6px}
nav.main a[aria-current]{background:#fff;font-weight:600}
main{padding:24px}.settings-list{list-style:none;padding:0;max-width:560px}.settings-list li a{display:block;padding:12px;border:1px solid #e5e5e5;border-radius:8px;margin-bottom:8px;color:inherit;text-decoration:none}
.account-menu{display:flex;gap:8px;align-items:center}.badge{background:#ffe6ea;border-radius:12px;padding:2px 8px;font-size:12px}
button.primary{background:#1a1a1a;color:#fff;border:0;border-radius:20px;padding:8px 16px}
</style></head><body>${body}</body></html>`;
}

function shell(user: SimulatedUser, current: string, content: string): string {
  const t = textsOf(user);
  const link = (href: string, label: string) =>
    `<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  const company = escapeHtml(user.company);
  const switcher =
    user.organisation === 'switcher'
      ? `<button type="button" class="company-switcher" aria-label="${escapeHtml(t.organisation.switcher)}">${company}</button>\n`
      : '';
  const label =
    user.organisation === 'label'
      ? `\n<dl class="company"><dt>${escapeHtml(t.organisation.label)}</dt><dd>${company}</dd></dl>`
      : '';
  return document(
    'Pleo',
    `<header><strong>${company}</strong>
${switcher}<div class="account-menu" aria-label="${escapeHtml(t.accountMenu)}"><span class="user-name">${escapeHtml(user.name)}</span>
<span class="badge">${escapeHtml(t.roles[user.role])}</span>${label}</div></header>
<nav class="main" aria-label="${escapeHtml(t.mainMenu)}">${link('/expenses', t.nav.expenses)}${link('/cards', t.nav.cards)}${link(
      '/people',
      t.nav.people,
    )}${link('/settings', t.nav.settings)}</nav>
<main>${content}</main>`,
    user.lang,
  );
}

function settingsPage(user: SimulatedUser): string {
  const t = textsOf(user);
  const sections: [string, string][] = [
    ['/settings/general', t.sections.general],
    ['/settings/export', t.sections.export],
    ['/settings/integrations', t.sections.integrations],
    ['/settings/notifications', t.sections.notifications],
  ];
  if (user.legacyApi && user.role === 'admin') sections.push(['/settings/open-api', t.openApi]);
  if (user.apiKeysEnabled && KEY_ROLES.has(user.role)) sections.push(['/settings/api-keys', t.apiKeys]);
  const items = sections
    .map(([href, label]) => `<li><a href="${href}">${escapeHtml(label)}</a></li>`)
    .join('');
  // The introduction mentions API keys and links to the docs whether or not the entry is there.
  return shell(
    user,
    '/settings',
    `<h1>${escapeHtml(t.nav.settings)}</h1><p>${escapeHtml(t.settingsIntro)}
<a href="https://developers.pleo.io/docs/current/authentication/standalone-api-keys-overview">${escapeHtml(t.docsLink)}</a></p>
<ul class="settings-list" aria-label="${escapeHtml(t.nav.settings)}">${items}</ul>`,
  );
}

function apiKeysPage(user: SimulatedUser): string {
  const t = textsOf(user);
  if (!user.apiKeysEnabled || !KEY_ROLES.has(user.role)) {
    return shell(user, '/settings', `<h1>${escapeHtml(t.notFound)}</h1><p>${escapeHtml(t.notFoundText)}</p>`);
  }
  return shell(
    user,
    '/settings',
    `<h1>${escapeHtml(t.apiKeys)}</h1><p>${escapeHtml(t.apiKeysIntro)}</p>
<button class="primary" type="button">${escapeHtml(t.createApiKey)}</button>
<table><thead><tr><th>Name</th><th>Scopes</th><th>Created</th></tr></thead>
<tbody><tr><td>Reporting export</td><td>export-jobs:read</td><td>2026-10-01</td></tr></tbody></table>`,
  );
}

function signInPage(lang: SimulatedLanguage = 'en'): string {
  const t = APP_TEXTS[lang].signIn;
  return document(
    t.title,
    `<main style="grid-column:1/3"><h1>${escapeHtml(t.title)}</h1><form><label>${escapeHtml(t.email)} <input type="email" name="email"></label>
<label>${escapeHtml(t.password)} <input type="password" name="password"></label><button type="submit">${escapeHtml(t.submit)}</button></form></main>`,
    lang,
  );
}

/** The page the simulated app serves for a path, as the signed-in (or not) user sees it. */
export function pleoPage(path: string, user: SimulatedUser = DEFAULT_USER): string {
  const pathname = path.split(/[?#]/)[0]?.replace(/\/+$/, '') || '/';
  if (pathname === '/access' || pathname === '/login' || !user.signedIn) return signInPage(user.lang);
  if (pathname === '/settings') return settingsPage(user);
  if (pathname === '/settings/api-keys') return apiKeysPage(user);
  if (pathname === '/' || pathname === '/expenses') {
    return shell(user, '/expenses', `<h1>${escapeHtml(textsOf(user).nav.expenses)}</h1>`);
  }
  // A section of Settings has its own title, as in the app; other pages are placeholders.
  const sections: Record<string, string> = textsOf(user).sections;
  const section = pathname.startsWith('/settings/')
    ? sections[pathname.slice('/settings/'.length)]
    : undefined;
  return shell(user, pathname, `<h1>${escapeHtml(section ?? pathname.slice(1))}</h1>`);
}

export const SIMULATED_ORIGINS: Record<Environment, string> = {
  production: 'https://app.pleo.io',
  staging: 'https://app.staging.pleo.io',
};
