import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { fitCaption } from '@/lib/captions/fit-caption';
import { captionLimit, countGraphemes } from '@/lib/captions/platform-limits';

const LINK = 'https://babel.antaranews.com/berita/123456/kominfo-ajak-asn-humas-bekerja-di-era-milenial-dan-aktif-di-media-sosial';
const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

describe('fitCaption', () => {
  it('leaves a caption that fits alone', () => {
    const fitted = fitCaption({ body: 'Pendek', link: LINK, hashtags: ['SAIK2019'] }, 'x');
    expect(fitted).toMatchObject({ text: `Pendek\n\n${LINK}\n\n#SAIK2019`, shortened: false, droppedHashtags: [], limit: 280 });
    expect(fitted.length).toBe(twitterText.parseTweet(fitted.text).weightedLength);
  });

  it('counts a long link as 23 on X and shortens only the body', () => {
    const fitted = fitCaption({ body: words(80), link: LINK, hashtags: ['SAIK2019', 'ASNMilenial'] }, 'x');
    expect(twitterText.parseTweet(fitted.text).weightedLength).toBeLessThanOrEqual(280);
    expect(fitted.length).toBeGreaterThan(260);
    expect(fitted.shortened).toBe(true);
    expect(fitted.text).toContain(`…\n\n${LINK}\n\n#SAIK2019 #ASNMilenial`);
    // Cut at a word boundary: the last word before the ellipsis is whole.
    expect(fitted.text.split('…')[0]!.split(' ').pop()).toMatch(/^kata\d+$/);
  });

  it('counts X weights: CJK and emoji weigh double', () => {
    const fitted = fitCaption({ body: '漢'.repeat(200), link: null, hashtags: [] }, 'x');
    expect(twitterText.parseTweet(fitted.text).weightedLength).toBeLessThanOrEqual(280);
    expect(fitted.text.length).toBeLessThan(142);
  });

  it('counts Bluesky in graphemes: a family emoji is one', () => {
    const family = '👨‍👩‍👧‍👦';
    const fitted = fitCaption({ body: family.repeat(299), link: null, hashtags: [] }, 'bluesky');
    expect(fitted.shortened).toBe(false);
    expect(countGraphemes(fitted.text)).toBe(299);
    const over = fitCaption({ body: family.repeat(301), link: null, hashtags: ['A'] }, 'bluesky');
    expect(countGraphemes(over.text)).toBeLessThanOrEqual(300);
    expect(over.text.endsWith('#A')).toBe(true);
  });

  it.each([
    ['threads', 500],
    ['mastodon', 500],
    ['linkedin', 3000],
    ['instagram', 2200],
  ] as const)('fits %s to %i', (platform, max) => {
    const fitted = fitCaption({ body: words(1000), link: LINK, hashtags: ['SAIK2019'] }, platform);
    expect(captionLimit(platform)!.measure(fitted.text)).toBeLessThanOrEqual(max);
    expect(fitted.text.endsWith(`${LINK}\n\n#SAIK2019`)).toBe(true);
  });

  it('counts a URL as 23 on Mastodon', () => {
    const fitted = fitCaption({ body: 'a'.repeat(470), link: LINK, hashtags: [] }, 'mastodon');
    expect(fitted).toMatchObject({ shortened: false, length: 470 + 2 + 23 });
  });

  it('keeps at most 30 hashtags on Instagram, counting those in the body', () => {
    const body = `Teks ${Array.from({ length: 10 }, (_, i) => `#ada${i}`).join(' ')}`;
    const tags = Array.from({ length: 25 }, (_, i) => `tag${i}`);
    const fitted = fitCaption({ body, link: null, hashtags: tags }, 'instagram');
    expect(fitted.text.match(/#\w+/g)).toHaveLength(30);
    expect(fitted.droppedHashtags).toEqual(tags.slice(20));
  });

  it('drops whole hashtags from the end only when link and hashtags alone do not fit', () => {
    const tags = Array.from({ length: 40 }, (_, i) => `TagarPanjangSekali${i}`);
    const fitted = fitCaption({ body: 'Isi', link: LINK, hashtags: tags }, 'x');
    expect(twitterText.parseTweet(fitted.text).weightedLength).toBeLessThanOrEqual(280);
    expect(fitted.droppedHashtags.length).toBeGreaterThan(0);
    expect(fitted.droppedHashtags).toEqual(tags.slice(tags.length - fitted.droppedHashtags.length));
    expect(fitted.text).toContain(LINK);
    for (const tag of tags.slice(0, tags.length - fitted.droppedHashtags.length)) expect(fitted.text).toContain(`#${tag}`);
  });

  it('sets no limit for platforms without one', () => {
    expect(fitCaption({ body: words(3000), link: null, hashtags: [] }, 'youtube')).toMatchObject({ limit: null, shortened: false });
  });
});
