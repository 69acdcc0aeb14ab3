import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '@/lib/sites/dom-query';
import { runSite } from '@/lib/sites/content/run-site';
import { whatsappAdapter } from '@/lib/sites/adapters/whatsapp';

export default defineContentScript({
  matches: matchPatterns(whatsappAdapter.hosts),
  runAt: 'document_start',
  main: (ctx) => runSite(ctx, whatsappAdapter),
});
