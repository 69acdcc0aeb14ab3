/**
 * `wxt/browser` in the content scripts' builds (wxt.config.ts, `nativeBrowserInContentScripts`):
 * the browser's own promise-based namespace, as WXT's `@wxt-dev/browser` has it, instead of the
 * webextension-polyfill the rest of Siar uses. WXT's own content-script context imports
 * `wxt/browser`, so without this every load of a social site would evaluate the polyfill
 * (issue 11, "Cost"). Content scripts only call `runtime.sendMessage`, `runtime.id` and
 * `i18n.getMessage`, which Chrome MV3 and Firefox give natively with the same shape.
 */
import type { browser as WxtBrowser } from 'wxt/browser';

type Api = typeof WxtBrowser;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
export default browser;
