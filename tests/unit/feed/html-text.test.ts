import { describe, expect, it } from 'vitest';
import { readHtml } from '@/lib/feed/html-text';

describe('readHtml (no DOM: the service worker has none)', () => {
  it('keeps paragraphs and line breaks, decodes entities, drops markup', () => {
    expect(readHtml('<p>Satu &amp; <b>dua</b></p><p>Tiga<br>empat&#8230;</p>').text).toBe('Satu & dua\n\nTiga\nempat…');
  });

  it('never shows the content of scripts, styles or templates', () => {
    expect(readHtml('<p>a</p><script>alert(1)</script><style>p{}</style><template><p>t</p></template><p>b</p>').text).toBe('a\n\nb');
  });

  it('finds the first safe image, resolved against the feed', () => {
    const base = 'https://diskominfo.example.go.id/feed/';
    expect(readHtml('<img src="javascript:x"><img src="/u/a.jpg"><img src="https://x/b.jpg">', { baseUrl: base }).image).toBe(
      'https://diskominfo.example.go.id/u/a.jpg',
    );
    expect(readHtml('<p>no image</p>').image).toBeNull();
  });

  it('can stop at the first image without reading the rest', () => {
    expect(readHtml('<img src="https://x.go.id/a.jpg"><p>long text</p>', { imageOnly: true })).toEqual({ image: 'https://x.go.id/a.jpg', text: '' });
  });
});
