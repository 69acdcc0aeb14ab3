import { describe, expect, it } from 'vitest';
import { buildCaption, captionForShown, chooseVariantIndex } from '@/lib/captions/build-caption';
import { makeFeed, makeItem, makeSubscription } from '../feed/item-factory';

describe('buildCaption', () => {
  const item = makeItem({
    id: 'saik',
    url: 'https://babel.antaranews.com/berita/1',
    summary: 'Ringkasan',
    captions: { default: ['Teks umum'], x: ['v1', 'v2', 'v3'], facebook: ['Baris 1\nBaris 2 #SAIK2019'] },
    hashtags: ['SAIK2019', 'ASNMilenial'],
  });

  it('uses the platform caption, else default, else the summary', () => {
    expect(buildCaption(item, 'facebook', { reporterId: '1' }).text).toBe(
      'Baris 1\nBaris 2 #SAIK2019\n\nhttps://babel.antaranews.com/berita/1\n\n#ASNMilenial',
    );
    expect(buildCaption(item, 'whatsapp', { reporterId: '1' }).text.startsWith('Teks umum')).toBe(true);
    expect(buildCaption(makeItem({ summary: 'Ringkasan' }), 'x', { reporterId: '1' }).text).toBe('Ringkasan');
  });

  it('adds a hashtag only when absent (any case), and the link only once', () => {
    const withTag = makeItem({ url: 'https://a.go.id/1', captions: { default: ['Lihat https://a.go.id/1 #saik2019'] }, hashtags: ['SAIK2019'] });
    expect(buildCaption(withTag, 'x', { reporterId: '1' }).text).toBe('Lihat https://a.go.id/1 #saik2019');
    const prefix = makeItem({ captions: { default: ['#SAIK20190 lain'] }, hashtags: ['SAIK2019'] });
    expect(buildCaption(prefix, 'x', { reporterId: '1' }).text).toBe('#SAIK20190 lain\n\n#SAIK2019');
  });

  it('chooses the same variant for the same reporter and item, and spreads reporters', () => {
    const first = buildCaption(item, 'x', { reporterId: '198703122010011001' });
    expect(buildCaption(item, 'x', { reporterId: '198703122010011001' })).toEqual(first);
    const indexes = new Set(Array.from({ length: 60 }, (_, i) => chooseVariantIndex(3, `nip-${i}`, 'saik')));
    expect(indexes).toEqual(new Set([0, 1, 2]));
  });

  it('cycles variants with an offset, also backwards', () => {
    const seen = [0, 1, 2, -1].map((offset) => buildCaption(item, 'x', { reporterId: 'r', variantOffset: offset }));
    expect(new Set(seen.slice(0, 3).map((c) => c.text.split('\n')[0]))).toEqual(new Set(['v1', 'v2', 'v3']));
    expect(seen[3]!.text).toBe(seen[2]!.text);
    expect(seen[0]!.variantCount).toBe(3);
  });

  it('adds subscription hashtags only to feeds without _siar, and posts their title rather than the summary', () => {
    const plain = makeItem({ title: 'Berita', summary: 'Isi berita yang panjang. The post Berita appeared first on Pemda.' });
    const subscription = makeSubscription({ hashtags: ['PemdaBabel'] });
    expect(captionForShown({ item: plain, feed: makeFeed([plain], { siar: false }), subscription }, 'x', { reporterId: '' }).text).toBe('Berita\n\n#PemdaBabel');
    expect(captionForShown({ item: plain, feed: makeFeed([plain], { siar: true }), subscription }, 'x', { reporterId: '' }).text).toBe(
      'Isi berita yang panjang. The post Berita appeared first on Pemda.',
    );
  });
});
