import { defineConfig } from 'wxt';
import path from 'node:path';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The page script gets the browser's own API for `wxt/browser`, not the polyfill (see
    // utils/extension/page-browser.ts): the other contexts keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const own = { find: /^wxt\/browser$/, replacement: path.resolve(__dirname, 'utils/extension/page-browser.ts') };
      const list = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve = { ...config.resolve, alias: [own, ...list] };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description: 'Cross-checks the claims in the news article you are reading against other outlets, offline.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // No site at install: the reader switches sites on one by one (or all at once in the
    // options), and the browser asks each time. A one-off check of a page uses activeTab.
    // (Firefox's manifest version 2 lists optional sites among its optional permissions.)
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    commands: {
      'check-selection': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Cross-check the selected text',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'crosscheck@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
