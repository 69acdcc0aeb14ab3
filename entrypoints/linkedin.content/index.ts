import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { linkedinAdapter } from '@/lib/sites/adapters/linkedin';

export default defineContentScript({
  matches: matchPatterns(linkedinAdapter.hosts),
  runAt: 'document_start',
  // No window.postMessage into the page at start (every message listener of the site would run).
  noScriptStartedPostMessage: true,
  main: (ctx) => runSite(ctx, linkedinAdapter),
});
