import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/run-site';
import { instagramAdapter } from '@/lib/sites/instagram';

export default defineContentScript({
  matches: matchPatterns(instagramAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, instagramAdapter),
});
