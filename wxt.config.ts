import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MATCH_PATTERNS } from './lib/environments';

// Tests may build into their own folder so parallel runs never overwrite each other.
const outDir = process.env.WXT_OUT_DIR ?? '.output';

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
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
