import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/lib/feed/parse-feed';
import { FeedRejection } from '@/lib/feed/types';

const FEED_URL = 'https://siar.example.go.id/feed.json';

function feed(items: unknown[], top: Record<string, unknown> = {}) {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Diskominfo', items, ...top });
}

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedRejection) return error.code;
    throw error;
  }
  throw new Error('not rejected');
}

describe('JSON Feed with the Siar extension', () => {
  const siarFeed = feed(
    [
      {
        id: 'saik',
        url: 'https://babel.antaranews.com/berita/1',
        title: 'SAIK 2019',
        content_text: 'Isi',
        image: 'https://cdn.example.go.id/a.jpg',
        date_published: '2026-11-26T07:00:00+07:00',
        _siar: {
          approved: true,
          approved_by: 'Kabid IKP',
          valid_from: '2026-11-26T00:00:00+07:00',
          valid_until: '2026-11-27T00:00:00+07:00',
          captions: { default: 'Teks', x: ['v1', 'v2'], facebook: 'Baris 1\r\nBaris 2', unknownsite: 'ignored' },
          hashtags: ['#SAIK2019', 'ASNMilenial', 'saik2019', ' '],
          platforms: ['x', 'facebook', 'myspace'],
          priority: 10,
          campaign: 'SAIK 2019',
          future_field: { anything: true },
        },
      },
      { id: 2, title: 'Not approved', date_published: '2026-11-26T07:00:00+07:00', _siar: {} },
    ],
    { _siar: { version: 1, publisher: 'Diskominfo Babel', timezone: 'Asia/Makassar', report_url: '/api/v1/shares' } },
  );

  it('reads every field of docs/protocol.md §2.2', () => {
    const parsed = parseFeed(siarFeed, FEED_URL);
    expect(parsed).toMatchObject({
      format: 'json',
      siar: true,
      title: 'Diskominfo',
      publisher: 'Diskominfo Babel',
      timezone: 'Asia/Makassar',
      reportUrl: 'https://siar.example.go.id/api/v1/shares',
      skippedItems: 0,
    });
    const [item] = parsed.items;
    expect(item).toMatchObject({
      id: 'saik',
      url: 'https://babel.antaranews.com/berita/1',
      image: 'https://cdn.example.go.id/a.jpg',
      approved: true,
      approvedBy: 'Kabid IKP',
      validFrom: '2026-11-25T17:00:00.000Z',
      validUntil: '2026-11-26T17:00:00.000Z',
      captions: { default: ['Teks'], x: ['v1', 'v2'], facebook: ['Baris 1\nBaris 2'] },
      hashtags: ['SAIK2019', 'ASNMilenial'],
      platforms: ['x', 'facebook'],
      priority: 10,
      campaign: 'SAIK 2019',
    });
  });

  it('approves only `approved: true` when the feed has _siar; coerces numeric ids', () => {
    const parsed = parseFeed(siarFeed, FEED_URL);
    expect(parsed.items[1]).toMatchObject({ id: '2', approved: false });
  });

  it('trusts a JSON Feed without _siar as a whole', () => {
    const parsed = parseFeed(feed([{ id: 'a', content_text: 'Halo', date_published: '2026-11-26T07:00:00+07:00' }]), FEED_URL);
    expect(parsed.siar).toBe(false);
    expect(parsed.items[0]).toMatchObject({ approved: true, title: 'Halo', platforms: null });
  });

  it.each([
    ['a caption of the wrong type', { _siar: { approved: true, captions: { x: 5 } } }],
    ['an empty variant list', { _siar: { approved: true, captions: { x: [] } } }],
    ['approved as a string', { _siar: { approved: 'true' } }],
    ['priority as a string', { _siar: { approved: true, priority: 'high' } }],
    ['an invalid date', { date_published: 'kemarin' }],
    ['hashtags as a string', { _siar: { approved: true, hashtags: 'SAIK2019' } }],
    ['a title that is a number', { title: 7 }],
    ['no id', { id: undefined }],
  ])('skips and counts an item with %s, keeps the rest', (_label, overrides) => {
    const parsed = parseFeed(
      feed([{ id: 'good', title: 'ok' }, { id: 'bad', title: 'x', ...overrides }], { _siar: { version: 1 } }),
      FEED_URL,
    );
    expect(parsed.items.map((i) => i.id)).toEqual(['good']);
    expect(parsed.skippedItems).toBe(1);
  });

  it('keeps the first of duplicate ids', () => {
    const parsed = parseFeed(feed([{ id: 'a', title: 'first' }, { id: 'a', title: 'second' }]), FEED_URL);
    expect(parsed.items.map((i) => i.title)).toEqual(['first']);
    expect(parsed.skippedItems).toBe(1);
  });

  it('drops unsafe links and images but keeps the item', () => {
    const parsed = parseFeed(
      feed([{ id: 'a', url: 'javascript:alert(1)', image: 'http://evil.example/x.png', external_url: 'data:text/html,x' }]),
      FEED_URL,
    );
    expect(parsed.items[0]).toMatchObject({ id: 'a', url: null, image: null });
  });

  it('allows http only for loopback hosts', () => {
    const parsed = parseFeed(feed([{ id: 'a', url: 'http://127.0.0.1:8787/x', image: 'http://localhost/x.svg' }]), 'http://127.0.0.1:8787/feed.json');
    expect(parsed.items[0]).toMatchObject({ url: 'http://127.0.0.1:8787/x', image: 'http://localhost/x.svg' });
  });

  it('accepts a byte order mark', () => {
    expect(parseFeed(`\uFEFF${feed([])}`, FEED_URL).title).toBe('Diskominfo');
  });

  it.each([
    ['malformed JSON', '{"version": ', 'malformed'],
    ['an HTML page', '<!doctype html><p>hi</p>', 'not_a_feed'],
    ['a wrong version', JSON.stringify({ version: 'https://example.com/v9', title: 'x', items: [] }), 'invalid_feed'],
    ['no items', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x' }), 'invalid_feed'],
    ['too many items', feed(Array.from({ length: 2001 }, (_, i) => ({ id: String(i) }))), 'too_many_items'],
    ['a huge string', feed([{ id: 'a', content_text: 'x'.repeat(100_001) }]), 'string_too_long'],
    ['a huge key', feed([{ id: 'a', ['k'.repeat(100_001)]: 1 }]), 'string_too_long'],
  ])('rejects %s as a whole', (_label, body, code) => {
    expect(rejection(() => parseFeed(body, FEED_URL))).toBe(code);
  });
});
