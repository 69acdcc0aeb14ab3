// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeFeedHtml } from '@/lib/safe-html';

const BASE = 'https://diskominfo.example.go.id/feed/';

describe('sanitizeFeedHtml', () => {
  it('keeps article markup', () => {
    expect(sanitizeFeedHtml('<p>Isi <strong>penting</strong> &amp; <em>lain</em></p>')).toBe(
      '<p>Isi <strong>penting</strong> &amp; <em>lain</em></p>',
    );
  });

  it.each([
    ['a script', '<p>a</p><script>window.pwned = 1</script>'],
    ['an event handler', '<img src="https://x.go.id/a.png" onerror="window.pwned = 1">'],
    ['an svg onload', '<svg onload="window.pwned = 1"><circle r="1"/></svg>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a form', '<form action="https://evil.example/"><input name="nip"><button>Kirim</button></form>'],
    ['a style sheet', '<style>body{display:none}</style><p style="position:fixed">x</p>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['an object', '<object data="https://evil.example/x.swf"></object>'],
  ])('removes %s', (_label, html) => {
    const clean = sanitizeFeedHtml(html, BASE);
    expect(clean).not.toMatch(/<(script|svg|iframe|form|input|style|meta|object)/i);
    expect(clean).not.toMatch(/\son\w+=/i);
    expect(clean).not.toMatch(/style=/i);
  });

  it.each([
    ['javascript:', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['data:', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['plain http', '<a href="http://evil.example/">x</a>', '<a>x</a>'],
    [
      'a relative link, resolved against the feed',
      '<a href="/berita/1">x</a>',
      '<a href="https://diskominfo.example.go.id/berita/1" target="_blank" rel="noopener noreferrer">x</a>',
    ],
  ])('keeps links https only: %s', (_label, html, expected) => {
    expect(sanitizeFeedHtml(html, BASE)).toBe(expected);
  });

  it('drops images that are not https (and loopback http)', () => {
    const clean = sanitizeFeedHtml(
      '<img src="data:image/png;base64,AAAA"><img src="http://evil.example/p.png"><img src="/a.png" alt="ok"><img src="http://127.0.0.1:8787/b.png">',
      BASE,
    );
    const images = [...clean.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    expect(images).toEqual(['https://diskominfo.example.go.id/a.png', 'http://127.0.0.1:8787/b.png']);
  });
});
