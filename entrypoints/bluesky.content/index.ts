import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { blueskyAdapter } from '@/lib/sites/adapters/bluesky';

export default defineContentScript({
  matches: matchPatterns(blueskyAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, blueskyAdapter),
});
