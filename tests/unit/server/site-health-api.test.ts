import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { countStep, EMPTY_SITE_HEALTH, type SiteHealthState } from '../../../lib/sites/site-check';
import { sendSiteHealth } from '../../../lib/sites/site-health-report';
import { DATABASES } from './databases';
import { clearTables, nipOf, startKantor, type TestKantor } from './test-server';

// Real servers on real databases on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const V = '0.1.0';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const at = (day: string, time: string) => `${day}T${time}:00.000Z`;

/** A body as lib/sites/site-health-report.ts builds it. */
function body(overrides: Record<string, unknown> = {}) {
  return {
    client: { name: 'siar', version: V },
    days: [
      {
        day: daysAgo(1),
        version: V,
        sites: { x: { composer: { ok: 4, fail: 0 }, caption: { ok: 4, fail: 0 } }, linkedin: { composer: { ok: 1, fail: 3 } } },
      },
    ],
    failing: [{ platform: 'linkedin', step: 'composer', since: at(daysAgo(1), '02:10') }],
    ...overrides,
  };
}

describe.each(DATABASES)('the site check at Siar Kantor on %s', (kind) => {
  let server: TestKantor;
  let tokens: [string, string];
  const post = (value: unknown, token: string | null = tokens[0], headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/v1/site-health`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof value === 'string' ? value : JSON.stringify(value),
    });
  const rows = () => server.kantor.siar.db.selectFrom('site_health_days').selectAll().orderBy('person_id').orderBy('platform').execute();
  const dashboard = async (lang?: string) => (await fetch(`${server.origin}/dashboard`, lang ? { headers: { Cookie: `lang=${lang}` } } : {})).text();

  beforeAll(async () => {
    server = await startKantor(kind, { openDashboard: true, timezone: 'Asia/Jakarta' });
  });
  beforeEach(async () => {
    await clearTables(server);
    const issued = await server.kantor.people.importCsv(`${nipOf(1)},Budi Santoso,Diskominfo\n${nipOf(2)},Siti Aminah,Humas\n`, 'test');
    const enrolled = [];
    for (const person of issued) {
      const result = await server.kantor.people.enroll(person.code);
      if (!result.ok) throw new Error(result.reason);
      enrolled.push(result.token);
    }
    tokens = enrolled as [string, string];
  });
  afterAll(() => server.stop());

  it('advertises itself at /.well-known/siar on its own origin', async () => {
    const response = await fetch(`${server.origin}/.well-known/siar`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const advertised = (await response.json()) as { site_health_url: string };
    expect(new URL(advertised.site_health_url, server.origin).href).toBe(`${server.origin}/api/v1/site-health`);
    const preflight = await fetch(`${server.origin}/api/v1/site-health`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('stores one person’s counters per day, version and site; a resend of the day replaces them', async () => {
    const first = await post(body());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 2 });
    expect(await rows()).toHaveLength(2);
    const later = body({
      days: [{ day: daysAgo(1), version: V, sites: { x: { composer: { ok: 5, fail: 0 }, caption: { ok: 5, fail: 0 } }, linkedin: { composer: { ok: 1, fail: 4 } } } }],
    });
    expect((await post(later)).status).toBe(200);
    expect((await post(later)).status).toBe(200);
    const stored = await rows();
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.platform === 'linkedin')).toMatchObject({ day: daysAgo(1), version: V, composer_ok: 1, composer_fail: 4, caption_ok: 0 });
    expect(stored.find((r) => r.platform === 'x')).toMatchObject({ composer_ok: 5, caption_ok: 5, publish_ok: 0, permalink_fail: 0 });
    const failing = await server.kantor.siar.db.selectFrom('site_health_failing').selectAll().execute();
    expect(failing).toEqual([expect.objectContaining({ version: V, platform: 'linkedin', step: 'composer', since: at(daysAgo(1), '02:10') })]);
  });

  it('keeps people apart and sums them on the dashboard: a failing step shows since when, in the office’s zone', async () => {
    expect(await dashboard()).not.toContain('data-site-health');
    await post(body());
    await post(
      body({
        days: [{ day: daysAgo(1), version: V, sites: { linkedin: { composer: { ok: 0, fail: 5 } } } }],
        failing: [{ platform: 'linkedin', step: 'composer', since: at(daysAgo(1), '05:00') }],
      }),
      tokens[1],
    );
    expect(await rows()).toHaveLength(3);
    const html = await dashboard();
    expect(html).toContain('data-site-health');
    expect(html).toContain('Kesehatan situs');
    // 02:10 UTC is 09:10 in Jakarta (UTC+7), on yesterday's date there.
    const local = new Date(Date.parse(at(daysAgo(1), '02:10')) + 7 * 3600_000).toISOString().slice(0, 10);
    expect(html).toContain(`Penyisipan di LinkedIn gagal sejak ${local} 09:10</strong> (versi ${V})`);
    expect(html).not.toContain('insertion on LinkedIn');
    const english = await dashboard('en');
    expect(english).toContain(`Insertion on LinkedIn failing since ${local} 09:10</strong> (version ${V})`);
    expect(english).toContain('8 failures · 2 people');
    expect(html).toContain('8 gagal · 2 orang');
    expect(html.match(/data-site-health-line=/g)).toHaveLength(1);
  });

  it('shows today’s failures by time only, and stops showing a step once it works again', async () => {
    const today = daysAgo(0);
    await post(body({ days: [{ day: today, version: V, sites: { x: { caption: { ok: 0, fail: 3 } } } }], failing: [{ platform: 'x', step: 'caption', since: new Date(Date.now() - 60_000).toISOString() }] }));
    const shown = await dashboard();
    expect(shown).toMatch(/Penyisipan di X gagal sejak \d\d:\d\d<\/strong>/);
    expect(shown).toContain('keterangan tidak terverifikasi');
    // The same person's Siar: the step worked again, so its list is empty now.
    await post(body({ days: [{ day: today, version: V, sites: { x: { caption: { ok: 1, fail: 3 } } } }], failing: [] }));
    expect(await dashboard()).not.toContain('data-site-health');
  });

  it('a later day’s success anyone counted ends what someone still lists as failing', async () => {
    await post(body({ days: [{ day: daysAgo(2), version: V, sites: { linkedin: { composer: { ok: 0, fail: 3 } } } }], failing: [{ platform: 'linkedin', step: 'composer', since: at(daysAgo(2), '02:10') }] }));
    expect(await dashboard()).toContain('data-site-health-line="linkedin"');
    await post(body({ days: [{ day: daysAgo(1), version: V, sites: { linkedin: { composer: { ok: 2, fail: 0 } } } }], failing: [] }), tokens[1]);
    expect(await dashboard()).not.toContain('data-site-health');
    // Another version failing is its own line.
    await post(body({ client: { name: 'siar', version: '0.2.0' }, days: [], failing: [{ platform: 'linkedin', step: 'composer', since: at(daysAgo(1), '03:00') }] }), tokens[1]);
    expect(await dashboard()).toContain('(versi 0.2.0)');
  });

  it('takes what the extension’s own sender sends, found through /.well-known/siar', async () => {
    const now = new Date();
    const state = [1, 2, 3].reduce<SiteHealthState>(
      (health, minute) => countStep(health, { version: V, platform: 'linkedin', step: 'composer', ok: false }, new Date(now.getTime() - (10 - minute) * 60_000)),
      EMPTY_SITE_HEALTH,
    );
    const sent = await sendSiteHealth(state, [{ origin: server.origin, token: tokens[0] }], V, now);
    // Only today so far: nothing is marked sent, and it goes again next time.
    expect(sent).toEqual({});
    expect(await rows()).toEqual([expect.objectContaining({ day: now.toISOString().slice(0, 10), platform: 'linkedin', composer_fail: 3 })]);
    expect(await dashboard()).toContain('Penyisipan di LinkedIn gagal sejak');
  });

  it('needs a person’s token: none 401, unknown 403, revoked 401, and stores nothing', async () => {
    const none = await post(body(), null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ reason: 'token_required', error: expect.stringContaining(' / ') });
    expect((await post(body(), 'siar_pt_not-a-real-token')).status).toBe(403);
    await server.kantor.people.revoke(nipOf(1), 'test');
    const revoked = await post(body());
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ reason: 'token_revoked', error: expect.stringMatching(/dicabut.* \/ .*revoked/) });
    expect(await rows()).toHaveLength(0);
  });

  it.each([
    ['a caption text', { ...body(), text: 'Siaran pers' }],
    ['a link in a site', body({ days: [{ day: daysAgo(1), version: V, sites: { x: { composer: { ok: 1, fail: 0 }, url: 'https://x.com/a/status/1' } } }] })],
    ['a reporter in the client', body({ client: { name: 'siar', version: V, reporter: 'Budi' } })],
    ['a link as a step’s count', body({ days: [{ day: daysAgo(1), version: V, sites: { x: { composer: { ok: 'https://x.com', fail: 0 } } } }] })],
    ['an unknown site', body({ days: [{ day: daysAgo(1), version: V, sites: { myspace: { composer: { ok: 1, fail: 0 } } } }] })],
    ['an unknown step', body({ failing: [{ platform: 'x', step: 'typing', since: at(daysAgo(1), '02:00') }] })],
    ['text as a version', body({ client: { name: 'siar', version: 'see https://evil.example' } })],
    ['a negative count', body({ days: [{ day: daysAgo(1), version: V, sites: { x: { composer: { ok: -1, fail: 0 } } } }] })],
    ['a day long gone', body({ days: [{ day: daysAgo(60), version: V, sites: { x: { composer: { ok: 1, fail: 0 } } } }] })],
    ['not JSON', '{"client":'],
  ])('refuses %s with 400 and a reason in both languages, storing nothing', async (_label, value) => {
    const response = await post(value);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/ \/ /);
    expect(await rows()).toHaveLength(0);
  });

  it('refuses another content type (415) and a body over its limit (413)', async () => {
    expect((await post(body(), tokens[0], { 'Content-Type': 'text/plain' })).status).toBe(415);
    const huge = body({ days: Array.from({ length: 100 }, () => ({ day: daysAgo(1), version: V, sites: { x: { composer: { ok: 1, fail: 0 } } }, pad: 'x'.repeat(1000) })) });
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ reason: 'too_large', error: expect.stringMatching(/Kiriman .* \/ The body/) });
    expect(await rows()).toHaveLength(0);
  });
});
