import { describe, expect, it } from 'vitest';
import { parsePostInput, type PostContent } from '../../../server/posts/post-input';
import { previewPost } from '../../../server/posts/post-preview';

const context = { timeZone: 'Asia/Jakarta', feedUrl: 'https://siar.example.go.id/feed.json', imageUrl: (id: string) => `https://siar.example.go.id/images/${id}` };

function post(input: Record<string, unknown>): PostContent {
  const result = parsePostInput({ title: 'SAIK 2019', link: 'https://babel.antaranews.com/berita/1', image: 'img1', ...input }, 'Asia/Jakarta');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.post;
}

const platform = (preview: ReturnType<typeof previewPost>, id: string) => preview.platforms.find((p) => p.platform === id)!;

describe('previewPost', () => {
  it('counts X the twitter-text way: a link weighs 23, so 255 letters and a long link fit', () => {
    const preview = previewPost(post({ platforms: ['x'], captions: { x: 'a'.repeat(255) }, link: `https://example.go.id/${'p'.repeat(200)}` }), context);
    const [variant] = platform(preview, 'x').variants;
    expect(variant).toMatchObject({ length: 255 + 2 + 23, writtenLength: 280, shortened: false });
    expect(preview.blocking).toEqual([]);
  });

  it('refuses an X caption over 280 before submitting, with its length and field', () => {
    const preview = previewPost(post({ platforms: ['x'], captions: { x: ['pendek', 'b'.repeat(256)] } }), context);
    expect(preview.blocking).toEqual([expect.objectContaining({ code: 'caption_over_limit', field: 'captions.x.1' })]);
    expect(preview.blocking[0]!.en).toContain('281 of 280');
  });

  it('counts Bluesky in graphemes: a family emoji is one', () => {
    const family = '👨‍👩‍👧';
    const preview = previewPost(post({ platforms: ['bluesky'], link: null, captions: { default: family.repeat(300) } }), context);
    const [variant] = platform(preview, 'bluesky').variants;
    expect(variant).toMatchObject({ writtenLength: 300, shortened: false });
    const longer = previewPost(post({ platforms: ['bluesky'], link: null, captions: { default: family.repeat(301) } }), context);
    expect(platform(longer, 'bluesky').variants[0]).toMatchObject({ writtenLength: 301, shortened: true });
    // The default caption may be shortened on one platform: a warning, not a refusal.
    expect(longer.blocking).toEqual([]);
    expect(longer.warnings).toEqual([expect.objectContaining({ code: 'caption_shortened', field: 'captions.default.0' })]);
  });

  it('lists every variant in order, each with the link and hashtags the extension adds', () => {
    const preview = previewPost(post({ platforms: ['x', 'facebook'], hashtags: ['SAIK2019'], captions: { default: 'Umum', x: ['Satu', 'Dua #saik2019'] } }), context);
    expect(platform(preview, 'x').variants.map((v) => v.text)).toEqual([
      'Satu\n\nhttps://babel.antaranews.com/berita/1\n\n#SAIK2019',
      'Dua #saik2019\n\nhttps://babel.antaranews.com/berita/1',
    ]);
    expect(platform(preview, 'x').source).toBe('platform');
    expect(platform(preview, 'facebook')).toMatchObject({ source: 'default', variants: [{ text: 'Umum\n\nhttps://babel.antaranews.com/berita/1\n\n#SAIK2019' }] });
  });

  it('falls back to the summary, then the title, as the extension does', () => {
    const preview = previewPost(post({ platforms: ['threads'], summary: 'Ringkasan', link: null }), context);
    expect(platform(preview, 'threads')).toMatchObject({ source: 'text', variants: [{ text: 'Ringkasan' }] });
  });

  it('previews every platform but "other" when none is chosen', () => {
    expect(previewPost(post({}), context).platforms.map((p) => p.platform)).not.toContain('other');
    expect(previewPost(post({}), context).platforms).toHaveLength(11);
  });

  it('warns about Instagram without an image, only when Instagram may be used', () => {
    expect(previewPost(post({ image: null }), context).warnings).toContainEqual(expect.objectContaining({ code: 'instagram_no_image' }));
    expect(previewPost(post({ image: null, platforms: ['x'] }), context).warnings).toEqual([]);
    expect(previewPost(post({ platforms: ['instagram'] }), context).warnings).toEqual([]);
  });

  it('warns about hashtags that Instagram would leave out (at most 30)', () => {
    const inline = Array.from({ length: 25 }, (_, i) => `#dalam${i}`).join(' ');
    const tags = Array.from({ length: 10 }, (_, i) => `luar${i}`);
    const preview = previewPost(post({ platforms: ['instagram'], captions: { instagram: inline }, hashtags: tags }), context);
    expect(preview.warnings).toEqual([expect.objectContaining({ code: 'hashtags_dropped' })]);
    expect(preview.warnings[0]!.id).toContain('#luar5, #luar6, #luar7, #luar8, #luar9');
  });

  it('keeps HTML as text in the caption', () => {
    const preview = previewPost(post({ platforms: ['x'], link: null, captions: { x: '<img src=x onerror=alert(1)>' } }), context);
    expect(platform(preview, 'x').variants[0]!.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads the window the way the extension will', () => {
    const preview = previewPost(post({ valid_from: '2026-11-26T08:00', valid_until: '2026-11-27T00:00' }), context);
    expect(new Date(preview.item.validFrom!).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(preview.item.image).toBe('https://siar.example.go.id/images/img1');
  });
});
