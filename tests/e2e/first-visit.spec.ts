import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExtension } from '../../sim/browser';
import { expect, test, visit } from './fixtures';
import { PopupPage } from './pages/popup';

test('a Settings page with API Keys makes Production ready and leaves Staging not checked', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', { role: 'admin', apiKeysEnabled: true });
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-checked');
  expect(pleo.strayRequests).toEqual([]);
});

test('the built manifest asks for storage, scripting (pick mode, injected) and the two Pleo origins; the External API only as optional origins', () => {
  const manifest = JSON.parse(readFileSync(join(builtExtension('chrome-mv3'), 'manifest.json'), 'utf8'));
  const origins = ['https://app.pleo.io/*', 'https://app.staging.pleo.io/*'];
  expect(manifest.permissions).toEqual(['storage', 'scripting']);
  expect(manifest.host_permissions).toEqual(origins);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual([
    'https://external.pleo.io/*',
    'https://external.staging.pleo.io/*',
  ]);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  expect(manifest.content_scripts).toHaveLength(1);
  expect(manifest.content_scripts[0].matches).toEqual(origins);
  expect(manifest.content_scripts[0].all_frames ?? false).toBe(false);
});
