import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS, seedDemoUsers } from '../../../server/demo-users';
import { message } from '../../../server/i18n/messages';
import { DATABASES } from './databases';
import { makeReport } from './report-fixture';
import { StaffClient } from './staff-client';
import { nipOf, startKantor, type TestKantor } from './test-server';

// Real servers on real databases (scrypt, fsync) on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** Sign-in, sessions, CSRF, throttling and roles on every staff route, on both databases. */
describe.each(DATABASES)('staff pages on %s', (kind) => {
  let server: TestKantor;
  const [admin, editor, approver] = DEMO_USERS as [(typeof DEMO_USERS)[0], (typeof DEMO_USERS)[0], (typeof DEMO_USERS)[0]];
  const signedIn = async (user: { name: string; password: string }) => {
    const client = new StaffClient(server.origin);
    const answer = await client.signIn(user.name, user.password);
    expect(answer.status).toBe(303);
    return client;
  };

  beforeAll(async () => {
    server = await startKantor(kind, { openReports: true, seedDemoPosts: true });
    await seedDemoUsers(server.kantor.users);
  });
  beforeEach(async () => {
    await server.kantor.siar.db.deleteFrom('login_failures').execute();
  });
  afterAll(() => server.stop());

  it('sends a visitor to the sign-in page, and signs in with an HttpOnly, SameSite cookie', async () => {
    const visitor = new StaffClient(server.origin);
    const redirect = await visitor.request('GET', '/dashboard');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/login?next=%2Fdashboard');
    await visitor.page('/login');
    const answer = await visitor.post('/login', { name: admin.name, password: admin.password, next: '/dashboard' });
    expect(answer.status).toBe(303);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // loopback: plain http
    const dashboard = await visitor.page('/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.html).toContain(message('id', 'dash.heading'));
  });

  it('says "wrong name or password" in the reader’s language, and throttles an account after 5 failures', async () => {
    const client = new StaffClient(server.origin);
    await client.page('/login');
    const wrong = await client.post('/login', { name: editor.name, password: 'salah-sekali' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain(message('id', 'login.wrong'));
    expect(html).not.toContain(message('en', 'login.wrong'));
    const english = new StaffClient(server.origin, 'en-US,en;q=0.9');
    await english.page('/login');
    expect(await (await english.post('/login', { name: editor.name, password: 'salah-lagi' })).text()).toContain(message('en', 'login.wrong'));
    for (let i = 0; i < 3; i++) {
      await client.page('/login');
      await client.post('/login', { name: editor.name, password: `salah-${i}` });
    }
    // Even the right password waits now: the account is throttled.
    const other = new StaffClient(server.origin, 'en');
    await other.page('/login');
    const throttled = await other.post('/login', { name: editor.name, password: editor.password });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain(message('en', 'login.throttled'));
  });

  it('throttles an address that guesses many accounts', async () => {
    const client = new StaffClient(server.origin);
    for (let i = 0; i < 5; i++) {
      await client.page('/login');
      expect((await client.post('/login', { name: `tidak-ada-${i}`, password: 'x' })).status).toBe(401);
    }
    await client.page('/login');
    expect((await client.post('/login', { name: approver.name, password: approver.password })).status).toBe(429);
  });

  it('refuses a form without its CSRF token, or with another session’s', async () => {
    const client = await signedIn(admin);
    await client.page('/account');
    const without = await client.post('/account/password', { current: admin.password, password: 'x'.repeat(12), repeat: 'x'.repeat(12) }, false);
    expect(without.status).toBe(403);
    expect(await without.text()).toContain(message('id', 'error.csrf'));
    const other = await signedIn(editor);
    await other.page('/account');
    client.csrf = other.csrf;
    expect((await client.post('/account/password', { current: admin.password, password: 'x'.repeat(12), repeat: 'x'.repeat(12) })).status).toBe(403);
    const login = new StaffClient(server.origin);
    await login.page('/login');
    expect((await login.post('/login', { name: admin.name, password: admin.password }, false)).status).toBe(403);
  });

  it('lets a user change their password, and only with the current one', async () => {
    const user = { name: 'ganti', password: 'kata-sandi-lama' };
    await server.kantor.users.add(user.name, 'editor', user.password, 'test');
    const client = await signedIn(user);
    await client.page('/account');
    const wrong = await client.post('/account/password', { current: 'bukan-ini', password: 'kata-sandi-baru', repeat: 'kata-sandi-baru' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain(message('id', 'account.wrongPassword'));
    await client.page('/account');
    const short = await client.post('/account/password', { current: user.password, password: 'pendek', repeat: 'pendek' });
    expect(await short.text()).toContain('minimal 10 karakter');
    await client.page('/account');
    const changed = await client.post('/account/password', { current: user.password, password: 'kata-sandi-baru', repeat: 'kata-sandi-baru' });
    expect(changed.status).toBe(200);
    expect((await new StaffClient(server.origin).signIn(user.name, user.password)).status).toBe(401);
    expect((await new StaffClient(server.origin).signIn(user.name, 'kata-sandi-baru')).status).toBe(303);
  });

  it('signs out: the old cookie no longer opens a page', async () => {
    const client = await signedIn(approver);
    const cookie = client.cookie;
    await client.page('/dashboard');
    expect((await client.post('/logout')).status).toBe(303);
    client.cookie = cookie;
    expect((await client.request('GET', '/dashboard')).status).toBe(302);
  });

  // Every staff route, with the roles that may use it. A route added without a role check fails here.
  const ROUTES: { method: 'GET' | 'POST'; path: string; roles: string[] }[] = [
    { method: 'GET', path: '/', roles: ['admin', 'editor', 'approver'] },
    { method: 'GET', path: '/dashboard', roles: ['admin', 'editor', 'approver'] },
    { method: 'GET', path: '/dashboard.csv', roles: ['admin', 'editor', 'approver'] },
    { method: 'GET', path: '/account', roles: ['admin', 'editor', 'approver'] },
    { method: 'GET', path: '/people', roles: ['admin'] },
    { method: 'POST', path: '/people/import', roles: ['admin'] },
    { method: 'POST', path: `/people/${nipOf(9)}/revoke`, roles: ['admin'] },
    { method: 'POST', path: `/people/${nipOf(9)}/reissue`, roles: ['admin'] },
  ];

  it('checks roles on every staff route, on the server', async () => {
    const anonymous = new StaffClient(server.origin);
    await anonymous.page('/login');
    for (const route of ROUTES) {
      const answer = route.method === 'GET' ? await anonymous.request('GET', route.path) : await anonymous.post(route.path);
      expect([302, 401], `${route.method} ${route.path} without sign-in`).toContain(answer.status);
    }
    for (const user of [admin, editor, approver]) {
      const client = await signedIn(user);
      for (const route of ROUTES) {
        await client.page('/account');
        const answer = route.method === 'GET' ? await client.request('GET', route.path) : await client.post(route.path);
        const allowed = route.roles.includes(user.role);
        if (allowed) expect(answer.status, `${user.role} ${route.method} ${route.path}`).not.toBe(403);
        else expect(answer.status, `${user.role} ${route.method} ${route.path}`).toBe(403);
      }
    }
  });

  it('imports a CSV upload (multipart) and shows the links once; a bad file names its lines and imports nothing', async () => {
    const client = await signedIn(admin);
    await client.page('/people');
    const bad = new FormData();
    bad.set('_csrf', client.csrf);
    bad.set('file', new Blob([`${nipOf(11)},Budi,Unit\n123,Siti,Unit\n`], { type: 'text/csv' }), 'pegawai.csv');
    const refused = await client.request('POST', '/people/import', bad);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('data-line="2" data-reason="bad_nip"');
    expect(refusedHtml).toContain(message('id', 'people.nothingImported'));
    expect(refusedHtml).toContain(`${message('id', 'people.line', { line: 2 })}: ${message('id', 'csv.bad_nip')}: 123`);
    expect(await server.kantor.people.byNip(nipOf(11))).toBeUndefined();

    await client.page('/people');
    const good = new FormData();
    good.set('_csrf', client.csrf);
    good.set('file', new Blob([`nip,name,unit\n${nipOf(12)},"<b>Siti</b>",Humas\n`], { type: 'text/csv' }), 'pegawai.csv');
    const imported = await client.request('POST', '/people/import', good);
    expect(imported.status).toBe(200);
    const html = await imported.text();
    expect(html).toMatch(new RegExp(`${server.origin.replace(/[.:/]/g, '\\$&')}/daftar#[\\w-]{20,}`));
    expect(html).toContain('&lt;b&gt;Siti&lt;/b&gt;');
    expect(html).not.toContain('<b>Siti</b>');
  });

  it('escapes HTML in every field of the dashboard, and marks unverified reports', async () => {
    const nasty = '<script>alert(1)</script>';
    const r = makeReport({ item_id: nasty, reporter: { id: nasty, name: nasty, unit: nasty } });
    await fetch(`${server.origin}/api/v1/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reports: [r] }) });
    const client = await signedIn(editor);
    const date = r.shared_at.slice(0, 10);
    const { html } = await client.page(`/dashboard?date=${date}`);
    expect(html).not.toContain(nasty);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`<span class="badge">${message('id', 'word.unverified')}</span>`);
    const csv = await (await client.request('GET', `/dashboard.csv?date=${date}`)).text();
    expect(csv).toContain(r.id);
    expect((await client.request('GET', '/dashboard?date=2026-02-30')).status).toBe(400);
  });

  it('lists posts by title first, slug second', async () => {
    const r = makeReport({ item_id: 'saik-2019-pembukaan' });
    await fetch(`${server.origin}/api/v1/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reports: [r] }) });
    const client = await signedIn(editor);
    const { html } = await client.page(`/dashboard?date=${r.shared_at.slice(0, 10)}`);
    expect(html).toMatch(/SAIK 2019 dibuka di Pangkalpinang[^<]*<\/a><br\/?><small>saik-2019-pembukaan<\/small>/);
  });

  it('answers an unknown page with a page in the reader’s language, and /daftar explains the link', async () => {
    const missing = await fetch(`${server.origin}/tidak-ada`);
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).toContain(message('id', 'error.notFound'));
    const english = await fetch(`${server.origin}/tidak-ada`, { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } });
    expect(await english.text()).toContain(message('en', 'error.notFound'));
    const daftar = await (await fetch(`${server.origin}/daftar`)).text();
    expect(daftar).toContain(message('id', 'enroll.step3'));
    const enroll = await (await fetch(`${server.origin}/daftar`, { headers: { 'Accept-Language': 'en' } })).text();
    expect(enroll).toContain(message('en', 'enroll.step3'));
  });
});

describe('cookies off loopback', () => {
  it('are Secure when the server listens beyond loopback', async () => {
    const server = await startKantor('sqlite', { host: '0.0.0.0', trustProxy: '127.0.0.1' });
    try {
      await seedDemoUsers(server.kantor.users);
      const page = await server.app.inject({ method: 'GET', url: '/login', remoteAddress: '127.0.0.1', headers: { 'X-Forwarded-Proto': 'https' } });
      expect(page.headers['set-cookie']).toMatch(/Secure/);
    } finally {
      await server.stop();
    }
  });
});
