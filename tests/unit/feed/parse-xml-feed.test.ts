import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captionForShown } from '@/lib/captions/build-caption';
import { parseFeed } from '@/lib/feed/parse-feed';
import { selectTodayItems } from '@/lib/feed/today';
import { makeSubscription } from './item-factory';

const FEED_URL = 'https://diskominfo.example.go.id/feed';
const NOW = new Date('2026-11-26T03:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/feeds', name), 'utf8');

describe('RSS 2.0: the /feed/ of a WordPress site', () => {
  const feed = parseFeed(fixture('good-wordpress.xml'), FEED_URL);

  it('maps an item onto the common model', () => {
    expect(feed).toMatchObject({ format: 'rss', siar: false, title: 'Diskominfo Contoh', homePageUrl: 'https://diskominfo.example.go.id/' });
    expect(feed.items[0]).toMatchObject({
      // docs/protocol.md §5: the guid is the id; a guid that is not a permalink is not the link.
      id: 'https://diskominfo.example.go.id/?p=101',
      url: 'https://diskominfo.example.go.id/2026/11/berita-101/',
      title: 'Pemkot Gelar Rapat Koordinasi Humas – Sesi 101',
      image: 'https://diskominfo.example.go.id/wp-content/uploads/2026/11/foto-101.jpg',
      datePublished: '2026-11-26T01:00:00.000Z',
      approved: true,
      platforms: null,
    });
    expect(feed.items[0]?.summary).toMatch(/^Pemerintah Kota menggelar rapat koordinasi kehumasan…\n\nThe post Berita 101/);
    expect(feed.items[0]?.contentHtml).toContain('<figure class="wp-block-image');
  });

  it('approves every item and lets the subscription add its hashtags (docs/protocol.md §1, §2.3)', () => {
    const subscription = makeSubscription({ url: FEED_URL, hashtags: ['PemkotContoh', '#Humas'] });
    const shown = selectTodayItems([{ subscription, feed }], NOW);
    expect(shown.map((s) => s.item.id)).toEqual(['https://diskominfo.example.go.id/?p=101', 'https://diskominfo.example.go.id/?p=100']);
    expect(captionForShown(shown[0]!, 'x', { reporterId: '1' }).text).toMatch(/#PemkotContoh #Humas$/);
  });
});

describe('other RSS shapes', () => {
  it('uses the link as id when there is no guid', () => {
    expect(parseFeed(fixture('good-link-as-id.xml'), FEED_URL).items[0]).toMatchObject({
      id: 'https://diskominfo.example.go.id/tanpa-guid',
      url: 'https://diskominfo.example.go.id/tanpa-guid',
    });
  });

  it('reads images from enclosures, media:content, media:group and media:thumbnail', () => {
    expect(parseFeed(fixture('good-rss-enclosure.xml'), FEED_URL).items.map((i) => i.image)).toEqual([
      'https://cdn.example.go.id/1.jpg',
      'https://cdn.example.go.id/2.png',
    ]);
    expect(parseFeed(fixture('good-rss-media-group.xml'), FEED_URL).items.map((i) => i.image)).toEqual([
      'https://cdn.example.go.id/g.webp',
      'https://cdn.example.go.id/t.jpg',
    ]);
  });

  it('reads RSS 1.0 (RDF), whose items sit beside the channel', () => {
    const feed = parseFeed(fixture('good-rss1-rdf.xml'), FEED_URL);
    expect(feed.items.map((i) => [i.id, i.datePublished])).toEqual([
      ['https://diskominfo.example.go.id/berita/1', '2026-11-26T01:00:00.000Z'],
      ['https://diskominfo.example.go.id/berita/2', '2026-11-25T01:00:00.000Z'],
    ]);
  });

  it('reads dates without a zone in the subscription zone', () => {
    const wib = parseFeed(fixture('good-zoneless-dates.xml'), FEED_URL, { timeZone: 'Asia/Jakarta' });
    const wit = parseFeed(fixture('good-zoneless-dates.xml'), FEED_URL, { timeZone: 'Asia/Jayapura' });
    expect(wib.items[0]?.datePublished).toBe('2026-11-25T17:30:00.000Z');
    expect(wit.items[0]?.datePublished).toBe('2026-11-25T15:30:00.000Z');
  });
});

describe('Atom 1.0', () => {
  const feed = parseFeed(fixture('good-atom.xml'), FEED_URL);

  it('maps id, link rel=alternate, published else updated, and HTML content', () => {
    expect(feed).toMatchObject({ format: 'atom', title: 'Kominfo Contoh', homePageUrl: 'https://kominfo.example.go.id/' });
    expect(feed.items[0]).toMatchObject({
      id: 'tag:kominfo.example.go.id,2026:1',
      url: 'https://kominfo.example.go.id/berita/1',
      summary: 'Ringkasan 1',
      contentHtml: '<p>Isi <b>lengkap</b></p><img src="/img/1.png">',
      image: 'https://diskominfo.example.go.id/img/1.png',
      datePublished: '2026-11-26T01:00:00.000Z',
    });
    expect(feed.items[2]).toMatchObject({ datePublished: null, dateModified: '2026-11-26T02:00:00.000Z', title: 'Hanya updated' });
    expect(selectTodayItems([{ subscription: makeSubscription(), feed }], NOW).map((s) => s.item.title)).toEqual(['Hanya updated', 'Entri 1']);
  });

  it('keeps xhtml content as markup to sanitize', () => {
    expect(parseFeed(fixture('good-atom-xhtml.xml'), FEED_URL).items[0]?.contentHtml).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Isi &amp; <b>tebal</b></p></div>',
    );
  });
});

describe('XML safety', () => {
  it('never expands entities a document declares', () => {
    const feed = parseFeed(fixture('entity-bomb.xml'), FEED_URL);
    expect(feed.title).toBe('&lol9;');
    expect(feed.items[0]?.summary).toBe('&lol9;&lol9;&lol9;');
  });
});
