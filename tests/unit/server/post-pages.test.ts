import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from './staff-client';
import { startKantor, type TestKantor } from './test-server';

/** The posts pages work as forms, without scripts: bad input comes back as typed, HTML is shown as text. */
describe('the posts pages', () => {
  let server: TestKantor;
  const editor = () => new StaffClient(server.origin);

  beforeAll(async () => {
    server = await startKantor('sqlite');
    await server.kantor.users.add('rina', 'editor', 'rahasia-rina-123', 'test');
    await server.kantor.users.add('kabid', 'approver', 'rahasia-kabid-123', 'test');
  }, 30_000);
  afterAll(() => server.stop());

  async function signedIn(name: string) {
    const client = editor();
    await client.signIn(name, `rahasia-${name}-123`);
    return client;
  }

  function form(client: StaffClient, fields: Record<string, string>, file?: Blob) {
    const data = new FormData();
    data.set('_csrf', client.csrf);
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    if (file) data.set('image_file', file, 'foto.jpg');
    return data;
  }

  it('keeps what was typed when the window ends before it starts, and escapes HTML', async () => {
    const rina = await signedIn('rina');
    await rina.page('/posts/new');
    const response = await rina.request('POST', '/posts/new', form(rina, { title: '<script>alert(1)</script>', valid_from: '2026-11-27T08:00', valid_until: '2026-11-26T08:00', caption_x_0: 'Teks X saya' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-code="window_order"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Teks X saya');
  });

  it('drafts with an image (EXIF gone), previews, and the approver approves from the page', async () => {
    const rina = await signedIn('rina');
    await rina.page('/posts/new');
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#b3261e' } }).withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '2/1 7/1 30/1' } }).jpeg().toBuffer();
    const created = await rina.request('POST', '/posts/new', form(rina, { title: 'SAIK 2019', caption_default_0: 'Mari!', platform_x: 'on', platform_instagram: 'on' }, new Blob([jpeg], { type: 'image/jpeg' })));
    expect(created.status).toBe(303);
    const location = created.headers.get('location')!;
    const page = await rina.page(location);
    expect(page.html).toContain('data-preview-platform="x"');
    const image = /src="\/images\/([0-9a-f]{64})"/.exec(page.html)![1]!;
    const served = await fetch(`${server.origin}/images/${image}`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();

    const version = /name="version" value="(\d+)"/.exec(page.html)![1]!;
    expect((await rina.post(`${location.split('?')[0]}/submit`, { version })).status).toBe(303);
    const kabid = await signedIn('kabid');
    const list = await kabid.page('/posts');
    expect(list.html).toMatch(/data-section="waiting">[\s\S]*SAIK 2019/);
    const view = await kabid.page(location.split('?')[0]!);
    expect(view.html).toContain('data-action="approve"');
    const approve = await kabid.post(`${location.split('?')[0]}/approve`, { version: /name="version" value="(\d+)"/.exec(view.html)![1]! });
    expect(approve.status).toBe(303);
    const feed = await (await fetch(`${server.origin}/feed.json`)).json();
    expect(feed.items.find((item: { title: string }) => item.title === 'SAIK 2019')).toMatchObject({ image: `${server.origin}/images/${image}`, _siar: { approved: true } });
  });

  it('refuses a file that is not an image with a sentence, keeping the rest', async () => {
    const rina = await signedIn('rina');
    await rina.page('/posts/new');
    const response = await rina.request('POST', '/posts/new', form(rina, { title: 'Judul tetap' }, new Blob(['<svg onload="alert(1)"/>'], { type: 'image/png' })));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-code="not_an_image"');
    expect(html).toContain('value="Judul tetap"');
  });
});
