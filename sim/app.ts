/**
 * A simulated Pleo web app: just enough pages, built from what a user sees, to exercise the
 * extension without an account. Served at the real Pleo origins by the tests and the demo.
 * The real app's markup is not public; these pages follow the rules in docs/detection.md,
 * not Pleo's code.
 */
import type { Environment, RoleValue } from '../lib/types';

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

const ROLE_NAMES: Record<SimulatedUser['role'], string> = {
  admin: 'Admin',
  bookkeeper: 'Bookkeeper',
  reviewer: 'Expense reviewer',
  finance: 'Finance',
  employee: 'Employee',
};

const KEY_ROLES = new Set(['admin', 'bookkeeper']);

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function document(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Pleo</title>
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
  const link = (href: string, label: string) =>
    `<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return document(
    'Pleo',
    `<header><strong>${escapeHtml(user.company)}</strong>
<div class="account-menu" aria-label="Account menu"><span class="user-name">${escapeHtml(user.name)}</span>
<span class="badge">${ROLE_NAMES[user.role]}</span></div></header>
<nav class="main" aria-label="Main menu">${link('/expenses', 'Expenses')}${link('/cards', 'Cards')}${link(
      '/people',
      'People',
    )}${link('/settings', 'Settings')}</nav>
<main>${content}</main>`,
  );
}

function settingsPage(user: SimulatedUser): string {
  const sections: [string, string][] = [
    ['/settings/general', 'General'],
    ['/settings/export', 'Export'],
    ['/settings/integrations', 'Integrations'],
    ['/settings/notifications', 'Notifications'],
  ];
  if (user.legacyApi && user.role === 'admin') sections.push(['/settings/open-api', 'Open API']);
  if (user.apiKeysEnabled && KEY_ROLES.has(user.role)) sections.push(['/settings/api-keys', 'API Keys']);
  const items = sections.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join('');
  return shell(
    user,
    '/settings',
    `<h1>Settings</h1><p>Manage your company and integrations. Developers can read about API keys in the Pleo docs.</p>
<ul class="settings-list" aria-label="Settings">${items}</ul>`,
  );
}

function apiKeysPage(user: SimulatedUser): string {
  if (!user.apiKeysEnabled || !KEY_ROLES.has(user.role)) {
    return shell(
      user,
      '/settings',
      '<h1>Page not found</h1><p>The page you are looking for does not exist.</p>',
    );
  }
  return shell(
    user,
    '/settings',
    `<h1>API Keys</h1><p>Keys give programs access to your company's data.</p>
<button class="primary" type="button">Create API Key</button>
<table><thead><tr><th>Name</th><th>Scopes</th><th>Created</th></tr></thead>
<tbody><tr><td>Reporting export</td><td>export-jobs:read</td><td>2026-10-01</td></tr></tbody></table>`,
  );
}

function signInPage(): string {
  return document(
    'Sign in',
    `<main style="grid-column:1/3"><h1>Log in to Pleo</h1><form><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button type="submit">Log in</button></form></main>`,
  );
}

/** The page the simulated app serves for a path, as the signed-in (or not) user sees it. */
export function pleoPage(path: string, user: SimulatedUser = DEFAULT_USER): string {
  const pathname = path.split(/[?#]/)[0]?.replace(/\/+$/, '') || '/';
  if (pathname === '/access' || pathname === '/login' || !user.signedIn) return signInPage();
  if (pathname === '/settings') return settingsPage(user);
  if (pathname === '/settings/api-keys') return apiKeysPage(user);
  if (pathname === '/' || pathname === '/expenses') return shell(user, '/expenses', '<h1>Expenses</h1>');
  return shell(user, pathname, `<h1>${escapeHtml(pathname.slice(1))}</h1>`);
}

export const SIMULATED_ORIGINS: Record<Environment, string> = {
  production: 'https://app.pleo.io',
  staging: 'https://app.staging.pleo.io',
};
