import { describe, expect, it } from 'vitest';
import { canOpen, shareRoute } from '@/lib/share/share-routes';

const input = { text: 'SAIK 2019 dibuka\n\nhttps://a.go.id/1\n\n#SAIK2019', itemUrl: 'https://a.go.id/1' };

describe('share routes (SITES.md)', () => {
  it.each([
    ['x', 'https://x.com/intent/tweet?text='],
    ['threads', 'https://www.threads.com/intent/post?text='],
    ['bluesky', 'https://bsky.app/intent/compose?text='],
    ['linkedin', 'https://www.linkedin.com/feed/?shareActive=true&text='],
    ['whatsapp', 'https://wa.me/?text='],
  ] as const)('%s opens its share page with the whole caption', (platform, prefix) => {
    const route = shareRoute(platform, input);
    expect(route.kind).toBe('intent');
    const url = (route as { url: string }).url;
    expect(url.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(url.slice(prefix.length))).toBe(input.text);
  });

  it('gives Telegram the link apart from the text', () => {
    const route = shareRoute('telegram', input) as { url: string };
    const params = new URL(route.url).searchParams;
    expect(params.get('url')).toBe('https://a.go.id/1');
    expect(params.get('text')).toBe('SAIK 2019 dibuka\n\n#SAIK2019');
  });

  it('needs the user’s instance for Mastodon', () => {
    expect(shareRoute('mastodon', input).kind).toBe('manual');
    const route = shareRoute('mastodon', { ...input, mastodonInstance: 'https://mastodon.go.id/' }) as { url: string };
    expect(route.url.startsWith('https://mastodon.go.id/share?text=')).toBe(true);
  });

  it('opens Facebook and Instagram for the composer button; TikTok, YouTube and other are manual', () => {
    expect(shareRoute('facebook', input)).toEqual({ kind: 'composer', url: 'https://www.facebook.com/' });
    expect(shareRoute('instagram', input)).toEqual({ kind: 'composer', url: 'https://www.instagram.com/' });
    expect(['tiktok', 'youtube', 'other'].map((p) => canOpen(p as 'tiktok'))).toEqual([false, false, false]);
  });
});
