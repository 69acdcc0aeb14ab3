import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { countStep, EMPTY_SITE_HEALTH, failingSteps, outdatedSites, type SiteHealthState } from '@/lib/sites/site-check';
import { buildSiteHealthBody, sendSiteHealth } from '@/lib/sites/site-health-report';

const V = '1.2.0';
const at = (iso: string) => new Date(iso);

function counted(steps: [string, Parameters<typeof countStep>[1]['step'], boolean][]): SiteHealthState {
  return steps.reduce<SiteHealthState>((state, [when, step, ok]) => countStep(state, { version: V, platform: 'linkedin', step, ok }, at(when)), EMPTY_SITE_HEALTH);
}

describe('site check counters', () => {
  it('counts per version, site and step; three failures in a row make the site out of date; a success ends it', () => {
    let state = counted([
      ['2026-12-01T02:00:00Z', 'composer', true],
      ['2026-12-01T02:10:00Z', 'composer', false],
      ['2026-12-01T02:11:00Z', 'composer', false],
    ]);
    expect(failingSteps(state, V, 'linkedin')).toEqual([]);
    state = countStep(state, { version: V, platform: 'linkedin', step: 'composer', ok: false }, at('2026-12-01T02:12:00Z'));
    expect(failingSteps(state, V, 'linkedin')).toEqual(['composer']);
    expect(outdatedSites(state, V)).toEqual(['linkedin']);
    expect(outdatedSites(state, '1.3.0')).toEqual([]);
    expect(state.versions[V]!.linkedin!.composer).toEqual({ ok: 1, fail: 3, streak: 3, failingSince: '2026-12-01T02:10:00.000Z' });
    state = countStep(state, { version: V, platform: 'linkedin', step: 'composer', ok: true }, at('2026-12-01T03:00:00Z'));
    expect(outdatedSites(state, V)).toEqual([]);
    expect(state.days['2026-12-01']![V]!.linkedin!.composer).toEqual({ ok: 2, fail: 3 });
  });

  it('builds the body from the days not sent yet and today so far, with the steps failing now; no text, no links', () => {
    const state = counted([
      ['2026-11-30T09:00:00Z', 'caption', true],
      ['2026-12-01T09:10:00Z', 'caption', false],
      ['2026-12-01T09:11:00Z', 'caption', false],
      ['2026-12-01T09:12:00Z', 'caption', false],
      ['2026-12-02T01:00:00Z', 'caption', false],
    ]);
    const body = buildSiteHealthBody(state, V, '', at('2026-12-02T03:00:00Z'))!;
    expect(body.days.map((day) => day.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(body.days[1]).toEqual({ day: '2026-12-01', version: V, sites: { linkedin: { caption: { ok: 0, fail: 3 } } } });
    expect(body.days[2]).toEqual({ day: '2026-12-02', version: V, sites: { linkedin: { caption: { ok: 0, fail: 1 } } } });
    expect(body.failing).toEqual([{ platform: 'linkedin', step: 'caption', since: '2026-12-01T09:10:00.000Z' }]);
    expect(buildSiteHealthBody(state, V, '2026-12-01', at('2026-12-02T03:00:00Z'))!.days.map((day) => day.day)).toEqual(['2026-12-02']);
    expect(buildSiteHealthBody(state, V, '2026-12-02', at('2026-12-03T03:00:00Z'))).toBeNull();
  });
});

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real receiver on 127.0.0.1: advertises the site check (or not), records what it gets. */
async function receiver(advertise: boolean, status = 200): Promise<{ origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/.well-known/siar' && advertise) {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ site_health_url: '/api/v1/site-health' }));
      }
      if (request.url === '/api/v1/site-health' && request.method === 'POST') {
        response.writeHead(status, { 'content-type': 'application/json' });
        return response.end('{}');
      }
      response.writeHead(404);
      response.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('sending the site check to the office', () => {
  const state = counted([
    ['2026-12-01T09:10:00Z', 'composer', true],
    ['2026-12-01T09:11:00Z', 'publish', false],
  ]);
  const now = at('2026-12-02T03:00:00Z');

  it('posts the finished days to receivers that advertise it; the token only to its own origin', async () => {
    const office = await receiver(true);
    const other = await receiver(true);
    const silent = await receiver(false);
    const sent = await sendSiteHealth(
      state,
      [
        { origin: office.origin, token: 'office-token' },
        { origin: other.origin, token: '' },
        { origin: silent.origin, token: '' },
      ],
      V,
      now,
    );
    expect(sent).toEqual({ [office.origin]: '2026-12-01', [other.origin]: '2026-12-01' });

    const post = office.seen.find((request) => request.method === 'POST')!;
    expect(post.path).toBe('/api/v1/site-health');
    expect(post.headers.authorization).toBe('Bearer office-token');
    expect(post.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post.body)).toEqual({
      client: { name: 'siar', version: V },
      days: [{ day: '2026-12-01', version: V, sites: { linkedin: { composer: { ok: 1, fail: 0 }, publish: { ok: 0, fail: 1 } } } }],
      failing: [],
    });
    // The well-known lookup never carries the token; the other office never sees it.
    expect(office.seen.find((request) => request.path === '/.well-known/siar')!.headers.authorization).toBeUndefined();
    expect(other.seen.every((request) => request.headers.authorization === undefined)).toBe(true);
    expect(other.seen.some((request) => request.method === 'POST')).toBe(true);
    expect(silent.seen.map((request) => request.method)).toEqual(['GET']);
  });

  it('marks only finished days sent: today goes again with its later counts', async () => {
    const office = await receiver(true);
    const today = countStep(state, { version: V, platform: 'x', step: 'caption', ok: true }, at('2026-12-02T01:00:00Z'));
    expect(await sendSiteHealth(today, [{ origin: office.origin, token: '' }], V, now)).toEqual({ [office.origin]: '2026-12-01' });
    const again = await sendSiteHealth({ ...today, sentUntil: { [office.origin]: '2026-12-01' } }, [{ origin: office.origin, token: '' }], V, now);
    expect(again).toEqual({ [office.origin]: '2026-12-01' });
    const posts = office.seen.filter((request) => request.method === 'POST').map((request) => JSON.parse(request.body).days.map((day: { day: string }) => day.day));
    expect(posts).toEqual([['2026-12-01', '2026-12-02'], ['2026-12-02']]);
  });

  it('sends a day once; a receiver that refuses gets it again next time', async () => {
    const office = await receiver(true, 503);
    const first = await sendSiteHealth(state, [{ origin: office.origin, token: '' }], V, now);
    expect(first).toEqual({});
    const ok = await receiver(true);
    const sent = await sendSiteHealth({ ...state, sentUntil: { [ok.origin]: '2026-12-01' } }, [{ origin: ok.origin, token: '' }], V, now);
    expect(sent).toEqual({ [ok.origin]: '2026-12-01' });
    expect(ok.seen).toEqual([]);
  });

  it('ignores an advertised address on another origin', async () => {
    const office = await receiver(false);
    const seen: string[] = [];
    const fakeWellKnown: typeof fetch = async (input, init) => {
      seen.push(String(input));
      if (String(input).endsWith('/.well-known/siar')) return new Response(JSON.stringify({ site_health_url: 'https://collector.example/health' }), { status: 200 });
      return fetch(input, init);
    };
    expect(await sendSiteHealth(state, [{ origin: office.origin, token: 't' }], V, now, fakeWellKnown)).toEqual({});
    expect(seen).toEqual([`${office.origin}/.well-known/siar`]);
  });
});
