import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/run-site';
import { xAdapter } from '@/lib/sites/x';

export default defineContentScript({
  matches: matchPatterns(xAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, xAdapter),
});
