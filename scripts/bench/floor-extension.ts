/**
 * The floor the product's content script is set against: an extension that does the least any
 * checker of the Pleo page must. One querySelectorAll over what could lead to the API keys page,
 * again 300 ms after the page last changed, and one message per scan to a background that
 * answers. It is written at bench time as plain files, so what it costs is exactly these lines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATCH_PATTERNS } from '../../lib/environments';

const INTERACTIVE = [
  'a[href]',
  'button',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="button"]',
  '[role="option"]',
  '[role="treeitem"]',
].join(', ');

/** The same lines for both browsers but the extension API's name: Firefox's `browser` returns promises. */
const contentScript = (api: string) => `const INTERACTIVE = ${JSON.stringify(INTERACTIVE)};
function scan() {
  const found = document.querySelectorAll(INTERACTIVE).length;
  ${api}.runtime.sendMessage({ type: 'scan', found }).catch(() => {});
}
let timer;
new MutationObserver(() => {
  clearTimeout(timer);
  timer = setTimeout(scan, 300);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
scan();
`;

const background = (api: string) => `${api}.runtime.onMessage.addListener((message, sender, reply) => {
  reply({ ok: true });
});
`;

/**
 * Writes the floor extension into a new temporary folder; `remove` deletes it. For Firefox it is
 * a Manifest V2 add-on with a background script, as the product's Firefox build is.
 */
export function writeFloorExtension(browser: 'chromium' | 'firefox' = 'chromium'): {
  dir: string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-floor-'));
  const contentScripts = [{ matches: MATCH_PATTERNS, js: ['content.js'], run_at: 'document_idle' }];
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Content script floor',
          version: '1.0.0',
          background: { service_worker: 'background.js' },
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'Content script floor',
          version: '1.0.0',
          background: { scripts: ['background.js'] },
          content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: 'content-script-floor@bench.invalid' } },
        };
  const api = browser === 'chromium' ? 'chrome' : 'browser';
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), contentScript(api));
  writeFileSync(join(dir, 'background.js'), background(api));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
