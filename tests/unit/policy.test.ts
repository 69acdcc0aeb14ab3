import { describe, expect, it } from 'vitest';
import { effectiveIdentity, parseManagedPolicy } from '@/lib/policy';
import { DEFAULT_SETTINGS } from '@/lib/storage';
import { resolveSubscriptions } from '@/lib/feed/subscriptions';

describe('managed policy', () => {
  it('reads docs/protocol.md §4 and ignores parts of the wrong type', () => {
    const policy = parseManagedPolicy({
      feeds: [{ url: 'https://a.go.id/feed.json', hashtags: ['X'] }, { url: 5 }, 'nope'],
      reporter: { id: '1987', name: 'Budi' },
      report_token: 42,
      mastodon_instances: ['https://mastodon.go.id'],
      locked: 'yes',
    });
    expect(policy).toEqual({
      feeds: [{ url: 'https://a.go.id/feed.json', hashtags: ['X'] }],
      reporter: { id: '1987', name: 'Budi' },
      reportToken: null,
      mastodonInstances: ['https://mastodon.go.id'],
      locked: false,
    });
  });

  it('lets the user override an unlocked policy, never a locked one', () => {
    const settings = { ...DEFAULT_SETTINGS, reporter: { id: '', name: 'Nama Saya', unit: '' }, reportToken: 'mine' };
    const unlocked = parseManagedPolicy({ reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' }, report_token: 'office' });
    expect(effectiveIdentity(settings, unlocked)).toEqual({
      reporter: { id: '1987', name: 'Nama Saya', unit: 'Kominfo' },
      reportToken: 'mine',
    });
    const locked = parseManagedPolicy({ reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' }, report_token: 'office', locked: true });
    expect(effectiveIdentity(settings, locked)).toEqual({
      reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' },
      reportToken: 'office',
    });
  });

  it('merges subscriptions: managed first, then the user’s, then the build default, once per URL', () => {
    const merged = resolveSubscriptions({
      managed: [{ url: 'https://a.go.id/feed' }],
      user: [{ url: 'https://a.go.id/feed', name: 'mine' }, { url: 'https://b.go.id/feed' }],
      buildDefault: 'http://127.0.0.1:8787/feed.json',
    });
    expect(merged.map((s) => [s.url, s.source])).toEqual([
      ['https://a.go.id/feed', 'managed'],
      ['https://b.go.id/feed', 'user'],
      ['http://127.0.0.1:8787/feed.json', 'build'],
    ]);
  });
});
