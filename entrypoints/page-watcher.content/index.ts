import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { endpointForHost } from '@/lib/sites/post-endpoints';
import { startPageWatcher } from '@/lib/sites/content/page-watcher';
import { WATCHED_HOSTS } from '@/lib/sites/watched-hosts';

/**
 * The page-world watcher of post endpoints (X, Bluesky; Mastodon registers it at run time).
 * Firefox runs it too: its MV3 build has `world: 'MAIN'` (Firefox 128+).
 */
export default defineContentScript({
  matches: matchPatterns(WATCHED_HOSTS),
  world: 'MAIN',
  runAt: 'document_start',
  main: () => startPageWatcher(window, endpointForHost(location.hostname)),
});
