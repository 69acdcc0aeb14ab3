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
      reportTokens: {},
      enrollmentUrl: null,
      mastodonInstances: ['https://mastodon.go.id'],
      locked: false,
    });
  });

  it('reads report_tokens by origin and enrollment_url, and drops a report_url that is not safe', () => {
    const policy = parseManagedPolicy({
      feeds: [
        { url: 'https://a.go.id/feed.json', report_url: 'http://a.go.id/api/v1/shares' },
        { url: 'https://b.go.id/feed.json', report_url: 'https://b.go.id/api/v1/shares' },
        { url: 'http://127.0.0.1:8787/feed.json', report_url: 'http://127.0.0.1:8787/api/v1/shares' },
      ],
      report_tokens: { 'https://b.go.id/': 'tb', 'http://c.go.id': 'tc', 'bukan url': 'x', 'https://d.go.id': ' ' },
      enrollment_url: 'https://b.go.id/daftar',
    });
    expect(policy.feeds).toEqual([
      { url: 'https://a.go.id/feed.json' },
      { url: 'https://b.go.id/feed.json', report_url: 'https://b.go.id/api/v1/shares' },
      { url: 'http://127.0.0.1:8787/feed.json', report_url: 'http://127.0.0.1:8787/api/v1/shares' },
    ]);
    expect(policy.reportTokens).toEqual({ 'https://b.go.id': 'tb' });
    expect(policy.enrollmentUrl).toBe('https://b.go.id/daftar');
    expect(parseManagedPolicy({ enrollment_url: 'http://b.go.id/daftar' }).enrollmentUrl).toBeNull();
  });

  it('lets the user override an unlocked policy, never a locked one', () => {
    const settings = { ...DEFAULT_SETTINGS, reporter: { id: '', name: 'Nama Saya', unit: '' } };
    const unlocked = parseManagedPolicy({ reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' } });
    expect(effectiveIdentity(settings, unlocked)).toEqual({ reporter: { id: '1987', name: 'Nama Saya', unit: 'Kominfo' } });
    const locked = parseManagedPolicy({ reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' }, locked: true });
    expect(effectiveIdentity(settings, locked)).toEqual({ reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' } });
  });

  it('takes the office record from enrollment over what the user typed', () => {
    const office = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo' };
    const settings = { ...DEFAULT_SETTINGS, reporter: { id: '1', name: 'Orang Lain', unit: '' }, enrollment: { origin: 'https://b.go.id', reporter: office, at: '2026-12-01T00:00:00Z' } };
    expect(effectiveIdentity(settings, parseManagedPolicy({})).reporter).toEqual(office);
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
