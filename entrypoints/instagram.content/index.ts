import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { instagramAdapter } from '@/lib/sites/adapters/instagram';

export default defineContentScript({
  matches: matchPatterns(instagramAdapter.hosts),
  runAt: 'document_start',
  // No window.postMessage into the page at start (every message listener of the site would run).
  noScriptStartedPostMessage: true,
  main: (ctx) => runSite(ctx, instagramAdapter),
});
