import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { API_MATCH_PATTERNS, MATCH_PATTERNS } from './lib/environments';

/**
 * webextension-polyfill ships as UMD, which a bundler takes for CommonJS and wraps in an interop
 * helper that copies every property of its export. Where the browser has a native `browser`, the
 * polyfill exports that object, and the copy walks every extension API, making the browser build
 * each binding: about 23 ms of a content script's start, on every Pleo page. Read as the ES module
 * it could be, its export is passed on untouched; the polyfill's own code is unchanged.
 */
function polyfillAsEsModule(): Plugin {
  return {
    name: 'webextension-polyfill-as-es-module',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/webextension-polyfill/dist/browser-polyfill.js')) return null;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}

/**
 * The content script and pick mode's injected script use the browser's own promise-based API
 * (Firefox's `browser`, Chrome's `chrome` in Manifest V3), as WXT does without the polyfill: they
 * only send messages and read storage, and answer none, the one thing the polyfill adds that they
 * could need. That keeps the polyfill (2.7 kB gzip) out of every Pleo page load; the background,
 * popup and options page, which answer messages, keep it.
 */
const NATIVE_BROWSER_ENTRYPOINTS = ['pleo', 'picker'];
function nativeBrowserInPageScripts(): Plugin {
  let native = false;
  return {
    name: 'native-browser-in-page-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entrypoint = config.define?.['import.meta.env.ENTRYPOINT'];
      native = typeof entrypoint === 'string' && NATIVE_BROWSER_ENTRYPOINTS.includes(JSON.parse(entrypoint));
    },
    resolveId(id, importer, options) {
      if (!native || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}

// Tests may build into their own folder so parallel runs never overwrite each other.
const outDir = process.env.WXT_OUT_DIR ?? '.output';

/**
 * The oldest browsers the built code runs on. Chrome (and Edge, on the same engine): 102, the first
 * with `storage.session`, where the background notes a write that failed; the newest built-in the
 * bundles use is `structuredClone` (98), and the syntax is lowered to this version by the build
 * target below. docs/browsers.md says how this was found and how to check it again. Firefox: 142,
 * the first that understands `data_collection_permissions` on desktop (140) and on Android (142)
 * alike: with no `gecko_android` key, addons-linter holds Android to the desktop minimum. Only
 * retired versions fall below it (ESR 140 has ended; ESR 153 is current).
 */
const MIN_CHROME_VERSION = 102;
const MIN_FIREFOX_VERSION = 142;

/** The shortcut that opens the popup: Alt+Shift+Y is bound by no browser or ChromeOS (docs/browsers.md). */
const OPEN_POPUP_SHORTCUT = { default: 'Alt+Shift+Y', mac: 'MacCtrl+Shift+Y' };

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: ({ browser }) => ({
    plugins: [nativeBrowserInPageScripts(), polyfillAsEsModule(), preact()],
    // Vite's default target is a set of browsers this extension never runs in (Safari among them);
    // the one browser of each build, at its oldest, keeps the syntax to what that browser reads.
    build: {
      target: browser === 'firefox' ? `firefox${MIN_FIREFOX_VERSION}` : `chrome${MIN_CHROME_VERSION}`,
    },
  }),
  hooks: {
    // WXT titles the toolbar button with the popup's <title>; the manifest's localized name it is.
    'build:manifestGenerated': (_, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
    },
  },
  zip: {
    // The sources zip Mozilla's reviewers rebuild from (root: the project folder, WXT's default) holds
    // the repository's files, not what tests and demos leave behind. Hidden folders stay out by default.
    excludeSources: [
      'demo-output/**',
      'test-results/**',
      'playwright-report/**',
      'bench-output/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: pick mode is injected into a Pleo tab when the user starts it (lib/picker/inject.ts);
    // it adds no install warning, and the host permissions already name the only tabs it can reach.
    permissions: ['storage', 'scripting'],
    host_permissions: MATCH_PATTERNS,
    // Pleo's External API, asked for only when the user first checks a key (Firefox MV2 lists
    // optional origins among its optional permissions).
    ...(manifestVersion === 2
      ? { optional_permissions: API_MATCH_PATTERNS }
      : { optional_host_permissions: API_MATCH_PATTERNS }),
    // Never in private windows: what it keeps would outlive the private session (PRIVACY.md).
    incognito: 'not_allowed',
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: OPEN_POPUP_SHORTCUT,
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Desktop only: no gecko_android key, so Firefox for Android (which no test covers) is not claimed.
            gecko: {
              id: 'pleo-api-access-checker@extension',
              strict_min_version: `${MIN_FIREFOX_VERSION}.0`,
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: String(MIN_CHROME_VERSION) }),
  }),
});
