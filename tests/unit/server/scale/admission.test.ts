import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installAdmission } from '../../../../server/scale/admission';

/**
 * The report receiver's admission gate (server/scale/admission.ts), on a real HTTP server
 * whose report route waits until the test lets it answer: what is let in and what gets a
 * quick 503 before the server has measured any rate.
 */
describe('admission of report requests', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  async function gatedServer(minInFlight: number) {
    app = Fastify();
    installAdmission(app, { maxWaitMs: 2000, minInFlight, maxInFlight: 100, retryAfterSeconds: 5 });
    const waiting: (() => void)[] = [];
    app.post('/api/v1/shares', () => new Promise<{ ok: true }>((resolve) => waiting.push(() => resolve({ ok: true }))));
    app.get('/healthz', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    return { origin, waiting };
  }

  const post = (origin: string) => fetch(`${origin}/api/v1/shares`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('lets a burst of up to minInFlight in before any rate is measured, and turns the rest away at once with Retry-After', async () => {
    const { origin, waiting } = await gatedServer(8);
    const first = Array.from({ length: 8 }, () => post(origin));
    await expect.poll(() => waiting.length).toBe(8);
    const turnedAway = await Promise.all(Array.from({ length: 4 }, () => post(origin)));
    expect(turnedAway.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(turnedAway[0]!.headers.get('retry-after')).toBe('5');
    expect(await turnedAway[0]!.json()).toMatchObject({ reason: 'busy' });
    // Other routes are not gated.
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    waiting.forEach((answer) => answer());
    expect((await Promise.all(first)).map((r) => r.status)).toEqual(Array(8).fill(200));
    // Once those are answered, there is room again.
    const again = post(origin);
    await expect.poll(() => waiting.length).toBe(9);
    waiting[8]!();
    expect((await again).status).toBe(200);
  });
});
