import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASES } from './databases';
import { makeReport } from './report-fixture';
import { clearTables, nipOf, startKantor, type TestKantor } from './test-server';

// Real servers on real databases (scrypt, fsync) on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const report = makeReport;

describe.each(DATABASES)('POST /api/v1/shares on %s', (kind) => {
  let server: TestKantor;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/v1/shares`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rows = () => server.kantor.siar.db.selectFrom('reports').selectAll().orderBy('received_at').execute();

  /** Two people, enrolled with their codes: their tokens. */
  async function enrollTwo(): Promise<[string, string]> {
    const issued = await server.kantor.people.importCsv(`${nipOf(1)},Budi Santoso,Diskominfo\n${nipOf(2)},Siti Aminah,Humas\n`, 'test');
    const tokens = [];
    for (const person of issued) {
      const result = await server.kantor.people.enroll(person.code);
      if (!result.ok) throw new Error(result.reason);
      tokens.push(result.token);
    }
    return tokens as [string, string];
  }

  describe('open reports (the demo)', () => {
    beforeAll(async () => {
      server = await startKantor(kind, { openReports: true });
    });
    beforeEach(() => clearTables(server));
    afterAll(() => server.stop());

    it('stores a report and answers accepted; a resend is a duplicate, stored once', async () => {
      const r = report();
      const first = await post({ reports: [r] });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
      const again = await post({ reports: [r, r] });
      expect(await again.json()).toEqual({ accepted: [], duplicate: [r.id, r.id], rejected: [] });
      expect(await rows()).toHaveLength(1);
      expect((await rows())[0]).toMatchObject({ id: r.id, reporter_name: 'Budi Santoso', post_url: r.post_url, verified: 0 });
    });

    it('the same new id twice in one request: accepted once, then a duplicate', async () => {
      const r = report();
      expect(await (await post({ reports: [r, r] })).json()).toEqual({ accepted: [r.id], duplicate: [r.id], rejected: [] });
    });

    it('rejects an id reused for a different share', async () => {
      const r = report();
      await post({ reports: [r] });
      const answer = await (await post({ reports: [{ ...r, platform: 'facebook' }] })).json();
      expect(answer.rejected).toEqual([{ id: r.id, reason: expect.stringContaining('different share') }]);
      expect(await rows()).toHaveLength(1);
    });

    it.each([
      ['not JSON', '{"reports": ['],
      ['no reports', { reports: [] }],
      ['over 100 reports', { reports: Array.from({ length: 101 }, () => report()) }],
      ['a missing field', { reports: [{ ...report(), post_url: undefined }] }],
      ['a bad platform', { reports: [report({ platform: 'myspace' })] }],
      ['a bad id', { reports: [report({ id: 'not-a-uuid' })] }],
      ['a number for a string', { reports: [report({ item_id: 42 })] }],
    ])('answers 400 for %s and stores nothing', async (_label, body) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer.issues.length).toBeGreaterThan(0);
      expect(await rows()).toHaveLength(0);
    });

    it('names the field path of a validation error', async () => {
      const answer = await (await post({ reports: [report(), report({ reporter: { id: 1, name: '', unit: '' } })] })).json();
      expect(answer.issues).toContainEqual({ path: 'reports.1.reporter.id', message: expect.any(String) });
      const missing = await (await post({ reports: [{ ...report(), client: undefined }] })).json();
      expect(missing.issues).toContainEqual({ path: 'reports.0.client', message: expect.any(String) });
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const response = await post({ reports: [report({ item_id: 'x'.repeat(1024 * 1024) })] });
      expect(response.status).toBe(413);
      expect(await rows()).toHaveLength(0);
    });

    it('answers 415 to a body that is not application/json', async () => {
      const response = await post(JSON.stringify({ reports: [report()] }), { 'Content-Type': 'text/plain' });
      expect(response.status).toBe(415);
      expect(await rows()).toHaveLength(0);
    });

    it('rejects a shared_at in the future or over 30 days old, per report', async () => {
      const ok = report();
      const future = report({ shared_at: new Date(Date.now() + 10 * 60_000).toISOString() });
      const old = report({ shared_at: new Date(Date.now() - 31 * 86400_000).toISOString() });
      const answer = await (await post({ reports: [ok, future, old] })).json();
      expect(answer).toEqual({
        accepted: [ok.id],
        duplicate: [],
        rejected: [
          { id: future.id, reason: 'shared_at_out_of_range' },
          { id: old.id, reason: 'shared_at_out_of_range' },
        ],
      });
    });

    it('stores HTML- and SQL-looking text exactly as typed', async () => {
      const nasty = `<script>alert(1)</script>'); DROP TABLE reports; --`;
      const r = report({ item_id: nasty, reporter: { id: nasty, name: nasty, unit: nasty }, client: { name: nasty, version: '"\\' } });
      expect((await post({ reports: [r] })).status).toBe(200);
      expect((await rows())[0]).toMatchObject({ item_id: nasty, reporter_id: nasty, reporter_name: nasty, reporter_unit: nasty, client_version: '"\\' });
    });

    it('answers JSON 404 for an unknown API route', async () => {
      const response = await fetch(`${server.origin}/api/v1/nothing`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ error: expect.stringContaining('/api/v1/nothing') });
    });

    it('answers 503 with Retry-After when the write queue is full, and stores nothing it did not accept', async () => {
      const small = await startKantor(kind, { openReports: true, maxQueuedReports: 3 });
      try {
        // Hold the reports table, so that batches wait in the queue as under a slow disk.
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const hold = small.kantor.siar.db.transaction().execute(async (trx) => {
          if (kind === 'postgres') await sql`LOCK TABLE reports IN EXCLUSIVE MODE`.execute(trx);
          else await trx.selectFrom('reports').select('id').execute();
          locked();
          await held;
        });
        await isLocked;
        const sent = Array.from({ length: 6 }, () =>
          fetch(`${small.origin}/api/v1/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reports: [report(), report()] }) }),
        );
        const busy = await Promise.race([Promise.any(sent.map(async (p) => ((await p).status === 503 ? p : Promise.reject(new Error('not 503'))))), new Promise((r) => setTimeout(r, 5000))]);
        release();
        await hold;
        const answers = await Promise.all(sent);
        expect(busy).toBeInstanceOf(Response);
        expect((busy as Response).headers.get('retry-after')).toMatch(/^\d+$/);
        expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
        const accepted = (await Promise.all(answers.filter((a) => a.status === 200).map((a) => a.json()))).flatMap((a) => a.accepted);
        const stored = await small.kantor.siar.db.selectFrom('reports').select('id').execute();
        expect(stored.map((r) => r.id).sort()).toEqual(accepted.sort());
      } finally {
        await small.stop();
      }
    });
  });

  describe('personal tokens (PROTOCOL §6)', () => {
    beforeAll(async () => {
      server = await startKantor(kind);
    });
    beforeEach(() => clearTables(server));
    afterAll(() => server.stop());

    it('asks for a token, refuses an unknown one, and stores the token’s person, not the body’s', async () => {
      const [budi] = await enrollTwo();
      expect((await post({ reports: [report()] })).status).toBe(401);
      expect((await post({ reports: [report()] }, { Authorization: 'Bearer salah' })).status).toBe(403);
      const r = report({ reporter: { id: nipOf(1), name: 'Nama Lain', unit: 'Unit Lain' } });
      expect(await (await post({ reports: [r] }, { Authorization: `Bearer ${budi}` })).json()).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
      expect((await rows())[0]).toMatchObject({ reporter_id: nipOf(1), reporter_name: 'Budi Santoso', reporter_unit: 'Diskominfo', verified: 1 });
    });

    it('a second person’s token cannot report as the first', async () => {
      const [, siti] = await enrollTwo();
      const asBudi = report({ reporter: { id: nipOf(1), name: 'Budi Santoso', unit: 'Diskominfo' } });
      const asSiti = report({ reporter: { id: nipOf(2), name: 'Siti Aminah', unit: 'Humas' } });
      const answer = await (await post({ reports: [asBudi, asSiti] }, { Authorization: `Bearer ${siti}` })).json();
      expect(answer).toEqual({ accepted: [asSiti.id], duplicate: [], rejected: [{ id: asBudi.id, reason: 'reporter_mismatch' }] });
      expect((await rows()).map((r) => r.reporter_id)).toEqual([nipOf(2)]);
    });

    it('a revoked person’s token gets 401, at once', async () => {
      const [budi] = await enrollTwo();
      expect((await post({ reports: [report({ reporter: { id: nipOf(1), name: '', unit: '' } })] }, { Authorization: `Bearer ${budi}` })).status).toBe(200);
      await server.kantor.people.revoke(nipOf(1), 'test');
      const refused = await post({ reports: [report()] }, { Authorization: `Bearer ${budi}` });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ reason: 'token_revoked' });
      expect(await rows()).toHaveLength(1);
    });

    it('keeps the legacy shared token off unless the setting is on, and marks its reports unverified', async () => {
      expect((await post({ reports: [report()] }, { Authorization: 'Bearer lama' })).status).toBe(403);
      const legacy = await startKantor(kind, { tokens: new Set(['lama']) });
      try {
        const r = report();
        const response = await fetch(`${legacy.origin}/api/v1/shares`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer lama' },
          body: JSON.stringify({ reports: [r] }),
        });
        expect(response.status).toBe(200);
        const stored = await legacy.kantor.siar.db.selectFrom('reports').selectAll().execute();
        expect(stored).toMatchObject([{ id: r.id, verified: 0, person_id: null }]);
      } finally {
        await legacy.stop();
      }
    });
  });
});
