import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** Content scripts run on every load of heavy social sites: each must stay small (issue 4). */
const CONTENT_SCRIPT_BUDGET_GZIP = 25 * 1024;

function checkContentScriptSizes(outDir: string): void {
  const dir = join(outDir, 'content-scripts');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  } catch {
    return;
  }
  const over = files
    .map((file) => ({ file, size: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length }))
    .filter(({ size }) => size > CONTENT_SCRIPT_BUDGET_GZIP);
  if (over.length > 0) {
    const list = over.map(({ file, size }) => `${file}: ${(size / 1024).toFixed(1)} KiB`).join(', ');
    throw new Error(`Content scripts over the ${CONTENT_SCRIPT_BUDGET_GZIP / 1024} KiB gzip budget: ${list}`);
  }
}

// The public half of the key that fixes Siar's extension id
// (lhndahafaekkdefkjajibchmhojidaam), so that managed policy can name it.
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9cyvQb4wyV5fb/g7vgb/m2LOjSVHfU1uHyuhaZnE+XGM9LOPp84affNlPI4aAutFFC5FB1KBe5Xq3RM2Ofk1e8TDWNU5fDDE9wm9Xv6Xoc296Yyj+TU5JpTXnSEpPAcuDY0nDNNw7qNpvshCxTIH6tHxR57TwoNBJsuUCPZ83w4VAX0p4d2PJIYXgTcexo1L800x/gKtQAGJ4Lw5mgfJUGtWKsFlvo0x5LPMrMnFW8iKCpYKxTsrxLMPget3iv8750uI51otCo569EQDjkHPX+1PbN3JlrXgfk6RC4h6jngXO8nnikEyD6qOton6BE4A0TGf1Ph7BMtmmvEYZEVglwIDAQAB';

/**
 * twitter-text (X's weighted length) pulls in core-js 2 polyfills for ES5 browsers: 160
 * side-effect imports, one of which builds `Function('return this')`, an eval that AMO's
 * linter flags. Every browser Siar supports has these natively: they become empty modules.
 */
function withoutCoreJs2(): Plugin {
  const EMPTY = '\0siar-empty-polyfill';
  return {
    name: 'siar-without-core-js-2',
    enforce: 'pre',
    resolveId: (id) => (/^core-js\/modules\//.test(id) ? EMPTY : null),
    load: (id) => (id === EMPTY ? 'export {};' : null),
  };
}

/**
 * Content scripts get the browser's own namespace for `wxt/browser` (which the polyfill module
 * below points at webextension-polyfill): WXT's content-script context imports it, and the
 * polyfill's set-up would run on every load of every social site (issue 11, "Cost").
 */
function nativeBrowserInContentScripts(): Plugin {
  const native = fileURLToPath(new URL('./lib/sites/content/native-browser.ts', import.meta.url));
  return {
    name: 'siar-native-browser-in-content-scripts',
    enforce: 'pre',
    resolveId: (id) => (id === '@wxt-dev/webextension-polyfill/browser' || id === 'wxt/browser' ? native : null),
  };
}

const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Firefox: MV3, like Chrome. One manifest shape and one code path: `scripting` (Mastodon's
 * content script registered at run time), `world: 'MAIN'` (the page-world post watcher) and
 * `optional_host_permissions` exist in Firefox's MV3 only; its background is an event page,
 * which Siar's code already expects (state in storage, the service worker may die at any time).
 * 140 is the floor Siar needs: the built-in data-collection consent below (140), Ed25519 in
 * WebCrypto (129), `world: 'MAIN'` content scripts (128); it is also an ESR. Tested on 153 ESR.
 */
const GECKO = {
  id: 'siar@siar.id',
  strict_min_version: '140.0',
  // What leaves the device, and only to the office's own receiver (PRIVACY.md): the reporter's
  // name and NIP (personally identifying), and which post they shared where, with its link
  // (website activity). Required: reporting the share is what Siar is for.
  data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteActivity'] },
};
/** Firefox for Android has the data-collection consent from 142. */
const GECKO_ANDROID = { strict_min_version: '142.0' };

export default defineConfig({
  imports: false,
  manifestVersion: 3,
  // Tests build a second browser's package beside the one under test.
  ...(process.env.SIAR_OUT_DIR ? { outDir: process.env.SIAR_OUT_DIR } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } }
      : {
          // Store packages carry no `key`: the Chrome Web Store refuses one and gives its own id.
          ...(process.env.SIAR_STORE ? {} : { key: EXTENSION_KEY }),
          storage: { managed_schema: 'managed_schema.json' },
        }),
    // notifications: new approved posts (the user can turn it off). scripting: Siar's Mastodon
    // content script is registered at run time for the user's own instances (no fixed host to
    // name in the manifest). unlimitedStorage (no install warning in Chrome): the share history
    // is the user's proof of work; without it the browser may evict the extension's IndexedDB.
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'scripting'],
    // Feed and report origins are asked for at run time, per origin, from the options page.
    optional_host_permissions: OPTIONAL_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    // e2e builds only: origins the test user "granted" in the permission prompt, which a
    // headless browser cannot click (Mastodon instances are optional host permissions).
    ...(process.env.SIAR_E2E_HOST_PERMISSIONS
      ? { host_permissions: process.env.SIAR_E2E_HOST_PERMISSIONS.split(',') }
      : {}),
  }),
  vite: () => ({
    plugins: [withoutCoreJs2()],
    define: {
      __SIAR_FEED_URL__: JSON.stringify(process.env.SIAR_FEED_URL ?? ''),
    },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) config.plugins = [...(config.plugins ?? []), nativeBrowserInContentScripts()];
    },
    'build:done': (wxt) => checkContentScriptSizes(wxt.config.outDir),
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.siar-data/**', 'test-results/**', 'playwright-report/**'],
  },
});
