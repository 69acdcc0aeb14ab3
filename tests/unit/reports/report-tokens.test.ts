import { describe, expect, it } from 'vitest';
import { parseManagedPolicy } from '@/lib/policy';
import { receiverOrigins, singleTokenOrigins, tokenForReceiver, tokenOwner, type TokenSources } from '@/lib/reports/report-tokens';
import { NO_REPORT_TOKENS } from '@/lib/reports/token-store';
import { DEFAULT_SETTINGS } from '@/lib/storage';
import type { ResolvedSubscription } from '@/lib/feed/types';
import { EMPTY_CACHE_ENTRY } from '@/lib/feed/fetch-feed';
import { makeFeed } from '../feed/item-factory';

/** PROTOCOL §3.3 / §4: a token goes to report URLs of its own origin, and nowhere else. */

const OFFICE = 'https://siar.kominfo.go.id';
const STRANGER = 'https://feed-siapa-saja.example.com/api/v1/shares';

function sources(policy: Record<string, unknown>, settings: Partial<TokenSources['settings']> = {}, subscriptions: ResolvedSubscription[] = []): TokenSources {
  const parsed = parseManagedPolicy(policy);
  const managed = parsed.feeds.map((feed) => ({ ...feed, source: 'managed' as const }));
  return { policy: parsed, settings: { ...DEFAULT_SETTINGS, ...NO_REPORT_TOKENS, ...settings }, subscriptions: [...managed, ...subscriptions] };
}

describe('report tokens', () => {
  it('sends report_tokens only to their origin', () => {
    const s = sources({ report_tokens: { [OFFICE]: 'kantor' } });
    expect(tokenForReceiver(`${OFFICE}/api/v1/shares`, s)).toBe('kantor');
    expect(tokenForReceiver(STRANGER, s)).toBeNull();
    // Same host, another port or scheme: another origin.
    expect(tokenForReceiver('https://siar.kominfo.go.id:8443/api/v1/shares', s)).toBeNull();
  });

  it('gives report_token to the managed report_urls’ origins, else to the managed feeds’ own', () => {
    const withReceiver = { feeds: [{ url: 'https://feed.go.id/feed.json', report_url: `${OFFICE}/api/v1/shares` }, { url: 'https://lain.go.id/feed' }], report_token: 'lama' };
    expect([...singleTokenOrigins(parseManagedPolicy(withReceiver).feeds)]).toEqual([OFFICE]);
    expect(tokenForReceiver(`${OFFICE}/x`, sources(withReceiver))).toBe('lama');
    expect(tokenForReceiver('https://feed.go.id/api/v1/shares', sources(withReceiver))).toBeNull();
    const feedsOnly = { feeds: [{ url: `${OFFICE}/feed.json` }], report_token: 'lama' };
    expect(tokenForReceiver(`${OFFICE}/api/v1/shares`, sources(feedsOnly))).toBe('lama');
    expect(tokenForReceiver(STRANGER, sources(feedsOnly))).toBeNull();
  });

  it('lets report_tokens win over report_token for the same origin', () => {
    const s = sources({ feeds: [{ url: `${OFFICE}/feed.json` }], report_token: 'lama', report_tokens: { [OFFICE]: 'baru' } });
    expect(tokenForReceiver(`${OFFICE}/api/v1/shares`, s)).toBe('baru');
  });

  it('lets the user’s token win over an unlocked policy, never over a locked one', () => {
    const policy = { report_tokens: { [OFFICE]: 'admin' } };
    expect(tokenForReceiver(`${OFFICE}/a`, sources(policy, { reportTokens: { [OFFICE]: 'saya' } }))).toBe('saya');
    expect(tokenForReceiver(`${OFFICE}/a`, sources({ ...policy, locked: true }, { reportTokens: { [OFFICE]: 'saya' } }))).toBe('admin');
    expect(tokenOwner(`${OFFICE}/a`, sources({ ...policy, locked: true }))).toBe('locked');
  });

  it('gives the pre-v2 single user token to the user’s own subscriptions’ receivers only', () => {
    const own: ResolvedSubscription[] = [{ url: `${OFFICE}/feed.json`, source: 'user' }];
    const s = sources({}, { reportToken: 'ketik' }, own);
    expect(tokenForReceiver(`${OFFICE}/api/v1/shares`, s)).toBe('ketik');
    expect(tokenForReceiver(STRANGER, s)).toBeNull();
  });

  it('never sends to an origin that is not safe', () => {
    expect(tokenForReceiver('http://siar.kominfo.go.id/api', sources({ report_tokens: { 'http://siar.kominfo.go.id': 't' } }))).toBeNull();
  });

  it('offers a token field for each receiver the subscriptions name', () => {
    const subscriptions: ResolvedSubscription[] = [
      { url: 'https://a.go.id/feed', source: 'user' },
      { url: 'https://b.go.id/feed', report_url: `${OFFICE}/api/v1/shares`, source: 'user' },
      { url: 'https://c.example.com/feed', source: 'user' },
    ];
    const cache = {
      'https://a.go.id/feed': { ...EMPTY_CACHE_ENTRY, feed: makeFeed([], { reportUrl: 'https://a.go.id/api/v1/shares' }) },
      // An unsigned feed naming a receiver elsewhere: none (PROTOCOL §3.3).
      'https://c.example.com/feed': { ...EMPTY_CACHE_ENTRY, feed: makeFeed([], { reportUrl: 'https://evil.example.net/collect' }) },
    };
    expect(receiverOrigins(subscriptions, cache, sources({}, {}, subscriptions))).toEqual(['https://a.go.id', OFFICE]);
  });
});
