import { defineContentScript } from 'wxt/utils/define-content-script';
import { mastodonAdapter } from '@/lib/sites/adapters/mastodon';
import { runSite } from '@/lib/sites/content/run-site';

/** Registered at run time for the user's instances (lib/sites/mastodon-registration.ts). */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  // No window.postMessage into the page at start (every message listener of the site would run).
  noScriptStartedPostMessage: true,
  main: (ctx) => runSite(ctx, mastodonAdapter),
});
