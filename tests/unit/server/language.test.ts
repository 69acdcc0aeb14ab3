import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS, seedDemoUsers } from '../../../server/demo-users';
import { MESSAGES, message, type MessageKey } from '../../../server/i18n/messages';
import { DATABASES } from './databases';
import { StaffClient } from './staff-client';
import { startKantor, type TestKantor } from './test-server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !path.endsWith(join('i18n', 'messages.ts')) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** A sample value for every parameter a sentence names, so that each one can be said. */
const SAMPLE = new Proxy({}, { get: (_, name) => (name === 'n' || name === 'line' ? 2 : `«${String(name)}»`) });
const say = message as (lang: 'id' | 'en', key: MessageKey, params?: object) => string;

describe('the staff pages’ message catalogue (server/i18n/messages.ts)', () => {
  const keys = Object.keys(MESSAGES) as MessageKey[];

  it('has every sentence in Bahasa Indonesia and in English, neither empty', () => {
    for (const key of keys) {
      for (const lang of ['id', 'en'] as const) {
        const text = say(lang, key, SAMPLE);
        expect(text.trim(), `${key} (${lang})`).not.toBe('');
        expect(text, `${key} (${lang}) says every parameter`).not.toContain('undefined');
      }
    }
    // Most sentences differ between the languages; a page still in one language shows up here.
    const same = keys.filter((key) => say('id', key, SAMPLE) === say('en', key, SAMPLE));
    expect(same.sort()).toEqual(['dash.perPlatform', 'frame.audit', 'word.platform', 'word.status', 'word.unit']);
  });

  it('has no sentence that no page uses', () => {
    const code = sources(join(ROOT, 'server')).join('\n');
    // Keys built at run time: `csv.${reason}`, `status.${status}`, `health.step.${step}`, `health.why.${step}`.
    const dynamic = (key: string) => {
      const at = key.lastIndexOf('.');
      const prefix = key.slice(0, at + 1);
      return code.includes(`\`${prefix}\${`) && code.includes(`'${key.slice(at + 1)}'`);
    };
    const unused = keys.filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !dynamic(key));
    expect(unused).toEqual([]);
  });
});

describe.each(DATABASES)('the staff pages’ language on %s', (kind) => {
  let server: TestKantor;
  const [admin] = DEMO_USERS as [(typeof DEMO_USERS)[0]];
  const signedIn = async (acceptLanguage?: string) => {
    const client = new StaffClient(server.origin, acceptLanguage);
    expect((await client.signIn(admin.name, admin.password)).status).toBe(303);
    return client;
  };
  const language = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

  beforeAll(async () => {
    server = await startKantor(kind, { seedDemoPosts: true });
    await seedDemoUsers(server.kantor.users);
  });
  afterAll(() => server.stop());

  it('speaks Bahasa Indonesia by default, and to a browser asking for a language Siar does not have', async () => {
    for (const ask of [undefined, 'fr-FR,fr;q=0.9', 'id-ID,id;q=0.9,en;q=0.8']) {
      const client = await signedIn(ask);
      const { html } = await client.page('/dashboard');
      expect(language(html), String(ask)).toBe('id');
      expect(html).toContain(`<h1>${message('id', 'dash.heading')}</h1>`);
      expect(html).not.toContain(message('en', 'dash.heading'));
      // Nothing is said twice any more: no English beside the Indonesian.
      expect(html).not.toContain('lang="en">/');
      expect(html).not.toContain(message('en', 'dash.perUnitWhy'));
    }
  });

  it('speaks English to a browser that asks for it (Accept-Language), on every staff page', async () => {
    const client = await signedIn('en-US,en;q=0.9,id;q=0.5');
    const pages: [string, MessageKey][] = [
      ['/dashboard', 'dash.heading'],
      ['/posts', 'posts.waiting'],
      ['/posts/new', 'post.captions'],
      ['/people', 'people.import'],
      ['/account', 'account.submit'],
      ['/audit', 'audit.heading'],
      ['/', 'reports.goTo'],
    ];
    for (const [path, key] of pages) {
      const { status, html } = await client.page(path);
      expect(status, path).toBe(200);
      expect(language(html), path).toBe('en');
      expect(html, path).toContain(message('en', key));
      expect(html, path).not.toContain(message('id', key));
      expect(html, path).toContain(message('en', 'frame.signOut'));
    }
    const login = await new StaffClient(server.origin, 'en').page('/login');
    expect(language(login.html)).toBe('en');
    expect(login.html).toContain(message('en', 'login.intro'));
  });

  it('switches by the link in every page’s header: a cookie that outweighs Accept-Language, and back', async () => {
    const client = await signedIn('en-US,en;q=0.9');
    const english = await client.page('/posts');
    expect(language(english.html)).toBe('en');
    // The switch is a plain link (no script, no form): the other language, back to this page.
    const link = /<a href="([^"]+)" hreflang="id" lang="id" data-lang-switch="id">Bahasa Indonesia<\/a>/.exec(english.html);
    expect(link?.[1]).toBe('/lang/id?next=%2Fposts');
    expect(english.html).toContain('<strong lang="en" aria-current="true">English</strong>');

    const switched = await client.request('GET', link![1]!.replaceAll('&amp;', '&'));
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/posts');
    expect(switched.headers.getSetCookie().join('\n')).toMatch(/^lang=id; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/m);
    const indonesian = await client.page('/posts');
    expect(language(indonesian.html)).toBe('id');
    expect(indonesian.html).toContain(message('id', 'posts.waiting'));
    expect((await client.page('/dashboard')).html).toContain(message('id', 'dash.heading'));

    const back = /<a href="([^"]+)" hreflang="en" lang="en" data-lang-switch="en">English<\/a>/.exec(indonesian.html);
    expect(back?.[1]).toBe('/lang/en?next=%2Fposts');
    await client.request('GET', back![1]!);
    expect(language((await client.page('/posts')).html)).toBe('en');
  });

  it('keeps the page’s address and query through the switch, and never leaves the site', async () => {
    const client = await signedIn();
    const { html } = await client.page('/dashboard?from=2026-11-01&to=2026-11-02');
    expect(html).toContain('href="/lang/en?next=%2Fdashboard%3Ffrom%3D2026-11-01%26to%3D2026-11-02"');
    expect((await client.request('GET', '/lang/en?next=%2Fdashboard%3Ffrom%3D2026-11-01%26to%3D2026-11-02')).headers.get('location')).toBe('/dashboard?from=2026-11-01&to=2026-11-02');
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const answer = await client.request('GET', `/lang/en?next=${encodeURIComponent(next)}`);
      expect(answer.headers.get('location'), next).toBe('/dashboard');
    }
    expect((await client.request('GET', '/lang/fr')).status).toBe(400);
    // A form's answer (a POST) switches back to the form's page.
    await client.page('/account');
    const refused = await client.post('/account/password', { current: 'salah', password: 'x'.repeat(12), repeat: 'x'.repeat(12) });
    expect(await refused.text()).toMatch(/href="\/lang\/(id|en)\?next=%2Faccount"/);
  });

  it('says a post’s problems in the page’s language only, while the API keeps both', async () => {
    const client = await signedIn();
    await client.page('/posts/new');
    const form = () => {
      const data = new FormData();
      data.set('_csrf', client.csrf);
      for (const [key, value] of Object.entries({ title: 'Jendela terbalik', caption_default_0: 'Teks', valid_from: '2026-11-27T10:00', valid_until: '2026-11-26T10:00' })) data.set(key, value);
      return data;
    };
    const indonesian = await (await client.request('POST', '/posts/new', form())).text();
    expect(indonesian).toMatch(/data-code="window_order"[^>]*>Masa tayang berakhir/);
    expect(indonesian).not.toContain('The window ends');
    client.cookies.set('lang', 'en');
    await client.page('/posts/new');
    const english = await (await client.request('POST', '/posts/new', form())).text();
    expect(english).toMatch(/data-code="window_order"[^>]*>The window ends/);
    expect(english).not.toContain('Masa tayang berakhir');

    const api = await client.request('GET', '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: expect.stringContaining('no route') });
  });

  it('answers failures as a page in the reader’s language: sign in first, a missing page', async () => {
    const visitor = new StaffClient(server.origin, 'en');
    await visitor.page('/login');
    const refused = await visitor.post('/logout', {}, false);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(message('en', 'error.csrf'));
    visitor.cookies.set('lang', 'id');
    const missing = await visitor.request('GET', '/tidak-ada');
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(language(html)).toBe('id');
    expect(html).toContain(message('id', 'error.notFound'));
  });
});
