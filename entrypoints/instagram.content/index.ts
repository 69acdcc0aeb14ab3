import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { instagramAdapter } from '@/lib/sites/adapters/instagram';

export default defineContentScript({
  matches: matchPatterns(instagramAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, instagramAdapter),
});
