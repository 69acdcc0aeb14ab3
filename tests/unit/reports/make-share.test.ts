import { describe, expect, it } from 'vitest';
import { chooseReceiver, makeShareRecord } from '@/lib/reports/make-share';
import { makeFeed, makeItem, makeSubscription } from '../feed/item-factory';

const FEED = 'https://siar.example.go.id/feed.json';

describe('chooseReceiver (docs/protocol.md §3.3)', () => {
  it.each([
    ['the subscription’s report_url wins', { report_url: 'https://laporan.go.id/r' }, 'https://other.example/r', false, 'https://laporan.go.id/r'],
    ['the feed’s own from the same origin', {}, 'https://siar.example.go.id/api/v1/shares', false, 'https://siar.example.go.id/api/v1/shares'],
    ['the feed’s own elsewhere, unsigned: none', {}, 'https://attacker.example/collect', false, null],
    ['the feed’s own elsewhere, signature verified', {}, 'https://laporan.go.id/r', true, 'https://laporan.go.id/r'],
    ['nothing named: none', {}, null, false, null],
  ])('%s', (_label, subscription, feedReportUrl, verified, expected) => {
    const shown = { subscription: makeSubscription({ url: FEED, ...subscription }), feed: makeFeed([], { reportUrl: feedReportUrl }) };
    expect(chooseReceiver(shown, verified)).toBe(expected);
  });
});

describe('makeShareRecord', () => {
  const item = makeItem({ id: 'saik', url: 'https://babel.antaranews.com/berita/1', title: 'SAIK' });
  const shown = { subscription: makeSubscription({ url: FEED }), feed: makeFeed([item], { reportUrl: 'https://siar.example.go.id/api/v1/shares' }), item, timeZone: 'Asia/Jakarta' };

  it('fills every field of the report', () => {
    const record = makeShareRecord({
      shown,
      signatureVerified: false,
      platform: 'x',
      status: 'confirmed',
      method: 'manual',
      postUrl: null,
      reporter: { id: '1987', name: 'Budi', unit: 'Diskominfo' },
      clientVersion: '1.0.0',
      now: new Date('2026-11-26T02:14:03Z'),
    });
    expect(record.report).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      feed_url: FEED,
      item_id: 'saik',
      item_url: 'https://babel.antaranews.com/berita/1',
      platform: 'x',
      status: 'confirmed',
      method: 'manual',
      post_url: null,
      shared_at: '2026-11-26T09:14:03+07:00',
      reporter: { id: '1987', name: 'Budi', unit: 'Diskominfo' },
      client: { name: 'siar', version: '1.0.0' },
    });
    expect(record).toMatchObject({ delivery: 'pending', receiver: 'https://siar.example.go.id/api/v1/shares', title: 'SAIK' });
  });

  it('keeps a share without receiver in the history only', () => {
    const record = makeShareRecord({
      shown: { ...shown, feed: makeFeed([item]) },
      signatureVerified: false,
      platform: 'whatsapp',
      status: 'confirmed',
      method: 'manual',
      postUrl: null,
      reporter: { id: '', name: '', unit: '' },
      clientVersion: '1.0.0',
      now: new Date(),
    });
    expect(record).toMatchObject({ delivery: 'local', receiver: null });
  });
});
