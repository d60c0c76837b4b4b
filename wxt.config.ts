import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MATCH_PATTERNS } from './lib/environments';

// Tests may build into their own folder so parallel runs never overwrite each other.
const outDir = process.env.WXT_OUT_DIR ?? '.output';

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
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
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
