import { describe, expect, it } from 'vitest';
import { parsePostInput, POST_LIMITS } from '../../../server/posts/post-input';
import { readWindowTime } from '../../../server/posts/office-zone';

const JAKARTA = 'Asia/Jakarta';

function parsed(input: Record<string, unknown>, zone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' = JAKARTA) {
  const result = parsePostInput({ title: 'Judul', ...input }, zone);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.post;
}

function problems(input: Record<string, unknown>) {
  const result = parsePostInput(input, JAKARTA);
  if (result.ok) throw new Error('accepted');
  return result.problems;
}

describe('parsePostInput', () => {
  it('keeps every field, normalised, with text stored exactly as typed', () => {
    const post = parsed({
      title: '  <b>SAIK</b> & "kita"  ',
      summary: '<script>alert(1)</script>',
      link: 'https://babel.antaranews.com/berita/1',
      image: 'img_1',
      captions: { default: 'Umum', x: ['satu', '', 'dua'], instagram: '' },
      hashtags: '#SAIK2019, ASNMilenial saik2019',
      platforms: ['x', 'instagram', 'x'],
      campaign: ' SAIK 2019 ',
      priority: '10',
      valid_from: '2026-11-26T08:00',
      valid_until: '2026-11-27T00:00',
    });
    expect(post).toEqual({
      title: '<b>SAIK</b> & "kita"',
      summary: '<script>alert(1)</script>',
      link: 'https://babel.antaranews.com/berita/1',
      image: 'img_1',
      captions: { default: ['Umum'], x: ['satu', 'dua'] },
      hashtags: ['SAIK2019', 'ASNMilenial'],
      platforms: ['x', 'instagram'],
      campaign: 'SAIK 2019',
      priority: 10,
      validFrom: '2026-11-26T01:00:00.000Z',
      validUntil: '2026-11-26T17:00:00.000Z',
    });
  });

  it('reads blank optional fields as absent, no platform ticked as every platform', () => {
    const post = parsed({ summary: '', link: '  ', campaign: '', platforms: [], priority: '', valid_from: '', valid_until: null });
    expect(post).toMatchObject({ link: null, campaign: null, platforms: null, priority: 0, validFrom: null, validUntil: null });
  });

  it.each([
    ['Asia/Jakarta', '2026-11-26T01:00:00.000Z'],
    ['Asia/Makassar', '2026-11-26T00:00:00.000Z'],
    ['Asia/Jayapura', '2026-11-25T23:00:00.000Z'],
  ] as const)('reads the window as wall-clock time in the office zone %s', (zone, instant) => {
    expect(parsed({ valid_from: '2026-11-26 08:00' }, zone).validFrom).toBe(instant);
  });

  it('takes a time with its own offset as it is', () => {
    expect(parsed({ valid_from: '2026-11-26T08:00:00+09:00' }).validFrom).toBe('2026-11-25T23:00:00.000Z');
  });

  it('refuses a window that ends before it starts, in both languages, on valid_until', () => {
    const [p] = problems({ title: 'x', valid_from: '2026-11-27T08:00', valid_until: '2026-11-26T17:00' });
    expect(p).toMatchObject({ code: 'window_order', field: 'valid_until' });
    expect(p!.id).toContain('27-11-2026 08:00 WIB');
    expect(p!.en).toContain('ends (26-11-2026 17:00 WIB) before it starts');
  });

  it('refuses an empty window (the same instant twice)', () => {
    expect(problems({ title: 'x', valid_from: '2026-11-27T08:00', valid_until: '2026-11-27T08:00' })[0]?.code).toBe('window_order');
  });

  it.each([
    [{ title: '' }, 'required', 'title'],
    [{}, 'required', 'title'],
    [{ title: 'x'.repeat(POST_LIMITS.title + 1) }, 'too_long', 'title'],
    [{ title: 'x', link: 'javascript:alert(1)' }, 'bad_link', 'link'],
    [{ title: 'x', link: 'http://example.go.id/' }, 'bad_link', 'link'],
    [{ title: 'x', hashtags: ['ok', 'no-dash'] }, 'bad_hashtag', 'hashtags'],
    [{ title: 'x', hashtags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, 'too_many', 'hashtags'],
    [{ title: 'x', platforms: ['x', 'myspace'] }, 'bad_platform', 'platforms'],
    [{ title: 'x', captions: { myspace: 'hi' } }, 'bad_platform', 'captions'],
    [{ title: 'x', captions: { x: ['a'.repeat(POST_LIMITS.caption + 1)] } }, 'too_long', 'captions.x.0'],
    [{ title: 'x', captions: { x: Array.from({ length: 11 }, (_, i) => `v${i}`) } }, 'too_many', 'captions.x'],
    [{ title: 'x', priority: 1.5 }, 'bad_priority', 'priority'],
    [{ title: 'x', priority: '1e9' }, 'bad_priority', 'priority'],
    [{ title: 'x', priority: 'tinggi' }, 'bad_priority', 'priority'],
    [{ title: 'x', valid_from: '2026-02-30T08:00' }, 'bad_datetime', 'valid_from'],
    [{ title: 'x', valid_until: 'besok' }, 'bad_datetime', 'valid_until'],
  ])('refuses %j with %s on %s', (input, code, field) => {
    expect(problems(input)).toContainEqual(expect.objectContaining({ code, field }));
  });

  it('reports every problem at once', () => {
    const list = problems({ title: '', link: 'ftp://x', priority: 'x' });
    expect(list.map((p) => p.field).sort()).toEqual(['link', 'priority', 'title']);
    for (const p of list) expect(p.id && p.en && p.id !== p.en).toBeTruthy();
  });

  it('refuses what is not an object', () => {
    expect(parsePostInput('judul', JAKARTA)).toMatchObject({ ok: false, problems: [{ code: 'not_an_object' }] });
  });
});

describe('readWindowTime', () => {
  it.each(['2026-13-01T08:00', '2026-11-26T24:00', '2026-11-26T08:60', '26-11-2026 08:00', ''])('refuses %s', (value) => {
    expect(readWindowTime(value, JAKARTA)).toBeNull();
  });
});
