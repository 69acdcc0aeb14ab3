import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '@/lib/feed/safe-url';
import { EMPTY_FORM, originsToRequest, subscriptionFromForm } from '@/lib/feed/subscription-form';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('the add-a-feed form', () => {
  it('keeps what was filled in, in the shape of docs/protocol.md §1', () => {
    const result = subscriptionFromForm(
      {
        url: ' https://Diskominfo.Example.go.id/feed/ ',
        publicKey: ` ${KEY.slice(0, 20)}\n${KEY.slice(20)} `,
        name: ' Diskominfo Contoh ',
        timezone: 'Asia/Jayapura',
        hashtags: '#PemkotContoh, Humas  #humas',
        reportUrl: 'https://laporan.example.go.id/api/v1/shares',
      },
      [],
    );
    expect(result).toEqual({
      ok: true,
      subscription: {
        url: 'https://diskominfo.example.go.id/feed/',
        public_key: KEY,
        name: 'Diskominfo Contoh',
        timezone: 'Asia/Jayapura',
        hashtags: ['PemkotContoh', 'Humas'],
        report_url: 'https://laporan.example.go.id/api/v1/shares',
      },
    });
  });

  it('leaves empty optional fields out', () => {
    expect(subscriptionFromForm({ ...EMPTY_FORM, url: 'http://127.0.0.1:8787/feed.json' }, [])).toEqual({
      ok: true,
      subscription: { url: 'http://127.0.0.1:8787/feed.json' },
    });
  });

  it.each([
    ['an http address off loopback', { url: 'http://diskominfo.example.go.id/feed' }, 'url', 'feedUrlInvalid'],
    ['a javascript: address', { url: 'javascript:alert(1)' }, 'url', 'feedUrlInvalid'],
    ['a feed already subscribed', { url: 'https://a.go.id/feed' }, 'url', 'feedUrlDuplicate'],
    ['a key of 31 bytes', { url: 'https://b.go.id/feed', publicKey: Buffer.alloc(31).toString('base64') }, 'publicKey', 'feedKeyInvalid'],
    ['a key that is not base64', { url: 'https://b.go.id/feed', publicKey: 'kunci-rahasia!' }, 'publicKey', 'feedKeyInvalid'],
    ['an insecure report receiver', { url: 'https://b.go.id/feed', reportUrl: 'http://laporan.example.go.id/' }, 'reportUrl', 'feedReportUrlInvalid'],
  ])('refuses %s with a sentence', (_label, fields, field, error) => {
    expect(subscriptionFromForm({ ...EMPTY_FORM, ...fields }, ['https://a.go.id/feed'])).toEqual({ ok: false, field, error });
  });

  it('asks for the feed’s and the receiver’s origins, never for loopback', () => {
    expect(
      originsToRequest({ url: 'https://a.go.id/feed', report_url: 'https://lapor.go.id/api' }, isLoopbackHost),
    ).toEqual(['https://a.go.id/*', 'https://lapor.go.id/*']);
    expect(originsToRequest({ url: 'http://127.0.0.1:8787/feed.json' }, isLoopbackHost)).toEqual([]);
  });
});
