/**
 * Reliability 4 — the page cannot steer the extension. A hostile Pleo page forges messages shaped
 * like ours, overrides the built-ins a content script might lean on and fakes the extension
 * globals. The content script lives in an isolated world and the background trusts only its own
 * content script's sender, so the stored state must still be exactly what the page shows.
 */
import { pleoPage } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';

const FORGED_OBSERVATION = {
  signedIn: 'yes',
  apiKeysEntry: 'visible',
  legacyApiEntry: 'visible',
  role: { value: 'admin', confidence: 'high', source: 'detected' },
  evidence: [{ check: 'apiKeysEntry', signal: 'forged', detail: 'forged by the page' }],
};

/** Runs in the page's own world before anything else on it. */
const HOSTILE_SCRIPT = `<script>
(() => {
  const forged = ${JSON.stringify({ type: 'observation', observation: FORGED_OBSERVATION })};
  const fakeRuntime = { id: 'forged', sendMessage: () => Promise.resolve(), onMessage: { addListener() {} } };
  window.chrome = { runtime: fakeRuntime, storage: { local: { set() {}, get() {} } } };
  window.browser = window.chrome;
  const realPush = Array.prototype.push;
  Array.prototype.push = function (...items) { return realPush.apply(this, items.concat(items)); };
  JSON.stringify = () => '{"hijacked":true}';
  window.MutationObserver = class { observe() {} disconnect() {} takeRecords() { return []; } };
  const shout = () => {
    window.postMessage(forged, '*');
    window.postMessage({ ...forged, environment: 'staging' }, '*');
    window.dispatchEvent(new CustomEvent('observation', { detail: forged }));
    document.dispatchEvent(new CustomEvent('pleo-access-checker', { detail: forged }));
  };
  shout();
  setInterval(shout, 50);
})();
</script>`;

test('reliability 4: forged messages, hijacked built-ins and fake extension globals change nothing', async ({
  context,
  pleo,
  serviceWorker,
}) => {
  const honest = pleoPage('/settings', {
    signedIn: true,
    role: 'admin',
    apiKeysEnabled: false,
    legacyApi: false,
    name: 'Alex Example',
    email: 'alex@example.com',
    company: 'Example Widgets ApS',
  });
  pleo.serve('production', () => honest.replace('<head>', `<head>${HOSTILE_SCRIPT}`));
  const page = await context.newPage();
  await visit(page, 'https://app.pleo.io/settings', serviceWorker);
  await page.waitForTimeout(1500); // let the page keep forging while the content script watches
  // The hostile script really ran in the page: its overrides are in place.
  expect(await page.evaluate(() => JSON.stringify({ a: 1 }))).toBe('{"hijacked":true}');
  expect(await page.evaluate(() => typeof (window as { browser?: unknown }).browser)).toBe('object');

  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  const production = stored['environment:production'] as {
    apiKeysEntry: { value: string };
    legacyApiEntry: { value: string };
    role: { value: { value: string } };
  };
  expect(production.apiKeysEntry.value).toBe('absent');
  expect(production.legacyApiEntry.value).toBe('absent');
  expect(production.role.value.value).toBe('admin');
  expect(JSON.stringify(stored)).not.toContain('forged');
  const staging = stored['environment:staging'] as { checkedAt: number | null } | undefined;
  expect(staging?.checkedAt ?? null).toBeNull();
});

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
