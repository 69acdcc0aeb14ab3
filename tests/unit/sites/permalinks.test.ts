import { describe, expect, it } from 'vitest';
import { POST_ENDPOINTS, endpointForHost } from '@/lib/sites/post-endpoints';
import { adapterFor } from '@/lib/sites/registry';
import type { PlatformId } from '@/lib/share/platforms';

const adapter = (platform: PlatformId) => adapterFor(platform)!;

describe('post endpoints (page-world watcher)', () => {
  it('takes the post id and handle out of CreateTweet, both user shapes', () => {
    const result = (user: unknown) => ({ data: { create_tweet: { tweet_results: { result: { rest_id: '186', core: { user_results: { result: user } } } } } } });
    expect(POST_ENDPOINTS.x.extract(result({ legacy: { screen_name: 'budi_asn' } }))).toEqual({ id: '186', handle: 'budi_asn' });
    expect(POST_ENDPOINTS.x.extract(result({ core: { screen_name: 'budi_asn' } }))).toEqual({ id: '186', handle: 'budi_asn' });
    expect(POST_ENDPOINTS.x.extract({ errors: [{ code: 187 }] })).toBeNull();
    expect(POST_ENDPOINTS.x.extract(null)).toBeNull();
    expect(POST_ENDPOINTS.x.path.test('/i/api/graphql/SoVnbfCycZ7fERGCwpZkYA/CreateTweet')).toBe(true);
    expect(POST_ENDPOINTS.x.path.test('/i/api/graphql/abc/CreateTweetDraft')).toBe(false);
  });

  it('reads CreateNoteTweet (long posts) and the TweetWithVisibilityResults wrapper', () => {
    const tweet = { rest_id: '187', core: { user_results: { result: { legacy: { screen_name: 'budi_asn' } } } } };
    expect(POST_ENDPOINTS.x.path.test('/i/api/graphql/lPTBLb_FPA5r8z_cH-s8lw/CreateNoteTweet')).toBe(true);
    expect(POST_ENDPOINTS.x.extract({ data: { notetweet_create: { tweet_results: { result: tweet } } } })).toEqual({ id: '187', handle: 'budi_asn' });
    const wrapped = { __typename: 'TweetWithVisibilityResults', tweet };
    expect(POST_ENDPOINTS.x.extract({ data: { notetweet_create: { tweet_results: { result: wrapped } } } })).toEqual({ id: '187', handle: 'budi_asn' });
    expect(POST_ENDPOINTS.x.extract({ data: { create_tweet: { tweet_results: { result: wrapped } } } })).toEqual({ id: '187', handle: 'budi_asn' });
    expect(POST_ENDPOINTS.x.extract({ data: { notetweet_create: { tweet_results: {} } } })).toBeNull();
  });

  it('reads Bluesky’s at:// URI from createRecord and applyWrites', () => {
    const uri = 'at://did:plc:abc123/app.bsky.feed.post/3lbxyz';
    expect(POST_ENDPOINTS.bluesky.extract({ uri, cid: 'c' })).toEqual({ id: '3lbxyz', handle: 'did:plc:abc123' });
    expect(POST_ENDPOINTS.bluesky.extract({ results: [{ uri: 'at://did:plc:abc123/app.bsky.feed.threadgate/1' }, { uri }] })).toEqual({ id: '3lbxyz', handle: 'did:plc:abc123' });
    expect(POST_ENDPOINTS.bluesky.extract({ uri: 'at://did:plc:abc123/app.bsky.feed.like/3lb' })).toBeNull();
    expect(POST_ENDPOINTS.bluesky.extract({ uri: 'https://evil.example/' })).toBeNull();
  });

  it('reads Mastodon’s Status', () => {
    expect(POST_ENDPOINTS.mastodon.extract({ id: '1135', account: { username: 'budi' } })).toEqual({ id: '1135', handle: 'budi' });
    expect(POST_ENDPOINTS.mastodon.extract({ id: '1135', url: 'https://mastodon.go.id/@budi/1135', account: { username: 'budi' } })).toEqual({
      id: '1135',
      handle: 'budi',
      url: 'https://mastodon.go.id/@budi/1135',
    });
    expect(POST_ENDPOINTS.mastodon.extract({ error: 'Validation failed' })).toBeNull();
  });

  it('picks the endpoint by host', () => {
    expect(endpointForHost('x.com')).toBe(POST_ENDPOINTS.x);
    expect(endpointForHost('mobile.twitter.com')).toBe(POST_ENDPOINTS.x);
    expect(endpointForHost('bsky.app')).toBe(POST_ENDPOINTS.bluesky);
    expect(endpointForHost('mastodon.go.id')).toBe(POST_ENDPOINTS.mastodon);
  });
});

describe('permalinks', () => {
  it.each([
    ['x', { id: '1861234567890123456', handle: 'budi_asn' }, 'https://x.com/home', 'https://x.com/budi_asn/status/1861234567890123456'],
    ['x', { id: '1', handle: 'budi' }, 'https://twitter.com/home', 'https://twitter.com/budi/status/1'],
    ['x', { id: '1/../../evil', handle: 'budi' }, 'https://x.com/home', null],
    ['x', { id: '1', handle: 'a/b' }, 'https://x.com/home', null],
    ['bluesky', { id: '3lbxyz', handle: 'did:plc:abc' }, 'https://bsky.app/', 'https://bsky.app/profile/did:plc:abc/post/3lbxyz'],
    ['bluesky', { id: '3lb', handle: 'evil.example' }, 'https://bsky.app/', null],
    ['mastodon', { id: '1135', handle: 'budi' }, 'https://mastodon.go.id/home', 'https://mastodon.go.id/@budi/1135'],
    ['mastodon', { id: 'abc', handle: 'budi' }, 'https://mastodon.go.id/home', null],
    // The Status' own url wins over a rebuilt one; a url elsewhere is not taken.
    ['mastodon', { id: '1135', handle: 'budi', url: 'https://mastodon.go.id/@budi_asn/1135' }, 'https://mastodon.go.id/home', 'https://mastodon.go.id/@budi_asn/1135'],
    ['mastodon', { id: '1135', handle: 'budi', url: 'https://evil.example/@budi/1135' }, 'https://mastodon.go.id/home', 'https://mastodon.go.id/@budi/1135'],
  ] as const)('%s: %o on %s → %s', (platform, answer, pageUrl, expected) => {
    expect(adapter(platform).permalinkFromAnswer?.(answer, pageUrl)).toBe(expected);
  });

  it.each([
    ['x', 'https://x.com/budi_asn/status/186', 'https://x.com/home', true],
    ['x', 'https://x.com/budi_asn', 'https://x.com/home', false],
    ['x', 'http://x.com/budi_asn/status/186', 'https://x.com/home', false],
    ['x', 'https://evil.example/budi/status/1', 'https://x.com/home', false],
    ['facebook', 'https://www.facebook.com/budi.asn/posts/pfbid02abc', 'https://www.facebook.com/', true],
    ['facebook', 'https://www.facebook.com/permalink.php?story_fbid=1&id=2', 'https://www.facebook.com/', true],
    ['facebook', 'https://www.facebook.com/l.php?u=https://evil.example', 'https://www.facebook.com/', false],
    ['threads', 'https://www.threads.com/@budi.asn/post/DBx123', 'https://www.threads.com/', true],
    ['linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:7234/', 'https://www.linkedin.com/feed/', true],
    ['linkedin', 'https://www.linkedin.com/redir/redirect?url=x', 'https://www.linkedin.com/feed/', false],
    ['bluesky', 'https://bsky.app/profile/did:plc:abc/post/3lb', 'https://bsky.app/', true],
    ['mastodon', 'https://mastodon.go.id/@budi/1135', 'https://mastodon.go.id/home', true],
    ['mastodon', 'https://mastodon.social/@budi/1135', 'https://mastodon.go.id/home', false],
    ['instagram', 'https://www.instagram.com/p/C9SiarDemo/', 'https://www.instagram.com/', true],
    ['whatsapp', 'https://web.whatsapp.com/', 'https://web.whatsapp.com/', false],
  ] as const)('%s accepts %s as a permalink: %s', (platform, url, pageUrl, ok) => {
    expect(adapter(platform).isPermalink(new URL(url), new URL(pageUrl))).toBe(ok);
  });
});
