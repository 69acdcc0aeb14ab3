import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { facebookAdapter } from '@/lib/sites/adapters/facebook';
import { runSite } from '@/lib/sites/content/run-site';

export default defineContentScript({
  matches: matchPatterns(facebookAdapter.hosts),
  runAt: 'document_start',
  // No window.postMessage into the page at start (every message listener of the site would run).
  noScriptStartedPostMessage: true,
  main: (ctx) => runSite(ctx, facebookAdapter),
});
