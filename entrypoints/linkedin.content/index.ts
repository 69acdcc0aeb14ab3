import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { linkedinAdapter } from '@/lib/sites/adapters/linkedin';

export default defineContentScript({
  matches: matchPatterns(linkedinAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, linkedinAdapter),
});
