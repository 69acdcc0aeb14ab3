import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { threadsAdapter } from '@/lib/sites/adapters/threads';

export default defineContentScript({
  matches: matchPatterns(threadsAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, threadsAdapter),
});
