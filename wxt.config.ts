import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { MATCH_PATTERNS } from './lib/environments';

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

// Tests may build into their own folder so parallel runs never overwrite each other.
const outDir = process.env.WXT_OUT_DIR ?? '.output';

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [polyfillAsEsModule(), preact()] }),
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
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: MATCH_PATTERNS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pleo-api-access-checker@extension',
              // 140 (desktop) and 142 (Android) are the first to understand data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
