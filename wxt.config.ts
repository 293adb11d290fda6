import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
