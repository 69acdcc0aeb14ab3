import { defineConfig } from 'wxt';

// The public half of the key that fixes Siar's extension id
// (lhndahafaekkdefkjajibchmhojidaam), so that managed policy can name it.
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9cyvQb4wyV5fb/g7vgb/m2LOjSVHfU1uHyuhaZnE+XGM9LOPp84affNlPI4aAutFFC5FB1KBe5Xq3RM2Ofk1e8TDWNU5fDDE9wm9Xv6Xoc296Yyj+TU5JpTXnSEpPAcuDY0nDNNw7qNpvshCxTIH6tHxR57TwoNBJsuUCPZ83w4VAX0p4d2PJIYXgTcexo1L800x/gKtQAGJ4Lw5mgfJUGtWKsFlvo0x5LPMrMnFW8iKCpYKxTsrxLMPget3iv8750uI51otCo569EQDjkHPX+1PbN3JlrXgfk6RC4h6jngXO8nnikEyD6qOton6BE4A0TGf1Ph7BMtmmvEYZEVglwIDAQAB';

const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'siar@siar.id', strict_min_version: '115.0' } } }
      : { key: EXTENSION_KEY, storage: { managed_schema: 'managed_schema.json' } }),
    // unlimitedStorage (no install warning in Chrome): the share history is the user's proof of
    // work; without it the browser may evict the extension's IndexedDB under disk pressure.
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // Feed and report origins are asked for at run time, per origin, from the options page.
    // Firefox's MV2 manifest names them among optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    action: { default_title: '__MSG_extName__' },
  }),
  vite: () => ({
    define: {
      __SIAR_FEED_URL__: JSON.stringify(process.env.SIAR_FEED_URL ?? ''),
    },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.siar-data/**', 'test-results/**', 'playwright-report/**'],
  },
});
