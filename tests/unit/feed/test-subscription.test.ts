import { describe, expect, it } from 'vitest';
import { testSubscription } from '@/lib/feed/test-subscription';

const NOW = new Date('2026-11-26T03:00:00Z');
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Diskominfo</title>
<item><guid>a</guid><pubDate>Thu, 26 Nov 2026 01:00:00 GMT</pubDate></item>
<item><guid>b</guid><pubDate>Wed, 25 Nov 2026 01:00:00 GMT</pubDate></item>
<item><guid>a</guid></item></channel></rss>`;

describe('testSubscription (the options page’s test fetch)', () => {
  it('sums up what Siar makes of the feed', async () => {
    const result = await testSubscription({ url: 'https://x.go.id/feed' }, { now: NOW, fetch: async () => new Response(rss) });
    expect(result).toEqual({
      ok: true,
      title: 'Diskominfo',
      format: 'rss',
      items: 2,
      today: 1,
      skipped: 1,
      skipReasons: { duplicate_id: 1 },
      signatureVerified: false,
    });
  });

  it('gives the reason when the feed cannot be used', async () => {
    const result = await testSubscription(
      { url: 'https://x.go.id/feed', public_key: Buffer.alloc(32, 1).toString('base64') },
      { now: NOW, fetch: async (input) => (String(input).endsWith('.sig') ? new Response('', { status: 404 }) : new Response(rss)) },
    );
    expect(result).toEqual({ ok: false, error: { code: 'signature_missing', detail: '.sig: HTTP 404' } });
  });
});
