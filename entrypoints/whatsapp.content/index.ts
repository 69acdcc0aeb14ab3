import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { whatsappAdapter } from '@/lib/sites/adapters/whatsapp';

export default defineContentScript({
  matches: matchPatterns(whatsappAdapter.hosts),
  runAt: 'document_start',
  // No window.postMessage into the page at start (every message listener of the site would run).
  noScriptStartedPostMessage: true,
  main: (ctx) => runSite(ctx, whatsappAdapter),
});
