import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { facebookAdapter } from '@/lib/sites/adapters/facebook';
import { runSite } from '@/lib/sites/content/run-site';

export default defineContentScript({
  matches: matchPatterns(facebookAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, facebookAdapter),
});
